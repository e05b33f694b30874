package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample app's committed {@code schema.snapshot.sql} is what a build of its migrations writes,
 * byte for byte; a second build leaves the file alone (same text, same timestamp).
 */
class SampleAppSnapshotTest {
  @TempDir Path project;

  @Test
  void committedSnapshotIsCurrentAndRebuildsIdentically() throws IOException {
    Path repository =
        Path.of(System.getProperty("quarry.repoRoot", "..")).toAbsolutePath().normalize();
    copy(repository.resolve("migrations"), project.resolve("migrations"));
    copy(repository.resolve("queries"), project.resolve("queries"));
    Files.writeString(project.resolve("options.txt"), "-Aquarry.snapshot=schema.snapshot.sql\n");
    Path snapshot = project.resolve("schema.snapshot.sql");

    JavacRun first = JavacRun.compile(project, CompileCaseTest.PACKAGE);
    assertTrue(first.succeeded(), first.diagnostics().toString());
    String written = Files.readString(snapshot, StandardCharsets.UTF_8);
    assertEquals(
        Files.readString(repository.resolve("schema.snapshot.sql"), StandardCharsets.UTF_8),
        written,
        "schema.snapshot.sql is not current: build the sample app (mvn -pl sample-app compile) and commit the file");

    FileTime old = FileTime.fromMillis(0);
    Files.setLastModifiedTime(snapshot, old);
    JavacRun second = JavacRun.compile(project, CompileCaseTest.PACKAGE);
    assertTrue(second.succeeded(), second.diagnostics().toString());
    assertEquals(
        old, Files.getLastModifiedTime(snapshot), "an unchanged snapshot must not be rewritten");
    assertEquals(written, Files.readString(snapshot, StandardCharsets.UTF_8));
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
