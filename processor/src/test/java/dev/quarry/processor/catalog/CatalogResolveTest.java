package dev.quarry.processor.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.processor.config.DatabaseChoice;
import dev.quarry.processor.database.DatabaseLauncher;
import dev.quarry.processor.database.SchemaDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A table or view named without its schema: the one in {@code public} first, else the one schema
 * that has it, else none when several schemas do.
 */
class CatalogResolveTest {
  private static SchemaDatabase database;
  private static Connection connection;
  private static Catalog catalog;

  @BeforeAll
  static void schema() throws Exception {
    database = DatabaseLauncher.start(new DatabaseChoice.Embedded(), 17);
    connection = database.connect();
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          """
          CREATE SCHEMA a;
          CREATE SCHEMA b;
          CREATE TABLE public.shadowed (id int);
          CREATE TABLE a.shadowed (id int);
          CREATE TABLE a.only_a (id int);
          CREATE TABLE a.twice (id int);
          CREATE TABLE b.twice (id int);
          CREATE VIEW a.only_a_view AS SELECT 1 AS one;
          CREATE VIEW a.twice_view AS SELECT 1 AS one;
          CREATE VIEW b.twice_view AS SELECT 1 AS one;
          """);
    }
    catalog = Catalog.load(connection);
  }

  @AfterAll
  static void stop() throws Exception {
    if (connection != null) {
      connection.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private static Optional<String> table(String schema, String name) {
    return catalog.resolveTable(schema, name).map(t -> t.schema() + "." + t.name());
  }

  private static Optional<String> view(String schema, String name) {
    return catalog
        .resolveView(schema, name)
        .map(v -> v.columns().schema() + "." + v.columns().name());
  }

  @Test
  void bareNamesResolveToPublicThenToTheOneSchemaThatHasThem() {
    assertEquals(Optional.of("public.shadowed"), table(null, "shadowed"));
    assertEquals(Optional.of("a.shadowed"), table("a", "shadowed"));
    assertEquals(Optional.of("a.only_a"), table(null, "only_a"));
    assertEquals(Optional.empty(), table(null, "twice"), "two schemas have it");
    assertEquals(Optional.of("b.twice"), table("b", "twice"));
    assertEquals(Optional.empty(), table(null, "missing"));
    assertEquals(Optional.empty(), table(null, "only_a_view"), "a view is not a table");
  }

  @Test
  void bareViewNamesResolveTheSameWay() {
    assertEquals(Optional.of("a.only_a_view"), view(null, "only_a_view"));
    assertEquals(Optional.empty(), view(null, "twice_view"), "two schemas have it");
    assertEquals(Optional.of("a.twice_view"), view("a", "twice_view"));
    assertEquals(Optional.empty(), view(null, "only_a"), "a table is not a view");
  }
}
