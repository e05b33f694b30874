package dev.quarry.processor.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.config.Check;
import dev.quarry.processor.config.DatabaseChoice;
import dev.quarry.processor.config.JdbcUrls;
import dev.quarry.processor.database.DatabaseLauncher;
import dev.quarry.processor.database.RoleGuard;
import dev.quarry.processor.database.SchemaDatabase;
import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.migration.Migration;
import dev.quarry.processor.migration.MigrationReader;
import dev.quarry.processor.migration.MigrationRunner;
import dev.quarry.processor.migration.SchemaListing;
import dev.quarry.processor.source.SourceReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The down round trip on the realistic folder of every format that has down parts: each down part
 * undoes its up part, so the check stays quiet and the schema is the same afterwards.
 */
class DownRoundTripTest {
  private static final Path FORMATS =
      Path.of("src/test/resources/migration-formats").toAbsolutePath();
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static SchemaDatabase server;

  @BeforeAll
  static void startPostgres() throws Exception {
    server = DatabaseLauncher.start(new DatabaseChoice.Embedded(), 17);
  }

  @AfterAll
  static void stopPostgres() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void goose() throws SQLException {
    assertRoundTrip("goose", Map.of());
  }

  @Test
  void dbmate() throws SQLException {
    // Its down parts cannot remove an enum value, so the schema differs after the round trip.
    List<String> found = roundTrip("dbmate", Map.of());
    assertEquals(1, found.size(), found.toString());
    assertTrue(
        found
            .get(0)
            .startsWith(
                "dbmate/20240102000000_add_admin_role.sql:6:1: dbmate/20240102000000_add_admin_role.sql"
                    + " its down part does not undo its up part: left behind: CREATE TYPE user_role AS ENUM ('reader', 'writer', 'admin');"),
        found.get(0));
  }

  @Test
  void sqlMigrate() throws SQLException {
    assertRoundTrip("sql-migrate", Map.of());
  }

  @Test
  void ternReportsTheMigrationWithoutADownPart() throws SQLException {
    List<String> found = roundTrip("tern", Map.of());
    assertEquals(
        List.of(
            "tern/002_add_bio.sql:1:1: tern/002_add_bio.sql has no down part, so it cannot be rolled back;"
                + " add one, or mark the migration with -- quarry:allow down if it cannot be undone [down round trip] [quarry:down]"),
        found);
  }

  @Test
  void flywayUndoFiles() throws SQLException {
    // V2 has no undo file: Flyway cannot undo it, and Quarry says so.
    List<String> found = roundTrip("flyway", Map.of("schema", "public"));
    assertEquals(1, found.size(), found.toString());
    assertTrue(
        found
            .get(0)
            .startsWith(
                "flyway/V2__email_index.sql:1:1: flyway/V2__email_index.sql has no down part"),
        found.get(0));
  }

  @Test
  void golangMigrate() throws SQLException {
    assertRoundTrip("golang-migrate", Map.of());
  }

  private void assertRoundTrip(String format, Map<String, String> placeholders)
      throws SQLException {
    assertEquals(List.of(), roundTrip(format, placeholders));
  }

  private List<String> roundTrip(String format, Map<String, String> placeholders)
      throws SQLException {
    Diagnostics diagnostics = new Diagnostics();
    List<Migration> migrations =
        new MigrationReader(new SourceReader(FORMATS, diagnostics), diagnostics, null, placeholders)
            .read(List.of(format));
    String name = "d" + DATABASES.incrementAndGet();
    String url;
    try (Connection admin = server.connect();
        Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + name);
      url = admin.getMetaData().getURL();
    }
    try (Connection connection =
        new org.postgresql.Driver().connect(JdbcUrls.withDatabase(url, name), new Properties())) {
      assertTrue(
          new MigrationRunner(diagnostics).apply(connection, migrations).succeeded(),
          diagnostics.all().toString());
      String before = SchemaListing.of(connection);
      MigrationDirectives directives =
          new MigrationDirectives(Map.of(Check.DOWN, Check.Level.ERROR), diagnostics);
      new DownRoundTrip(diagnostics, directives, RoleGuard.NONE).check(connection, migrations);
      List<String> found = diagnostics.all().stream().map(Diagnostic::render).toList();
      if (found.isEmpty()) {
        assertEquals(
            before, SchemaListing.of(connection), "the round trip must leave the schema as it was");
      }
      return found;
    }
  }
}
