package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.source.SourceReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Query and migration folders that git cannot hold, built in a temporary folder: a directory named
 * like a query file, an unreadable file, symbolic link loops, a dangling link, empty folders, and
 * one query file with 10,000 queries. Each ends in a clear error naming the path (never an
 * exception or a silently skipped file), or in generated code.
 */
class FileSystemInputTest {
  @TempDir Path project;

  private Path migrations;
  private Path queries;

  private void layout() throws IOException {
    migrations = Files.createDirectories(project.resolve("migrations"));
    queries = Files.createDirectories(project.resolve("queries"));
    Files.writeString(
        migrations.resolve("V1__users.sql"),
        "CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL);\n");
    Files.writeString(
        queries.resolve("users.sql"),
        "-- name: FindUser :one\nSELECT name FROM users WHERE id = @id;\n");
  }

  @Test
  void directoryNamedLikeAQueryFile() throws IOException {
    layout();
    Files.createDirectories(queries.resolve("x.sql"));
    Files.writeString(queries.resolve("x.sql/inner.sql"), "-- name: Inner :one\nSELECT 1;\n");
    assertOnlyErrors(
        List.of(
            "queries/x.sql is a directory, not a SQL file: Quarry reads the .sql files directly in the queries directory"));
  }

  @Test
  void unreadableQueryFile() throws IOException {
    layout();
    Path secret = queries.resolve("secret.sql");
    Files.writeString(secret, "-- name: Secret :one\nSELECT 1;\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    try (InputStream in = Files.newInputStream(secret)) {
      assumeFalse(
          true,
          "permissions do not stop this user from reading (tests run as root here): chmod 000 "
              + "cannot make an unreadable file; readFailureIsAnErrorAtTheFile covers the error path");
    } catch (IOException expected) {
      // Not root: the file really is unreadable.
    }
    assertOnlyErrors(
        List.of(
            "queries/secret.sql:1:1: cannot read the file (permission denied): make it readable for the build"));
  }

  @Test
  void readFailureIsAnErrorAtTheFile() throws IOException {
    layout();
    // Reading a directory fails for every user, root included: the same path as an unreadable file.
    Diagnostics diagnostics = new Diagnostics();
    assertTrue(new SourceReader(project, diagnostics).read(queries).isEmpty());
    Diagnostic error = diagnostics.all().get(0);
    assertEquals(Problem.MISSING_FILE, error.problem());
    assertEquals(
        "queries:1:1: cannot read the file (Is a directory): check that it is a readable file [quarry:missing-file]",
        error.render());
  }

  @Test
  void symbolicLinkLoopsInQueriesAndMigrations() throws IOException {
    layout();
    Files.createSymbolicLink(queries.resolve("self.sql"), Path.of("self.sql"));
    Files.createSymbolicLink(queries.resolve("a.sql"), Path.of("b.sql"));
    Files.createSymbolicLink(queries.resolve("b.sql"), Path.of("a.sql"));
    Files.createSymbolicLink(migrations.resolve("V2__loop.sql"), Path.of("V2__loop.sql"));
    assertOnlyErrors(
        List.of(
            "migrations/V2__loop.sql is a symbolic link that loops",
            "queries/a.sql is a symbolic link that loops",
            "queries/b.sql is a symbolic link that loops",
            "queries/self.sql is a symbolic link that loops"));
  }

  @Test
  void configuredFolderThatIsALinkLoop() throws IOException {
    layout();
    Path loop = project.resolve("looped");
    Files.createSymbolicLink(loop, Path.of("looped"));
    Compilation compilation =
        CompileCaseTest.compileWith(CompileCaseTest.options(project), "migrations", "looped");
    assertFalse(compilation.status() == Compilation.Status.SUCCESS);
    List<String> errors = messages(compilation);
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(
        errors
            .get(0)
            .startsWith("queries path \"looped\" (" + loop + ") is a symbolic link that loops"),
        errors.get(0));
  }

  @Test
  void danglingSymbolicLink() throws IOException {
    layout();
    Files.createSymbolicLink(queries.resolve("gone.sql"), Path.of("moved-away.sql"));
    assertOnlyErrors(
        List.of(
            "queries/gone.sql is a symbolic link to moved-away.sql, which does not exist: point it at a real file, or remove it"));
  }

  @Test
  void emptyFolders() throws IOException {
    Files.createDirectories(project.resolve("migrations"));
    Files.createDirectories(project.resolve("queries"));
    assertOnlyErrors(
        List.of(
            "migrations directory migrations holds no .sql files",
            "queries directory queries holds no .sql files"));
  }

  @Test
  void twoThousandQueriesInOneFile() throws IOException {
    layout();
    int count = 2_000;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append("-- name: FindUser")
          .append(i)
          .append(" :one\nSELECT name FROM users WHERE id = @id + ")
          .append(i)
          .append(";\n\n");
    }
    Files.writeString(queries.resolve("users.sql"), text, StandardCharsets.UTF_8);
    Compilation compilation =
        assertTimeoutPreemptively(
            Duration.ofMinutes(5),
            () ->
                CompileCaseTest.compileWith(
                    CompileCaseTest.options(project), "migrations", "queries"));
    assertEquals(
        Compilation.Status.SUCCESS, compilation.status(), () -> messages(compilation).toString());
    JavaFileObject repository =
        compilation.generatedSourceFile(CompileCaseTest.PACKAGE + ".UsersQueries").orElseThrow();
    String source = repository.getCharContent(true).toString();
    long methods =
        source.lines().filter(l -> l.startsWith("  public Optional<String> findUser")).count();
    assertEquals(count, methods, "one method per query");
  }

  @Test
  void moreQueriesThanOneClassHoldsIsAnErrorAtTheFirstOneTooMany() throws IOException {
    layout();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2_001; i++) {
      text.append("-- name: FindUser").append(i).append(" :one\nSELECT 1;\n\n");
    }
    Files.writeString(queries.resolve("users.sql"), text, StandardCharsets.UTF_8);
    JavacRun run = JavacRun.compile(project, CompileCaseTest.PACKAGE);
    assertFalse(run.succeeded(), "the build fails");
    assertEquals(
        List.of(
            "queries/users.sql:6001:1: query FindUser2000 is query number 2001 of 2001 in"
                + " queries/users.sql; one generated class holds at most 2000 queries (the JVM"
                + " limits a class's constants and static initializer): split the file"
                + " [quarry:configuration]"),
        run.errors().stream().map(JavacRun.Message::text).toList());
    assertTrue(
        run.generatedSources().stream().noneMatch(path -> path.toString().contains("UsersQueries")),
        "no repository for the file: " + run.generatedSources());
  }

  private void assertOnlyErrors(List<String> expected) {
    JavacRun run;
    try {
      run = JavacRun.compile(project, CompileCaseTest.PACKAGE);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    List<String> errors = run.errors().stream().map(JavacRun.Message::text).sorted().toList();
    assertFalse(run.succeeded(), "the build fails");
    assertEquals(List.of(), run.generatedSources(), "nothing is generated");
    assertEquals(expected.size(), errors.size(), "errors: " + errors);
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(
          errors.get(i).startsWith(expected.get(i)),
          "expected \"" + expected.get(i) + "\", got \"" + errors.get(i) + "\"");
      assertTrue(errors.get(i).endsWith("[quarry:missing-file]"), errors.get(i));
    }
    for (String error : errors) {
      assertFalse(
          error.contains("Exception") || error.contains("\tat "),
          "no exception or stack trace: " + error);
    }
  }

  private static List<String> messages(Compilation compilation) {
    return compilation.errors().stream().map(d -> d.getMessage(null)).toList();
  }
}
