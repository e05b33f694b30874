package dev.quarry.processor.config;

import java.nio.file.Path;

/**
 * The processor options of one build.
 *
 * @param projectDir base directory of the annotation's paths ({@code quarry.projectDir})
 * @param database where the schema database is built ({@code quarry.database})
 * @param postgresVersion the PostgreSQL major version for embedded and container databases
 * @param lockMode how the lock file is used ({@code quarry.lock})
 */
public record ProcessorOptions(
    Path projectDir, DatabaseChoice database, PostgresVersion postgresVersion, LockMode lockMode) {
  public static final String PROJECT_DIR = "quarry.projectDir";
}
