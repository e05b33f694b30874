package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.lock.AnalyserVersion;
import dev.quarry.processor.lock.LockFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lock file on copies of the {@code blog} case: a second build from it needs no database and
 * gives the same sources; an edited query is analysed alone; a stale lock file without a database
 * is an error that says what is stale; the same input gives the same bytes.
 */
class LockFileTest {
  /** A server that never answers: a build that tries to connect fails. */
  static final String NOWHERE = "-Aquarry.database=jdbc:postgresql://127.0.0.1:1/nowhere";

  @TempDir Path project;

  @Test
  void secondBuildNeedsNoDatabaseAndGivesTheSameSources() throws IOException {
    copyBlog();
    Compilation first = compile("-Aquarry.database=" + TestDatabases.option());
    assertSucceeded(first);
    Path lock = project.resolve("queries").resolve(LockFile.NAME);
    assertTrue(Files.exists(lock), "the first build writes the lock file");
    byte[] lockBytes = Files.readAllBytes(lock);

    Compilation second = compile(NOWHERE);
    assertSucceeded(second);
    assertEquals(
        sources(first), sources(second), "the build from the lock file generates the same sources");
    assertTrue(notes(second).contains("no database used"), notes(second));
    assertEquals(
        new String(lockBytes, StandardCharsets.UTF_8),
        Files.readString(lock),
        "a fresh lock file is left alone");

    Compilation offline = compile(NOWHERE, "-Aquarry.lock=offline");
    assertSucceeded(offline);
    assertEquals(sources(first), sources(offline));
  }

