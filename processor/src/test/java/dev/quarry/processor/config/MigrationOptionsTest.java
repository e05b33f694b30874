package dev.quarry.processor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationOptionsTest {
  private static final Path PROJECT = Path.of("/project");

  @Test
  void defaults() throws InvalidOptionException {
    MigrationOptions options = MigrationOptions.parse(PROJECT, null, null, null, null, null, null);
    assertNull(options.format());
    assertEquals(Check.Level.WARNING, options.level(Check.LOCK_RISK));
    assertEquals(Check.Level.OFF, options.level(Check.DOWN));
    assertEquals(Check.Level.ERROR, options.level(Check.EXPAND_CONTRACT));
    assertNull(options.snapshot());
  }

  @Test
  void everyOption() throws InvalidOptionException {
    MigrationOptions options =
        MigrationOptions.parse(
            PROJECT,
            "Goose",
            "schema=public, owner = app",
            "lock-risk=error,down=on",
            "schema.snapshot.sql",
            "release/queries",
            "quarry-queries.sql");
    assertEquals(Path.of("/project/quarry-queries.sql"), options.recordQueries());
    assertEquals(MigrationFormat.GOOSE, options.format());
    assertEquals(Map.of("schema", "public", "owner", "app"), options.placeholders());
    assertEquals(Check.Level.ERROR, options.level(Check.LOCK_RISK));
    assertEquals(Check.Level.ERROR, options.level(Check.DOWN));
    assertEquals(Path.of("/project/schema.snapshot.sql"), options.snapshot());
    assertEquals(Path.of("/project/release/queries"), options.previousQueries());
  }

  @Test
  void badValuesSayWhatIsAllowed() {
    assertTrue(
        assertThrows(
                InvalidOptionException.class,
                () -> MigrationOptions.parse(PROJECT, "liquibas", null, null, null, null, null))
            .getMessage()
            .contains("use auto (the default) or one of flyway, golang-migrate, goose"));
    assertTrue(
        assertThrows(
                InvalidOptionException.class,
                () -> MigrationOptions.parse(PROJECT, null, null, "locks=error", null, null, null))
            .getMessage()
            .contains("unknown check \"locks\"; the checks are lock-risk, down, expand-contract"));
    assertTrue(
        assertThrows(
                InvalidOptionException.class,
                () -> MigrationOptions.parse(PROJECT, null, null, "down=maybe", null, null, null))
            .getMessage()
            .contains("is not a level; use off, warning, error or on"));
    assertTrue(
        assertThrows(
                InvalidOptionException.class,
                () -> MigrationOptions.parse(PROJECT, null, "schema", null, null, null, null))
            .getMessage()
            .contains("\"schema\" is not name=value"));
  }
}
