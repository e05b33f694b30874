package dev.quarry.processor.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.diagnostics.SourceLocation;
import dev.quarry.processor.source.SourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs migrations on one embedded PostgreSQL 17 per class, in a fresh database per test. */
class MigrationRunnerTest {
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

  private List<Migration> migrations(String... nameThenText) throws IOException {
    Path dir = Files.createDirectories(project.resolve("migrations"));
    for (int i = 0; i < nameThenText.length; i += 2) {
      Files.writeString(dir.resolve(nameThenText[i]), nameThenText[i + 1]);
    }
    List<Migration> read =
        new MigrationReader(new SourceReader(project, diagnostics), diagnostics)
            .read(List.of("migrations"));
    assertEquals(List.of(), diagnostics.all());
    return read;
  }

  private static final String FAILING_THIRD_STATEMENT =
      String.join(
          "\n",
          "-- ünïcödé 😀 before the statements",
          "CREATE TABLE a (id int, é int, 😀 int);",
          "",
          "INSERT INTO a VALUES (1, 2, 3);",
          "",
          "/* the third statement; its error is on line 7, column 10 */",
          "SELECT é,nosuch FROM a;",
          "CREATE TABLE never_created (id int);",
          "");

  @Test
  void errorPositionIsMappedToLineAndColumn() throws IOException, SQLException {
    assertFailureAt(FAILING_THIRD_STATEMENT, 7, 10);
  }

  @Test
  void errorPositionWithCrlfLineEndings() throws IOException, SQLException {
    assertFailureAt(FAILING_THIRD_STATEMENT.replace("\n", "\r\n"), 7, 10);
  }

  @Test
  void errorPositionAfterACharacterOutsideTheBasicPlane() throws IOException, SQLException {
    // 😀 is two UTF-16 units but one character for PostgreSQL and one column for the user.
    assertFailureAt(FAILING_THIRD_STATEMENT.replace("SELECT é,nosuch", "SELECT 😀,nosuch"), 7, 10);
  }

  private void assertFailureAt(String text, int line, int column) throws IOException, SQLException {
    List<Migration> all = migrations("V1__a.sql", text, "V2__b.sql", "CREATE TABLE b (id int);");
    MigrationRunner.Result result = new MigrationRunner(diagnostics).apply(connection, all);
    assertFalse(result.succeeded());
    assertEquals(all.get(0), result.failed().orElseThrow());
    assertEquals(List.of(), result.applied());
    Diagnostic d = diagnostics.all().get(0);
    assertEquals(1, diagnostics.all().size());
    assertEquals(Problem.MIGRATION_FAILED, d.problem());
    assertEquals(new SourceLocation("migrations/V1__a.sql", line, column), d.location());
    assertTrue(
        d.message().contains("column \"nosuch\" does not exist (SQLSTATE 42703)"), d.message());
    assertTrue(d.message().contains("the 1 migration after it was not applied"), d.message());
  }

  @Test
  void errorWithoutPositionPointsAtTheStatementAndKeepsTheHint() throws IOException, SQLException {
    List<Migration> all =
        migrations("V1__a.sql", "CREATE TABLE a (id int);\n\n  DROP TABLE nope;\n");
    new MigrationRunner(diagnostics).apply(connection, all);
    Diagnostic d = diagnostics.all().get(0);
    assertEquals(new SourceLocation("migrations/V1__a.sql", 3, 3), d.location());
    assertTrue(d.message().contains("table \"nope\" does not exist (SQLSTATE 42P01)"), d.message());
  }

  @Test
  void failedMigrationIsRolledBack() throws Exception {
    List<Migration> all = migrations("V1__a.sql", "CREATE TABLE a (id int); SELECT nosuch;");
    new MigrationRunner(diagnostics).apply(connection, all);
    assertFalse(
        SchemaSnapshot.take(connection).relations().values().stream()
            .anyMatch(r -> r.name().equals("a")));
  }

  @Test
  void concurrentIndexRunsOutsideATransaction() throws IOException, SQLException {
    List<Migration> all =
        migrations(
            "V1__a.sql", "CREATE TABLE a (id int, note text);",
            "V2__index.sql",
                "CREATE INDEX CONCURRENTLY a_note ON a (note);\nCREATE INDEX a_id ON a (id);",
            "V3__text.sql", "ALTER TABLE a ADD COLUMN q text DEFAULT '{fn now()} ? $1';");
    MigrationRunner.Result result = new MigrationRunner(diagnostics).apply(connection, all);
    assertEquals(List.of(), diagnostics.all());
    assertTrue(result.succeeded());
    assertEquals(3, result.applied().size());
  }

