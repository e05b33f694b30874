package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a build says when its schema database fails: unreachable, silent, refusing the login, or
 * dying while migrations or analysis run. Each failure is one clear error naming {@code
 * -Aquarry.database}, within bounded time, and the scratch database is dropped (or the warning says
 * how to drop it). Tests that need the server on 127.0.0.1:5432 skip without it; the TCP proxy in
 * front of it plays the failing server.
 */
class DatabaseFaultsTest {
  private static final String MARKER = "quarry-fault-marker";

  /**
   * Ceilings, not measurements: a failing build that goes past one has hung (or waited for a
   * timeout it should not have). Which timeout ended a build is shown by its message, and
   * ServerDatabaseTest proves by the order of events which timeout applies.
   */
  private static final long BOUND_MILLIS = 90_000;

  /** The ceiling on a build that fails without waiting for any timeout. */
  private static final long FAST_BOUND_MILLIS = 45_000;

  private static void assertWithinCeiling(Run run, long ceilingMillis) {
    assertTrue(
        run.millis() < ceilingMillis,
        "the build took "
            + run.millis()
            + " ms, past the "
            + ceilingMillis
            + " ms ceiling on a build that fails: it hung or waited for a timeout it should not");
  }

  @TempDir Path project;

  /**
   * Loads javac and the processor's stages once (a build that stops, without a database, at its
   * missing lock file), so that the first test's time is not theirs.
   */
  @BeforeAll
  static void warmUp(@TempDir Path folder) throws IOException {
    write(folder, "migrations/V1__users.sql", USERS, "queries/users.sql", FIND_USER);
    CompileCaseTest.compileWith(
        List.of("-Aquarry.projectDir=" + folder.toAbsolutePath(), "-Aquarry.lock=offline"),
        "migrations",
        "queries");
  }

  /** What a compile reported, and how long it took. */
  private record Run(Compilation compilation, long millis) {
    List<String> errors() {
      return messages(compilation.errors());
    }

    List<String> warnings() {
      return messages(compilation.warnings());
    }

    private static List<String> messages(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
      return diagnostics.stream().map(d -> d.getMessage(null)).toList();
    }

    String onlyError() {
      assertEquals(Compilation.Status.FAILURE, compilation.status());
      assertEquals(1, errors().size(), () -> compilation.diagnostics().toString());
      String error = errors().get(0);
      assertTrue(error.contains("-Aquarry.database"), error);
      assertFalse(error.contains("\tat "), "a stack trace: " + error);
      return error;
    }
  }

  // ---- the database cannot be reached

