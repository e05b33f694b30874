package dev.quarry.processor.config;

import java.nio.file.Path;

/**
 * The processor options of one build.
 *
 * @param projectDir base directory of the annotation's paths ({@code quarry.projectDir})
 * @param database where the schema database is built ({@code quarry.database})
 * @param postgresVersion the PostgreSQL major version for embedded and container databases
 * @param migrations how migrations are read and checked ({@code quarry.migrationFormat},
 *     {@code quarry.checks}, ...)
 * @param lockMode how the lock file is used ({@code quarry.lock})
 */
public record ProcessorOptions(
    Path projectDir,
    DatabaseChoice database,
    PostgresVersion postgresVersion,
    MigrationOptions migrations,
    LockMode lockMode) {
  public static final String PROJECT_DIR = "quarry.projectDir";

  /** Options with the default migration settings and lock file use. */
  public ProcessorOptions(Path projectDir, DatabaseChoice database, PostgresVersion postgresVersion) {
    this(projectDir, database, postgresVersion, MigrationOptions.defaults(), LockMode.AUTO);
  }
}
