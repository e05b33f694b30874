package dev.quarry.processor.safety;

import dev.quarry.processor.config.Check;
import dev.quarry.processor.config.MigrationFormat;
import dev.quarry.processor.database.RoleGuard;
import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.diagnostics.Severity;
import dev.quarry.processor.diagnostics.SourceLocation;
import dev.quarry.processor.migration.Migration;
import dev.quarry.processor.migration.MigrationRunner;
import dev.quarry.processor.migration.SchemaListing;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The down round trip: on the database that holds every applied migration, run every down part in
 * reverse, then every up part again, and compare the schema at each step, so that a down part that
 * does not undo its up part is found at build time rather than during a rollback. The schema after
 * down part {@code j} must equal the schema after up parts up to {@code j - 1} when they are
 * applied again; the last mismatch names the down part that left something behind or removed too
 * much.
 *
 * <p>A migration marked {@code -- quarry:allow down} is one that cannot be undone: the round trip
 * covers only the migrations after the last such one (and Flyway's repeatable migrations, which
 * have no undo, stay applied throughout). It runs last, because it changes the database; when it
 * passes the database holds the same schema again.
 */
final class DownRoundTrip {
  private static final int SHOWN_DIFFERENCES = 6;

  private final Diagnostics diagnostics;
  private final MigrationDirectives directives;
  private final RoleGuard roles;

  DownRoundTrip(Diagnostics diagnostics, MigrationDirectives directives, RoleGuard roles) {
    this.roles = roles;
    this.diagnostics = diagnostics;
    this.directives = directives;
  }

  void check(Connection connection, List<Migration> applied) throws SQLException {
    List<Migration> versioned =
        applied.stream()
            .filter(m -> !(m.format() == MigrationFormat.FLYWAY && m.version().isEmpty()))
            .toList();
    if (versioned.isEmpty() || !versioned.get(0).format().hasDownParts()) {
      return;
    }
    int first = versioned.size();
    while (first > 0) {
      Migration m = versioned.get(first - 1);
      if (directives.level(Check.DOWN, m) == Check.Level.OFF) {
        break;
      }
      if (m.down() == null) {
        finding(m, m.file().start(), Message.DOWN_MISSING);
        return;
      }
      first--;
    }
    List<Migration> covered = versioned.subList(first, versioned.size());
    if (covered.isEmpty()) {
      return;
    }
    String top = SchemaListing.of(connection);
    // afterDown.get(j): the schema after the down part of covered.get(j).
    List<String> afterDown = new ArrayList<>();
    for (int j = covered.size() - 1; j >= 0; j--) {
      Migration m = covered.get(j);
      if (!run(connection, m, downOf(m), Message.Phrase.DOWN_PART_FAILED)) {
        return;
      }
      afterDown.add(0, SchemaListing.of(connection));
    }
    List<String> afterUp = new ArrayList<>();
    for (Migration m : covered) {
      if (!run(connection, m, m, Message.Phrase.UP_AGAIN_FAILED)) {
        return;
      }
      afterUp.add(SchemaListing.of(connection));
    }
    for (int j = covered.size() - 1; j >= 1; j--) {
      if (!afterUp.get(j - 1).equals(afterDown.get(j))) {
        Migration m = covered.get(j);
        finding(
            m,
            location(downOf(m)),
            Message.DOWN_DOES_NOT_UNDO,
            differences(afterUp.get(j - 1), afterDown.get(j)));
        return;
      }
    }
    if (!afterUp.get(covered.size() - 1).equals(top)) {
      Migration m = covered.get(0);
      finding(
          m,
          location(downOf(m)),
          Message.DOWN_UP_AGAIN_DIFFERS,
          differences(top, afterUp.get(covered.size() - 1)));
    }
  }

  /** Runs {@code part} of {@code migration}, moving the runner's failure into a finding. */
  private boolean run(
      Connection connection, Migration migration, Migration part, Message.Phrase failure)
      throws SQLException {
    Diagnostics scratch = new Diagnostics();
    if (new MigrationRunner(scratch, roles)
        .run(connection, part, failure, Message.Phrase.FIX_DOWN_PART, 0)) {
      return true;
    }
    for (Diagnostic d : scratch.all()) {
      add(migration, d.location(), Message.DOWN_PART_FAILED, d.message());
    }
    return false;
  }

  private void finding(
      Migration migration, SourceLocation location, Message message, Object... arguments) {
    Object[] all = new Object[arguments.length + 1];
    all[0] = migration.displayName();
    System.arraycopy(arguments, 0, all, 1, arguments.length);
    add(migration, location, message, all);
  }

  private void add(
      Migration migration,
      @Nullable SourceLocation location,
      Message message,
      Object... arguments) {
    switch (directives.level(Check.DOWN, migration)) {
      case ERROR -> diagnostics.report(Severity.ERROR, message, location, arguments);
      case WARNING -> diagnostics.report(Severity.WARNING, message, location, arguments);
      case OFF -> {}
    }
  }

  /** The down part of a migration the round trip covers: it has one, checked first. */
  private static Migration downOf(Migration m) {
    return Objects.requireNonNull(m.down(), "a covered migration has a down part");
  }

  private static SourceLocation location(Migration down) {
    return down.statements().isEmpty()
        ? down.file().start()
        : down.file().locationOf(down.statements().get(0).start());
  }

  /** The lines only one side has, e.g. {@code left behind: " bio text,"}. */
  static String differences(String expected, String actual) {
    Set<String> want = new LinkedHashSet<>(expected.lines().map(String::strip).toList());
    Set<String> got = new LinkedHashSet<>(actual.lines().map(String::strip).toList());
    List<String> parts = new ArrayList<>();
    got.stream()
        .filter(l -> !want.contains(l))
        .limit(SHOWN_DIFFERENCES)
        .forEach(l -> parts.add("left behind: " + l));
    want.stream()
        .filter(l -> !got.contains(l))
        .limit(SHOWN_DIFFERENCES)
        .forEach(l -> parts.add("missing: " + l));
    return parts.isEmpty()
        ? "the order of columns or objects differs"
        : parts.stream().collect(Collectors.joining("; "));
  }
}
