package dev.quarry.processor.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.config.MigrationFormat;
import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.source.SourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads and applies a realistic folder of each migration format ({@code
 * src/test/resources/migration-formats/<format>}) on one embedded PostgreSQL, in a fresh database
 * per test.
 */
class MigrationFormatsTest {
  private static final Path FORMATS =
      Path.of("src/test/resources/migration-formats").toAbsolutePath();
  private static FreshDatabases databases;

  @TempDir Path project;
  private final Diagnostics diagnostics = new Diagnostics();
  private Connection connection;

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

  @BeforeEach
  void freshDatabase() throws SQLException {
    connection = databases.fresh();
  }

  @AfterEach
  void closeConnection() throws SQLException {
    connection.close();
  }

  private List<Migration> read(String format) {
    return read(FORMATS, format, null, Map.of());
  }

  private List<Migration> read(
      Path base,
      String folder,
      @Nullable MigrationFormat forced,
      Map<String, String> placeholders) {
    return new MigrationReader(
            new SourceReader(base, diagnostics), diagnostics, forced, placeholders)
        .read(List.of(folder));
  }

  private void applyAll(List<Migration> migrations) throws SQLException {
    MigrationRunner.Result result = new MigrationRunner(diagnostics).apply(connection, migrations);
    assertEquals(List.of(), diagnostics.all());
    assertTrue(result.succeeded());
  }

