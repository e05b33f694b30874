package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unchanged-inputs fast path through javac: a build whose inputs are byte for byte those of the
 * last build with a fresh lock file, with that build's sources still on disk, writes the same
 * sources and reports the same warnings and notes without reading anything else; a changed input or
 * an edited source on disk builds in full. The builds after the first have a database that does not
 * answer, so none of them can analyse anything.
 */
class UnchangedInputsBuildTest {
  private static final Path BLOG = CompileCaseTest.CASES.resolve("blog");

  @TempDir Path project;

  /** One build's outcome: whether it succeeded, its messages, and the generated sources' text. */
  private record Build(boolean ok, List<String> messages, Map<String, String> sources) {
    boolean replayed() {
      return messages.stream().anyMatch(m -> m.contains(Pipeline.REPLAYED));
    }

    /**
     * The messages without the summary's milliseconds, the replay's words and whether the
     * generation cache was used (which depends on the sources on disk, not on the inputs).
     */
    List<String> report() {
      return messages.stream()
          .map(
              m ->
                  m.replace(Pipeline.REPLAYED, "")
                      .replace("; sources unchanged since the last build, reused", "")
                      .replaceAll(" in \\d+ ms", " in N ms"))
          .toList();
    }
  }

  @Test
  void unchangedInputsReplayTheSourcesAndTheWarnings() throws IOException {
    Build first = build(true);
    assertTrue(first.ok(), first.messages()::toString);
    assertFalse(first.replayed(), "the first build has nothing to replay");

    Build second = build(false);
    assertTrue(second.ok(), second.messages()::toString);
    assertFalse(second.replayed(), "the first build wrote the lock file: nothing to replay");
    assertTrue(
        second.messages().stream()
            .anyMatch(m -> m.startsWith("WARNING") && m.contains("notes.sql")),
        second.messages()::toString);

    Build third = build(false);
    assertTrue(third.ok(), third.messages()::toString);
    assertTrue(third.replayed(), third.messages()::toString);
    assertEquals(second.report(), third.report());
    assertEquals(first.sources(), third.sources());
  }

  @Test
  void aGeneratedSourceEditedOnDiskBuildsInFull() throws IOException {
    build(true);
    Build second = build(false);
    Path edited;
    try (Stream<Path> files = Files.walk(generated())) {
      edited = files.filter(p -> p.toString().endsWith(".java")).sorted().findFirst().orElseThrow();
    }
    Files.writeString(edited, Files.readString(edited) + "// edited\n");

    Build third = build(false);
    assertTrue(third.ok(), third.messages()::toString);
    assertFalse(third.replayed(), "replayed a build whose source is not on disk as it wrote it");
    assertEquals(second.sources(), third.sources());
    assertEquals(second.report(), third.report());
  }

  @Test
  void aChangedQueryFileBuildsInFull() throws IOException {
    build(true);
    build(false);
    Path queries = project.resolve("queries/posts.sql");
    Files.writeString(queries, Files.readString(queries) + "\n-- a comment at the end\n");

    Build third = build(false);
    assertTrue(third.ok(), third.messages()::toString);
    assertFalse(third.replayed(), "replayed a build of another query file");

    Build fourth = build(false);
    assertTrue(fourth.replayed(), "the third build is replayed by the fourth");
    assertEquals(third.report(), fourth.report());
  }

  @Test
  void aChangedLockFileBuildsInFull() throws IOException {
    build(true);
    build(false);
    Path lock = project.resolve("queries/quarry.lock");
    Files.writeString(lock, Files.readString(lock) + "\n");

    Build third = build(false);
    assertFalse(third.replayed(), "replayed a build of another lock file");
  }

  @Test
  void anotherOptionBuildsInFull() throws IOException {
    build(true);
    build(false);
    Build third = build(false, "-Aquarry.timings=true");
    assertFalse(third.replayed(), "replayed a build with other options");
    Build fourth = build(false, "-Aquarry.timings=true");
    assertTrue(fourth.replayed(), fourth.messages()::toString);
  }

  private Path generated() {
    return project.resolve("build/generated");
  }

  /**
   * Compiles the blog case's package-info with the processor, with a query file that holds no query
   * (a warning on every build), the build folders kept from one build to the next as Maven keeps
   * them. The first build uses the test database and writes the lock file; later ones get a
   * database that does not answer.
   */
  private Build build(boolean first, String... extraOptions) throws IOException {
    if (first) {
      for (String folder : List.of("migrations", "queries")) {
        Files.createDirectories(project.resolve(folder));
        try (Stream<Path> files = Files.list(BLOG.resolve(folder))) {
          for (Path file : files.toList()) {
            Files.copy(file, project.resolve(folder).resolve(file.getFileName()));
          }
        }
      }
      Files.writeString(project.resolve("queries/notes.sql"), "-- nothing here yet\n");
    }
    Path packageInfo = project.resolve("src/com/example/blog/package-info.java");
    Files.createDirectories(packageInfo.getParent());
    Files.writeString(packageInfo, CompileCaseTest.packageInfo("com.example.blog"));
    Path classes = Files.createDirectories(project.resolve("build/classes"));
    Files.createDirectories(generated());
    List<String> options =
        new ArrayList<>(
            List.of(
                "-s",
                generated().toString(),
                "-d",
                classes.toString(),
                "-classpath",
                System.getProperty("java.class.path"),
                "-Aquarry.projectDir=" + project.toAbsolutePath(),
                first ? "-Aquarry.database=" + TestDatabases.option() : LockFileTest.NOWHERE));
    options.addAll(List.of(extraOptions));
    ProcessorCompile compiled = ProcessorCompile.run(options, List.of(packageInfo));
    boolean ok = compiled.succeeded();
    List<String> messages = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compiled.diagnostics()) {
      if (!d.getMessage(Locale.ROOT).startsWith("quarry timings")) {
        messages.add(d.getKind() + ": " + d.getMessage(Locale.ROOT));
      }
    }
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(generated())) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
        sources.put(generated().relativize(file).toString(), Files.readString(file));
      }
    }
    return new Build(ok, messages, sources);
  }
}
