package dev.quarry.processor.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.ChildJavac;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kept embedded PostgreSQL ({@link KeptServers}) and the migrated-schema cache on it ({@link
 * SchemaTemplates}), with builds in JVMs of their own (as javac runs), each test with a folder of
 * kept servers of its own that it stops at the end.
 */
class KeptServerTest {
  @TempDir Path temp;

  private final AtomicInteger builds = new AtomicInteger();

  private Path keep() {
    return temp.resolve("keep");
  }

  @AfterEach
  void stopKeptServers() throws Exception {
    StopKeptServers.under(keep());
  }

  @Test
  void theSecondBuildClonesTheCachedSchemaAndReportsTheSameDiagnostics() throws Exception {
    Path project =
        project(
            "cached", "CREATE INDEX users_email_idx ON users (email);\n"); // a lock-risk warning
    ChildJavac.Outcome first = build(project, List.of());
    assertEquals(0, first.exitCode(), first.output());
    assertFalse(first.output().contains("cloned from the cached migrated schema"), first.output());
    Set<String> templates = templates();
    assertEquals(1, templates.size(), templates.toString());

    ChildJavac.Outcome second = build(project, List.of());
    assertEquals(0, second.exitCode(), second.output());
    assertTrue(second.output().contains("cloned from the cached migrated schema"), second.output());
    assertEquals(templates, templates(), "a hit makes no template");
    List<String> firstDiagnostics = diagnostics(first.output());
    assertTrue(
        firstDiagnostics.stream().anyMatch(line -> line.contains("[quarry:lock-risk]")),
        first.output());
    assertEquals(firstDiagnostics, diagnostics(second.output()));

    // An edited migration is another schema: migrated again, kept as another template.
    Files.writeString(
        project.resolve("migrations/V2__second.sql"),
        "CREATE INDEX users_email_idx ON users (email);\nALTER TABLE users ADD COLUMN bio text;\n",
        StandardCharsets.UTF_8);
    ChildJavac.Outcome edited = build(project, List.of());
    assertEquals(0, edited.exitCode(), edited.output());
    assertFalse(edited.output().contains("cloned from the cached"), edited.output());
    assertEquals(2, templates().size());
  }

