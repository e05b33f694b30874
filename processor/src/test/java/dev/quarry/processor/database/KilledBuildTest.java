package dev.quarry.processor.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.ChildJavac;
import dev.quarry.processor.LocalServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build stopped with SIGTERM (Ctrl-C, a CI job cancelled) cleans up in its shutdown hook: no
 * scratch database, no embedded PostgreSQL folder and no postmaster is left. A build killed with
 * SIGKILL mid-build leaves its scratch database behind (no shutdown hook runs); the next build
 * against the server drops it, and leaves alone every database it cannot prove is a dead build's:
 * unmarked, misnamed, owned by a running process, or another host's younger than a day. The server
 * tests need the server on 127.0.0.1:5432.
 */
class KilledBuildTest {
  @TempDir Path temp;

  @Test
  void theNextBuildDropsWhatAKilledBuildLeftAndNothingElse() throws Exception {
    LocalServer.assumeAnswers();
    Path slow = project("slow", "SELECT pg_sleep(5);\n");
    Process killed =
        new ChildJavac(
                slow, Files.createDirectories(temp.resolve("out-killed")), options(), Map.of())
            .start();
    long killedPid = killed.pid();
    List<String> made = new ArrayList<>();
    String left = null;
    try {
      left = awaitSleepingScratchDatabase(killedPid, killed);
      killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
      killed.waitFor();
      assertEquals(
          List.of(left),
          LocalServer.scratchDatabasesOf(killedPid),
          "the killed build left its database");
      awaitNoSessions(left);

      // Databases the next build must not touch, and one it must drop, made by hand.
      ScratchOwner me = ScratchOwner.current();
      long myPid = ProcessHandle.current().pid();
      Instant longAgo = Instant.now().minus(Duration.ofDays(2));
      String unmarked =
          create(made, "quarry_scratch_20200101_000000_" + killedPid + "_00000a", null);
      String ownerRuns =
          create(
              made,
              "quarry_scratch_20200101_000000_" + myPid + "_00000b",
              new ScratchOwner(me.host(), me.pidNamespace(), me.user(), myPid, longAgo).comment());
      String deadButMisnamed =
          create(
              made,
              "quarry_scratch_kept_" + killedPid,
              new ScratchOwner(me.host(), me.pidNamespace(), me.user(), killedPid, longAgo)
                  .comment());
      String otherHostRecent =
          create(
              made,
              "quarry_scratch_20200101_000000_" + killedPid + "_00000c",
              new ScratchOwner(
                      "quarry-test-other-host",
                      "1",
                      "ci",
                      killedPid,
                      Instant.now().minusSeconds(3600))
                  .comment());
      String otherHostOld =
          create(
              made,
              "quarry_scratch_20200101_000000_" + killedPid + "_00000d",
              new ScratchOwner("quarry-test-other-host", "1", "ci", killedPid, longAgo).comment());

      Path quick = project("quick", "SELECT 1;\n");
      ChildJavac.Outcome next =
          new ChildJavac(
                  quick, Files.createDirectories(temp.resolve("out-next")), options(), Map.of())
              .run(120);
      assertEquals(0, next.exitCode(), next.output());
      // 2, or more when another killed build left one on this server.
      assertTrue(
          next.stderr().contains(" scratch databases that killed builds left on 127.0.0.1:5432: "),
          next.output());
      assertTrue(
          next.stderr().contains(left + " (process " + killedPid + " on this host no longer runs)"),
          next.output());
      assertTrue(
          next.stderr()
              .contains(otherHostOld + " (created by ci on quarry-test-other-host 48 h ago)"),
          next.output());
      assertFalse(LocalServer.exists(left), left);
      assertFalse(LocalServer.exists(otherHostOld), otherHostOld);
      for (String kept : List.of(unmarked, ownerRuns, deadButMisnamed, otherHostRecent)) {
        assertTrue(LocalServer.exists(kept), kept + " was dropped");
      }
      System.out.println(
          "killed build "
              + killedPid
              + " left "
              + left
              + "; the next build dropped it and "
              + otherHostOld
              + ", and kept "
              + List.of(unmarked, ownerRuns, deadButMisnamed, otherHostRecent));
    } finally {
      killed.destroyForcibly();
      for (String name : made) {
        LocalServer.dropIfExists(name);
      }
      if (left != null) {
        LocalServer.dropIfExists(left);
      }
    }
  }

