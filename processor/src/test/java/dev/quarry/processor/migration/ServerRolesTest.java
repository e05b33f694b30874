package dev.quarry.processor.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.LocalServer;
import dev.quarry.processor.config.DatabaseChoice;
import dev.quarry.processor.database.DatabaseLauncher;
import dev.quarry.processor.database.SchemaDatabase;
import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.source.SourceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations that create roles (with grants, a row-level-security policy, default privileges, a
 * schema the role owns and a role made inside a DO block) on the shared server at 127.0.0.1:5432
 * leave {@code pg_roles} as it was, built twice in a row, four at once, or interleaved; a role that
 * was there before fails the migration and is left alone. On embedded PostgreSQL the same
 * migrations just run.
 */
class ServerRolesTest {
  @TempDir Path project;

  private static final String ROLES =
      """
      CREATE ROLE quarry_test_app NOLOGIN;
      CREATE ROLE "Quarry_Test_Reader";
      COMMENT ON ROLE quarry_test_app IS 'the application''s role';
      GRANT SELECT ON accounts TO quarry_test_app, "Quarry_Test_Reader";
      ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
      CREATE POLICY own_accounts ON accounts TO quarry_test_app USING (owner = current_user);
      """;

  private static final String MORE_ROLES =
      """
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'quarry_test_admin') THEN
          CREATE ROLE quarry_test_admin;
        END IF;
      END
      $$;
      CREATE FUNCTION make_role() RETURNS void LANGUAGE plpgsql AS $f$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'quarry_test_fn') THEN
          CREATE ROLE quarry_test_fn;
        END IF;
      END
      $f$;
      SELECT make_role();
      GRANT SELECT ON accounts TO quarry_test_fn;
      GRANT quarry_test_app TO quarry_test_admin;
      ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO quarry_test_app;
      CREATE SCHEMA admin_things AUTHORIZATION quarry_test_admin;
      """;

  private static final List<String> CREATED =
      List.of("quarry_test_app", "Quarry_Test_Reader", "quarry_test_admin", "quarry_test_fn");

  /**
   * Written once, before any build: builds that run at once only read them (a build that rewrote
   * them while another read them gave that one an empty V1, and "relation accounts does not exist"
   * in V2).
   */
  @BeforeEach
  void writeMigrations() throws Exception {
    Path dir = Files.createDirectories(project.resolve("migrations"));
    Files.writeString(
        dir.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id int PRIMARY KEY, owner text);");
    Files.writeString(dir.resolve("V2__roles.sql"), ROLES);
    Files.writeString(dir.resolve("V3__more_roles.sql"), MORE_ROLES);
  }

  private List<Migration> migrations(Diagnostics diagnostics) throws Exception {
    List<Migration> read =
        new MigrationReader(new SourceReader(project, diagnostics), diagnostics)
            .read(List.of("migrations"));
    assertEquals(List.of(), diagnostics.all());
    return read;
  }

  private static SchemaDatabase server() throws Exception {
    return DatabaseLauncher.start(new DatabaseChoice.Server(LocalServer.URL), 17);
  }

  /** Applies the migrations; the diagnostics' messages (none when they all applied). */
  private List<String> apply(SchemaDatabase database) throws Exception {
    Diagnostics diagnostics = new Diagnostics();
    List<Migration> all = migrations(diagnostics);
    try (Connection c = database.connect()) {
      new MigrationRunner(diagnostics, database.roles()).apply(c, all);
    }
    return diagnostics.all().stream().map(Diagnostic::message).toList();
  }

  /** Every role with its comment. */
  private static Map<String, String> pgRoles() throws SQLException {
    Map<String, String> roles = new TreeMap<>();
    try (Connection c = LocalServer.connect();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery("SELECT rolname, shobj_description(oid, 'pg_authid') FROM pg_roles")) {
      while (rows.next()) {
        roles.put(rows.getString(1), String.valueOf(rows.getString(2)));
      }
    }
    return roles;
  }

  /**
   * {@code roles} without the roles that other builds' migrations made (marked "quarry role:" and
   * not this test's): other test classes build on the same server at the same time (a killed
   * build's role, say), and this class's builds rightly drop those whose builds are gone.
   */
  private static Map<String, String> others(Map<String, String> roles) {
    Map<String, String> kept = new TreeMap<>(roles);
    kept.entrySet()
        .removeIf(e -> e.getValue().startsWith("quarry role:") && !CREATED.contains(e.getKey()));
    return kept;
  }

