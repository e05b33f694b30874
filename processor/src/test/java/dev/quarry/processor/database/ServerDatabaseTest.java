package dev.quarry.processor.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.TcpProxy;
import dev.quarry.processor.config.DatabaseChoice;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    // Refused at once: no timeout is waited for (the message is the driver's refusal). The
    // ceiling only keeps a hang from holding the build; it measures nothing.
    DatabaseUnavailableException e =
        assertTimeoutPreemptively(
            CEILING,
            () ->
                assertThrows(
                    DatabaseUnavailableException.class,
                    () ->
                        DatabaseLauncher.start(
                            new DatabaseChoice.Server(
                                "jdbc:postgresql://127.0.0.1:1/x?user=u&password=hunter2"),
                            17)),
            "connecting to a closed port did not fail within the ceiling");
    assertTrue(
        e.getMessage()
            .startsWith(
                "cannot connect to jdbc:postgresql://127.0.0.1:1/x?user=u&password=***:"
                    + " Connection to 127.0.0.1:1 refused"),
        e.getMessage());
    assertTrue(e.getMessage().contains("-Aquarry.database=embedded"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  /**
   * A server that accepts the connection and never answers: the build gives up after the login
   * timeout, 10 s unless the URL sets another. Proved by the order of events, not by a clock: three
   * builds wait on one silent server at once, with loginTimeout=1, the default and
   * loginTimeout=120; the first fails while the other two still wait, the default one fails (saying
   * 10 s) while the third still waits.
   */
  @Test
  void aServerThatNeverAnswersFailsAtTheLoginTimeoutWhichTheUrlCanSet() throws Exception {
    ExecutorService builds = Executors.newFixedThreadPool(3);
    try (TcpProxy silent = TcpProxy.silent()) {
      String url = "jdbc:postgresql://127.0.0.1:" + silent.port() + "/postgres?user=postgres";
      Future<DatabaseUnavailableException> oneSecond =
          builds.submit(() -> failure(url + "&loginTimeout=1"));
      Future<DatabaseUnavailableException> byDefault = builds.submit(() -> failure(url));
      Future<DatabaseUnavailableException> long120 =
          builds.submit(() -> failure(url + "&loginTimeout=120"));

      DatabaseUnavailableException first = within(oneSecond, "loginTimeout=1");
      assertTrue(first.getMessage().contains("Connection attempt timed out"), first.getMessage());
      assertFalse(
          byDefault.isDone(), "the default login timeout ended no later than loginTimeout=1");
      assertFalse(long120.isDone(), "loginTimeout=120 ended no later than loginTimeout=1");

      DatabaseUnavailableException second = within(byDefault, "the default login timeout");
      assertTrue(
          second
              .getMessage()
              .contains("Connection attempt timed out; the server did not answer within 10 s"),
          second.getMessage());
      assertFalse(long120.isDone(), "loginTimeout=120 ended no later than the default (10 s)");
      assertTrue(silent.accepted() >= 3, "the builds never connected: " + silent.accepted());
    } finally {
      // Closing the proxy ended the last wait; the thread is done soon after.
      builds.shutdownNow();
      assertTrue(builds.awaitTermination(CEILING.toSeconds(), TimeUnit.SECONDS));
    }
  }

  /** A generous bound on any wait here; reaching it fails the test, it proves no speed. */
  private static final Duration CEILING = Duration.ofSeconds(120);

  private static DatabaseUnavailableException failure(String url) {
    return assertThrows(
        DatabaseUnavailableException.class,
        () -> DatabaseLauncher.start(new DatabaseChoice.Server(url), 17));
  }

  private static DatabaseUnavailableException within(
      Future<DatabaseUnavailableException> build, String what) throws Exception {
    try {
      return build.get(CEILING.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "a build against a silent server did not fail within "
              + CEILING.toSeconds()
              + " s with "
              + what,
          e);
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
