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
 * The generation cache: a build whose inputs did not change since the last one, with that build's
 * sources still on disk, writes the same sources without generating them again; any change of the
 * inputs or of the sources on disk generates them again. The builds after the first have a fresh
 * lock file and a database that does not answer, so none of them can analyse anything.
 */
class GenerationCacheTest {
  private static final Path BLOG = CompileCaseTest.CASES.resolve("blog");
  private static final String REUSED = "sources unchanged since the last build, reused";

  @TempDir Path project;

  /** One build's outcome: whether it succeeded, its notes, and the generated sources' text. */
  private record Build(boolean ok, List<String> messages, Map<String, String> sources) {
    boolean reused() {
      return messages.stream().anyMatch(m -> m.contains(REUSED));
    }
  }

  @Test
  void unchangedInputsReuseTheSourcesOnDisk() throws IOException {
    Build first = build(true);
    assertTrue(first.ok(), first.messages()::toString);
    assertFalse(first.reused(), "the first build has nothing to reuse");
    assertTrue(first.sources().size() > 3, first.sources()::toString);

    Build second = build(false);
    assertTrue(second.ok(), second.messages()::toString);
    assertTrue(second.reused(), second.messages()::toString);
    assertEquals(first.sources(), second.sources());
  }

  @Test
  void aGeneratedSourceEditedOnDiskIsGeneratedAgain() throws IOException {
    Build first = build(true);
    Path edited;
    try (Stream<Path> files = Files.walk(generated())) {
      edited = files.filter(p -> p.toString().endsWith(".java")).sorted().findFirst().orElseThrow();
    }
    Files.writeString(edited, Files.readString(edited) + "// edited\n");

    Build second = build(false);
    assertTrue(second.ok(), second.messages()::toString);
    assertFalse(second.reused(), "reused a source that is not what the last build wrote");
    assertEquals(first.sources(), second.sources());
  }

  @Test
  void aChangedQueryFileIsGeneratedAgain() throws IOException {
    Build first = build(true);
    // A comment after the last query: the lock file still answers for every query, but the file
    // the sources are made from changed.
    Path queries;
    try (Stream<Path> files = Files.list(project.resolve("queries"))) {
      queries = files.filter(p -> p.toString().endsWith(".sql")).sorted().findFirst().orElseThrow();
    }
    Files.writeString(queries, Files.readString(queries) + "\n-- a comment at the end\n");

    Build second = build(false);
    assertTrue(second.ok(), second.messages()::toString);
    assertFalse(second.reused(), "reused sources made from another query file");
    assertEquals(first.sources(), second.sources());

    Build third = build(false);
    assertTrue(third.reused(), "the second build's sources are reused by the third");
  }

  @Test
  void aMissingCacheFolderGeneratesAgain() throws IOException {
    Build first = build(true);
    Path folder = generated().resolveSibling(".quarry-generation");
    assertTrue(Files.isDirectory(folder), "no cache folder beside the generated sources");
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
    Build second = build(false);
    assertTrue(second.ok(), second.messages()::toString);
    assertFalse(second.reused());
    assertEquals(first.sources(), second.sources());
  }

  private Path generated() {
    return project.resolve("build/generated");
  }

  /**
   * Compiles the blog case's package-info with the processor, the build folders kept from one build
   * to the next as Maven keeps them. The first build uses the test database and writes the lock
   * file; later ones get a database that does not answer.
   */
  private Build build(boolean first) throws IOException {
    if (first) {
      for (String folder : List.of("migrations", "queries")) {
        Files.createDirectories(project.resolve(folder));
        try (Stream<Path> files = Files.list(BLOG.resolve(folder))) {
          for (Path file : files.toList()) {
            Files.copy(file, project.resolve(folder).resolve(file.getFileName()));
          }
        }
      }
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
    ProcessorCompile compiled = ProcessorCompile.run(options, List.of(packageInfo));
    boolean ok = compiled.succeeded();
    List<String> messages = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compiled.diagnostics()) {
      messages.add(d.getKind() + ": " + d.getMessage(Locale.ROOT));
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