  @Test
  void aClosedPortFailsAtOnce() throws Exception {
    write(project, "migrations/V1__users.sql", USERS, "queries/users.sql", FIND_USER);
    int port = closedPort();
    Run run = compile("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
    String error = run.onlyError();
    assertTrue(
        error.startsWith(
            "cannot connect to jdbc:postgresql://127.0.0.1:"
                + port
                + "/postgres?user=postgres:"
                + " Connection to 127.0.0.1:"
                + port
                + " refused"),
        error);
    assertTrue(error.contains("or set -Aquarry.database=embedded"), error);
    assertWithinCeiling(run, FAST_BOUND_MILLIS);
    System.out.println("connection refused: failed in " + run.millis() + " ms");
  }

  @Test
  void aServerThatNeverAnswersFailsWithinTheLoginTimeout() throws Exception {
    write(project, "migrations/V1__users.sql", USERS, "queries/users.sql", FIND_USER);
    try (TcpProxy silent = TcpProxy.silent()) {
      Run run = compile("jdbc:postgresql://127.0.0.1:" + silent.port() + "/postgres?user=postgres");
      String error = run.onlyError();
      assertTrue(error.contains("Connection attempt timed out;"), error);
      assertTrue(error.contains("did not answer within 10 s"), error);
      assertTrue(silent.accepted() >= 1, "the build never connected");
      // Ended by the login timeout (the message says so), within the ceiling.
      assertWithinCeiling(run, BOUND_MILLIS);
      System.out.println("silent server: failed in " + run.millis() + " ms");
    }
  }

  @Test
  void userAndPasswordBeforeTheHostIsAConfigurationErrorThatHidesThePassword() throws Exception {
    write(project, "migrations/V1__users.sql", USERS, "queries/users.sql", FIND_USER);
    Run run = compile("jdbc:postgresql://postgres:Hunter2-Secret@127.0.0.1:5432/postgres");
    String error = run.onlyError();
    assertTrue(error.contains("puts the user before the host"), error);
    assertTrue(error.contains("?user=name&password=secret"), error);
    assertFalse(run.compilation().diagnostics().toString().contains("Hunter2-Secret"), error);
    assertWithinCeiling(run, FAST_BOUND_MILLIS);
  }

  @Test
  void containerModeWithoutDockerFailsAtOnce() throws Exception {
    assumeTrue(
        System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock")),
        "a Docker engine may be present");
    write(project, "migrations/V1__users.sql", USERS, "queries/users.sql", FIND_USER);
    Run run = compile("container");
    String error = run.onlyError();
    assertTrue(
        error.startsWith("-Aquarry.database=container needs a Docker engine, but none answers"),
        error);
    assertTrue(error.contains("set -Aquarry.database=embedded"), error);
    assertWithinCeiling(run, FAST_BOUND_MILLIS);
  }

  // ---- the server refuses

  @Test
  void aRoleThatDoesNotExist() throws Exception {
    LocalServer.assumeAnswers();
    write(project, "migrations/V1__users.sql", USERS, "queries/users.sql", FIND_USER);
    Run run =
        compile(
            "jdbc:postgresql://" + LocalServer.HOST_PORT + "/postgres?user=quarry_no_such_role");
    String error = run.onlyError();
    assertTrue(error.contains("FATAL: role \"quarry_no_such_role\" does not exist"), error);
    assertTrue(error.contains("check the user and password in -Aquarry.database"), error);
    assertWithinCeiling(run, FAST_BOUND_MILLIS);
  }

  @Test
  void aDatabaseThatDoesNotExist() throws Exception {
    LocalServer.assumeAnswers();
    write(project, "migrations/V1__users.sql", USERS, "queries/users.sql", FIND_USER);
    Run run =
        compile(
            "jdbc:postgresql://"
                + LocalServer.HOST_PORT
                + "/quarry_no_such_database?user=postgres");
    String error = run.onlyError();
    assertTrue(error.contains("FATAL: database \"quarry_no_such_database\" does not exist"), error);
    assertTrue(error.contains("name a database that exists"), error);
  }

  @Test
  void aRoleThatMayNotCreateDatabases() throws Exception {
    LocalServer.assumeAnswers();
    write(project, "migrations/V1__users.sql", USERS, "queries/users.sql", FIND_USER);
    String role = "quarry_nocreatedb_" + ProcessHandle.current().pid();
    LocalServer.execute("DROP ROLE IF EXISTS " + role);
    LocalServer.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB");
    try {
      Run run = compile("jdbc:postgresql://" + LocalServer.HOST_PORT + "/postgres?user=" + role);
      String error = run.onlyError();
      assertTrue(
          error.startsWith(
              "cannot create a scratch database on jdbc:postgresql://" + LocalServer.HOST_PORT),
          error);
      assertTrue(error.contains("permission denied to create database"), error);
      assertTrue(error.contains("CREATEDB"), error);
    } finally {
      LocalServer.execute("DROP ROLE IF EXISTS " + role);
    }
  }

  // ---- the server fails while the build runs

  @Test
  void serverGoneWhileAMigrationRunsIsOneErrorAndTheWarningSaysHowToDropTheScratchDatabase()
      throws Exception {
    LocalServer.assumeAnswers();
    write(
        project,
        "migrations/V1__users.sql",
        USERS,
        "migrations/V2__slow.sql",
        "SELECT pg_sleep(5), '" + MARKER + "';\n",
        "queries/users.sql",
        FIND_USER);
    List<String> before = LocalServer.ourScratchDatabases();
    try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
      proxy.cutWhenClientSends(MARKER, 300, TcpProxy.Fault.GONE);
      Run run = compile("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres?user=postgres");
      assertTrue(proxy.awaitCut(0), "the proxy was never cut");
      String error = run.onlyError();
      assertTrue(error.startsWith("the schema database (scratch database quarry_scratch_"), error);
      assertTrue(
          error.contains(
              "failed while Quarry was using it: lost the connection while running"
                  + " migrations/V2__slow.sql: An I/O error occurred while sending to the backend"),
          error);
      assertTrue(error.contains("[SQLSTATE 08006]"), error);
      List<String> left = new ArrayList<>(LocalServer.ourScratchDatabases());
      left.removeAll(before);
      assertEquals(1, left.size(), left::toString);
      String name = left.get(0);
      try {
        assertEquals(1, run.warnings().size(), run.warnings()::toString);
        String warning = run.warnings().get(0);
        assertTrue(
            warning.startsWith(
                "could not drop scratch database "
                    + name
                    + " on jdbc:postgresql://127.0.0.1:"
                    + proxy.port()
                    + "/postgres?user=postgres: Connection to 127.0.0.1:"
                    + proxy.port()
                    + " refused"),
            warning);
        assertTrue(
            warning.contains("drop it by hand: DROP DATABASE \"" + name + "\" WITH (FORCE)"),
            warning);
        // A cleanup failure, not an unavailable database: its own tag.
        assertTrue(warning.endsWith("[quarry:cleanup]"), warning);
        assertWithinCeiling(run, BOUND_MILLIS);
        System.out.println(
            "server gone during a migration: failed in " + run.millis() + " ms, left " + name);
      } finally {
        LocalServer.dropIfExists(name);
      }
    }
  }

