package dev.quarry.processor.database;

import dev.quarry.processor.config.DatabaseChoice;
import dev.quarry.processor.config.KeepAlive;
import dev.quarry.processor.diagnostics.Message;
import org.jspecify.annotations.Nullable;

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
    return start(choice, postgresMajor, KeepAlive.OFF, null);
  }

  /**
   * A started schema database; with a {@code schemaKey}, a server or kept embedded PostgreSQL
   * clones the migrated schema cached under that key when there is one ({@link
   * SchemaDatabase#cachedMigrations()}).
   *
   * @param keepAlive whether embedded PostgreSQL is kept running between builds ({@link
   *     KeptServers})
   */
  public static SchemaDatabase start(
      DatabaseChoice choice, int postgresMajor, KeepAlive keepAlive, @Nullable String schemaKey)
      throws DatabaseUnavailableException {
    ClassLoader loader = DatabaseLauncher.class.getClassLoader();
    if (choice instanceof DatabaseChoice.Server server) {
      return ServerDatabase.start(server.jdbcUrl(), schemaKey, null, null);
    }
    if (choice instanceof DatabaseChoice.Embedded) {
      return embedded(postgresMajor, loader, keepAlive, schemaKey);
    }
    if (choice instanceof DatabaseChoice.Container) {
      if (!DockerProbe.engineAnswers()) {
        throw new DatabaseUnavailableException(
            Message.DATABASE_DOCKER_MISSING, DockerProbe.whereLooked());
      }
      return ContainerDatabase.start(postgresMajor);
    }
    // auto
    if (DockerProbe.engineAnswers()) {
      try {
        return ContainerDatabase.start(postgresMajor);
      } catch (DatabaseUnavailableException containerFailure) {
        try {
          return embedded(postgresMajor, loader, keepAlive, schemaKey);
        } catch (DatabaseUnavailableException embeddedFailure) {
          throw new DatabaseUnavailableException(
              Message.DATABASE_NONE_STARTED,
              containerFailure.getMessage(),
              embeddedFailure.getMessage());
        }
      }
    }
    return embedded(postgresMajor, loader, keepAlive, schemaKey);
  }

  private static SchemaDatabase embedded(
      int postgresMajor, ClassLoader loader, KeepAlive keepAlive, @Nullable String schemaKey)
      throws DatabaseUnavailableException {
    if (keepAlive.enabled()) {
      return EmbeddedDatabase.startKept(
          postgresMajor,
          loader,
          KeptServers.defaultRoot(),
          keepAlive.idle(),
          schemaKey,
          keepAlive.buildServer());
    }
    return EmbeddedDatabase.start(postgresMajor, loader);
  }
}
