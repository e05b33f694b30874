package dev.quarry.processor.config;

import dev.quarry.processor.diagnostics.Message;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The processor options about migrations: how to read them, which safety checks to run at which
 * level, and where the schema snapshot goes.
 *
 * @param format the format forced by {@value #FORMAT}, or null to detect it from the files
 * @param placeholders Flyway placeholder values from {@value #PLACEHOLDERS}
 * @param checks the level of every {@link Check}, from {@value #CHECKS} and the defaults
 * @param snapshot where to write the schema snapshot ({@value #SNAPSHOT}), or null for nowhere
 * @param previousQueries the previous release's query files or directory ({@value
 *     #PREVIOUS_QUERIES}), or null when the expand/contract check does not run
 * @param recordQueries where to write this build's queries as one file ({@value #RECORD_QUERIES}),
 *     to become the next release's previous queries; null for nowhere
 */
public record MigrationOptions(
    @Nullable MigrationFormat format,
    Map<String, String> placeholders,
    Map<Check, Check.Level> checks,
    @Nullable Path snapshot,
    @Nullable Path previousQueries,
    @Nullable Path recordQueries) {
  public static final String FORMAT = "quarry.migrationFormat";
  public static final String PLACEHOLDERS = "quarry.placeholders";
  public static final String CHECKS = "quarry.checks";
  public static final String SNAPSHOT = "quarry.snapshot";
  public static final String PREVIOUS_QUERIES = "quarry.previousQueries";
  public static final String RECORD_QUERIES = "quarry.recordQueries";

  public MigrationOptions {
    placeholders = Map.copyOf(placeholders);
    Map<Check, Check.Level> all = new EnumMap<>(Check.class);
    for (Check check : Check.values()) {
      all.put(check, check.defaultLevel());
    }
    all.putAll(checks);
    checks = Map.copyOf(all);
  }

  /** Detected format, no placeholders, default checks, no snapshot, no previous queries. */
  public static MigrationOptions defaults() {
    return new MigrationOptions(null, Map.of(), Map.of(), null, null, null);
  }

  /** The level of {@code check} for this build. */
  public Check.Level level(Check check) {
    return checks.getOrDefault(check, check.defaultLevel());
  }

  /**
   * Parses the options' raw values (null when absent); paths are resolved against {@code
   * projectDir}.
   */
  public static MigrationOptions parse(
      Path projectDir,
      @Nullable String format,
      @Nullable String placeholders,
      @Nullable String checks,
      @Nullable String snapshot,
      @Nullable String previousQueries,
      @Nullable String recordQueries)
      throws InvalidOptionException {
    MigrationFormat forced = null;
    if (format != null && !format.isBlank() && !format.strip().equalsIgnoreCase("auto")) {
      forced =
          MigrationFormat.byOptionName(format)
              .orElseThrow(
                  () ->
                      new InvalidOptionException(
                          FORMAT,
                          Message.OPTION_MIGRATION_FORMAT_INVALID,
                          FORMAT,
                          format,
                          MigrationFormat.optionNames()));
    }
    return new MigrationOptions(
        forced,
        pairs(PLACEHOLDERS, placeholders),
        levels(checks),
        path(projectDir, snapshot),
        path(projectDir, previousQueries),
        path(projectDir, recordQueries));
  }

  private static Map<String, String> pairs(String option, @Nullable String value)
      throws InvalidOptionException {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (value == null || value.isBlank()) {
      return pairs;
    }
    for (String pair : value.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new InvalidOptionException(
            option, Message.OPTION_PAIR_INVALID, option, value, pair.strip(), option);
      }
      pairs.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return pairs;
  }

  private static Map<Check, Check.Level> levels(@Nullable String value)
      throws InvalidOptionException {
    Map<Check, Check.Level> levels = new EnumMap<>(Check.class);
    for (Map.Entry<String, String> entry : pairs(CHECKS, value).entrySet()) {
      Check check =
          Check.named(entry.getKey())
              .orElseThrow(
                  () ->
                      new InvalidOptionException(
                          CHECKS,
                          Message.OPTION_CHECK_UNKNOWN,
                          CHECKS,
                          entry.getKey(),
                          Check.names()));
      Check.Level level =
          check
              .parseLevel(entry.getValue())
              .orElseThrow(
                  () ->
                      new InvalidOptionException(
                          CHECKS,
                          Message.OPTION_CHECK_LEVEL_INVALID,
                          CHECKS,
                          entry.getValue(),
                          check.optionName()));
      levels.put(check, level);
    }
    return levels;
  }

  private static @Nullable Path path(Path projectDir, @Nullable String value) {
    return value == null || value.isBlank() ? null : projectDir.resolve(value.strip()).normalize();
  }
}