  @Test
  void aTemplateWhoseRecordCannotBeReadIsAnErrorNotASecondMigration() throws Exception {
    Path project = project("damaged", "SELECT 1;\n");
    ChildJavac.Outcome first = build(project, List.of());
    assertEquals(0, first.exitCode(), first.output());
    String template = templates().iterator().next();
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute(
          "COMMENT ON DATABASE "
              + template
              + " IS 'quarry template: created=2026-01-01T00:00:00Z record=AAAA'");
    }
    ChildJavac.Outcome second = build(project, List.of());
    assertEquals(1, second.exitCode(), second.output());
    assertTrue(
        second.output().contains("has a record this build cannot read; drop that"),
        second.output());
  }

  @Test
  void anOptionThatChangesTheSchemaIsAnotherKey() throws Exception {
    Path project = project("placeholders", "CREATE TABLE ${extra} (id int);\n");
    ChildJavac.Outcome first = build(project, List.of("-Aquarry.placeholders=extra=one"));
    assertEquals(0, first.exitCode(), first.output());
    ChildJavac.Outcome same = build(project, List.of("-Aquarry.placeholders=extra=one"));
    assertTrue(same.output().contains("cloned from the cached"), same.output());
    ChildJavac.Outcome other = build(project, List.of("-Aquarry.placeholders=extra=two"));
    assertEquals(0, other.exitCode(), other.output());
    assertFalse(other.output().contains("cloned from the cached"), other.output());
    assertEquals(2, templates().size());
  }

  @Test
  void rolesTheMigrationsMakeDoNotOutliveTheBuildOnTheKeptServer() throws Exception {
    // A role the migration creates, and one it grants to that production makes (a stand-in).
    Path project =
        project("roles", "CREATE ROLE app_reader NOLOGIN;\nGRANT SELECT ON users TO app_reader;\n");
    // A migration of its own that creates no role, so only its stand-in marks it.
    Files.writeString(
        project.resolve("migrations/V3__grant.sql"),
        "GRANT SELECT ON users TO anon;\n",
        StandardCharsets.UTF_8);
    // Both builds on the build server: a build in javac's process drops its scratch database and
    // roles on a daemon thread, and when javac exits first the next build drops them.
    assertEquals(0, build(project("warm", "SELECT 1;\n"), List.of()).exitCode());
    awaitBuildServer();
    Set<String> warmTemplates = templates(); // the warm-up project's schema is cached
    for (int i = 0; i < 2; i++) {
      ChildJavac.Outcome outcome = build(project, List.of());
      assertEquals(0, outcome.exitCode(), outcome.output());
      assertTrue(outcome.output().contains("[quarry:stand-in-role]"), outcome.output());
      assertFalse(outcome.output().contains("cloned from the cached"), outcome.output());
      // On the build server the scratch database and its roles are dropped just after the reply.
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!userRoles().equals(Set.of("postgres")) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(Set.of("postgres"), userRoles(), "roles left on the kept server");
      assertEquals(warmTemplates, templates(), "a schema that needs roles is not cached");
    }
  }

  @Test
  void aKilledBuildsScratchDatabaseIsDroppedByTheNextBuild() throws Exception {
    ChildJavac.Outcome warm = build(project("warm", "SELECT 1;\n"), List.of());
    assertEquals(0, warm.exitCode(), warm.output());
    Path slow = project("slow", "SELECT pg_sleep(5);\n");
    // A build in javac's own process (BuildServerTest kills the build server mid-build).
    Process killed = child(slow, List.of("-Aquarry.buildServer=false")).start();
    try {
      String left = awaitScratchOf(killed);
      killed.destroyForcibly(); // SIGKILL: no shutdown hook
      killed.waitFor();
      awaitNoSession(left);
      assertTrue(databases().contains(left));
      ChildJavac.Outcome next = build(project("next", "SELECT 2;\n"), List.of());
      assertEquals(0, next.exitCode(), next.output());
      assertTrue(next.output().contains("that killed builds left"), next.output());
      assertFalse(databases().contains(left), "the killed build's database is still there");
    } finally {
      killed.destroyForcibly();
    }
  }

  @Test
  void aKilledServerIsReplacedAndLeavesNothingBehind() throws Exception {
    Path project = project("server-killed", "SELECT 1;\n");
    ChildJavac.Outcome first = build(project, List.of());
    assertEquals(0, first.exitCode(), first.output());
    String name = KeptServers.names(keep()).get(0);
    KeptServers.State before = KeptServers.read(keep(), name).orElseThrow();
    List<String> pidFile =
        Files.readAllLines(
            Path.of(before.data()).resolve("postmaster.pid"), StandardCharsets.UTF_8);
    String segment = pidFile.get(6).strip().split("\\s+")[1];
    ProcessHandle postmaster = ProcessHandle.of(before.postmasterPid()).orElseThrow();
    postmaster.destroyForcibly(); // SIGKILL
    postmaster.onExit().get(30, TimeUnit.SECONDS);

    ChildJavac.Outcome next = build(project, List.of());
    assertEquals(0, next.exitCode(), next.output());
    KeptServers.State after = KeptServers.read(keep(), name).orElseThrow();
    assertNotEquals(before.postmasterPid(), after.postmasterPid());
    assertTrue(KeptServers.alive(after));
    // The old watchdog or the next build removed the segment the killed postmaster left.
    assertFalse(
        sharedMemoryIds().contains(segment),
        "shared memory segment " + segment + " is left: " + sharedMemoryIds());
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (ProcessHandle.of(before.watchdogPid()).map(ProcessHandle::isAlive).orElse(false)
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertFalse(
        ProcessHandle.of(before.watchdogPid()).map(ProcessHandle::isAlive).orElse(false),
        "the old watchdog still runs");
  }

  @Test
  void twoBuildsAtOnceShareOneServer() throws Exception {
    Process a = child(project("a", "SELECT 1;\n"), List.of()).start();
    Process b = child(project("b", "SELECT 2;\n"), List.of()).start();
    assertTrue(a.waitFor(180, TimeUnit.SECONDS) && b.waitFor(180, TimeUnit.SECONDS));
    assertEquals(0, a.exitValue(), read(temp.resolve("work-1")));
    assertEquals(0, b.exitValue(), read(temp.resolve("work-2")));
    assertEquals(1, KeptServers.names(keep()).size(), KeptServers.names(keep()).toString());
    assertTrue(KeptServers.alive(KeptServers.read(keep(), KeptServers.names(keep()).get(0)).get()));
    // Their scratch databases are dropped at the end, or by the next build if the JVM exited
    // first.
    ChildJavac.Outcome next = build(project("c", "SELECT 3;\n"), List.of());
    assertEquals(0, next.exitCode(), next.output());
    assertEquals(
        Set.of(),
        scratchDatabases().stream()
            .filter(n -> n.contains("_" + a.pid() + "_") || n.contains("_" + b.pid() + "_"))
            .collect(Collectors.toSet()),
        "a scratch database of the two builds is left");
    List<Long> postmasters =
        ProcessHandle.allProcesses()
            .filter(
                p ->
                    KeptServers.commandLine(p)
                        .map(line -> line.contains("-D " + keep()))
                        .orElse(false))
            .map(ProcessHandle::pid)
            .toList();
    assertEquals(1, postmasters.size(), "postmasters under " + keep() + ": " + postmasters);
  }

  @Test
  void anIdleServerStopsAndRemovesItsFiles() throws Exception {
    ChildJavac.Outcome outcome =
        build(project("idle", "SELECT 1;\n"), List.of("-Aquarry.keepAlive.idleSeconds=15"));
    assertEquals(0, outcome.exitCode(), outcome.output());
    String name = KeptServers.names(keep()).get(0);
    KeptServers.State state = KeptServers.read(keep(), name).orElseThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    // The watchdog deletes the folder, then the state file: wait for both.
    while (System.nanoTime() < deadline
        && (KeptServers.alive(state)
            || Files.exists(keep().resolve(name))
            || !KeptServers.names(keep()).isEmpty())) {
      Thread.sleep(200);
    }
    assertFalse(KeptServers.alive(state), "the idle server still runs");
    assertFalse(Files.exists(keep().resolve(name)), "its folder is left");
    assertEquals(List.of(), KeptServers.names(keep()));
    Optional<ProcessHandle> watchdog = ProcessHandle.of(state.watchdogPid());
    if (watchdog.isPresent()) {
      watchdog.get().onExit().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void keepAliveOffStartsAndStopsAServerPerBuild() throws Exception {
    ChildJavac.Outcome outcome =
        build(project("off", "SELECT 1;\n"), List.of("-Aquarry.keepAlive=false"));
    assertEquals(0, outcome.exitCode(), outcome.output());
    assertEquals(List.of(), KeptServers.names(keep()));
  }

  // ---- helpers

  /** Waits until the build server the first build started listens. */
  private void awaitBuildServer() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      for (String name : KeptServers.names(keep())) {
        Path log = keep().resolve(name + ".watchdog.log");
        if (Files.exists(log) && Files.readString(log).contains("build server listening")) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no build server under " + keep());
  }

  private ChildJavac.Outcome build(Path project, List<String> options) throws Exception {
    return child(project, options).run(180);
  }

  private ChildJavac child(Path project, List<String> options) throws Exception {
    List<String> all = new ArrayList<>(List.of("-Aquarry.database=embedded", "-Aquarry.lock=off"));
    all.addAll(options);
    Path work = Files.createDirectories(temp.resolve("work-" + builds.incrementAndGet()));
    return new ChildJavac(project, work, all, Map.of()).withKeepDir(keep());
  }

  private static String read(Path work) throws Exception {
    StringBuilder text = new StringBuilder();
    for (String name : List.of("stdout.txt", "stderr.txt")) {
      Path file = work.resolve(name);
      if (Files.exists(file)) {
        text.append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return text.toString();
  }

  private Path project(String name, String secondMigration) throws Exception {
    Path root = temp.resolve(name);
    Files.createDirectories(root.resolve("migrations"));
    Files.createDirectories(root.resolve("queries"));
    Files.writeString(
        root.resolve("migrations/V1__users.sql"),
        "CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        root.resolve("migrations/V2__second.sql"), secondMigration, StandardCharsets.UTF_8);
    Files.writeString(
        root.resolve("queries/users.sql"),
        "-- name: FindUser :one\nSELECT id, email FROM users WHERE id = @id;\n",
        StandardCharsets.UTF_8);
    return root;
  }

  /** The lines with a Quarry tag, without the build summary (it names the scratch database). */
  private static List<String> diagnostics(String output) {
    return output
        .lines()
        .filter(line -> line.contains("[quarry:"))
        .filter(line -> !line.contains("checked against"))
        // What an earlier build left (its JVM exited before its drop ended) is no build's own.
        .filter(line -> !line.contains("[quarry:leftovers]"))
        .map(line -> line.replaceFirst("^.*package-info\\.java:1: ", ""))
        .toList();
  }

  private Connection admin() throws Exception {
    String name = KeptServers.names(keep()).get(0);
    KeptServers.State state = KeptServers.read(keep(), name).orElseThrow();
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + state.port() + "/postgres?user=postgres");
  }

  private Set<String> query(String sql) throws Exception {
    try (Connection c = admin();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      Set<String> found = new TreeSet<>();
      while (rows.next()) {
        found.add(rows.getString(1));
      }
      return found;
    }
  }

  private Set<String> templates() throws Exception {
    return query(
        "SELECT datname FROM pg_database WHERE datname LIKE '" + SchemaTemplates.PREFIX + "%'");
  }

  private Set<String> databases() throws Exception {
    return query("SELECT datname FROM pg_database");
  }

  private Set<String> scratchDatabases() throws Exception {
    return query("SELECT datname FROM pg_database WHERE datname LIKE 'quarry\\_scratch\\_%'");
  }

  private Set<String> userRoles() throws Exception {
    return query("SELECT rolname FROM pg_roles WHERE rolname NOT LIKE 'pg\\_%'");
  }

  /** The scratch database of {@code build}'s process, once its slow migration runs. */
  private String awaitScratchOf(Process build) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(build.isAlive(), "the build ended before its migration ran");
      try {
        Set<String> sleeping =
            query(
                "SELECT datname FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'"
                    + " AND datname LIKE '%\\_"
                    + build.pid()
                    + "\\_%'");
        if (!sleeping.isEmpty()) {
          return sleeping.iterator().next();
        }
      } catch (Exception e) {
        // No server yet.
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the build never reached its slow migration");
  }

  private void awaitNoSession(String database) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (query("SELECT datname FROM pg_stat_activity WHERE datname = '" + database + "'")
          .isEmpty()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the killed build's session on " + database + " did not end");
  }

  private static Set<String> sharedMemoryIds() throws Exception {
    Path table = Path.of("/proc/sysvipc/shm");
    if (!Files.isReadable(table)) {
      return Set.of();
    }
    return Files.readAllLines(table, StandardCharsets.UTF_8).stream()
        .skip(1)
        .map(line -> line.strip().split("\\s+"))
        .filter(f -> f.length > 1)
        .map(f -> f[1])
        .collect(Collectors.toSet());
  }
}
