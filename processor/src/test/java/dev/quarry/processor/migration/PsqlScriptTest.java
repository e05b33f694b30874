package dev.quarry.processor.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Severity;
import dev.quarry.processor.source.SourceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pg_dump file applied as a migration, as psql would apply it. */
class PsqlScriptTest {
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
  void dumpAppliesAndItsSessionSettingsEndWithIt() throws Exception {
    Path dir = Files.createDirectories(project.resolve("migrations"));
    Files.writeString(
        dir.resolve("001_schema.sql"),
        """
        \\restrict k3y
        SET statement_timeout = 0;
        SET parameter_from_a_newer_server = 0;
        SELECT pg_catalog.set_config('search_path', '', false);
        CREATE TABLE public.accounts (id bigint NOT NULL);
        ALTER TABLE public.accounts OWNER TO dump_owner;
        COPY public.accounts (id) FROM stdin;
        1
        \\.
        \\unrestrict k3y
        """);
    Files.writeString(dir.resolve("002_more.sql"), "CREATE TABLE notes (id bigint);\n");
    List<Migration> migrations =
        new MigrationReader(new SourceReader(project, diagnostics), diagnostics)
            .read(List.of("migrations"));
    try (Connection connection = databases.fresh()) {
      assertTrue(
          new MigrationRunner(diagnostics, true).apply(connection, migrations).succeeded(),
          diagnostics.all().toString());
      try (Statement s = connection.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT current_setting('search_path'), to_regclass('public.notes') IS NOT NULL,"
                      + " (SELECT count(*) FROM public.accounts)")) {
        assertTrue(rs.next());
        assertEquals("\"$user\", public", rs.getString(1));
        assertTrue(rs.getBoolean(2), "002 created its table in public again");
        assertEquals(0, rs.getLong(3), "COPY data rows are not loaded");
      }
    }
    List<Diagnostic> all = diagnostics.all();
    assertEquals(2, all.size(), all.toString());
    assertTrue(all.stream().allMatch(d -> d.severity() == Severity.NOTE));
    assertEquals("migrations/001_schema.sql:3:1", all.get(0).location().toString());
    assertTrue(all.get(0).message().startsWith("skipped: this server does not know the parameter"));
    assertTrue(all.get(1).message().contains("\"dump_owner\""), all.get(1).message());
  }
}
