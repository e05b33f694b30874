package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quarry with {@code -Aquarry.database=<URL>} against the PostgreSQL server on 127.0.0.1:5432
 * (skipped when it does not answer): the same output as embedded PostgreSQL, and no scratch
 * database left behind, whether the build succeeds or fails.
 */
class ExternalServerTest {
  static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  @BeforeAll
  static void serverAnswers() {
    boolean answers;
    try (Connection ignored = DriverManager.getConnection(URL + "&connectTimeout=3")) {
      answers = true;
    } catch (SQLException e) {
      answers = false;
    }
    assumeTrue(answers, "no PostgreSQL server answers on 127.0.0.1:5432");
  }

  @Test
  void generatesTheSameSourcesAsEmbeddedAndDropsTheScratchDatabase() throws Exception {
    Path blog = CompileCaseTest.CASES.resolve("blog");
    List<String> options = new ArrayList<>(CompileCaseTest.options(blog));
    options.add("-Aquarry.database=" + URL);
    Compilation compilation = CompileCaseTest.compileWith(options, "migrations", "queries");
    assertEquals(
        Compilation.Status.SUCCESS,
        compilation.status(),
        () -> compilation.diagnostics().toString());
    try (Stream<Path> expected = Files.list(blog.resolve("expected"))) {
      for (Path file : expected.toList()) {
        JavaFileObject generated =
            compilation
                .generatedSourceFile(
                    CompileCaseTest.PACKAGE
                        + "."
                        + file.getFileName().toString().replace(".java", ""))
                .orElseThrow();
        assertEquals(
            Files.readString(file, StandardCharsets.UTF_8),
            generated.getCharContent(true).toString(),
            file.toString());
      }
    }
    assertEquals(List.of(), scratchDatabases());
  }

  @Test
  void dropsTheScratchDatabaseWhenTheBuildFails() throws Exception {
    List<String> before = scratchDatabases();
    Path folder = CompileCaseTest.CASES.resolve("error-renamed-column");
    List<String> options = new ArrayList<>(CompileCaseTest.options(folder));
    options.add("-Aquarry.database=" + URL);
    Compilation compilation = CompileCaseTest.compileWith(options, "migrations", "queries");
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertTrue(
        compilation.errors().stream()
            .anyMatch(
                e ->
                    e.getMessage(null)
                        .startsWith(
                            "queries/users.sql:3:8: GetAuthorBio: column \"bio\" does not exist")),
        () -> compilation.errors().toString());
    assertEquals(before, scratchDatabases());
  }

  @Test
  void anUnreachableServerIsOneClearErrorThatNeverShowsThePassword() throws Exception {
    Path blog = CompileCaseTest.CASES.resolve("blog");
    List<String> options = new ArrayList<>(CompileCaseTest.options(blog));
    options.add(
        "-Aquarry.database=jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&password=hunter2");
    Compilation compilation = CompileCaseTest.compileWith(options, "migrations", "queries");
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertEquals(1, compilation.errors().size(), () -> compilation.errors().toString());
    String message = compilation.errors().get(0).getMessage(null);
    assertTrue(message.contains("quarry.database"), message);
    assertTrue(message.contains("127.0.0.1:1"), message);
    assertFalse(compilation.diagnostics().toString().contains("hunter2"), message);
  }

  /**
   * The scratch databases this JVM created and still has (their names carry the creating process's
   * id), so that builds running at the same time against the same server do not disturb the count.
   */
  private static List<String> scratchDatabases() throws SQLException {
    String ours = "_" + ProcessHandle.current().pid() + "_";
    List<String> names = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(URL);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE 'quarry\\_scratch\\_%' ORDER BY 1")) {
      while (rows.next()) {
        if (rows.getString(1).contains(ours)) {
          names.add(rows.getString(1));
        }
      }
    }
    return names;
  }
}
