package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password given in {@code -Aquarry.database} or in PGPASSWORD appears nowhere: not in javac's
 * output (diagnostics, and anything printed to stdout or stderr, logs included), not in any file
 * the build writes (generated sources and classes, lock file, schema snapshot, recorded queries),
 * whether the build succeeds or fails. Each build runs javac in a JVM of its own so that everything
 * it prints is captured and PGPASSWORD can be set. The server's trust authentication accepts any
 * password.
 */
class SecretsTest {
  /**
   * Percent-encoded in the URL; the driver decodes it to {@code Qx7!SeKrit42}. Both forms end with
   * the needle.
   */
  private static final String URL_PASSWORD = "Qx7%21SeKrit42";

  private static final String ENV_PASSWORD = "EnvSeKrit42";
  private static final String NEEDLE = "SeKrit42";

  @TempDir Path temp;

  @Test
  void aSuccessfulBuildWithThePasswordInTheUrl() throws Exception {
    LocalServer.assumeAnswers();
    ChildJavac.Outcome run = build("url-success", blog(), url(LocalServer.HOST_PORT), Map.of());
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(Files.exists(temp.resolve("url-success/project/queries/quarry.lock")));
    assertTrue(Files.exists(temp.resolve("url-success/project/schema.snapshot.sql")));
    assertTrue(Files.exists(temp.resolve("url-success/project/recorded.sql")));
  }

  @Test
  void aSuccessfulBuildWithThePasswordInPgpassword() throws Exception {
    LocalServer.assumeAnswers();
    ChildJavac.Outcome run =
        build("env-success", blog(), LocalServer.URL, Map.of("PGPASSWORD", ENV_PASSWORD));
    assertEquals(0, run.exitCode(), run.output());
  }

  @Test
  void anUnreachableServer() throws Exception {
    int port = DatabaseFaultsTest.closedPort();
    ChildJavac.Outcome run = build("url-unreachable", blog(), url("127.0.0.1:" + port), Map.of());
    assertNotEquals(0, run.exitCode());
    assertTrue(run.stderr().contains("password=***"), run.output());
    ChildJavac.Outcome env =
        build(
            "env-unreachable",
            blog(),
            "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres",
            Map.of("PGPASSWORD", ENV_PASSWORD));
    assertNotEquals(0, env.exitCode());
  }

  @Test
  void aUrlTheDriverCannotParse() throws Exception {
    // The driver's own message quotes the whole URL: "Unable to parse URL jdbc:postgresql://...".
    ChildJavac.Outcome run =
        build(
            "bad-port",
            blog(),
            "jdbc:postgresql://127.0.0.1:notaport/postgres?user=postgres&password=" + URL_PASSWORD,
            Map.of());
    assertNotEquals(0, run.exitCode());
    assertTrue(
        run.stderr()
            .contains(
                "Unable to parse URL jdbc:postgresql://127.0.0.1:notaport/postgres?user=postgres&password=***"),
        run.output());
  }

  @Test
  void aRoleThatDoesNotExist() throws Exception {
    LocalServer.assumeAnswers();
    ChildJavac.Outcome run =
        build(
            "no-role",
            blog(),
            "jdbc:postgresql://"
                + LocalServer.HOST_PORT
                + "/postgres?user=quarry_no_such_role&password="
                + URL_PASSWORD,
            Map.of());
    assertNotEquals(0, run.exitCode());
    assertTrue(run.stderr().contains("role \"quarry_no_such_role\" does not exist"), run.output());
  }

  @Test
  void userAndPasswordBeforeTheHost() throws Exception {
    ChildJavac.Outcome run =
        build(
            "user-info",
            blog(),
            "jdbc:postgresql://postgres:"
                + URL_PASSWORD
                + "@"
                + LocalServer.HOST_PORT
                + "/postgres",
            Map.of());
    assertNotEquals(0, run.exitCode());
    assertTrue(run.stderr().contains("postgres:***@"), run.output());
  }

  @Test
  void aQueryPostgresqlRejects() throws Exception {
    LocalServer.assumeAnswers();
    Path project = blog();
    Files.writeString(
        project.resolve("queries/bad.sql"), "-- name: Bad :many\nSELECT nmae FROM users;\n");
    ChildJavac.Outcome run = build("bad-query", project, url(LocalServer.HOST_PORT), Map.of());
    assertNotEquals(0, run.exitCode());
    assertTrue(
        run.stderr().contains("queries/bad.sql:2:8: Bad: column \"nmae\" does not exist"),
        run.output());
    ChildJavac.Outcome env =
        build("bad-query-env", project, LocalServer.URL, Map.of("PGPASSWORD", ENV_PASSWORD));
    assertNotEquals(0, env.exitCode());
  }

