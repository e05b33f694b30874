package dev.quarry.processor.database;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.config.DatabaseChoice;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ContainerDatabaseTest {
  @Test
  void containerNeedsDockerEngine() throws Exception {
    Assumptions.assumeTrue(DockerProbe.engineAnswers(), "no Docker engine");
    try (SchemaDatabase database = DatabaseLauncher.start(new DatabaseChoice.Container(), 17)) {
      assertTrue(database.description().contains("postgres:17-alpine"), database.description());
      try (Connection c = database.connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT 1")) {
        assertTrue(rs.next());
      }
    }
  }

  @Test
  void containerWithoutDockerFailsFastWithAdvice() {
    Assumptions.assumeFalse(DockerProbe.engineLikely(), "a Docker engine may be present");
    long started = System.nanoTime();
    DatabaseUnavailableException e =
        assertThrows(
            DatabaseUnavailableException.class,
            () -> DatabaseLauncher.start(new DatabaseChoice.Container(), 17));
    assertTrue(e.getMessage().contains("-Aquarry.database=embedded"), e.getMessage());
    assertTrue((System.nanoTime() - started) / 1_000_000 < 500, "the Docker check took too long");
  }

  @Test
  void autoWithoutDockerDecidesAtOnce() {
    Assumptions.assumeFalse(DockerProbe.engineLikely(), "a Docker engine may be present");
    long started = System.nanoTime();
    assertTrue(!DockerProbe.engineAnswers());
    assertTrue((System.nanoTime() - started) / 1_000_000 < 100, "the auto decision took too long");
  }

  @Test
  void autoWithoutDockerUsesEmbedded() throws Exception {
    Assumptions.assumeFalse(DockerProbe.engineLikely(), "a Docker engine may be present");
    try (SchemaDatabase database = DatabaseLauncher.start(new DatabaseChoice.Auto(), 17)) {
      assertTrue(
          database.description().startsWith("embedded PostgreSQL 17."), database.description());
    }
  }
}