  /**
   * The production-SQL cases (quoted mixed-case names, views, mixed parameters, statements PREPARE
   * refuses ...) generate the same sources from the lock file as from the database.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "quoted-names",
        "embed-views",
        "composite-table-names",
        "mixed-parameters",
        "slice-values",
        "utility-statements",
        "execrows-returning",
        "cardinality",
        "nested-results",
        "nullable-embeds"
      })
  void theLockFileAnswersAsTheDatabaseDid(String name) throws IOException {
    copyCase(name);
    Compilation first = compile("-Aquarry.database=" + TestDatabases.option());
    assertSucceeded(first);
    Compilation second = compile(NOWHERE);
    assertSucceeded(second);
    assertTrue(notes(second).contains("no database used"), notes(second));
    assertEquals(sources(first), sources(second));
  }

  @Test
  void editedQueryIsAnalysedAloneAndTheLockFileRewritten() throws IOException {
    copyBlog();
    assertSucceeded(compile("-Aquarry.database=" + TestDatabases.option()));
    Path lock = project.resolve("queries").resolve(LockFile.NAME);
    String before = Files.readString(lock);

    Path posts = project.resolve("queries/posts.sql");
    Files.writeString(
        posts,
        Files.readString(posts)
            .replace("SELECT summary FROM posts", "SELECT summary, score FROM posts"));
    Compilation edited = compile("-Aquarry.database=" + TestDatabases.option());
    assertSucceeded(edited);
    assertTrue(
        notes(edited).contains("(1 analysed, 10 unchanged from the lock file)"), notes(edited));
    String after = Files.readString(lock);
    assertNotEquals(before, after, "the lock file records the edited query");
    assertTrue(
        after.contains("column score pg_catalog.numeric null from public.posts score"), after);

    // What the incremental build wrote is what a build from scratch writes.
    Files.delete(lock);
    assertSucceeded(compile("-Aquarry.database=" + TestDatabases.option()));
    assertEquals(
        after, Files.readString(lock), "incremental and full resolution give the same lock file");
    assertEquals(
        after,
        LockFile.format(parse(after)),
        "the lock file's text is what its contents format to");
  }

  @Test
  void staleLockFileOfflineNamesTheChangedMigrationAndHowToRefresh() throws IOException {
    copyBlog();
    assertSucceeded(compile("-Aquarry.database=" + TestDatabases.option()));
    Path migration = project.resolve("migrations/V2__posts.sql");
    Files.writeString(migration, Files.readString(migration) + "\nCREATE TABLE extra (id int);\n");
    Path lock = project.resolve("queries").resolve(LockFile.NAME);
    String before = Files.readString(lock);

    Compilation offline = compile(NOWHERE, "-Aquarry.lock=offline");
    assertEquals(Compilation.Status.FAILURE, offline.status());
    String error = errors(offline);
    assertTrue(
        error.contains(
            "the lock file queries/quarry.lock is stale: migration migrations/V2__posts.sql changed"),
        error);
    assertTrue(error.contains("without -Aquarry.lock=offline"), error);
    assertTrue(error.contains("[quarry:stale-lock]"), error);
    assertEquals(before, Files.readString(lock), "a failed build leaves the lock file alone");
  }

  @Test
  void aLockFileOfAnotherAnalyserIsStale() throws IOException {
    copyBlog();
    assertSucceeded(compile("-Aquarry.database=" + TestDatabases.option()));
    Path lock = project.resolve("queries").resolve(LockFile.NAME);
    String current = Files.readString(lock);
    AnalyserVersion now = AnalyserVersion.current();
    assertTrue(
        current.contains("\nanalyser " + now.quarry() + " analysis " + now.analysis() + "\n"));
    assertEquals("0.1.0-SNAPSHOT", now.quarry(), "the build filled in the processor's version");

    // Written by another release: stale, whatever its hashes say.
    String older = current.replace("\nanalyser " + now.quarry() + " ", "\nanalyser 0.0.9 ");
    Files.writeString(lock, older);
    Compilation offline = compile(NOWHERE, "-Aquarry.lock=offline");
    assertEquals(Compilation.Status.FAILURE, offline.status());
    assertTrue(
        errors(offline)
            .contains(
                "the lock file queries/quarry.lock is stale: it was written by Quarry 0.0.9 analysis "
                    + now.analysis()
                    + ", this build is Quarry "
                    + now
                    + " (facts resolved by another analysis are not reused)"),
        errors(offline));
    assertEquals(older, Files.readString(lock), "a failed build leaves the lock file alone");

    // Another analysis of the same version: stale too.
    Files.writeString(
        lock,
        current.replace(
            " analysis " + now.analysis() + "\n", " analysis " + (now.analysis() - 1) + "\n"));
    assertTrue(
        errors(compile(NOWHERE, "-Aquarry.lock=offline"))
            .contains(
                "it was written by Quarry " + now.quarry() + " analysis " + (now.analysis() - 1)));

    // A lock file of a Quarry that recorded no version (before this line existed).
    Files.writeString(lock, current.replaceAll("\nanalyser [^\n]*", ""));
    assertTrue(
        errors(compile(NOWHERE, "-Aquarry.lock=offline"))
            .contains("it was written by a Quarry that did not record its version"));

    // A build that may use a database analyses every query again and rewrites it.
    Files.writeString(lock, older);
    Compilation auto = compile("-Aquarry.database=" + TestDatabases.option());
    assertSucceeded(auto);
    assertTrue(notes(auto).contains("(11 analysed)"), notes(auto));
    assertEquals(current, Files.readString(lock));
  }

  /**
   * A query with optional blocks is locked with every variant checked, each under its own name, so
   * that an offline build answers for all of them; editing the query makes it and its variants
   * stale.
   */
  @Test
  void queriesWithBlocksAreLockedWithEveryVariant() throws IOException {
    copyCase("dynamic");
    Compilation first = compile("-Aquarry.database=" + TestDatabases.option());
    assertSucceeded(first);
    // ListPosts: 4 switches, so 2^4 = 16 combinations (all on is the query as written), and 2
    // sort keys each with every block on and every block off: 20 statements. CountPosts 4,
    // LatestTitles (2 sort keys, no block) 3, ArchivePosts 2, NullableFilter 2,
    // PostsByIdsOrTitle 4: 35 in all.
    assertTrue(notes(first).contains("6 queries in 1 files"), notes(first));
    assertTrue(notes(first).contains("(35 analysed)"), notes(first));
    String lock = Files.readString(project.resolve("queries").resolve(LockFile.NAME));
    long listPosts = lock.lines().filter(l -> l.startsWith("query ListPosts")).count();
    assertEquals(1 + 15 + 4, listPosts, lock);
    assertTrue(lock.contains("\nquery ListPosts[]\n"), lock);
    assertTrue(lock.contains("\nquery ListPosts[tag+author+published+search/sort:title]\n"), lock);

    Compilation offline = compile(NOWHERE, "-Aquarry.lock=offline");
    assertSucceeded(offline);
    assertTrue(notes(offline).contains("no database used"), notes(offline));
    assertEquals(sources(first), sources(offline));

    Path posts = project.resolve("queries/posts.sql");
    Files.writeString(posts, Files.readString(posts).replace("p.title ILIKE", "p.title LIKE"));
    Compilation stale = compile(NOWHERE, "-Aquarry.lock=offline");
    assertEquals(Compilation.Status.FAILURE, stale.status());
    assertTrue(
        errors(stale).contains("query ListPosts (queries/posts.sql:1:1) is changed"),
        errors(stale));
  }

