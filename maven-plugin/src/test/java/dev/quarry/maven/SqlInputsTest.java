package dev.quarry.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlInputsTest {
  @TempDir Path project;
  Path migrations;
  Path queries;
  Path classes;
  Path state;
  Path someClass;

  @BeforeEach
  void layout() throws IOException {
    migrations = Files.createDirectories(project.resolve("migrations"));
    queries = Files.createDirectories(project.resolve("queries"));
    classes = Files.createDirectories(project.resolve("target/classes/com/example"));
    state = project.resolve("target/quarry/sql-inputs.txt");
    Files.writeString(migrations.resolve("V1__users.sql"), "CREATE TABLE users (id int);\n");
    Files.writeString(
        queries.resolve("users.sql"), "-- name: AllUsers :many\nSELECT id FROM users;\n");
    someClass = Files.writeString(classes.resolve("UsersQueries.class"), "bytes");
  }

  private SqlInputs.Outcome check() throws IOException {
    return SqlInputs.check(List.of(migrations, queries), project.resolve("target/classes"), state);
  }

  private long classTime() throws IOException {
    return Files.getLastModifiedTime(someClass).toMillis();
  }

  @Test
  void firstRunRecordsAndMarksClassesOfAnUnrecordedBuild() throws IOException {
    SqlInputs.Outcome first = check();
    assertEquals(SqlInputs.Kind.FIRST_RUN, first.kind());
    assertEquals(1, first.classesMarked());
    assertEquals(0, classTime());
    assertEquals(
        List.of("0:V1__users.sql", "1:users.sql"),
        Files.readAllLines(state).stream().map(line -> line.substring(65)).toList());
  }

  @Test
  void unchangedInputsLeaveClassesAlone() throws IOException {
    check();
    Files.setLastModifiedTime(someClass, FileTime.fromMillis(1_000_000));
    SqlInputs.Outcome second = check();
    assertEquals(SqlInputs.Kind.UNCHANGED, second.kind());
    assertEquals(1_000_000, classTime());
  }

  @Test
  void anEditedQueryMarksEveryClassStale() throws IOException {
    check();
    Files.setLastModifiedTime(someClass, FileTime.fromMillis(1_000_000));
    Files.writeString(
        queries.resolve("users.sql"), "-- name: AllUsers :many\nSELECT id, id FROM users;\n");
    SqlInputs.Outcome changed = check();
    assertEquals(SqlInputs.Kind.CHANGED, changed.kind());
    assertEquals(List.of("changed 1:users.sql"), changed.changes());
    assertEquals(0, classTime());
    // Recorded: the next build with no further edit does nothing.
    Files.setLastModifiedTime(someClass, FileTime.fromMillis(2_000_000));
    assertEquals(SqlInputs.Kind.UNCHANGED, check().kind());
    assertEquals(2_000_000, classTime());
  }

  @Test
  void addedAndRemovedFilesCount() throws IOException {
    check();
    Files.writeString(migrations.resolve("V2__posts.sql"), "CREATE TABLE posts (id int);\n");
    Files.createDirectories(queries.resolve("nested"));
    Files.writeString(
        queries.resolve("nested/posts.sql"), "-- name: AllPosts :many\nSELECT id FROM posts;\n");
    assertEquals(List.of("added 0:V2__posts.sql", "added 1:nested/posts.sql"), check().changes());
    Files.delete(migrations.resolve("V1__users.sql"));
    assertEquals(List.of("removed 0:V1__users.sql"), check().changes());
  }

  @Test
  void theLockFileTheProcessorWritesIsNotAnInput() throws IOException {
    check();
    Files.writeString(queries.resolve("quarry.lock"), "quarry-lock 1\n");
    assertEquals(SqlInputs.Kind.UNCHANGED, check().kind());
    Files.writeString(queries.resolve("quarry.lock"), "quarry-lock 1\nschema 00\n");
    assertEquals(SqlInputs.Kind.UNCHANGED, check().kind());
  }

  @Test
  void touchingAFileWithoutChangingItIsNotAChange() throws IOException {
    check();
    Files.setLastModifiedTime(queries.resolve("users.sql"), FileTime.fromMillis(5_000_000));
    assertEquals(SqlInputs.Kind.UNCHANGED, check().kind());
  }

  @Test
  void aMissingFolderIsRecordedAndItsAppearanceIsAChange() throws IOException {
    Path absent = project.resolve("more-queries");
    SqlInputs.check(List.of(absent), classes, state);
    Files.createDirectories(absent);
    Files.writeString(absent.resolve("a.sql"), "-- name: A :one\nSELECT 1;\n");
    SqlInputs.Outcome appeared = SqlInputs.check(List.of(absent), classes, state);
    assertEquals(SqlInputs.Kind.CHANGED, appeared.kind());
    assertEquals(List.of("added 0:a.sql", "removed 0:"), appeared.changes());
  }

  @Test
  void aSymlinkLoopDoesNotTrapTheWalk() throws IOException {
    Files.createSymbolicLink(queries.resolve("loop"), queries);
    check();
    Files.writeString(queries.resolve("users.sql"), "-- name: AllUsers :many\nSELECT 2;\n");
    assertNotEquals(SqlInputs.Kind.UNCHANGED, check().kind());
  }
}
