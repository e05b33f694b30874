package dev.quarry.processor.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.config.DatabaseChoice;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
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
  void containerWithoutDockerFailsWithoutAskingTestcontainers() {
    Assumptions.assumeFalse(DockerProbe.engineLikely(), "a Docker engine may be present");
    DatabaseUnavailableException e =
        assertThrows(
            DatabaseUnavailableException.class,
            () -> DatabaseLauncher.start(new DatabaseChoice.Container(), 17));
    // The cheap check answered: the message names where it looked, not a Testcontainers failure.
    assertTrue(
        e.getMessage()
            .startsWith(
                "-Aquarry.database=container needs a Docker engine, but none answers: "
                    + DockerProbe.whereLooked()),
        e.getMessage());
    assertTrue(e.getMessage().contains("-Aquarry.database=embedded"), e.getMessage());
  }

  @Test
  void testcontainersIsAskedOnlyWhenAnEngineIsLikely() {
    AtomicInteger asked = new AtomicInteger();
    BooleanSupplier testcontainers =
        () -> {
          asked.incrementAndGet();
          return true;
        };
    assertFalse(DockerProbe.engineAnswers(() -> false, testcontainers));
    assertEquals(0, asked.get(), "Testcontainers was asked although no engine is likely");
    assertTrue(DockerProbe.engineAnswers(() -> true, testcontainers));
    assertEquals(1, asked.get());
  }

  @Test
  void autoWithoutDockerDecidesWithoutAskingTestcontainers() {
    Assumptions.assumeFalse(DockerProbe.engineLikely(), "a Docker engine may be present");
    // What auto asks: engineLikely() is false here, so engineAnswers() never reaches
    // Testcontainers (testcontainersIsAskedOnlyWhenAnEngineIsLikely).
    assertFalse(DockerProbe.engineAnswers());
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
