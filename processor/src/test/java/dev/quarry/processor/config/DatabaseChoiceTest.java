package dev.quarry.processor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseChoiceTest {
  @Test
  void keywordsAndDefault() throws Exception {
    assertEquals(new DatabaseChoice.Auto(), DatabaseChoice.parse(null));
    assertEquals(new DatabaseChoice.Auto(), DatabaseChoice.parse("  "));
    assertEquals(new DatabaseChoice.Auto(), DatabaseChoice.parse("auto"));
    assertEquals(new DatabaseChoice.Container(), DatabaseChoice.parse("Container"));
    assertEquals(new DatabaseChoice.Embedded(), DatabaseChoice.parse(" embedded "));
  }

  @Test
  void urlIsAServer() throws Exception {
    String url = "jdbc:postgresql://db.example:5433/app?user=me&password=s3cret";
    DatabaseChoice choice = DatabaseChoice.parse(url);
    assertEquals(new DatabaseChoice.Server(url), choice);
    assertFalse(choice.toString().contains("s3cret"), choice.toString());
  }

  @Test
  void anythingElseListsTheAllowedValues() {
    InvalidOptionException e =
        assertThrows(
            InvalidOptionException.class, () -> DatabaseChoice.parse("mysql://x?password=hunter2"));
    assertEquals("quarry.database", e.option());
    for (String allowed : new String[] {"auto", "container", "embedded", "jdbc:postgresql:"}) {
      assertTrue(e.getMessage().contains(allowed), e.getMessage());
    }
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void postgresVersion() throws Exception {
    assertEquals(17, PostgresVersion.parse(null).major());
    assertEquals(16, PostgresVersion.parse(" 16 ").major());
    for (String bad : new String[] {"16.2", "latest", "9", "-1", "1000000000000"}) {
      InvalidOptionException e =
          assertThrows(InvalidOptionException.class, () -> PostgresVersion.parse(bad));
      assertTrue(e.getMessage().contains("quarry.postgresVersion=" + bad), e.getMessage());
      assertTrue(e.getMessage().contains("17"), e.getMessage());
    }
  }
}
