package dev.quarry.processor.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.config.DatabaseChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {
  @Test
  void startsQueriesAndLeavesNothingBehind() throws Exception {
    long started = System.nanoTime();
    SchemaDatabase database = DatabaseLauncher.start(new DatabaseChoice.Embedded(), 17);
    long startMillis = (System.nanoTime() - started) / 1_000_000;
    EmbeddedDatabase embedded = (EmbeddedDatabase) database;
    Path directory = embedded.directory();
    long pid = embedded.postmasterPid().orElseThrow();
    Connection left;
    try (database) {
      assertTrue(
          database.description().startsWith("embedded PostgreSQL 17."), database.description());
      assertTrue(directory.startsWith(Path.of(System.getProperty("java.io.tmpdir"))));
      assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
      left = database.connect(); // left open on purpose: close() must close it
      try (Statement s = left.createStatement();
          ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int")) {
        rs.next();
        assertEquals(17, rs.getInt(1) / 10000);
      }
      System.out.println(
          "embedded PostgreSQL started in " + startMillis + " ms: " + database.description());
    }
    assertTrue(left.isClosed());
    // close() does not wait: a helper stops the server (immediate shutdown) and deletes the folder.
    awaitGone(pid, directory);
    assertEquals(List.of(), database.cleanupProblems());
  }

  /** The postmaster has exited and the folder is deleted, within 30 s. */
  static void awaitGone(long pid, Path directory) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline
        && (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
            || Files.exists(directory))) {
      Thread.sleep(50);
    }
    assertFalse(
        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
        "postmaster still runs 30 s after close");
    assertFalse(Files.exists(directory), "data directory still exists 30 s after close");
  }

  @Test
  void closeSendsTheStopAndReturnsBeforeTheServerIsGone() throws Exception {
    EmbeddedDatabase embedded =
        (EmbeddedDatabase) DatabaseLauncher.start(new DatabaseChoice.Embedded(), 17);
    long pid = embedded.postmasterPid().orElseThrow();
    Path directory = embedded.directory();
    ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
    // Paused, the server cannot go (nor its folder, which the helper deletes after it) before the
    // folder is looked at, however long this thread waits for a core; close() must not wait for it.
    signal("STOP", pid);
    boolean stillThere;
    try {
      embedded.close();
      stillThere = Files.exists(directory);
    } finally {
      signal("CONT", pid);
    }
    // The server goes without anyone waiting for it in this JVM.
    awaitGone(pid, directory);
    assertTrue(stillThere, "close() waited for the folder to be deleted");
    assertFalse(postmaster.isAlive());
    assertEquals(List.of(), embedded.cleanupProblems());
  }

  @Test
  void aCachedClusterIsCopiedInsteadOfInitialized(@TempDir Path tmp, @TempDir Path cache)
      throws Exception {
    EmbeddedDatabase.Timings cold;
    try (EmbeddedDatabase first =
        EmbeddedDatabase.start(17, getClass().getClassLoader(), tmp, cache)) {
      cold = first.timings();
    }
    EmbeddedDatabase.Timings warm;
    try (EmbeddedDatabase second =
        EmbeddedDatabase.start(17, getClass().getClassLoader(), tmp, cache)) {
      warm = second.timings();
      try (Connection c = second.connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT current_setting('wal_segment_size')")) {
        rs.next();
        assertEquals("1MB", rs.getString(1));
      }
    }
    assertFalse(cold.clusterCached());
    assertTrue(warm.clusterCached());
    System.out.println("embedded start, cold cache: " + cold + "; warm cache: " + warm);
    awaitEmpty(tmp);
  }

  /** The instance folders in {@code tmp} are deleted (in the background), within 30 s. */
  static void awaitEmpty(Path tmp) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    List<Path> left;
    do {
      try (var children = Files.list(tmp)) {
        left = children.toList();
      }
      if (!left.isEmpty()) {
        Thread.sleep(50);
      }
    } while (!left.isEmpty() && System.nanoTime() < deadline);
    assertEquals(List.of(), left, "instance folders left behind");
  }

  @Test
  void aDamagedCachedClusterIsMadeAgain(@TempDir Path tmp, @TempDir Path cache) throws Exception {
    try (EmbeddedDatabase first =
        EmbeddedDatabase.start(17, getClass().getClassLoader(), tmp, cache)) {
      assertEquals(List.of(), first.startupNotes());
    }
    Path cluster;
    try (var clusters = Files.list(cache)) {
      cluster =
          clusters
              .filter(p -> p.getFileName().toString().startsWith("cluster-"))
              .findFirst()
              .orElseThrow();
    }
    Files.delete(cluster.resolve("data/global/pg_control"));
    try (EmbeddedDatabase second =
        EmbeddedDatabase.start(17, getClass().getClassLoader(), tmp, cache)) {
      assertEquals(1, second.startupNotes().size(), second.startupNotes().toString());
      assertTrue(
          second.startupNotes().get(0).contains("it was removed and made again"),
          second.startupNotes().toString());
      try (Connection c = second.connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT 1")) {
        assertTrue(rs.next());
      }
    }
    assertTrue(Files.isRegularFile(cluster.resolve("data/global/pg_control")));
  }

  @Test
  void missingMajorVersionNamesTheArtifactToAdd(@TempDir Path emptyRepository) {
    DatabaseUnavailableException e =
        assertThrows(
            DatabaseUnavailableException.class,
            () -> PostgresBinaries.find(15, getClass().getClassLoader(), emptyRepository));
    assertTrue(
        e.getMessage()
            .contains(
                "io.zonky.test.postgres:"
                    + PostgresBinaries.Platform.current().orElseThrow().artifactId()
                    + ":15.x.y"),
        e.getMessage());
    assertTrue(e.getMessage().contains("annotationProcessorPaths"), e.getMessage());
    assertTrue(e.getMessage().contains("17.11.0"), e.getMessage());
  }

  @Test
  void findsTheBinariesOnTheClassPath() throws Exception {
    PostgresBinaries binaries = PostgresBinaries.find(17, getClass().getClassLoader(), null);
    assertEquals(17, PostgresBinaries.majorOf(binaries.version()));
  }

  private static void signal(String signal, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start();
    assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
  }
}