  @Test
  void staleQueryWithoutDatabaseNamesTheQuery() throws IOException {
    copyBlog();
    assertSucceeded(compile("-Aquarry.database=" + TestDatabases.option()));
    Path users = project.resolve("queries/posts.sql");
    Files.writeString(
        users,
        Files.readString(users).replace("SELECT title FROM posts", "SELECT title, id FROM posts"));

    Compilation auto = compile(NOWHERE);
    assertEquals(Compilation.Status.FAILURE, auto.status());
    String error = errors(auto);
    assertTrue(error.contains("query PostTitle (queries/posts.sql:10:1) is changed"), error);
    assertTrue(error.contains("cannot stand in for it"), error);
  }

  @Test
  void noLockFileWhenOff() throws IOException {
    copyBlog();
    assertSucceeded(compile("-Aquarry.database=" + TestDatabases.option(), "-Aquarry.lock=off"));
    assertFalse(Files.exists(project.resolve("queries").resolve(LockFile.NAME)));
  }

  @Test
  void sameInputGivesTheSameBytes() throws IOException {
    copyBlog();
    assertSucceeded(compile("-Aquarry.database=" + TestDatabases.option()));
    Path lock = project.resolve("queries").resolve(LockFile.NAME);
    String first = Files.readString(lock);
    Files.delete(lock);
    assertSucceeded(compile("-Aquarry.database=" + TestDatabases.option()));
    assertEquals(first, Files.readString(lock));
    assertEquals(first, LockFile.format(parse(first)));
    assertTrue(first.contains("\nquery ListPostsByAuthor\n  file queries/posts.sql\n"), first);
  }

  private static dev.quarry.processor.lock.Resolution parse(String text) {
    try {
      return LockFile.parse(text);
    } catch (LockFile.MalformedLockFileException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void twoAnnotationsCannotShareOneLockFile() throws IOException {
    copyBlog();
    List<String> options =
        new ArrayList<>(
            List.of(
                "-Aquarry.projectDir=" + project.toAbsolutePath(),
                "-Aquarry.database=" + TestDatabases.option()));
    JavaFileObject first =
        com.google.testing.compile.JavaFileObjects.forSourceString(
            "com.example.a.package-info", CompileCaseTest.packageInfo("com.example.a"));
    JavaFileObject second =
        com.google.testing.compile.JavaFileObjects.forSourceString(
            "com.example.b.package-info", CompileCaseTest.packageInfo("com.example.b"));
    Compilation both =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(new QuarryProcessor())
            .withOptions(options)
            .compile(first, second);
    assertEquals(Compilation.Status.FAILURE, both.status());
    String errors = errors(both);
    assertTrue(
        errors.contains(
            "would share the lock file " + project.resolve("queries").resolve(LockFile.NAME)),
        errors);
    assertTrue(errors.contains("give each its own queries folder"), errors);
    assertTrue(errors.contains("[quarry:lock-file]"), errors);
  }

  private void copyBlog() throws IOException {
    copyCase("blog");
  }

  private void copyCase(String name) throws IOException {
    Path blog = CompileCaseTest.CASES.resolve(name);
    for (String folder : List.of("migrations", "queries")) {
      Files.createDirectories(project.resolve(folder));
      try (Stream<Path> files = Files.list(blog.resolve(folder))) {
        for (Path file : files.toList()) {
          Files.copy(file, project.resolve(folder).resolve(file.getFileName()));
        }
      }
    }
  }

  private Compilation compile(String... extra) {
    List<String> options = new ArrayList<>();
    options.add("-Aquarry.projectDir=" + project.toAbsolutePath());
    options.add("-Xlint:all");
    options.add("-Werror");
    options.addAll(List.of(extra));
    return CompileCaseTest.compileWith(options, "migrations", "queries");
  }

  static void assertSucceeded(Compilation compilation) {
    assertEquals(Compilation.Status.SUCCESS, compilation.status(), () -> errors(compilation));
  }

  static String errors(Compilation compilation) {
    return String.join("\n", compilation.errors().stream().map(d -> d.getMessage(null)).toList());
  }

  static String notes(Compilation compilation) {
    return String.join(
        "\n",
        compilation.diagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
            .map(d -> d.getMessage(null))
            .toList());
  }

  static Map<String, String> sources(Compilation compilation) throws IOException {
    Map<String, String> sources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      sources.put(file.getName(), file.getCharContent(true).toString());
    }
    assertFalse(sources.isEmpty(), "sources were generated");
    return sources;
  }
}
