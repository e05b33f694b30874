package dev.quarry.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The repositories against a PostgreSQL server already running on this machine, in a fresh database
 * that is dropped afterwards. Skipped when no server answers. The server is {@code
 * jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres} unless the system property {@code
 * quarry.sample.serverUrl} names another (its database is where the test database is created from).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalServerRepositoriesTest extends RepositoriesContract {
  private static final String SERVER_URL =
      System.getProperty(
          "quarry.sample.serverUrl",
          "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&connectTimeout=3");

  private final String databaseName =
      "quarry_sample_test_" + UUID.randomUUID().toString().replace("-", "");
  private boolean created;
  private Database database;

  /** Why the server cannot be used, or null when it can. */
  private String unavailable;

  @BeforeAll
  void createDatabase() throws SQLException {
    try (Connection admin = DriverManager.getConnection(SERVER_URL);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + databaseName);
      created = true;
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
        // Skip each test with the reason (an abort here would hide it in Maven's report).
        unavailable = "no PostgreSQL server answers at " + SERVER_URL + " (" + e.getMessage() + ")";
        return;
      }
      throw e;
    }
    database = Database.connect(SERVER_URL.replaceFirst("/postgres\\?", "/" + databaseName + "?"));
    database.migrate();
  }

  @BeforeEach
  void requireServer() {
    Assumptions.assumeTrue(unavailable == null, () -> unavailable);
  }

  @AfterAll
  void dropDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
    if (created) {
      try (Connection admin = DriverManager.getConnection(SERVER_URL);
          Statement statement = admin.createStatement()) {
        statement.execute("DROP DATABASE " + databaseName);
      }
    }
  }

  @Override
  DataSource dataSource() {
    return database.dataSource();
  }
}
