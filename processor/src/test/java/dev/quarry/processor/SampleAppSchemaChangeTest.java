package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise from the README, on the sample app's own SQL: rename a column in a new migration and
 * the build fails, naming each query that still uses the old name at its file, line and column, and
 * the migration.
 */
class SampleAppSchemaChangeTest {
  @TempDir Path project;

  @Test
  void renamingAColumnTheQueriesUseFailsTheBuildAtEachUse() throws IOException {
    Path repository =
        Path.of(System.getProperty("quarry.repoRoot", "..")).toAbsolutePath().normalize();
    copy(repository.resolve("migrations"), project.resolve("migrations"));
    copy(repository.resolve("queries"), project.resolve("queries"));
    Files.writeString(
        project.resolve("migrations/V99__rename_display_name.sql"),
        "ALTER TABLE users RENAME COLUMN display_name TO full_name;\n");

    JavacRun run = JavacRun.compile(project, CompileCaseTest.PACKAGE);

    List<String> errors = run.errors().stream().map(JavacRun.Message::text).toList();
    assertTrue(!errors.isEmpty(), "the build must fail");
    assertEquals(List.of(), run.generatedSources());
    for (String error : errors) {
      assertTrue(
          error.matches(
              "queries/\\w+\\.sql:\\d+:\\d+: \\w+: column .*display_name.* does not exist.*"),
          error);
      assertTrue(
          error.contains(
              "migrations/V99__rename_display_name.sql renamed users.display_name to users.full_name"),
          error);
    }
    // Every use is reported, not just the first.
    long files = errors.stream().map(e -> e.substring(0, e.indexOf(':'))).distinct().count();
    assertTrue(files >= 2, "uses in several query files: " + errors);
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
