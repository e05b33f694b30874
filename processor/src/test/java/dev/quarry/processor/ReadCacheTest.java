package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.codegen.GeneratedSource;
import dev.quarry.processor.config.ProjectRequest;
import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.PhaseTimings;
import dev.quarry.processor.diagnostics.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build server's read cache: builds in one JVM that take unchanged query and migration files
 * from it give exactly what a build that reads every file gives (sources, diagnostics with their
 * locations and order, lock file), after one query file was edited, with a file whose reading
 * warned, and with a file whose rewriting failed; and they do take the unchanged files from it.
 */
class ReadCacheTest {
  private static final Path BLOG = CompileCaseTest.CASES.resolve("blog");

  @TempDir Path project;

  /** What one build gave: its diagnostics in order, its sources, and the lock file after it. */
  private record Outcome(
      List<Diagnostic> diagnostics, List<GeneratedSource> sources, @Nullable String lock) {}

  @Test
  void cachedReadsGiveWhatFreshReadsGive() throws Exception {
    CompileCaseTest.copyInputs(BLOG, project);
    // Reading this file warns: it holds no query.
    Files.writeString(project.resolve("queries/notes.sql"), "-- nothing here yet\n");
    ReadCache cache = new ReadCache();

    // The first build fills the cache; the lock file it writes is compared too.
    Outcome first = compare(cache);
    assertTrue(
        first.diagnostics().stream()
            .anyMatch(
                d ->
                    d.severity() == Severity.WARNING
                        && d.location() != null
                        && d.location().path().equals("queries/notes.sql")),
        first.diagnostics()::toString);
    assertFalse(first.sources().isEmpty(), first.diagnostics()::toString);
    assertEquals(0, cache.hits());

    // One query file edited: a query changed (analysed again) and one added.
    Path posts = project.resolve("queries/posts.sql");
    String original = Files.readString(posts, StandardCharsets.UTF_8);
    Files.writeString(
        posts,
        original.replace(
                "SELECT title FROM posts WHERE id = @id;",
                "SELECT title, id FROM posts WHERE id = @id;")
            + "\n-- name: PostCount :one\nSELECT count(*) FROM posts;\n");
    Outcome edited = compare(cache);
    assertFalse(edited.sources().equals(first.sources()), "the edit changes the sources");
    // users.sql, notes.sql (with its warning) and the migrations came from the cache.
    assertEquals(3, cache.hits());

    // A query whose rewriting fails (a parameter $0): an error, after the warning replayed from
    // the cache.
    Files.writeString(
        project.resolve("queries/drafts.sql"),
        "-- name: Draft :one\nSELECT title FROM posts WHERE id = $0;\n");
    Outcome failing = compare(cache);
    assertTrue(
        failing.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR),
        failing.diagnostics()::toString);

    // The same inputs again: everything read comes from the cache, the error included.
    int before = cache.hits();
    Outcome again = compare(cache);
    assertEquals(failing, again);
    assertEquals(before + 5, cache.hits());

    // The failing file gone and a migration added: the migrations are read again, the query files
    // still come from the cache.
    Files.delete(project.resolve("queries/drafts.sql"));
    Files.writeString(
        project.resolve("migrations/V11__notes.sql"), "CREATE TABLE notes (id bigint);\n");
    before = cache.hits();
    Outcome migrated = compare(cache);
    assertTrue(
        migrated.lock() != null && migrated.lock().contains("V11__notes.sql"),
        String.valueOf(migrated.lock()));
    assertEquals(before + 3, cache.hits());
  }

  /**
   * Builds the project with the read cache and, from the same files and lock file, without it;
   * asserts that both give the same, and returns that.
   */
  private Outcome compare(ReadCache cache) throws IOException {
    Path lock = project.resolve("queries/quarry.lock");
    String lockBefore = Files.exists(lock) ? Files.readString(lock, StandardCharsets.UTF_8) : null;
    Outcome fresh = build(null);
    if (lockBefore == null) {
      Files.deleteIfExists(lock);
    } else {
      Files.writeString(lock, lockBefore, StandardCharsets.UTF_8);
    }
    Outcome cached = build(cache);
    assertEquals(fresh.diagnostics(), cached.diagnostics());
    assertEquals(fresh.sources(), cached.sources());
    assertEquals(fresh.lock(), cached.lock());
    return cached;
  }

  private Outcome build(@Nullable ReadCache cache) throws IOException {
    Map<String, String> raw =
        Map.of("quarry.projectDir", project.toString(), "quarry.database", TestDatabases.option());
    Pipeline pipeline;
    try {
      pipeline = new Pipeline(QuarryProcessor.parseOptions(raw, project), null, cache);
    } catch (dev.quarry.processor.config.InvalidOptionException e) {
      throw new AssertionError(e);
    }
    Pipeline.Result result =
        pipeline.run(
            new ProjectRequest("com.example.blog", List.of("migrations"), List.of("queries")),
            new PhaseTimings());
    Path lock = project.resolve("queries/quarry.lock");
    return new Outcome(
        result.diagnostics().all(),
        result.sources(),
        Files.exists(lock) ? Files.readString(lock, StandardCharsets.UTF_8) : null);
  }
}