  @Test
  void connectionsCutWhileAMigrationRunsIsOneErrorAndTheScratchDatabaseIsDropped()
      throws Exception {
    LocalServer.assumeAnswers();
    write(
        project,
        "migrations/V1__users.sql",
        USERS,
        "migrations/V2__slow.sql",
        "SELECT pg_sleep(5), '" + MARKER + "';\n",
        "queries/users.sql",
        FIND_USER);
    List<String> before = LocalServer.ourScratchDatabases();
    try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
      proxy.cutWhenClientSends(MARKER, 300, TcpProxy.Fault.RESET);
      Run run = compile("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres?user=postgres");
      assertTrue(proxy.awaitCut(0), "the proxy was never cut");
      String error = run.onlyError();
      assertTrue(
          error.contains("lost the connection while running migrations/V2__slow.sql"), error);
      assertEquals(List.of(), run.warnings());
      assertEquals(before, LocalServer.ourScratchDatabases());
      assertWithinCeiling(run, BOUND_MILLIS);
      System.out.println(
          "connections cut during a migration: failed in " + run.millis() + " ms, nothing left");
    }
  }

  @Test
  void connectionsCutWhileAnalysingNamesTheQueryAndDropsTheScratchDatabase() throws Exception {
    LocalServer.assumeAnswers();
    write(
        project,
        "migrations/V1__users.sql",
        USERS,
        "queries/users.sql",
        FIND_USER
            + "\n-- name: Marked :one\nSELECT id, '"
            + MARKER
            + "' AS marker FROM users WHERE id = @id;\n"
            + "\n-- name: After :many\nSELECT email FROM users;\n");
    List<String> before = LocalServer.ourScratchDatabases();
    try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
      proxy.cutWhenClientSends(MARKER, 0, TcpProxy.Fault.RESET);
      Run run = compile("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres?user=postgres");
      assertTrue(proxy.awaitCut(0), "the proxy was never cut");
      String error = run.onlyError();
      assertTrue(
          error.contains(
              "failed while Quarry was using it: lost the connection while analysing FindUser at"
                  + " queries/users.sql:1:1 (sent together with 2 more queries): An I/O error"
                  + " occurred while sending to the backend"),
          error);
      assertEquals(List.of(), run.warnings());
      assertEquals(before, LocalServer.ourScratchDatabases());
      assertWithinCeiling(run, BOUND_MILLIS);
      System.out.println(
          "connections cut during analysis: failed in " + run.millis() + " ms, nothing left");
    }
  }

  @Test
  void aServerThatFreezesMidBuildFailsWithinTheSocketTimeout() throws Exception {
    LocalServer.assumeAnswers();
    write(
        project,
        "migrations/V1__users.sql",
        USERS,
        "migrations/V2__more.sql",
        "SELECT '" + MARKER + "';\n",
        "queries/users.sql",
        FIND_USER);
    List<String> before = LocalServer.ourScratchDatabases();
    try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
      proxy.cutWhenClientSends(MARKER, 0, TcpProxy.Fault.FREEZE);
      Run run =
          compile(
              "jdbc:postgresql://127.0.0.1:"
                  + proxy.port()
                  // Long enough for every answer of a loaded server (a CREATE DATABASE that
                  // waits for the disk), short enough that the freeze ends the build soon.
                  + "/postgres?user=postgres&socketTimeout=10&loginTimeout=10");
      String error = run.onlyError();
      assertTrue(
          error.contains("lost the connection while running migrations/V2__more.sql"), error);
      assertTrue(error.contains("the server sent nothing within the socket timeout"), error);
      List<String> left = new ArrayList<>(LocalServer.ourScratchDatabases());
      left.removeAll(before);
      assertEquals(1, left.size(), left::toString);
      try {
        // Dropping it needs a new connection, which the frozen server does not answer either.
        assertEquals(1, run.warnings().size(), run.warnings()::toString);
        assertTrue(
            run.warnings().get(0).startsWith("could not drop scratch database " + left.get(0)),
            run.warnings().get(0));
        assertTrue(
            run.warnings().get(0).contains("Connection attempt timed out"), run.warnings().get(0));
        // Ended by the socket timeout, then the drop by the login timeout (the messages say so).
        assertWithinCeiling(run, BOUND_MILLIS);
        System.out.println(
            "frozen server, socketTimeout=10, loginTimeout=10: failed in "
                + run.millis()
                + " ms, left "
                + left.get(0));
      } finally {
        LocalServer.dropIfExists(left.get(0));
      }
    }
  }

  // ---- helpers

  static final String USERS =
      "CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);\n";
  static final String FIND_USER =
      "-- name: FindUser :one\nSELECT id, email FROM users WHERE id = @id;\n";

  private Run compile(String database) {
    List<String> options =
        List.of(
            "-Aquarry.projectDir=" + project.toAbsolutePath(),
            "-Aquarry.database=" + database,
            "-Aquarry.lock=off");
    long started = System.nanoTime();
    Compilation compilation = CompileCaseTest.compileWith(options, "migrations", "queries");
    return new Run(compilation, (System.nanoTime() - started) / 1_000_000);
  }

  /** Writes files (path, text, path, text, ...) under {@code root}. */
  static void write(Path root, String... pathThenText) throws IOException {
    for (int i = 0; i < pathThenText.length; i += 2) {
      Path file = root.resolve(pathThenText[i]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, pathThenText[i + 1], StandardCharsets.UTF_8);
    }
  }

  /** A local port nothing listens on. */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static String joined(List<String> lines) {
    return lines.stream().collect(Collectors.joining("\n"));
  }
}
