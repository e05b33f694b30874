package dev.quarry.processor.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed with SIGKILL leaves its embedded postmaster running and its folder in the temp
 * directory; the next build removes both, and nothing that is not a dead build's.
 */
class StaleInstancesTest {
  @TempDir Path tmp;
  @TempDir Path cache;

  @Test
  void theNextBuildRemovesWhatAKilledBuildLeft() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process build =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedHolder.class.getName(),
                tmp.toString(),
                cache.toString())
            .redirectErrorStream(true)
            .start();
    Path folder;
    long postmaster;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(build.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.startsWith("started "));
      assertTrue(line != null, "the child build did not start PostgreSQL");
      String[] parts = line.split(" ");
      folder = Path.of(parts[1]);
      postmaster = Long.parseLong(parts[2]);
    }
    build.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertTrue(build.waitFor(30, TimeUnit.SECONDS));
    assertTrue(
        ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
        "pg_ctl detaches the postmaster, so it outlives the killed build");
    assertTrue(Files.isDirectory(folder));

    // Folders that only look like a dead build's must stay.
    Path foreign = Files.createDirectories(tmp.resolve(StaleInstances.FOLDER_PREFIX + "foreign"));
    Files.writeString(foreign.resolve(StaleInstances.OWNER_FILE), "pid=1\nstarted=\n");
    Path unowned = Files.createDirectories(tmp.resolve(StaleInstances.FOLDER_PREFIX + "young"));
    Path other = Files.createDirectories(tmp.resolve("not-quarry"));
    // The next build cleans up before it starts, and says so.
    EmbeddedDatabase alive = EmbeddedDatabase.start(17, getClass().getClassLoader(), tmp, cache);
    try (alive) {
      List<String> report = alive.startupNotes();
      assertEquals(1, report.size(), report.toString());
      assertTrue(
          report
              .get(0)
              .startsWith(
                  "removed embedded PostgreSQL left by a build that died: deleted " + folder),
          report.get(0));
      assertTrue(
          report.get(0).contains("stopped its postmaster (process " + postmaster + ")"),
          report.get(0));
      // A live build's instance is not a leftover.
      assertEquals(List.of(), StaleInstances.removeStale(tmp, cache));
      assertFalse(
          ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
          "postmaster still runs");
      assertFalse(Files.exists(folder));
      assertTrue(Files.isDirectory(alive.directory()));
      assertTrue(
          alive
              .postmasterPid()
              .flatMap(ProcessHandle::of)
              .map(ProcessHandle::isAlive)
              .orElse(false));
      assertTrue(Files.isDirectory(foreign), "pid 1 is alive: not a dead build's");
      assertTrue(Files.isDirectory(unowned), "no owner file and younger than the grace period");
      assertTrue(Files.isDirectory(other));
    }
  }

  @Test
  void anOldFolderWithoutOwnerNorLockIsStaleAndAReusedPidIsNotTheOwner() throws Exception {
    Path old = Files.createDirectories(tmp.resolve(StaleInstances.FOLDER_PREFIX + "old"));
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
    assertTrue(StaleInstances.isStale(old));

    // This JVM's pid with another start time: the process that wrote it is gone.
    Path reused = Files.createDirectories(tmp.resolve(StaleInstances.FOLDER_PREFIX + "reused"));
    Files.writeString(
        reused.resolve(StaleInstances.OWNER_FILE),
        "pid=" + ProcessHandle.current().pid() + "\nstarted=2001-01-01T00:00:00Z\n");
    assertTrue(StaleInstances.isStale(reused));

    Path mine = Files.createDirectories(tmp.resolve(StaleInstances.FOLDER_PREFIX + "mine"));
    StaleInstances.claim(mine);
    assertFalse(StaleInstances.isStale(mine));
  }

  @Test
  void aPostmasterPidFileNamingAnotherProgramIsNotAPostmaster() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    // This JVM is alive, but its command line does not serve that data folder.
    Files.writeString(
        data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n");
    assertTrue(StaleInstances.postmaster(data).isEmpty());
  }
}