  private static boolean roleExists(String role) throws SQLException {
    return pgRoles().containsKey(role);
  }

  private static void assertNoTestRoles(Map<String, String> before) throws SQLException {
    for (String role : CREATED) {
      assertFalse(before.containsKey(role), role + " is on the server before the test: drop it");
    }
  }

  @Test
  void twoBuildsInARowLeavePgRolesAsItWas() throws Exception {
    LocalServer.assumeAnswers();
    Map<String, String> before = pgRoles();
    assertNoTestRoles(before);
    for (int build = 1; build <= 2; build++) {
      try (SchemaDatabase database = server()) {
        assertEquals(List.of(), apply(database), "build " + build);
        for (String role : CREATED) {
          assertTrue(roleExists(role), role + " during build " + build);
        }
      }
      assertEquals(others(before), others(pgRoles()), "after build " + build);
    }
  }

  @Test
  void fourBuildsAtOnceAllPassAndLeavePgRolesAsItWas() throws Exception {
    LocalServer.assumeAnswers();
    Map<String, String> before = pgRoles();
    assertNoTestRoles(before);
    CyclicBarrier allMigrated = new CyclicBarrier(4);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> builds = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        builds.add(
            pool.submit(
                () -> {
                  try (SchemaDatabase database = server()) {
                    List<String> problems = apply(database);
                    // All four hold their scratch database at once before any ends.
                    allMigrated.await(120, TimeUnit.SECONDS);
                    return problems;
                  }
                }));
      }
      for (Future<List<String>> build : builds) {
        assertEquals(List.of(), build.get(180, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(others(before), others(pgRoles()));
  }

  @Test
  void aRoleAnotherBuildCreatedStaysWhileThatBuildRuns() throws Exception {
    LocalServer.assumeAnswers();
    Map<String, String> before = pgRoles();
    assertNoTestRoles(before);
    SchemaDatabase first = server();
    try (SchemaDatabase second = server()) {
      assertEquals(List.of(), apply(first));
      assertEquals(List.of(), apply(second), "the second build's CREATE ROLE must not fail");
      first.close();
      assertEquals(List.of(), first.cleanupProblems());
      for (String role : CREATED) {
        assertTrue(roleExists(role), role + " was dropped while the second build uses it");
      }
      try (Connection c = second.connect();
          Statement s = c.createStatement()) {
        s.execute("SET ROLE quarry_test_app"); // the role still works in the second build
        s.execute("SELECT * FROM accounts");
      }
    } finally {
      first.close();
    }
    assertEquals(others(before), others(pgRoles()));
  }

  @Test
  void aRoleThatPredatesTheBuildFailsItsCreateRoleAndIsLeftAlone() throws Exception {
    LocalServer.assumeAnswers();
    Map<String, String> before = pgRoles();
    assertNoTestRoles(before);
    LocalServer.execute("CREATE ROLE quarry_test_app");
    try {
      LocalServer.execute("COMMENT ON ROLE quarry_test_app IS 'made by hand'");
      Map<String, String> withRole = pgRoles();
      List<String> problems;
      try (SchemaDatabase database = server()) {
        problems = apply(database);
      }
      assertEquals(1, problems.size(), problems.toString());
      assertTrue(
          problems.get(0).contains("role \"quarry_test_app\" already exists (SQLSTATE 42710)")
              && problems
                  .get(0)
                  .contains("the role quarry_test_app existed on this server before the build"),
          problems.get(0));
      assertEquals(withRole, pgRoles(), "the role made by hand was changed, or another leaked");
    } finally {
      LocalServer.execute("DROP ROLE IF EXISTS quarry_test_app");
    }
    assertEquals(others(before), others(pgRoles()));
  }

  @Test
  void onEmbeddedPostgresTheSameMigrationsJustRun() throws Exception {
    try (SchemaDatabase database = DatabaseLauncher.start(new DatabaseChoice.Embedded(), 17)) {
      assertEquals(List.of(), apply(database));
      try (Connection c = database.connect();
          Statement s = c.createStatement();
          ResultSet rows =
              s.executeQuery(
                  "SELECT count(*) FROM pg_roles WHERE rolname IN"
                      + " ('quarry_test_app', 'Quarry_Test_Reader', 'quarry_test_admin',"
                      + " 'quarry_test_fn')"
                      + " AND coalesce(shobj_description(oid, 'pg_authid'), '') NOT LIKE 'quarry role:%'")) {
        rows.next();
        assertEquals(4, rows.getInt(1), "created as written, unmarked: the cluster is the build's");
      }
    }
  }
}
