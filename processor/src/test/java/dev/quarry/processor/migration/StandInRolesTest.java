package dev.quarry.processor.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.diagnostics.Severity;
import dev.quarry.processor.source.SourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roles that production creates outside the migrations: stand-ins on a fresh cluster, an error on a
 * shared server. Roles are cluster-wide, so each test uses names of its own.
 */
class StandInRolesTest {
  private static FreshDatabases databases;

  @TempDir Path project;
  private final Diagnostics diagnostics = new Diagnostics();

  @BeforeAll
  static void startPostgres() throws Exception {
    databases = new FreshDatabases();
  }

  @AfterAll
  static void stopPostgres() {
    if (databases != null) {
      databases.close();
    }
  }

  @Test
  void rolesAreReadWhereRolesGo() {
    assertEquals(
        Set.of("anon", "Authenticated"),
        StandInRoles.rolesNamed("GRANT SELECT, INSERT ON TABLE t TO anon, \"Authenticated\""));
    assertEquals(
        Set.of("service_role"),
        StandInRoles.rolesNamed("REVOKE ALL ON t FROM PUBLIC, service_role CASCADE"));
    assertEquals(
        Set.of("authenticated"),
        StandInRoles.rolesNamed(
            "CREATE POLICY \"own rows\" ON todos AS PERMISSIVE FOR SELECT TO authenticated"
                + " USING (owner = current_user)"));
    assertEquals(Set.of("app"), StandInRoles.rolesNamed("ALTER TABLE t OWNER TO app"));
    assertEquals(Set.of(), StandInRoles.rolesNamed("ALTER TABLE t RENAME TO grant_to"));
    assertEquals(
        Set.of("admin", "reader"),
        StandInRoles.rolesNamed(
            "ALTER DEFAULT PRIVILEGES FOR ROLE admin IN SCHEMA public GRANT SELECT ON TABLES TO reader"));
    assertEquals(
        Set.of("anon", "authenticator"), StandInRoles.rolesNamed("GRANT anon TO authenticator"));
    assertEquals(
        Set.of("authenticated"),
        StandInRoles.rolesNamed("ALTER ROLE authenticated SET statement_timeout = '8s'"));
    assertEquals(
        Set.of("api"),
        StandInRoles.rolesNamed("CREATE SCHEMA IF NOT EXISTS api AUTHORIZATION api"));
    assertEquals(Set.of("x"), StandInRoles.rolesNamed("SET ROLE x"));
    assertEquals(Set.of(), StandInRoles.rolesNamed("CREATE ROLE anon NOLOGIN"));
    assertEquals(Set.of(), StandInRoles.rolesNamed("GRANT SELECT ON t TO CURRENT_USER"));
  }

  private List<Migration> migrations(String text) throws IOException {
    Path dir = Files.createDirectories(project.resolve("migrations"));
    Files.writeString(dir.resolve("V1__roles.sql"), text);
    return new MigrationReader(new SourceReader(project, diagnostics), diagnostics)
        .read(List.of("migrations"));
  }

  private static boolean roleExists(Connection connection, String role) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
      return rs.next();
    }
  }

  @Test
  void freshClusterGetsNologinStandIns() throws Exception {
    List<Migration> m =
        migrations(
            """
            CREATE TABLE todos (id bigint PRIMARY KEY, owner text);
            GRANT SELECT ON todos TO fresh_anon, fresh_authenticated;
            ALTER TABLE todos ENABLE ROW LEVEL SECURITY;
            CREATE POLICY own ON todos FOR SELECT TO fresh_authenticated USING (owner = current_user);
            ALTER ROLE fresh_authenticated SET statement_timeout = '8s';
            CREATE ROLE fresh_own NOLOGIN;
            GRANT SELECT ON todos TO fresh_own;
            """);
    try (Connection connection = databases.fresh()) {
      assertTrue(
          new MigrationRunner(diagnostics, true).apply(connection, m).succeeded(),
          diagnostics.all().toString());
      assertTrue(roleExists(connection, "fresh_anon"));
      assertTrue(roleExists(connection, "fresh_authenticated"));
      try (Statement s = connection.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'fresh_anon'")) {
        assertTrue(rs.next());
        assertFalse(rs.getBoolean(1));
      }
    }
    List<Diagnostic> notes = diagnostics.all();
    assertEquals(2, notes.size(), notes.toString());
    assertTrue(
        notes.stream()
            .allMatch(d -> d.severity() == Severity.NOTE && d.problem() == Problem.STAND_IN_ROLE));
    assertEquals(2, notes.get(0).location().line());
    assertTrue(notes.get(0).message().contains("\"fresh_anon\""), notes.get(0).message());
    assertTrue(notes.get(1).message().contains("\"fresh_authenticated\""));
  }

  @Test
  void sharedServerNamesTheRoleAndCreatesNothing() throws Exception {
    List<Migration> m =
        migrations(
            """
            CREATE TABLE notes (id bigint PRIMARY KEY);
            GRANT SELECT ON notes TO shared_reader;
            """);
    try (Connection connection = databases.fresh()) {
      MigrationRunner.Result result = new MigrationRunner(diagnostics, false).apply(connection, m);
      assertFalse(result.succeeded());
      assertFalse(roleExists(connection, "shared_reader"));
      // The migration's transaction was rolled back: its table is gone too.
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT to_regclass('notes') IS NULL")) {
        assertTrue(rs.next());
        assertTrue(rs.getBoolean(1));
      }
    }
    List<Diagnostic> errors = diagnostics.all();
    assertEquals(1, errors.size(), errors.toString());
    Diagnostic error = errors.get(0);
    assertEquals(Severity.ERROR, error.severity());
    assertEquals("migrations/V1__roles.sql:2:1", error.location().toString());
    assertTrue(
        error
            .message()
            .contains("role \"shared_reader\" does not exist on the server at -Aquarry.database"),
        error.message());
    assertTrue(error.message().contains("CREATE ROLE \"shared_reader\" NOLOGIN"), error.message());
  }

  @Test
  void withoutRoleHandlingPostgresReportsTheRole() throws Exception {
    List<Migration> m =
        migrations("CREATE TABLE t (id int);\nGRANT SELECT ON t TO plain_missing;\n");
    try (Connection connection = databases.fresh()) {
      assertFalse(new MigrationRunner(diagnostics).apply(connection, m).succeeded());
      assertFalse(roleExists(connection, "plain_missing"));
    }
    assertEquals(Problem.MIGRATION_FAILED, diagnostics.all().get(0).problem());
  }
}
