package dev.quarry.processor.database;

import dev.quarry.processor.config.DatabaseChoice;

/**
 * Starts the schema database the user chose ({@code -Aquarry.database}). In {@code auto} mode a
 * container is used when a Docker engine answers, falling back to embedded PostgreSQL when the
 * container cannot start; without Docker the decision is made without waiting.
 */
public final class DatabaseLauncher {
  private DatabaseLauncher() {}

  /**
   * A started, empty schema database. The caller closes it (try-with-resources).
   *
   * @param postgresMajor the PostgreSQL major version for container and embedded databases
   * @throws DatabaseUnavailableException with a message fit for the user when none can start
   */
  public static SchemaDatabase start(DatabaseChoice choice, int postgresMajor)
      throws DatabaseUnavailableException {
    ClassLoader loader = DatabaseLauncher.class.getClassLoader();
    if (choice instanceof DatabaseChoice.Server server) {
      return ServerDatabase.start(server.jdbcUrl());
    }
    if (choice instanceof DatabaseChoice.Embedded) {
      return EmbeddedDatabase.start(postgresMajor, loader);
    }
    if (choice instanceof DatabaseChoice.Container) {
      if (!DockerProbe.engineAnswers()) {
        throw new DatabaseUnavailableException(
            "-Aquarry.database=container needs a Docker engine, but none answers: "
                + DockerProbe.whereLooked()
                + "; start Docker, or set -Aquarry.database=embedded (or auto)");
      }
      return ContainerDatabase.start(postgresMajor);
    }
    // auto
    if (DockerProbe.engineAnswers()) {
      try {
        return ContainerDatabase.start(postgresMajor);
      } catch (DatabaseUnavailableException containerFailure) {
        try {
          return EmbeddedDatabase.start(postgresMajor, loader);
        } catch (DatabaseUnavailableException embeddedFailure) {
          throw new DatabaseUnavailableException(
              "no schema database could be started: "
                  + containerFailure.getMessage()
                  + "; then "
                  + embeddedFailure.getMessage());
        }
      }
    }
    return EmbeddedDatabase.start(postgresMajor, loader);
  }
}
