package dev.quarry.processor.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.TcpProxy;
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

/**
 * Needs the PostgreSQL server on 127.0.0.1:5432 (user postgres); skipped when it does not answer.
 */
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
      assertTrue(
          database.description().contains(name)
              && database.description().contains("127.0.0.1:5432"),
          database.description());
      assertTrue(exists(name));
      try (Connection c = database.connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT current_database()")) {
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
    assertThrows(
        IllegalStateException.class,
        () -> {
          try (SchemaDatabase database =
              DatabaseLauncher.start(new DatabaseChoice.Server(URL), 17)) {
            name[0] = ((ServerDatabase) database).name();
            throw new IllegalStateException("a migration failed");
          }
        });
    assertFalse(exists(name[0]));
  }

  @Test
  void unreachableServerSaysWhatToDoAndHidesThePassword() {
    long started = System.nanoTime();
    DatabaseUnavailableException e =
        assertThrows(
            DatabaseUnavailableException.class,
            () ->
                DatabaseLauncher.start(
                    new DatabaseChoice.Server(
                        "jdbc:postgresql://127.0.0.1:1/x?user=u&password=hunter2"),
                    17));
    assertTrue(
        e.getMessage()
            .startsWith("cannot connect to jdbc:postgresql://127.0.0.1:1/x?user=u&password=***: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("-Aquarry.database=embedded"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    assertTrue((System.nanoTime() - started) / 1_000_000_000 < 15);
  }

  @Test
  void aServerThatNeverAnswersFailsAfterTheLoginTimeout() throws Exception {
    try (TcpProxy silent = TcpProxy.silent()) {
      long started = System.nanoTime();
      DatabaseUnavailableException e =
          assertThrows(
              DatabaseUnavailableException.class,
              () ->
                  DatabaseLauncher.start(
                      new DatabaseChoice.Server(
                          "jdbc:postgresql://127.0.0.1:"
                              + silent.port()
                              + "/postgres?user=postgres"),
                      17));
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(
          e.getMessage()
              .contains("Connection attempt timed out; the server did not answer within 10 s"),
          e.getMessage());
      assertTrue(millis >= 9_500 && millis < 13_000, millis + " ms");
      System.out.println("silent server: DatabaseLauncher.start failed after " + millis + " ms");
    }
  }

  @Test
  void theUrlSetsTheLoginTimeout() throws Exception {
    try (TcpProxy silent = TcpProxy.silent()) {
      long started = System.nanoTime();
      assertThrows(
          DatabaseUnavailableException.class,
          () ->
              DatabaseLauncher.start(
                  new DatabaseChoice.Server(
                      "jdbc:postgresql://127.0.0.1:"
                          + silent.port()
                          + "/postgres?user=postgres&loginTimeout=2"),
                  17));
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(millis >= 1_500 && millis < 5_000, millis + " ms");
      System.out.println(
          "silent server, loginTimeout=2: DatabaseLauncher.start failed after " + millis + " ms");
    }
  }

  @Test
  void scratchConnectionsHaveASocketTimeoutThatTheUrlCanChange() throws Exception {
    try (SchemaDatabase database = DatabaseLauncher.start(new DatabaseChoice.Server(URL), 17);
        Connection c = database.connect()) {
      assertEquals(PgDriver.SOCKET_TIMEOUT_SECONDS * 1000, c.getNetworkTimeout());
    }
    try (SchemaDatabase database =
            DatabaseLauncher.start(new DatabaseChoice.Server(URL + "&socketTimeout=7"), 17);
        Connection c = database.connect()) {
      assertEquals(7000, c.getNetworkTimeout());
    }
  }

  @Test
  void theScratchDatabaseIsMarkedWithItsBuild() throws Exception {
    try (SchemaDatabase database = DatabaseLauncher.start(new DatabaseChoice.Server(URL), 17)) {
      String name = ((ServerDatabase) database).name();
      assertTrue(StaleScratchDatabases.NAME.matcher(name).matches(), name);
      String comment;
      try (Connection c = PgDriver.connect(URL, new Properties());
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
        s.setString(1, name);
        try (ResultSet rs = s.executeQuery()) {
          assertTrue(rs.next());
          comment = rs.getString(1);
        }
      }
      ScratchOwner owner =
          ScratchOwner.parse(comment).orElseThrow(() -> new AssertionError(comment));
      assertEquals(ProcessHandle.current().pid(), owner.pid());
      assertTrue(ScratchOwner.current().seesProcessesOf(owner), comment);
    }
  }

  @Test
  void urlWithoutDatabaseUsesPostgresForAdministration() throws Exception {
    try (SchemaDatabase database =
        DatabaseLauncher.start(
            new DatabaseChoice.Server("jdbc:postgresql://127.0.0.1:5432/?user=postgres"), 17)) {
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