  @Test
  void theNextBuildDropsTheRolesOfAKilledBuildsMigrations() throws Exception {
    LocalServer.assumeAnswers();
    String role = "quarry_test_killed_role";
    Path root =
        project("roles", "CREATE ROLE " + role + ";\nGRANT SELECT ON users TO " + role + ";\n");
    Files.writeString(
        root.resolve("migrations/V3__slow.sql"), "SELECT pg_sleep(5);\n", StandardCharsets.UTF_8);
    Process killed =
        new ChildJavac(
                root, Files.createDirectories(temp.resolve("out-roles")), options(), Map.of())
            .start();
    String left = null;
    try {
      left = awaitSleepingScratchDatabase(killed.pid(), killed);
      assertTrue(roleExists(role), "the build's migration created the role");
      killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
      killed.waitFor();
      awaitNoSessions(left);
      assertTrue(roleExists(role), "the killed build left its role");

      Path quick = project("quick-after-roles", "SELECT 1;\n");
      ChildJavac.Outcome next =
          new ChildJavac(
                  quick,
                  Files.createDirectories(temp.resolve("out-after-roles")),
                  options(),
                  Map.of())
              .run(120);
      assertEquals(0, next.exitCode(), next.output());
      assertFalse(LocalServer.exists(left), left);
      assertFalse(roleExists(role), "the next build did not drop the killed build's role");
      assertTrue(
          next.stderr()
              .contains("dropped roles that migrations of builds no longer running created"),
          next.output());
    } finally {
      killed.destroyForcibly();
      if (left != null) {
        LocalServer.dropIfExists(left);
      }
      LocalServer.execute("DROP ROLE IF EXISTS " + role);
    }
  }

