package dev.quarry.processor.database;

import dev.quarry.processor.config.JdbcUrls;
import dev.quarry.processor.diagnostics.Message;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL in a Docker container started with Testcontainers ({@code postgres:<major>-alpine}),
 * stopped and removed on close. Testcontainers' Ryuk container removes it too if the build dies
 * without closing it.
 */
final class ContainerDatabase extends ManagedDatabase {
  /** Long enough to pull the image on a first run. */
  static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

  private final PostgreSQLContainer container;
  private final String description;

  private ContainerDatabase(PostgreSQLContainer container, String image, String version) {
    this.container = container;
    this.description = "PostgreSQL " + version + " in container " + image;
  }

  static ContainerDatabase start(int major) throws DatabaseUnavailableException {
    String image = "postgres:" + major + "-alpine";
    PostgreSQLContainer container = null;
    try {
      container =
          new PostgreSQLContainer(
              DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
      container.withStartupTimeout(STARTUP_TIMEOUT);
      container.start();
      String version;
      try (Connection c = connect(container)) {
        version = PgDriver.serverVersion(c);
      }
      ContainerDatabase database = new ContainerDatabase(container, image, version);
      database.armShutdownHook();
      return database;
    } catch (SQLException | RuntimeException e) {
      if (container != null) {
        stopQuietly(container);
      }
      throw new DatabaseUnavailableException(
          Message.DATABASE_CONTAINER_UNSTARTABLE, image, rootMessage(e));
    }
  }

  @Override
  protected Connection openConnection() throws SQLException {
    return connect(container);
  }

  private static Connection connect(PostgreSQLContainer container) throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", container.getUsername());
    credentials.setProperty("password", container.getPassword());
    return PgDriver.connect(container.getJdbcUrl(), credentials);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  protected void release(Consumer<String> problems) {
    try {
      container.stop();
    } catch (RuntimeException e) {
      problems.accept(
          "could not stop the container of "
              + description
              + ": "
              + rootMessage(e)
              + "; remove it with docker rm -f "
              + container.getContainerId());
    }
  }

  private static void stopQuietly(PostgreSQLContainer container) {
    try {
      container.stop();
    } catch (RuntimeException e) {
      // Starting failed already; that is the message the user needs.
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage();
    return text == null ? root.getClass().getSimpleName() : JdbcUrls.redact(text);
  }
}
