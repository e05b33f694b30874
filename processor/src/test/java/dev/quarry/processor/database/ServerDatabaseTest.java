package dev.quarry.processor.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.config.DatabaseChoice;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Needs the PostgreSQL server on 127.0.0.1:5432 (user postgres); skipped when it does not answer. */
class ServerDatabaseTest {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  @BeforeAll
  static void serverAnswers() {
    try (Connection c = PgDriver.connect(URL, new Properties())) {
      c.isValid(2);
    } catch (SQLException e) {
      Assumptions.abort("no PostgreSQL server answers at " + URL + ": " + e.getMessage());
    }
  }

  @Test
  void createsAndDropsTheScratchDatabase() throws Exception {
    String name;
    try (SchemaDatabase database = DatabaseLauncher.start(new DatabaseChoice.Server(URL), 17)) {
      name = ((ServerDatabase) database).name();
      assertTrue(name.startsWith("quarry_scratch_"), name);
      assertTrue(database.description().contains(name) && database.description().contains("127.0.0.1:5432"),
          database.description());
      assertTrue(exists(name));
      try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
        rs.next();
        assertEquals(name, rs.getString(1));
      }
      database.connect(); // left open: DROP ... WITH (FORCE) and close() must cope
    }
    assertFalse(exists(name));
  }

  @Test
  void dropsTheScratchDatabaseWhenTheBuildFails() throws Exception {
    String[] name = new String[1];
    assertThrows(IllegalStateException.class, () -> {
      try (SchemaDatabase database = DatabaseLauncher.start(new DatabaseChoice.Server(URL), 17)) {
        name[0] = ((ServerDatabase) database).name();
        throw new IllegalStateException("a migration failed");
      }
    });
    assertFalse(exists(name[0]));
  }

  @Test
  void unreachableServerSaysWhatToDoAndHidesThePassword() {
    long started = System.nanoTime();
    DatabaseUnavailableException e = assertThrows(DatabaseUnavailableException.class,
        () -> DatabaseLauncher.start(new DatabaseChoice.Server("jdbc:postgresql://127.0.0.1:1/x?user=u&password=hunter2"), 17));
    assertTrue(e.getMessage().startsWith("cannot reach jdbc:postgresql://127.0.0.1:1/x?user=u&password=***: "), e.getMessage());
    assertTrue(e.getMessage().contains("-Aquarry.database=embedded"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    assertTrue((System.nanoTime() - started) / 1_000_000_000 < 15);
  }

  @Test
  void urlWithoutDatabaseUsesPostgresForAdministration() throws Exception {
    try (SchemaDatabase database = DatabaseLauncher.start(new DatabaseChoice.Server("jdbc:postgresql://127.0.0.1:5432/?user=postgres"), 17)) {
      assertTrue(exists(((ServerDatabase) database).name()));
      assertEquals(List.of(), database.cleanupProblems());
    }
  }

  private static boolean exists(String name) throws SQLException {
    try (Connection c = PgDriver.connect(URL, new Properties());
        PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }
}
