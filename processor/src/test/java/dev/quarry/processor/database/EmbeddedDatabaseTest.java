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
    assertFalse(
        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "postmaster still runs");
    assertFalse(Files.exists(directory), "data directory still exists");
    assertEquals(List.of(), database.cleanupProblems());
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
    try (var left = Files.list(tmp)) {
      assertEquals(List.of(), left.toList(), "instance folders left behind");
    }
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
}