  @Test
  void historyKnowsRenamesAndDrops() throws IOException, SQLException {
    List<Migration> all =
        migrations(
            "V1__init.sql",
                "CREATE TABLE users (id int, bio text, age int); CREATE TABLE posts (id int, title text, body text);"
                    + " CREATE TABLE tags (id int);",
            "V2__rename_bio.sql", "ALTER TABLE users RENAME COLUMN bio TO biography;",
            "V3__drop_age.sql",
                "ALTER TABLE users DROP COLUMN age; ALTER TABLE posts DROP COLUMN title;",
            "V4__rename_posts.sql", "ALTER TABLE posts RENAME TO articles;",
            "V5__drop_tags.sql", "DROP TABLE tags;",
            "V6__retype.sql", "ALTER TABLE articles ALTER COLUMN id TYPE bigint;");
    MigrationRunner.Result result = new MigrationRunner(diagnostics).apply(connection, all);
    assertTrue(result.succeeded(), diagnostics.all().toString());
    SchemaHistory history = result.history();
    assertEquals(
        "migrations/V2__rename_bio.sql renamed users.bio to users.biography",
        history.columnChange("users", "bio").orElseThrow().describe());
    assertEquals(
        "migrations/V2__rename_bio.sql renamed users.bio to users.biography",
        history.columnChange(null, "bio").orElseThrow().describe());
    assertEquals(
        "migrations/V3__drop_age.sql dropped users.age",
        history.columnChange("users", "age").orElseThrow().describe());
    assertEquals(
        "migrations/V4__rename_posts.sql renamed posts to articles",
        history.tableChange("posts").orElseThrow().describe());
    assertEquals(
        "migrations/V5__drop_tags.sql dropped tags",
        history.tableChange("tags").orElseThrow().describe());
    assertEquals(
        "migrations/V5__drop_tags.sql dropped table tags and with it tags.id",
        history.columnChange("tags", "id").orElseThrow().describe());
    assertEquals(
        "migrations/V6__retype.sql changed the type of articles.id to bigint",
        history.columnChange("articles", "id").orElseThrow().describe());
    // A column of a table renamed later is found under the table's name now too.
    assertEquals(
        "migrations/V3__drop_age.sql dropped posts.title",
        history.columnChange("articles", "title").orElseThrow().describe());
    assertTrue(history.columnChange("users", "id").isEmpty());
    assertTrue(history.columnChange("posts", "bio").isEmpty());
    assertTrue(history.tableChange("users").isEmpty());
  }

  private static Path corpora() {
    String root = System.getProperty("quarry.repoRoot");
    Path beside = root == null ? null : Paths.get(root, "..", "shared", "corpora").normalize();
    Path corpora =
        beside != null && Files.isDirectory(beside) ? beside : Paths.get("/work/shared/corpora");
    Assumptions.assumeTrue(
        Files.isDirectory(corpora), "no SQL corpora at ../shared/corpora or /work/shared/corpora");
    return corpora;
  }

  @Test
  void riverMigrationsApply() throws IOException, SQLException {
    Path corpora = corpora();
    Assumptions.assumeTrue(
        Files.isDirectory(corpora.resolve("river/migrations")), "no river corpus");
    List<Migration> all =
        new MigrationReader(new SourceReader(corpora, diagnostics), diagnostics)
            .read(List.of("river/migrations"));
    assertEquals(List.of(), diagnostics.all());
    assertEquals(7, all.size());
    assertTrue(all.get(0).file().displayPath().endsWith("001_create_river_migration.up.sql"));
    MigrationRunner.Result result = new MigrationRunner(diagnostics).apply(connection, all);
    assertEquals(List.of(), diagnostics.all());
    assertTrue(result.succeeded());
    assertTrue(
        result.history().current().relations().values().stream()
            .anyMatch(r -> r.name().equals("river_job")));
  }

  @Test
  void sqlcExampleMigrationsApply() throws Exception {
    Path corpora = corpora();
    Path examples = corpora.resolve("sqlc-examples");
    Assumptions.assumeTrue(Files.isDirectory(examples), "no sqlc-examples corpus");
    List<Path> dirs;
    try (Stream<Path> list = Files.list(examples)) {
      dirs = list.filter(d -> Files.isDirectory(d.resolve("migrations"))).sorted().toList();
    }
    assertFalse(dirs.isEmpty());
    for (Path dir : dirs) {
      freshDatabase(); // each example has its own schema
      List<Migration> all =
          new MigrationReader(new SourceReader(corpora, diagnostics), diagnostics)
              .read(List.of("sqlc-examples/" + dir.getFileName() + "/migrations"));
      MigrationRunner.Result result = new MigrationRunner(diagnostics).apply(connection, all);
      assertEquals(List.of(), diagnostics.all(), dir.toString());
      assertTrue(result.succeeded() && !result.applied().isEmpty(), dir.toString());
      connection.close();
    }
    freshDatabase();
  }
}
