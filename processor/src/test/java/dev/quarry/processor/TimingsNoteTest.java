package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Aquarry.timings=true} prints one note with the duration of every phase (the benchmarks
 * read it); without the option there is no such note, and a value other than true or false is an
 * error.
 */
class TimingsNoteTest {
  private static final Path BLOG = CompileCaseTest.CASES.resolve("blog");

  /**
   * Phase names in the order the note lists them; the benchmarks' build-time harness parses them.
   */
  private static final Pattern NOTE =
      Pattern.compile(
          "quarry timings: reading \\d+ ms, lock file \\d+ ms, database start \\d+ ms, migrations \\d+ ms,"
              + " catalog \\d+ ms, analysis \\d+ ms \\((\\d+) quer(y|ies)(, \\d+\\.\\d\\d ms/query)?\\),"
              + " migration checks \\d+ ms, database stop \\d+ ms, generation \\d+ ms, total \\d+ ms"
              // when the build ran on the build server (docs/databases.md)
              + "(; on the build server)?");

  @TempDir Path project;

  @Test
  void noteListsEveryPhaseWhenAsked() throws IOException {
    Compilation compilation = CompileCaseTest.compile(BLOG, List.of("-Aquarry.timings=true"));
    LockFileTest.assertSucceeded(compilation);
    List<String> notes = timingNotes(compilation);
    assertEquals(1, notes.size(), () -> "one timings note: " + notes);
    var matcher = NOTE.matcher(notes.get(0));
    assertTrue(matcher.matches(), notes.get(0));
    assertEquals(
        "11", matcher.group(1), "the blog case's queries were all analysed: " + notes.get(0));
  }

  @Test
  void noNoteWithoutTheOption() throws IOException {
    for (List<String> options : List.of(List.<String>of(), List.of("-Aquarry.timings=false"))) {
      Compilation compilation = CompileCaseTest.compile(BLOG, options);
      LockFileTest.assertSucceeded(compilation);
      assertEquals(List.of(), timingNotes(compilation), "options " + options);
    }
  }

  @Test
  void buildFromTheLockFileReportsNoAnalysis() throws IOException {
    copyBlog();
    List<String> options =
        List.of(
            "-Aquarry.projectDir=" + project.toAbsolutePath(),
            "-Aquarry.database=" + TestDatabases.option(),
            "-Aquarry.timings=true");
    LockFileTest.assertSucceeded(CompileCaseTest.compileWith(options, "migrations", "queries"));
    List<String> warm =
        List.of(
            "-Aquarry.projectDir=" + project.toAbsolutePath(),
            LockFileTest.NOWHERE,
            "-Aquarry.timings=true");
    Compilation compilation = CompileCaseTest.compileWith(warm, "migrations", "queries");
    LockFileTest.assertSucceeded(compilation);
    String note = timingNotes(compilation).get(0);
    assertTrue(NOTE.matcher(note).matches(), note);
    assertTrue(
        note.contains(
            "database start 0 ms, migrations 0 ms, catalog 0 ms, analysis 0 ms (0 queries)"),
        note);
  }

  @Test
  void otherValuesAreAnError() {
    Compilation compilation =
        CompileCaseTest.compileWith(List.of("-Aquarry.timings=yes"), "migrations", "queries");
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    String errors = LockFileTest.errors(compilation);
    assertTrue(errors.contains("-Aquarry.timings=yes is not true or false"), errors);
    assertTrue(errors.contains("[quarry:configuration]"), errors);
  }

  private static List<String> timingNotes(Compilation compilation) {
    return Stream.of(LockFileTest.notes(compilation).split("\n"))
        .filter(n -> n.startsWith("quarry timings:"))
        .toList();
  }

  private void copyBlog() throws IOException {
    for (String folder : List.of("migrations", "queries")) {
      Files.createDirectories(project.resolve(folder));
      try (Stream<Path> files = Files.list(BLOG.resolve(folder))) {
        for (Path file : files.toList()) {
          Files.copy(file, project.resolve(folder).resolve(file.getFileName()));
        }
      }
    }
  }
}
