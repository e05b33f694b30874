package dev.quarry.processor.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.config.MigrationFormat;
import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Severity;
import dev.quarry.processor.source.SourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration layouts of real projects, read without a database. */
class MigrationLayoutsTest {
  @TempDir Path project;
  private final Diagnostics diagnostics = new Diagnostics();

  private void write(String path, String text) throws IOException {
    Path file = project.resolve("migrations").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private List<Migration> read() {
    return new MigrationReader(new SourceReader(project, diagnostics), diagnostics)
        .read(List.of("migrations"));
  }

  /** Each migration as its path under migrations/, with "(down)" when it has a down part. */
  private List<String> paths(List<Migration> migrations) {
    Path root = project.resolve("migrations");
    return migrations.stream()
        .map(
            m ->
                root.relativize(m.file().path()).toString().replace('\\', '/')
                    + (m.down() == null ? "" : " (down)"))
        .toList();
  }

  private List<String> statements(Migration m) {
    return m.statements().stream().map(m::statementText).toList();
  }

  private List<String> errors() {
    return diagnostics.all().stream()
        .filter(d -> d.severity() == Severity.ERROR)
        .map(Diagnostic::message)
        .toList();
  }

  @Test
  void prismaFoldersInFolderNameOrder() throws IOException {
    write("migration_lock.toml", "provider = \"postgresql\"\n");
    write("20240315093000_lease_kind/migration.sql", "CREATE TYPE \"LeaseKind\" AS ENUM ('A');");
    write("20240101120000_init/migration.sql", "CREATE TABLE \"User\" (id text);");
    write("20240101120000_init/README.md", "notes");
    List<Migration> m = read();
    assertEquals(List.of(), diagnostics.all());
    assertEquals(
        List.of("20240101120000_init/migration.sql", "20240315093000_lease_kind/migration.sql"),
        paths(m));
    assertEquals(MigrationFormat.PRISMA, m.get(1).format());
    assertEquals("20240315093000", m.get(1).version());
    assertEquals("lease kind", m.get(1).description());
  }

  @Test
  void dieselFoldersWithDownPartsAndMetadata() throws IOException {
    write("00000000000000_diesel_initial_setup/up.sql", "SELECT 1;");
    write("00000000000000_diesel_initial_setup/down.sql", "SELECT 2;");
    write("2024-02-01-080000_index/up.sql", "CREATE INDEX CONCURRENTLY i ON t (c);");
    write("2024-02-01-080000_index/metadata.toml", "run_in_transaction = false\n");
    write("2024-01-10-101500_posts/up.sql", "CREATE TABLE posts (id int);");
    List<Migration> m = read();
    assertEquals(List.of(), diagnostics.all());
    assertEquals(
        List.of(
            "00000000000000_diesel_initial_setup/up.sql (down)",
            "2024-01-10-101500_posts/up.sql",
            "2024-02-01-080000_index/up.sql"),
        paths(m));
    assertEquals(List.of("SELECT 2"), statements(m.get(0).down()));
    assertEquals(Migration.Transaction.WRAPPED, m.get(1).transaction());
    assertEquals(Migration.Transaction.NONE, m.get(2).transaction());
  }

  @Test
  void migrationFolderWithoutUpFileIsNamed() throws IOException {
    write("2024-01-10-101500_posts/up.sql", "SELECT 1;");
    write("2024-01-11-101500_tags/down.sql", "SELECT 1;");
    assertEquals(List.of(), read());
    assertEquals(1, errors().size(), errors().toString());
    assertTrue(errors().get(0).contains("2024-01-11-101500_tags/down.sql have no up.sql"));
  }

  @Test
  void filesNextToMigrationFoldersAreNamed() throws IOException {
    write("20240101120000_init/migration.sql", "SELECT 1;");
    write("seed.sql", "SELECT 1;");
    assertEquals(List.of(), read());
    assertEquals(1, errors().size(), errors().toString());
    assertTrue(errors().get(0).contains("migrations/seed.sql does not fit it"), errors().get(0));
  }

  @Test
  void flywayReadsSubfoldersByVersion() throws IOException {
    write("V1__users.sql", "SELECT 1;");
    write("2024/V3__orders.sql", "SELECT 3;");
    write("2023/V2__emails.sql", "SELECT 2;");
    write("2023/notes/draft.sql", "not SQL");
    assertEquals(
        List.of("V1__users.sql", "2023/V2__emails.sql", "2024/V3__orders.sql"), paths(read()));
    assertEquals(List.of(), errors());
    assertEquals(1, diagnostics.all().size());
    assertTrue(diagnostics.all().get(0).message().contains("migrations/2023/notes/draft.sql"));
  }

  @Test
  void otherFormatsLeaveSubfoldersOutWithANote() throws IOException {
    write("1_users.up.sql", "SELECT 1;");
    write("seeds/1_seed.up.sql", "SELECT 2;");
    assertEquals(List.of("1_users.up.sql"), paths(read()));
    assertEquals(List.of(), errors());
    assertEquals(1, diagnostics.all().size());
    assertEquals(Severity.NOTE, diagnostics.all().get(0).severity());
    assertTrue(diagnostics.all().get(0).message().contains("migrations/seeds/1_seed.up.sql"));
  }

  @Test
  void subfoldersOnlyIsAnErrorNamingThem() throws IOException {
    write("tables/users.sql", "SELECT 1;");
    assertEquals(List.of(), read());
    assertEquals(1, errors().size());
    assertTrue(errors().get(0).contains("its subfolders hold migrations/tables/users.sql"));
  }

  @Test
  void aFolderLinkLoopIsReadOnce() throws IOException {
    write("V1__users.sql", "SELECT 1;");
    write("nested/V2__more.sql", "SELECT 2;");
    Path nested = project.resolve("migrations/nested");
    Files.createSymbolicLink(nested.resolve("again"), nested);
    Files.createSymbolicLink(nested.resolve("up"), project.resolve("migrations"));
    assertEquals(List.of("V1__users.sql", "nested/V2__more.sql"), paths(read()));
    assertEquals(List.of(), errors());
  }

  @Test
  void flywayBaselineSkipsTheVersionsItCovers() throws IOException {
    write("V1__users.sql", "SELECT 1;");
    write("V2__emails.sql", "SELECT 2;");
    write("B1__old_baseline.sql", "SELECT 'b1';");
    write("B2__baseline.sql", "SELECT 'b2';");
    write("V3__orders.sql", "SELECT 3;");
    write("R__views.sql", "SELECT 'r';");
    assertEquals(List.of("B2__baseline.sql", "V3__orders.sql", "R__views.sql"), paths(read()));
    assertEquals(List.of(), diagnostics.all());
  }

  @Test
  void flywayCallbacksRunWhereMigrateFiresThem() throws IOException {
    write("V1__users.sql", "SELECT 1;");
    write("V2__emails.sql", "SELECT 2;");
    write("R__views.sql", "SELECT 'r';");
    write("beforeMigrate.sql", "SELECT 'before';");
    write("beforeEachMigrate.sql", "SELECT 'each';");
    write("afterVersioned.sql", "SELECT 'versioned';");
    write("beforeRepeatables.sql", "SELECT 'repeatables';");
    write("afterMigrate__b.sql", "SELECT 'after b';");
    write("afterMigrate__a.sql", "SELECT 'after a';");
    write("afterClean.sql", "DROP TABLE users;");
    write("afterMigrateError.sql", "SELECT 'error';");
    assertEquals(
        List.of(
            "beforeMigrate.sql",
            "beforeEachMigrate.sql",
            "V1__users.sql",
            "beforeEachMigrate.sql",
            "V2__emails.sql",
            "afterVersioned.sql",
            "beforeRepeatables.sql",
            "beforeEachMigrate.sql",
            "R__views.sql",
            "afterMigrate__a.sql",
            "afterMigrate__b.sql"),
        paths(read()));
    assertEquals(List.of(), diagnostics.all());
  }

  @Test
  void aCallbackNameAloneDoesNotMakeAFlywayFolder() throws IOException {
    write("afterMigrate.sql", "SELECT 1;");
    write("users.sql", "SELECT 2;");
    List<Migration> m = read();
    assertEquals(List.of("afterMigrate.sql", "users.sql"), paths(m));
    assertEquals(MigrationFormat.PLAIN, m.get(0).format());
  }

  @Test
  void hiddenFilesAndEditorBackupsAreLeftOut() throws IOException {
    write("V1__users.sql", "SELECT 1;");
    write(".#V2__lock.sql", "broken");
    write("._V2__resource_fork.sql", "broken");
    write("V2__backup.sql~", "broken");
    write("#V2__autosave.sql#", "broken");
    write(".hidden/V3__x.sql", "broken");
    assertEquals(List.of("V1__users.sql"), paths(read()));
    assertEquals(List.of(), diagnostics.all());
  }

  @Test
  void plainDownFilesAreDownPartsNeverApplied() throws IOException {
    write("users.up.sql", "SELECT 1;");
    write("users.down.sql", "SELECT 'down users';");
    write("orders.sql", "SELECT 2;");
    write("orders.down.sql", "SELECT 'down orders';");
    write("stray.down.sql", "SELECT 'never';");
    List<Migration> m = read();
    assertEquals(List.of("orders.sql (down)", "users.up.sql (down)"), paths(m));
    assertEquals(List.of("SELECT 'down users'"), statements(m.get(1).down()));
    assertEquals(List.of(), diagnostics.all());
  }

  @Test
  void numberedPlainFilesByNumber() throws IOException {
    write("10_tags.sql", "SELECT 10;");
    write("2_posts.sql", "SELECT 2;");
    write("1_users.sql", "SELECT 1;");
    assertEquals(List.of("1_users.sql", "2_posts.sql", "10_tags.sql"), paths(read()));
  }

  @Test
  void pgDumpRunsWhatPostgresCanRun() throws IOException {
    write(
        "schema.sql",
        """
        \\restrict abc123
        SET statement_timeout = 0;
        SELECT pg_catalog.set_config('search_path', '', false);
        CREATE TABLE public.t (id int, note text);
        COPY public.t (id, note) FROM stdin;
        1\tit's; not SQL
        2\t\\N
        \\.
        \\connect - app
        CREATE INDEX t_id ON public.t (id);
        \\unrestrict abc123
        """);
    List<Migration> m = read();
    assertEquals(List.of(), diagnostics.all());
    assertEquals(
        List.of(
            "SET statement_timeout = 0",
            "SELECT pg_catalog.set_config('search_path', '', false)",
            "CREATE TABLE public.t (id int, note text)",
            "CREATE INDEX t_id ON public.t (id)"),
        statements(m.get(0)));
    assertTrue(PsqlScript.endsSession(m.get(0)));
  }

  @Test
  void unterminatedCopyDataEndsTheFile() throws IOException {
    write("dump.sql", "CREATE TABLE t (a int);\nCOPY t (a) FROM stdin;\n1\n2\n");
    List<Migration> m = read();
    assertEquals(List.of("CREATE TABLE t (a int)"), statements(m.get(0)));
    assertTrue(!PsqlScript.endsSession(m.get(0)));
  }

  @Test
  void psqlIncludeIsAnErrorAtTheInclude() throws IOException {
    write("V1__users.sql", "CREATE TABLE users (id int);\n\\i other.sql\n");
    assertEquals(List.of(), read());
    List<Diagnostic> all = diagnostics.all();
    assertEquals(1, all.size());
    assertNotNull(all.get(0).location());
    assertEquals(2, all.get(0).location().line());
    assertTrue(all.get(0).message().contains("psql's \\i includes another file"));
  }

  @Test
  void aBackslashInsideAStringIsNoMetaCommand() throws IOException {
    write("a.sql", "SELECT '\n\\connect x\n';\nSELECT 2;");
    List<Migration> m = read();
    assertEquals(List.of("SELECT '\n\\connect x\n'", "SELECT 2"), statements(m.get(0)));
    assertNull(m.get(0).down());
  }
}
