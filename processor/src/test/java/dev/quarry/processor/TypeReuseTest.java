package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.codegen.GenerationCache;
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
 * Per-type reuse in the edit loop: when a query file or a migration changed, the types whose part
 * of the model did not change are taken from the previous build's sources on disk, and the build
 * writes exactly what a build without any previous sources writes.
 */
class TypeReuseTest {
  private static final Path BLOG = CompileCaseTest.CASES.resolve("blog");

  @TempDir Path project;

  @Test
  void anEditedQueryRewritesOnlyItsRepositoryAndMatchesACleanBuild() throws IOException {
    CompileCaseTest.copyInputs(BLOG, project);
    build("build");
    Map<String, String> before = typeKeys("build");

    Path posts = project.resolve("queries/posts.sql");
    Files.writeString(
        posts,
        Files.readString(posts)
            .replace(
                "SELECT title FROM posts WHERE id = @id;",
                "SELECT title, score FROM posts WHERE id = @id;"));
    Map<String, String> incremental = build("build");
    Map<String, String> after = typeKeys("build");

    assertNotEquals(
        before.get("com.example.blog.PostsQueries"), after.get("com.example.blog.PostsQueries"));
    assertEquals(
        before.get("com.example.blog.UsersQueries"), after.get("com.example.blog.UsersQueries"));
    assertEquals(before.get("com.example.blog.User"), after.get("com.example.blog.User"));
    assertEquals(clean(), incremental);
  }

  @Test
  void aChangedTableRewritesItsRecordAndMatchesACleanBuild() throws IOException {
    CompileCaseTest.copyInputs(BLOG, project);
    build("build");
    Files.writeString(
        project.resolve("migrations/V11__user_nickname.sql"),
        "ALTER TABLE users ADD COLUMN nickname text;\n");
    Map<String, String> incremental = build("build");
    assertEquals(clean(), incremental);
  }

  @Test
  void aSourceEditedOnDiskIsWrittenAgain() throws IOException {
    CompileCaseTest.copyInputs(BLOG, project);
    Map<String, String> first = build("build");
    Path users = project.resolve("build/generated/com/example/blog/UsersQueries.java");
    Files.writeString(users, Files.readString(users) + "// edited\n");
    Path posts = project.resolve("queries/posts.sql");
    Files.writeString(
        posts,
        Files.readString(posts)
            + "\n-- name: PostScore :one\nSELECT score FROM posts WHERE id = @id;\n");
    Map<String, String> second = build("build");
    assertEquals(
        first.get("com/example/blog/UsersQueries.java"),
        second.get("com/example/blog/UsersQueries.java"));
    assertEquals(clean(), second);
  }

  @Test
  void thePreviousBuildsTypesAreLookedUpAndAVanishedTypeChangesNothing() throws IOException {
    CompileCaseTest.copyInputs(BLOG, project);
    Map<String, String> first = build("build");
    // javac's thread looks these up while the build runs (QuarryProcessor.warmTypeLookups).
    List<String> expected = new ArrayList<>();
    for (String file : first.keySet()) {
      expected.add(file.replace(".java", "").replace('/', '.'));
    }
    List<String> listed =
        new ArrayList<>(
            GenerationCache.previousTypeNames(
                project.resolve("build/generated"), "com.example.blog"));
    listed.sort(null);
    expected.sort(null);
    assertEquals(expected, listed);

    // The next build lists UsersQueries from the record but no longer generates it, while the
    // previous build's classes are on the class path (as target/classes is in Maven): the
    // lookups find them, and the build writes what a clean build writes.
    Files.delete(project.resolve("queries/users.sql"));
    Path next = Files.createDirectories(project.resolve("next"));
    Path record = Files.createDirectories(next.resolve(".quarry-generation"));
    try (Stream<Path> files = Files.list(project.resolve("build/.quarry-generation"))) {
      for (Path file : files.toList()) {
        Files.copy(file, record.resolve(file.getFileName()));
      }
    }
    Map<String, String> second =
        build("next", List.of(project.resolve("build/classes").toString()));
    assertTrue(second.keySet().stream().noneMatch(f -> f.endsWith("UsersQueries.java")));
    assertEquals(clean(), second);
  }

  /** The sources of a build of the same inputs into empty folders, without a lock file. */
  private Map<String, String> clean() throws IOException {
    Files.deleteIfExists(project.resolve("queries/quarry.lock"));
    return build("clean-" + System.nanoTime());
  }

  /** The generated types and the keys of the model parts they were written from. */
  private Map<String, String> typeKeys(String build) throws IOException {
    Path entry = project.resolve(build).resolve(".quarry-generation/com.example.blog.types");
    Map<String, String> keys = new TreeMap<>();
    for (String line : Files.readAllLines(entry).subList(1, Files.readAllLines(entry).size())) {
      String[] parts = line.split(" ");
      keys.put(parts[3], parts[0]);
    }
    assertTrue(keys.size() > 3, keys::toString);
    assertTrue(
        keys.values().stream().allMatch(k -> k.matches("[0-9a-f]{32}")),
        "a part without a key is never reused: " + keys);
    return keys;
  }

  /** Compiles the package-info into {@code build}'s folders, on the test database. */
  private Map<String, String> build(String build) throws IOException {
    return build(build, List.of());
  }

  /** Compiles into {@code build}'s folders with {@code classPath} before the test's class path. */
  private Map<String, String> build(String build, List<String> classPath) throws IOException {
    Path packageInfo = project.resolve("src/com/example/blog/package-info.java");
    Files.createDirectories(packageInfo.getParent());
    Files.writeString(packageInfo, CompileCaseTest.packageInfo("com.example.blog"));
    Path classes = Files.createDirectories(project.resolve(build).resolve("classes"));
    Path generated = Files.createDirectories(project.resolve(build).resolve("generated"));
    List<String> options =
        List.of(
            "-s",
            generated.toString(),
            "-d",
            classes.toString(),
            "-classpath",
            String.join(
                java.io.File.pathSeparator,
                Stream.concat(classPath.stream(), Stream.of(System.getProperty("java.class.path")))
                    .toList()),
            "-Aquarry.projectDir=" + project.toAbsolutePath(),
            "-Aquarry.database=" + TestDatabases.option());
    ProcessorCompile compiled = ProcessorCompile.run(options, List.of(packageInfo));
    boolean ok = compiled.succeeded();
    List<String> messages = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compiled.diagnostics()) {
      messages.add(d.getKind() + ": " + d.getMessage(Locale.ROOT));
    }
    assertTrue(ok, messages::toString);
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(generated)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
        sources.put(generated.relativize(file).toString(), Files.readString(file));
      }
    }
    return sources;
  }
}