  @Test
  void aMigrationPostgresqlRejects() throws Exception {
    LocalServer.assumeAnswers();
    Path project = blog();
    Files.writeString(
        project.resolve("migrations/V11__broken.sql"), "ALTER TABLE nowhere ADD COLUMN x int;\n");
    ChildJavac.Outcome run = build("bad-migration", project, url(LocalServer.HOST_PORT), Map.of());
    assertNotEquals(0, run.exitCode());
    assertTrue(
        run.stderr()
            .contains(
                "migrations/V11__broken.sql:1:1: migration failed: relation \"nowhere\" does not exist"),
        run.output());
  }

  @Test
  void aServerThatGoesAwayMidBuild() throws Exception {
    LocalServer.assumeAnswers();
    Path project = blog();
    Files.writeString(
        project.resolve("migrations/V11__slow.sql"), "SELECT pg_sleep(5), 'quarry-secret-cut';\n");
    try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
      proxy.cutWhenClientSends("quarry-secret-cut", 200, TcpProxy.Fault.GONE);
      // build() drops the scratch database the build could not drop.
      ChildJavac.Outcome run = build("gone", project, url("127.0.0.1:" + proxy.port()), Map.of());
      assertNotEquals(0, run.exitCode());
      assertTrue(
          run.stderr().contains("lost the connection while running migrations/V11__slow.sql"),
          run.output());
      assertTrue(run.stderr().contains("could not drop scratch database"), run.output());
    }
  }

  // ---- helpers

  private static String url(String hostAndPort) {
    return "jdbc:postgresql://" + hostAndPort + "/postgres?user=postgres&password=" + URL_PASSWORD;
  }

  /** A copy of the blog case. */
  private Path blog() throws IOException {
    Path project = Files.createTempDirectory(temp, "blog");
    Path blog = CompileCaseTest.CASES.resolve("blog");
    for (String folder : List.of("migrations", "queries")) {
      Files.createDirectories(project.resolve(folder));
      try (Stream<Path> files = Files.list(blog.resolve(folder))) {
        for (Path file : files.toList()) {
          Files.copy(file, project.resolve(folder).resolve(file.getFileName()));
        }
      }
    }
    return project;
  }

  /**
   * Builds a copy of {@code project} in {@code temp/<name>} with the lock file, the schema snapshot
   * and recorded queries on, then checks that no output and no file holds the password.
   */
  private ChildJavac.Outcome build(
      String name, Path source, String database, Map<String, String> environment) throws Exception {
    Path root = Files.createDirectories(temp.resolve(name));
    Path project = root.resolve("project");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Files.copy(file, project.resolve(source.relativize(file).toString()));
      }
    }
    Path work = Files.createDirectories(root.resolve("work"));
    List<String> options =
        List.of(
            "-Aquarry.database=" + database,
            "-Aquarry.lock=auto",
            "-Aquarry.snapshot=schema.snapshot.sql",
            "-Aquarry.recordQueries=recorded.sql");
    ChildJavac.Outcome run = new ChildJavac(project, work, options, environment).run(180);
    assertTrue(
        run.output().contains("[quarry:") || run.output().contains("Quarry:"),
        "Quarry said nothing: " + run.output());
    assertNoSecret("javac's output", run.output());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      // Class files too: read as Latin-1, any byte sequence is text.
      assertNoSecret(
          file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    }
    System.out.println(
        name
            + ": exit "
            + run.exitCode()
            + " in "
            + run.millis()
            + " ms, "
            + files.size()
            + " files and the output searched, no password");
    List<String> left = leftBy(run.pid());
    for (String each : left) {
      LocalServer.dropIfExists(each);
    }
    if (!name.equals("gone")) {
      assertEquals(List.of(), left, "scratch databases left");
    }
    return run;
  }

  /** The scratch databases process {@code pid} left, or none when the server does not answer. */
  private static List<String> leftBy(long pid) {
    try {
      return LocalServer.scratchDatabasesOf(pid);
    } catch (java.sql.SQLException e) {
      return List.of();
    }
  }

  private static void assertNoSecret(String where, String text) {
    for (String secret : List.of(NEEDLE, ENV_PASSWORD)) {
      assertTrue(!text.contains(secret), "the password is in " + where + ":\n" + text);
    }
  }
}
