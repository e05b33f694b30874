package dev.quarry.processor.safety;

import dev.quarry.processor.analysis.QueryAnalyzer;
import dev.quarry.processor.config.Check;
import dev.quarry.processor.config.MigrationOptions;
import dev.quarry.processor.database.RoleGuard;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.diagnostics.Severity;
import dev.quarry.processor.migration.Migration;
import dev.quarry.processor.migration.SchemaHistory;
import dev.quarry.processor.migration.SchemaListing;
import dev.quarry.processor.query.QueryFile;
import dev.quarry.processor.source.CommittedFile;
import dev.quarry.processor.source.SourceReader;
import dev.quarry.processor.syntax.QueryDeclaration;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The migration safety stage, run once the migrations are applied and the queries analysed: lock
 * risks in each migration, the previous release's queries against the new schema (expand/contract),
 * the schema snapshot, and last the down round trip (which changes the database and puts it back).
 * Each check's level comes from {@code quarry.checks} and from {@code -- quarry:allow} / {@code --
 * quarry:check} comments in a migration.
 */
public final class MigrationChecks {
  private static final String SNAPSHOT_HEADER =
      "-- Schema snapshot: the schema the migrations build, written by Quarry (-Aquarry.snapshot).\n"
          + "-- Do not edit; commit it, so that a pull request shows its schema change in this file's diff.\n\n";

  private static final String RECORD_HEADER =
      "-- The queries of this build, written by Quarry (-Aquarry.recordQueries). At a release, copy this file\n"
          + "-- to the path given with -Aquarry.previousQueries and commit it: the next release's build then\n"
          + "-- checks that its migrations do not break the queries still running during a rolling deploy.\n";

  private final MigrationOptions options;
  private final SourceReader sources;
  private final Diagnostics diagnostics;
  private final MigrationDirectives directives;

  public MigrationChecks(MigrationOptions options, SourceReader sources, Diagnostics diagnostics) {
    this.options = options;
    this.sources = sources;
    this.diagnostics = diagnostics;
    this.directives = new MigrationDirectives(options.checks(), diagnostics);
  }

  /**
   * Runs the checks on the database that holds {@code applied}; returns the schema snapshot text
   * when {@code quarry.snapshot} is set, for {@link #writeSnapshot} once the build has no error.
   */
  public Optional<String> run(
      Connection connection, List<Migration> applied, SchemaHistory history, QueryAnalyzer analyzer)
      throws SQLException {
    return run(connection, applied, history, analyzer, RoleGuard.NONE);
  }

  /**
   * @param roles how the down round trip's migrations create roles: the schema database's {@code
   *     roles()}, so that roles re-created on a shared server are dropped at the end too
   */
  public Optional<String> run(
      Connection connection,
      List<Migration> applied,
      SchemaHistory history,
      QueryAnalyzer analyzer,
      RoleGuard roles)
      throws SQLException {
    checkLockRisks(history);
    if (options.previousQueries() != null) {
      new ExpandContractCheck(sources, diagnostics, directives, applied)
          .check(options.previousQueries(), analyzer);
    }
    Optional<String> snapshot =
        options.snapshot() == null
            ? Optional.empty()
            : Optional.of(SNAPSHOT_HEADER + SchemaListing.of(connection));
    boolean downAnywhere =
        options.level(Check.DOWN) != Check.Level.OFF
            || applied.stream().anyMatch(m -> directives.level(Check.DOWN, m) != Check.Level.OFF);
    if (downAnywhere) {
      new DownRoundTrip(diagnostics, directives, roles).check(connection, applied);
    }
    return snapshot;
  }

  private void checkLockRisks(SchemaHistory history) {
    for (int i = 0; i < history.steps().size(); i++) {
      SchemaHistory.Step step = history.steps().get(i);
      Migration migration = step.migration();
      Check.Level level = directives.level(Check.LOCK_RISK, migration);
      if (level == Check.Level.OFF) {
        continue;
      }
      var before = i == 0 ? history.baseline() : history.steps().get(i - 1).after();
      for (LockRiskCheck.Finding finding : LockRiskCheck.check(migration, before, step.after())) {
        String marker = migration.format().noTransactionMarker();
        String risk =
            finding.message()
                + (marker != null && finding.message().contains("CONCURRENTLY")
                    ? " (" + marker + ")"
                    : "");
        diagnostics.report(
            level == Check.Level.ERROR ? Severity.ERROR : Severity.WARNING,
            Message.LOCK_RISK_FOUND,
            migration.file().locationOf(finding.offset()),
            risk,
            migration.displayName());
      }
    }
  }

  /** Writes the snapshot to {@code quarry.snapshot} (see {@link #write}). */
  public void writeSnapshot(String text) {
    if (options.snapshot() != null) {
      write(options.snapshot(), text, MigrationOptions.SNAPSHOT, Message.SNAPSHOT_UNWRITABLE);
    }
  }

  /**
   * Writes this build's queries to {@code quarry.recordQueries} as one query file in sqlc's syntax
   * (header, the file and line it came from, the statement), in file and line order. At a release
   * the team copies it to where {@code quarry.previousQueries} points and commits it.
   */
  public void recordQueries(List<QueryFile> files) {
    Path target = options.recordQueries();
    if (target == null) {
      return;
    }
    StringBuilder text = new StringBuilder(RECORD_HEADER);
    for (QueryFile file : files) {
      String source = file.file().text();
      for (QueryDeclaration query : file.queries()) {
        int headerEnd = source.indexOf('\n', query.headerOffset());
        String header =
            source
                .substring(query.headerOffset(), headerEnd < 0 ? source.length() : headerEnd)
                .stripTrailing();
        text.append('\n')
            .append(header)
            .append('\n')
            .append("-- from ")
            .append(query.headerLocation().toString().replaceAll(":\\d+$", ""))
            .append('\n')
            .append(query.sql().replace("\r\n", "\n"))
            .append(";\n");
      }
    }
    write(
        target,
        text.toString(),
        MigrationOptions.RECORD_QUERIES,
        Message.RECORDED_QUERIES_UNWRITABLE);
  }

  /**
   * Writes {@code text} to {@code target} unless it already holds it (see {@link CommittedFile}).
   */
  private void write(Path target, String text, String option, Message failure) {
    try {
      CommittedFile.writeIfChanged(target, text);
    } catch (IOException e) {
      diagnostics.report(failure, null, target, e, option);
    }
  }
}
