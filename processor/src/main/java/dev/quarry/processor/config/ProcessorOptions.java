package dev.quarry.processor.config;

import dev.quarry.processor.diagnostics.Message;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The processor options of one build.
 *
 * @param projectDir base directory of the annotation's paths ({@code quarry.projectDir})
 * @param database where the schema database is built ({@code quarry.database})
 * @param postgresVersion the PostgreSQL major version for embedded and container databases
 * @param migrations how migrations are read and checked ({@code quarry.migrationFormat}, {@code
 *     quarry.checks}, ...)
 * @param lockMode how the lock file is used ({@code quarry.lock})
 * @param timings whether to print a note with the duration of each phase ({@code quarry.timings})
 * @param keepAlive whether embedded PostgreSQL stays running between builds ({@code
 *     quarry.keepAlive})
 */
public record ProcessorOptions(
    Path projectDir,
    DatabaseChoice database,
    PostgresVersion postgresVersion,
    MigrationOptions migrations,
    LockMode lockMode,
    boolean timings,
    KeepAlive keepAlive) {
  public static final String PROJECT_DIR = "quarry.projectDir";
  public static final String TIMINGS = "quarry.timings";

  /** Options with the default migration settings and lock file use, without timings. */
  public ProcessorOptions(
      Path projectDir, DatabaseChoice database, PostgresVersion postgresVersion) {
    this(
        projectDir,
        database,
        postgresVersion,
        MigrationOptions.defaults(),
        LockMode.AUTO,
        false,
        KeepAlive.DEFAULT);
  }

  /** Options with keep-alive at its default. */
  public ProcessorOptions(
      Path projectDir,
      DatabaseChoice database,
      PostgresVersion postgresVersion,
      MigrationOptions migrations,
      LockMode lockMode,
      boolean timings) {
    this(projectDir, database, postgresVersion, migrations, lockMode, timings, KeepAlive.DEFAULT);
  }

  /** Parses {@value #TIMINGS}: {@code true} or {@code false}; {@code null} or blank means false. */
  public static boolean parseTimings(@Nullable String value) throws InvalidOptionException {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new InvalidOptionException(
              TIMINGS, Message.OPTION_TIMINGS_INVALID, TIMINGS, value.strip(), TIMINGS);
    };
  }
}
