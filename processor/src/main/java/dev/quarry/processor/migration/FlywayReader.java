package dev.quarry.processor.migration;

import static dev.quarry.processor.migration.ReaderSupport.name;
import static dev.quarry.processor.migration.ReaderSupport.versionKey;

import dev.quarry.processor.config.MigrationFormat;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.migration.ReaderSupport.Ordered;
import dev.quarry.processor.source.SourceFile;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Flyway: {@code V<version>__<description>.sql} in version order, compared numerically part by part
 * ({@code V2 < V10}, {@code V1.1 < V1.10}, {@code .} and {@code _} both separate parts, trailing
 * zero parts do not count, as in Flyway); {@code R__<description>.sql} repeatable migrations after
 * all versioned ones, in description order; {@code U} undo files are the down parts of the versions
 * they name. {@code ${name}} placeholders are substituted from {@code quarry.placeholders}.
 *
 * <p>As {@code flyway migrate} on a fresh database: the latest {@code B<version>__} baseline
 * migration runs first and the versioned migrations up to its version are ignored; SQL callbacks
 * ({@code beforeMigrate.sql}, {@code beforeEachMigrate__x.sql}, ...) run where Flyway fires them;
 * callbacks of other commands are recognised and not run.
 */
final class FlywayReader implements FormatReader {
  static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__(.*)\\.sql");
  static final Pattern UNDO = Pattern.compile("U([0-9]+(?:[._][0-9]+)*)__(.*)\\.sql");
  static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");
  static final Pattern BASELINE = Pattern.compile("B([0-9]+(?:[._][0-9]+)*)__(.*)\\.sql");

  /** A SQL callback: {@code <event>.sql} or {@code <event>__<description>.sql}. */
  static final Pattern CALLBACK = Pattern.compile("([A-Za-z]+)(?:__(.*))?\\.sql");

  /**
   * Callbacks that {@code flyway migrate} fires on a fresh database, in the order it fires them.
   */
  enum Callback {
    BEFORE_MIGRATE("beforeMigrate"),
    BEFORE_EACH_MIGRATE("beforeEachMigrate"),
    AFTER_EACH_MIGRATE("afterEachMigrate"),
    AFTER_VERSIONED("afterVersioned"),
    BEFORE_REPEATABLES("beforeRepeatables"),
    AFTER_MIGRATE("afterMigrate"),
    AFTER_MIGRATE_APPLIED("afterMigrateApplied");

    final String event;

    Callback(String event) {
      this.event = event;
    }
  }

  /**
   * Flyway's other callback events: they belong to other commands (clean, undo, info, validate,
   * baseline, repair), to failures, or to Flyway Teams' per-statement hooks, so a successful {@code
   * migrate} of a fresh database does not run them.
   */
  private static final Set<String> OTHER_EVENTS =
      Set.of(
          "beforeClean",
          "afterClean",
          "afterCleanError",
          "beforeEachMigrateStatement",
          "afterEachMigrateStatement",
          "afterEachMigrateStatementError",
          "afterEachMigrateError",
          "afterMigrateError",
          "beforeUndo",
          "beforeEachUndo",
          "beforeEachUndoStatement",
          "afterEachUndoStatement",
          "afterEachUndoStatementError",
          "afterEachUndo",
          "afterEachUndoError",
          "afterUndo",
          "afterUndoError",
          "beforeValidate",
          "afterValidate",
          "afterValidateError",
          "beforeBaseline",
          "afterBaseline",
          "afterBaselineError",
          "beforeRepair",
          "afterRepair",
          "afterRepairError",
          "beforeInfo",
          "afterInfo",
          "afterInfoError",
          "beforeConnect",
          "afterConnect",
          "createSchema",
          "afterMigrateOperationFinish",
          "afterInfoOperationFinish");

  private final ReaderSupport support;
  private final Map<String, String> placeholders;

  FlywayReader(ReaderSupport support, Map<String, String> placeholders) {
    this.support = support;
    this.placeholders = placeholders;
  }