  private static boolean roleExists(String role) throws Exception {
    try (Connection c = LocalServer.connect();
        PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      s.setString(1, role);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Test
  void aBuildStoppedWithSigtermDropsItsScratchDatabase() throws Exception {
    LocalServer.assumeAnswers();
    Path slow = project("slow", "SELECT pg_sleep(120);\n");
    Process stopped =
        new ChildJavac(
                slow, Files.createDirectories(temp.resolve("out-stopped")), options(), Map.of())
            .start();
    String database = null;
    try {
      database = awaitSleepingScratchDatabase(stopped.pid(), stopped);
      assertEquals(List.of(database), LocalServer.scratchDatabasesOf(stopped.pid()));
      stopped.destroy(); // SIGTERM: the JVM runs its shutdown hooks
      assertTrue(stopped.waitFor(60, TimeUnit.SECONDS), "the build did not end within 60 s");
      assertEquals(
          List.of(),
          LocalServer.scratchDatabasesOf(stopped.pid()),
          "the stopped build left its scratch database");
    } finally {
      stopped.destroyForcibly();
      if (database != null) {
        LocalServer.dropIfExists(database);
      }
    }
  }

  @Test
  void aBuildStoppedWithSigtermStopsAndRemovesItsEmbeddedPostgres() throws Exception {
    Path slow = project("slow-embedded", "SELECT pg_sleep(120);\n");
    Process stopped =
        new ChildJavac(
                slow,
                Files.createDirectories(temp.resolve("out-embedded")),
                List.of(
                    "-Aquarry.database=embedded", "-Aquarry.keepAlive=false", "-Aquarry.lock=off"),
                Map.of())
            .start();
    Path folder = null;
    Optional<ProcessHandle> postmaster = Optional.empty();
    try {
      folder = awaitEmbeddedFolder(stopped);
      postmaster = awaitSleepingPostmaster(folder, stopped);
      stopped.destroy(); // SIGTERM: the JVM runs its shutdown hooks
      assertTrue(stopped.waitFor(60, TimeUnit.SECONDS), "the build did not end within 60 s");
      ProcessHandle server = postmaster.orElseThrow();
      assertTrue(
          server.onExit().completeOnTimeout(server, 30, TimeUnit.SECONDS).get() != null
              && !server.isAlive(),
          "the stopped build left its postmaster (process " + server.pid() + ") running");
      EmbeddedDatabaseTest.awaitGone(server.pid(), folder);
    } finally {
      stopped.destroyForcibly();
      postmaster.ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void aBuildWhoseJvmExitsAtOnceLeavesNoEmbeddedPostgres() throws Exception {
    // A migration slow enough to find the build's folder while it runs; the build then ends
    // normally and its JVM exits right after close() (javac does): the helper finishes alone.
    Path quick = project("exits-at-once", "SELECT pg_sleep(5);\n");
    // A temp folder of its own: no other build's cleanup of dead builds' folders may do the work.
    Path tmp = Files.createDirectories(temp.resolve("tmp-exits"));
    Process build =
        new ChildJavac(
                quick,
                Files.createDirectories(temp.resolve("out-exits")),
                List.of(
                    "-Aquarry.database=embedded", "-Aquarry.keepAlive=false", "-Aquarry.lock=off"),
                Map.of())
            .withTmp(tmp)
            .start();
    Path folder = null;
    Optional<ProcessHandle> postmaster = Optional.empty();
    try {
      folder = awaitEmbeddedFolder(build, tmp);
      postmaster = awaitSleepingPostmaster(folder, build);
      assertTrue(build.waitFor(120, TimeUnit.SECONDS), "the build did not end within 120 s");
      assertEquals(0, build.exitValue());
      EmbeddedDatabaseTest.awaitGone(postmaster.orElseThrow().pid(), folder);
    } finally {
      build.destroyForcibly();
      postmaster.ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  /** The {@code quarry-pg-*} folder that the build's JVM claimed (its owner file names it). */
  private static Path awaitEmbeddedFolder(Process build) throws Exception {
    return awaitEmbeddedFolder(build, Path.of(System.getProperty("java.io.tmpdir")));
  }

  private static Path awaitEmbeddedFolder(Process build, Path tmp) throws Exception {
    String owner = "pid=" + build.pid() + "\n";
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(build.isAlive(), "the build ended before it started embedded PostgreSQL");
      try (Stream<Path> folders = Files.list(tmp)) {
        for (Path folder :
            folders.filter(f -> f.getFileName().toString().startsWith("quarry-pg-")).toList()) {
          Path file = folder.resolve(StaleInstances.OWNER_FILE);
          try {
            if (Files.readString(file, StandardCharsets.UTF_8).startsWith(owner)) {
              return folder;
            }
          } catch (IOException e) {
            // Not written yet, or another build's folder going away.
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "the build made no embedded PostgreSQL folder in " + tmp + " within 120 s");
  }

  /** The postmaster in {@code folder}, once the build's slow migration runs in it. */
  private static Optional<ProcessHandle> awaitSleepingPostmaster(Path folder, Process build)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(build.isAlive(), "the build ended before its migration ran");
      List<String> pid;
      try {
        pid = Files.readAllLines(folder.resolve("data/postmaster.pid"), StandardCharsets.UTF_8);
      } catch (IOException e) {
        pid = List.of();
      }
      if (pid.size() > 3) {
        String url =
            "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres?user=postgres";
        try (Connection c = java.sql.DriverManager.getConnection(url);
            PreparedStatement s =
                c.prepareStatement(
                    "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'");
            ResultSet rs = s.executeQuery()) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return ProcessHandle.of(Long.parseLong(pid.get(0).strip()));
          }
        } catch (java.sql.SQLException e) {
          // Still starting.
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the build never reached its slow migration");
  }

  @Test
  void aDatabaseInUseIsNotDropped() throws Exception {
    LocalServer.assumeAnswers();
    ScratchOwner me = ScratchOwner.current();
    long deadPid = DeadPid.get();
    List<String> made = new ArrayList<>();
    try {
      String inUse =
          create(
              made,
              "quarry_scratch_20200101_000000_" + deadPid + "_00000e",
              new ScratchOwner(me.host(), me.pidNamespace(), me.user(), deadPid, Instant.now())
                  .comment());
      try (Connection session =
              java.sql.DriverManager.getConnection(
                  LocalServer.URL.replace("/postgres?", "/" + inUse + "?"));
          Connection admin = LocalServer.connect()) {
        assertTrue(session.isValid(2));
        assertEquals(
            List.of(),
            StaleScratchDatabases.drop(
                    admin, me, StaleScratchDatabases::processAlive, Instant.now())
                .stream()
                .filter(d -> d.name().equals(inUse))
                .toList());
        assertTrue(LocalServer.exists(inUse));
      }
      // A closed connection's backend exits a moment later; until then the database is in use.
      awaitNoSessions(inUse);
      try (Connection admin = LocalServer.connect()) {
        assertEquals(
            List.of(inUse),
            StaleScratchDatabases.drop(
                    admin, me, StaleScratchDatabases::processAlive, Instant.now())
                .stream()
                .map(StaleScratchDatabases.Dropped::name)
                .filter(inUse::equals)
                .toList());
      }
      assertFalse(LocalServer.exists(inUse));
    } finally {
      for (String name : made) {
        LocalServer.dropIfExists(name);
      }
    }
  }

  private static List<String> options() {
    return List.of("-Aquarry.database=" + LocalServer.URL, "-Aquarry.lock=off");
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

  /** The scratch database of process {@code pid} once a migration sleeps in it. */
  private static String awaitSleepingScratchDatabase(long pid, Process process) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(process.isAlive(), "the build ended before its migration ran");
      try (Connection c = LocalServer.connect();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT datname FROM pg_stat_activity WHERE datname LIKE ? AND query LIKE 'SELECT pg_sleep%'")) {
        s.setString(1, "quarry\\_scratch\\_%\\_" + pid + "\\_%");
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            return rs.getString(1);
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the build never reached its slow migration");
  }

  /**
   * Waits until the server notices that the killed build's session is gone (after its pg_sleep).
   */
  private static void awaitNoSessions(String database) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (LocalServer.sessions(database) > 0) {
      assertTrue(System.nanoTime() < deadline, "the killed build's session never ended");
      Thread.sleep(100);
    }
  }

  private static String create(List<String> made, String name, String comment) throws Exception {
    LocalServer.dropIfExists(name);
    LocalServer.execute("CREATE DATABASE \"" + name + "\" TEMPLATE template0");
    made.add(name);
    if (comment != null) {
      LocalServer.execute("COMMENT ON DATABASE \"" + name + "\" IS '" + comment + "'");
    }
    return name;
  }
}
