package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expand/contract workflow end to end: release 1 records its queries ({@code
 * quarry.recordQueries}), the team commits the file as the previous release's queries, and release
 * 2's build, whose migration renames a column release 1 still reads, fails naming release 1's query
 * and the migration.
 */
class ExpandContractWorkflowTest {
  @TempDir Path project;

  @Test
  void recordedQueriesOfTheLastReleaseCatchABreakingMigration() throws IOException {
    Files.createDirectories(project.resolve("migrations"));
    Files.createDirectories(project.resolve("queries"));
    Files.writeString(
        project.resolve("migrations/V1__users.sql"),
        "CREATE TABLE users (id bigint PRIMARY KEY, bio text);\n");
    Files.writeString(
        project.resolve("queries/users.sql"),
        "-- name: GetBio :one\n-- The author's bio.\nSELECT bio FROM users WHERE id = @id;\n");
    Files.writeString(
        project.resolve("options.txt"), "-Aquarry.recordQueries=quarry-queries.sql\n");

    JavacRun release1 = JavacRun.compile(project, CompileCaseTest.PACKAGE);
    assertTrue(release1.succeeded(), release1.diagnostics().toString());
    String recorded =
        Files.readString(project.resolve("quarry-queries.sql"), StandardCharsets.UTF_8);
    assertTrue(
        recorded.endsWith(
            "\n-- name: GetBio :one\n-- from queries/users.sql:1\nSELECT bio FROM users WHERE id = @id;\n"),
        recorded);

    // The release: the recorded file becomes the previous release's queries.
    Files.createDirectories(project.resolve("release"));
    Files.copy(project.resolve("quarry-queries.sql"), project.resolve("release/queries.sql"));
    Files.writeString(
        project.resolve("migrations/V2__rename_bio.sql"),
        "ALTER TABLE users RENAME COLUMN bio TO biography;\n");
    Files.writeString(
        project.resolve("queries/users.sql"),
        "-- name: GetBio :one\nSELECT biography FROM users WHERE id = @id;\n");
    Files.writeString(
        project.resolve("options.txt"), "-Aquarry.previousQueries=release/queries.sql\n");

    JavacRun release2 = JavacRun.compile(project, CompileCaseTest.PACKAGE);
    List<String> errors = release2.errors().stream().map(JavacRun.Message::text).toList();
    assertEquals(1, errors.size(), errors.toString());
    int line = recorded.lines().toList().indexOf("SELECT bio FROM users WHERE id = @id;") + 1;
    assertTrue(
        errors
            .get(0)
            .startsWith(
                "release/queries.sql:"
                    + line
                    + ":8: the previous release's query GetBio fails on the new schema"),
        errors.get(0));
    assertTrue(
        errors
            .get(0)
            .contains("migrations/V2__rename_bio.sql renamed users.bio to users.biography"),
        errors.get(0));
    assertTrue(errors.get(0).endsWith("[quarry:expand-contract]"), errors.get(0));
  }
}