  private List<String> tables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  private boolean indexExists(String name) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*) FROM pg_indexes WHERE indexname = '" + name + "'")) {
      rs.next();
      return rs.getInt(1) == 1;
    }
  }

  private static List<String> files(List<Migration> migrations) {
    return migrations.stream().map(m -> m.file().path().getFileName().toString()).toList();
  }

  @Test
  void goose() throws SQLException {
    List<Migration> m = read("goose");
    assertEquals(List.of(), diagnostics.all());
    assertEquals(
        List.of(
            "00001_create_users.sql",
            "00002_users_email_index.sql",
            "20240301101500_create_posts.sql"),
        files(m));
    assertTrue(m.stream().allMatch(x -> x.format() == MigrationFormat.GOOSE));
    // The PL/pgSQL body between StatementBegin and StatementEnd is one statement.
    assertEquals(3, m.get(0).statements().size());
    assertEquals(3, m.get(0).down().statements().size());
    assertEquals(Migration.Transaction.NONE, m.get(1).transaction());
    assertEquals(Migration.Transaction.WRAPPED, m.get(2).transaction());
    applyAll(m);
    assertEquals(List.of("posts", "users"), tables());
    assertTrue(indexExists("users_email_idx"));
  }

  @Test
  void dbmate() throws SQLException {
    List<Migration> m = read("dbmate");
    assertEquals(List.of(), diagnostics.all());
    assertEquals(3, m.size());
    assertEquals(Migration.Transaction.NONE, m.get(1).transaction());
    assertEquals(Migration.Transaction.NONE, m.get(1).down().transaction());
    assertEquals(2, m.get(0).down().statements().size());
    applyAll(m);
    assertEquals(List.of("posts", "users"), tables());
    assertTrue(indexExists("users_email_idx"));
  }

  @Test
  void sqlMigrate() throws SQLException {
    List<Migration> m = read("sql-migrate");
    assertEquals(List.of(), diagnostics.all());
    assertEquals(List.of("1_init.sql", "2_email_index.sql", "10_posts.sql"), files(m));
    assertEquals(Migration.Transaction.NONE, m.get(1).transaction());
    applyAll(m);
    assertEquals(List.of("posts", "users"), tables());
  }

  @Test
  void tern() throws SQLException {
    List<Migration> m = read("tern");
    assertEquals(List.of(), diagnostics.all());
    assertEquals(
        List.of("001_create_users.sql", "002_add_bio.sql", "003_email_index.sql"), files(m));
    assertEquals(MigrationFormat.TERN, m.get(1).format());
    assertNull(m.get(1).down());
    assertEquals(
        "DROP TABLE users", m.get(0).down().statementText(m.get(0).down().statements().get(0)));
    applyAll(m);
    assertTrue(indexExists("users_email_idx"));
  }

  @Test
  void ternRefusesGapsInTheNumbers() throws IOException {
    Path dir = Files.createDirectories(project.resolve("migrations"));
    Files.writeString(
        dir.resolve("1_a.sql"),
        "CREATE TABLE a (id int);\n---- create above / drop below ----\nDROP TABLE a;\n");
    Files.writeString(dir.resolve("3_c.sql"), "CREATE TABLE c (id int);\n");
    assertEquals(List.of(), read(project, "migrations", null, Map.of()));
    assertTrue(only().contains("migrations/3_c.sql has number 3 but tern expects 2"), only());
  }

  @Test
  void atlas() throws SQLException {
    List<Migration> m = read("atlas");
    assertEquals(List.of(), diagnostics.all());
    assertEquals(3, m.size());
    assertEquals(MigrationFormat.ATLAS, m.get(0).format());
    assertEquals(Migration.Transaction.NONE, m.get(2).transaction());
    applyAll(m);
    assertTrue(indexExists("posts_author_idx"));
  }

  @Test
  void atlasChecksumMismatchIsReportedAsAtlasWould() throws IOException {
    Path dir = copy("atlas");
    Files.writeString(
        dir.resolve("20240102093000_posts.sql"),
        "\nCREATE INDEX x ON users (email);\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertEquals(List.of(), read(project, "atlas", null, Map.of()));
    String message = only();
    assertTrue(message.startsWith("atlas/atlas.sum:1:1: checksum mismatch"), message);
    assertTrue(message.contains("20240102093000_posts.sql (changed)"), message);
    assertTrue(message.contains("atlas migrate hash"), message);
  }

  @Test
  void atlasFileMissingFromTheSum() throws IOException {
    Path dir = copy("atlas");
    Files.writeString(dir.resolve("20240104000000_extra.sql"), "CREATE TABLE extra (id int);\n");
    assertEquals(List.of(), read(project, "atlas", null, Map.of()));
    assertTrue(only().contains("20240104000000_extra.sql (not in atlas.sum)"), only());
  }

  @Test
  void liquibaseChangesetsAreMigrations() throws SQLException {
    List<Migration> m = read("liquibase");
    assertEquals(List.of(), diagnostics.all());
    assertEquals(
        List.of("alice:1", "alice:2", "bob:posts-1"), m.stream().map(Migration::version).toList());
    assertEquals(Migration.Transaction.NONE, m.get(1).transaction());
    assertEquals("liquibase/001-users.sql changeset alice:2", m.get(1).displayName());
    // --rollback lines and rollback comments are not statements.
    assertEquals(1, m.get(2).statements().size());
    applyAll(m);
    assertEquals(List.of("posts", "users"), tables());
  }

  @Test
  void flywayWithPlaceholdersUndoFilesAndRepeatables() throws SQLException {
    List<Migration> m = read(FORMATS, "flyway", null, Map.of("schema", "public"));
    assertEquals(List.of(), diagnostics.all());
    assertEquals(
        List.of(
            "V1__create_users.sql",
            "V1.1__add_bio.sql",
            "V2__email_index.sql",
            "R__user_emails_view.sql"),
        files(m));
    assertEquals(
        "DROP TABLE public.users",
        m.get(0).down().statementText(m.get(0).down().statements().get(0)));
    assertNull(m.get(2).down());
    applyAll(m);
    assertEquals(List.of("users"), tables());
  }

  @Test
  void flywayPlaceholderWithoutValueIsAnError() {
    assertEquals(List.of(), read(FORMATS, "flyway", null, Map.of()));
    assertEquals(2, diagnostics.all().size());
    // Undo files are checked too: the down round trip runs them.
    assertEquals(
        "flyway/U1__create_users.sql:1:12", diagnostics.all().get(0).location().toString());
    String first = diagnostics.all().get(1).render();
    assertTrue(first.startsWith("flyway/V1__create_users.sql:1:14: "), first);
    assertTrue(
        first.contains(
            "Flyway placeholder ${schema} has no value; pass one with -Aquarry.placeholders=schema=<value>"),
        first);
  }

  @Test
  void golangMigrateDownFilesAreDownParts() throws SQLException {
    List<Migration> m = read("golang-migrate");
    assertEquals(List.of(), diagnostics.all());
    assertEquals(
        List.of("000001_create_users.up.sql", "000002_add_bio.up.sql", "000010_posts.up.sql"),
        files(m));
    assertNotNull(m.get(2).down());
    applyAll(m);
  }

  @Test
  void unmarkedConcurrentIndexNamesTheMigrationAndTheMarker() throws IOException, SQLException {
    Path dir = Files.createDirectories(project.resolve("migrations"));
    Files.writeString(
        dir.resolve("001_users.sql"), "-- +goose Up\nCREATE TABLE users (email text);\n");
    Files.writeString(
        dir.resolve("002_index.sql"),
        "-- +goose Up\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n-- +goose Down\nDROP INDEX users_email_idx;\n");
    List<Migration> m = read(project, "migrations", null, Map.of());
    MigrationRunner.Result result = new MigrationRunner(diagnostics).apply(connection, m);
    assertFalse(result.succeeded());
    assertEquals(
        "migrations/002_index.sql:2:1: migration failed: this statement cannot run inside a transaction block,"
            + " and goose runs migrations/002_index.sql in one; mark the migration with -- +goose NO TRANSACTION"
            + " (and keep such statements in a migration of their own) [quarry:migration-failed]",
        only());
  }

  @Test
  void gooseFileWithoutUpMarkerIsNamed() throws IOException {
    Path dir = Files.createDirectories(project.resolve("migrations"));
    Files.writeString(
        dir.resolve("001_users.sql"), "-- +goose Up\nCREATE TABLE users (email text);\n");
    Files.writeString(dir.resolve("002_forgot.sql"), "CREATE TABLE posts (id int);\n");
    assertEquals(List.of(), read(project, "migrations", null, Map.of()));
    assertTrue(
        only()
            .contains(
                "migrations/001_users.sql are in the goose format, but migrations/002_forgot.sql does not fit it"),
        only());
  }

  @Test
  void forcedFormatReadsUnmarkedFilesAsThatFormat() throws IOException {
    Path dir = Files.createDirectories(project.resolve("migrations"));
    Files.writeString(dir.resolve("001_users.sql"), "CREATE TABLE users (email text);\n");
    assertEquals(List.of(), read(project, "migrations", MigrationFormat.DBMATE, Map.of()));
    assertTrue(
        only()
            .startsWith(
                "migrations/001_users.sql:1:1: this dbmate migration has no -- migrate:up line"),
        only());
  }

  @Test
  void mixedMarkerFormatsAreNamed() throws IOException {
    Path dir = Files.createDirectories(project.resolve("migrations"));
    Files.writeString(
        dir.resolve("001_users.sql"), "-- +goose Up\nCREATE TABLE users (email text);\n");
    Files.writeString(
        dir.resolve("002_posts.sql"), "-- migrate:up\nCREATE TABLE posts (id int);\n");
    assertEquals(List.of(), read(project, "migrations", null, Map.of()));
    assertTrue(
        only()
            .contains(
                "migration files mix formats: goose (migrations/001_users.sql) and dbmate (migrations/002_posts.sql)"),
        only());
  }

  private String only() {
    assertEquals(
        1,
        diagnostics.all().size(),
        () -> diagnostics.all().stream().map(Diagnostic::render).toList().toString());
    return diagnostics.all().get(0).render();
  }

  private Path copy(String format) throws IOException {
    Path target = Files.createDirectories(project.resolve(format));
    try (Stream<Path> files = Files.list(FORMATS.resolve(format))) {
      for (Path file : files.toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    return target;
  }
}