  /** Whether the file name is a Flyway migration's: versioned, undo, repeatable or baseline. */
  static boolean matches(String name) {
    return VERSIONED.matcher(name).matches()
        || UNDO.matcher(name).matches()
        || REPEATABLE.matcher(name).matches()
        || BASELINE.matcher(name).matches();
  }

  /** Whether the file name is a Flyway migration's or a SQL callback's. */
  static boolean isFlywayFile(String name) {
    return matches(name) || isCallback(name);
  }

  /** Whether the file name is a Flyway SQL callback's ({@code beforeMigrate.sql}, ...). */
  static boolean isCallback(String name) {
    Matcher m = CALLBACK.matcher(name);
    return m.matches() && (callback(m.group(1)) != null || OTHER_EVENTS.contains(m.group(1)));
  }

  private static @Nullable Callback callback(String event) {
    for (Callback c : Callback.values()) {
      if (c.event.equals(event)) {
        return c;
      }
    }
    return null;
  }

  @Override
  public @Nullable List<Migration> read(Map<Path, SourceFile> files) {
    Map<List<BigInteger>, List<Path>> versions = new LinkedHashMap<>();
    Map<List<BigInteger>, List<Path>> undoVersions = new LinkedHashMap<>();
    Map<String, List<Path>> repeatables = new LinkedHashMap<>();
    List<Ordered> versioned = new ArrayList<>();
    List<Ordered> repeatable = new ArrayList<>();
    Map<List<BigInteger>, List<Path>> baselineVersions = new LinkedHashMap<>();
    List<Ordered> baselines = new ArrayList<>();
    Map<Callback, List<Ordered>> callbacks = new EnumMap<>(Callback.class);
    List<Path> misfits = new ArrayList<>();
    for (Path file : files.keySet()) {
      String name = name(file);
      Matcher v = VERSIONED.matcher(name);
      Matcher r = REPEATABLE.matcher(name);
      Matcher u = UNDO.matcher(name);
      Matcher b = BASELINE.matcher(name);
      Matcher c = CALLBACK.matcher(name);
      if (b.matches()) {
        List<BigInteger> key = versionKey(b.group(1));
        baselineVersions.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
        baselines.add(new Ordered(file, b.group(1), b.group(2).replace('_', ' '), key));
      } else if (c.matches() && isCallback(name)) {
        Callback callback = callback(c.group(1));
        if (callback != null) {
          callbacks
              .computeIfAbsent(callback, k -> new ArrayList<>())
              .add(new Ordered(file, "", callback.event + " callback", List.of()));
        }
      } else if (v.matches()) {
        List<BigInteger> key = versionKey(v.group(1));
        versions.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
        versioned.add(new Ordered(file, v.group(1), v.group(2).replace('_', ' '), key));
      } else if (r.matches()) {
        String description = r.group(1).replace('_', ' ');
        repeatables.computeIfAbsent(description, k -> new ArrayList<>()).add(file);
        repeatable.add(new Ordered(file, "", description, List.of()));
      } else if (u.matches()) {
        undoVersions.computeIfAbsent(versionKey(u.group(1)), k -> new ArrayList<>()).add(file);
      } else {
        misfits.add(file);
      }
    }
    boolean problems = support.reportMisfits(misfits, MigrationFormat.FLYWAY);
    problems |= support.reportDuplicates(versions, "version");
    problems |= support.reportDuplicates(undoVersions, "undo version");
    problems |= support.reportDuplicates(repeatables, "repeatable migration");
    problems |= support.reportDuplicates(baselineVersions, "baseline version");
    problems |= checkPlaceholders(files.values());
    if (problems) {
      return null;
    }
    versioned.sort(Comparator.comparing(Ordered::key, ReaderSupport::compareVersions));
    repeatable.sort(Comparator.comparing(Ordered::description));
    // Callbacks of one event run in file name order.
    callbacks.values().forEach(list -> list.sort(Comparator.comparing(o -> name(o.path()))));
    List<Migration> all = new ArrayList<>();
    addCallbacks(all, callbacks, Callback.BEFORE_MIGRATE, files);
    // A fresh database starts from the latest baseline migration; the versioned migrations up to
    // its version are then ignored, as Flyway ignores them.
    List<BigInteger> baselineKey = List.of();
    if (!baselines.isEmpty()) {
      Ordered latest =
          baselines.stream()
              .max(Comparator.comparing(Ordered::key, ReaderSupport::compareVersions))
              .orElseThrow();
      baselineKey = latest.key();
      addCallbacks(all, callbacks, Callback.BEFORE_EACH_MIGRATE, files);
      all.add(
          support.whole(
              ReaderSupport.fileAt(files, latest.path()),
              latest.version(),
              latest.description(),
              MigrationFormat.FLYWAY,
              null,
              placeholders));
      addCallbacks(all, callbacks, Callback.AFTER_EACH_MIGRATE, files);
    }
    for (Ordered o : versioned) {
      if (!baselineKey.isEmpty() && ReaderSupport.compareVersions(o.key(), baselineKey) <= 0) {
        continue;
      }
      addCallbacks(all, callbacks, Callback.BEFORE_EACH_MIGRATE, files);
      List<Path> undo = undoVersions.get(o.key());
      Migration down =
          undo == null
              ? null
              : support.whole(
                  ReaderSupport.fileAt(files, undo.get(0)),
                  o.version(),
                  "undo " + o.description(),
                  MigrationFormat.FLYWAY,
                  null,
                  placeholders);
      all.add(
          support.whole(
              ReaderSupport.fileAt(files, o.path()),
              o.version(),
              o.description(),
              MigrationFormat.FLYWAY,
              down,
              placeholders));
      addCallbacks(all, callbacks, Callback.AFTER_EACH_MIGRATE, files);
    }
    addCallbacks(all, callbacks, Callback.AFTER_VERSIONED, files);
    if (!repeatable.isEmpty()) {
      addCallbacks(all, callbacks, Callback.BEFORE_REPEATABLES, files);
    }
    for (Ordered o : repeatable) {
      addCallbacks(all, callbacks, Callback.BEFORE_EACH_MIGRATE, files);
      all.add(
          support.whole(
              ReaderSupport.fileAt(files, o.path()),
              o.version(),
              o.description(),
              MigrationFormat.FLYWAY,
              null,
              placeholders));
      addCallbacks(all, callbacks, Callback.AFTER_EACH_MIGRATE, files);
    }
    addCallbacks(all, callbacks, Callback.AFTER_MIGRATE, files);
    if (!versioned.isEmpty() || !repeatable.isEmpty() || !baselines.isEmpty()) {
      addCallbacks(all, callbacks, Callback.AFTER_MIGRATE_APPLIED, files);
    }
    return all;
  }

  /** Adds the callbacks of {@code event} as migrations (no version, so no down part is asked). */
  private void addCallbacks(
      List<Migration> all,
      Map<Callback, List<Ordered>> callbacks,
      Callback event,
      Map<Path, SourceFile> files) {
    for (Ordered o : callbacks.getOrDefault(event, List.of())) {
      all.add(
          support.whole(
              ReaderSupport.fileAt(files, o.path()),
              o.version(),
              o.description(),
              MigrationFormat.FLYWAY,
              null,
              placeholders));
    }
  }

  /** Reports every {@code ${name}} in a Flyway file that has no value; whether there was one. */
  private boolean checkPlaceholders(Iterable<SourceFile> files) {
    boolean any = false;
    for (SourceFile file : files) {
      Matcher m = Migration.PLACEHOLDER.matcher(file.text());
      while (m.find()) {
        if (!placeholders.containsKey(m.group(1))) {
          any = true;
          support.diagnostics.report(
              Message.FLYWAY_PLACEHOLDER_UNSET,
              file.locationOf(m.start()),
              m.group(),
              m.group(1),
              m.group(1));
        }
      }
    }
    return any;
  }
}
