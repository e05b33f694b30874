package dev.quarry.processor.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.LocalServer;
import dev.quarry.processor.config.Check;
import dev.quarry.processor.config.DatabaseChoice;
import dev.quarry.processor.database.DatabaseLauncher;
import dev.quarry.processor.database.SchemaDatabase;
import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.migration.Migration;
import dev.quarry.processor.migration.MigrationReader;
import dev.quarry.processor.migration.MigrationRunner;
import dev.quarry.processor.source.SourceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The down round trip runs a role-creating migration's up part again after its down part dropped
 * the role: on a shared server the re-created role must be dropped at the end like the first.
 */
class DownRoundTripRolesTest {
  @TempDir Path project;

  /**
   * The server's roles but those that other builds' migrations made (marked "quarry role:"): a
   * build's start drops those whose builds are gone (a killed build's, say), which is right.
   */
  private static TreeSet<String> roles() throws Exception {
    TreeSet<String> names = new TreeSet<>();
    try (Connection c = LocalServer.connect();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT rolname FROM pg_roles WHERE rolname = 'quarry_test_down'"
                    + " OR coalesce(shobj_description(oid, 'pg_authid'), '')"
                    + " NOT LIKE 'quarry role:%'")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  @Test
  void rolesTheDownRoundTripCreatesAgainAreDroppedToo() throws Exception {
    LocalServer.assumeAnswers();
    Path dir = Files.createDirectories(project.resolve("migrations"));
    Files.writeString(
        dir.resolve("000001_roles.up.sql"),
        "CREATE TABLE t (id int);\nCREATE ROLE quarry_test_down;\n"
            + "GRANT SELECT ON t TO quarry_test_down;\n");
    Files.writeString(
        dir.resolve("000001_roles.down.sql"),
        "REVOKE SELECT ON t FROM quarry_test_down;\nDROP ROLE quarry_test_down;\nDROP TABLE t;\n");
    Diagnostics diagnostics = new Diagnostics();
    List<Migration> migrations =
        new MigrationReader(new SourceReader(project, diagnostics), diagnostics)
            .read(List.of("migrations"));
    TreeSet<String> before = roles();
    assertTrue(!before.contains("quarry_test_down"), "drop quarry_test_down from the server");
    try (SchemaDatabase database =
            DatabaseLauncher.start(new DatabaseChoice.Server(LocalServer.URL), 17);
        Connection connection = database.connect()) {
      assertTrue(
          new MigrationRunner(diagnostics, database.roles())
              .apply(connection, migrations)
              .succeeded(),
          diagnostics.all().toString());
      MigrationDirectives directives =
          new MigrationDirectives(Map.of(Check.DOWN, Check.Level.ERROR), diagnostics);
      new DownRoundTrip(diagnostics, directives, database.roles()).check(connection, migrations);
      assertEquals(List.of(), diagnostics.all().stream().map(Diagnostic::render).toList());
      assertTrue(roles().contains("quarry_test_down"));
    } finally {
      if (!before.contains("quarry_test_down") && roles().contains("quarry_test_down")) {
        TreeSet<String> after = roles();
        LocalServer.execute("DROP ROLE IF EXISTS quarry_test_down");
        assertEquals(before, after, "the round trip's role was left on the server");
      }
    }
    assertEquals(before, roles());
  }
}
