package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.lock.LockFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four builds at once against one server, as parallel CI jobs or {@code mvn -T4} run them: on the
 * same project folder (so they also write its lock file, snapshot and recorded queries at the same
 * time), each with its own compiler. All succeed with the same sources, and no scratch database is
 * left. Needs the server on 127.0.0.1:5432.
 *
 * <p>That they overlap is an observed event, not a sampling: a last migration holds each build
 * until the test has seen all four running it at once (in {@code pg_stat_activity}), then the test
 * releases them by opening a session with a name the migration waits for.
 */
class ConcurrentBuildsTest {
  private static final int BUILDS = 4;

  @TempDir Path project;

  @Test
  void fourBuildsAtOnceAgainstOneServer() throws Exception {
    LocalServer.assumeAnswers();
    Path blog = CompileCaseTest.CASES.resolve("blog");
    for (String folder : List.of("migrations", "queries")) {
      Files.createDirectories(project.resolve(folder));
      try (Stream<Path> files = Files.list(blog.resolve(folder))) {
        for (Path file : files.toList()) {
          Files.copy(file, project.resolve(folder).resolve(file.getFileName()));
        }
      }
    }
    List<String> options =
        List.of(
            "-Aquarry.projectDir=" + project.toAbsolutePath(),
            "-Aquarry.database=" + LocalServer.URL,
            "-Aquarry.lock=auto",
            "-Aquarry.snapshot=schema.snapshot.sql",
            "-Aquarry.recordQueries=recorded.sql",
            "-Xlint:all",
            "-Werror");
    String token = "quarry-go-" + UUID.randomUUID();
    Files.writeString(
        project.resolve("migrations/V99__wait_for_the_other_builds.sql"),
        """
        -- Holds the build until the test has seen every build here (ConcurrentBuildsTest).
        DO $$
        BEGIN
          FOR i IN 1..2400 LOOP
            PERFORM pg_stat_clear_snapshot();
            IF EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = '%s') THEN
              RETURN;
            END IF;
            PERFORM pg_sleep(0.05);
          END LOOP;
          RAISE EXCEPTION 'the test did not release this build within 120 s';
        END $$;
        """
            .formatted(token),
        StandardCharsets.UTF_8);
    List<String> before = LocalServer.ourScratchDatabases();

    CyclicBarrier start = new CyclicBarrier(BUILDS);
    ExecutorService pool = Executors.newFixedThreadPool(BUILDS);
    List<Future<Compilation>> builds = new ArrayList<>();
    long started = System.nanoTime();
    try {
      for (int i = 0; i < BUILDS; i++) {
        builds.add(
            pool.submit(
                () -> {
                  start.await();
                  return CompileCaseTest.compileWith(options, "migrations", "queries");
                }));
      }
      awaitAllWaiting(token, builds);
      // Every build now runs its last migration at the same time; let them finish.
      try (Connection release =
          DriverManager.getConnection(LocalServer.URL + "&ApplicationName=" + token)) {
        assertTrue(release.isValid(5), "the releasing session is open");
        for (Future<Compilation> build : builds) {
          build.get(5, TimeUnit.MINUTES);
        }
      }
      List<Map<String, String>> sources = new ArrayList<>();
      for (Future<Compilation> build : builds) {
        Compilation compilation = build.get(5, TimeUnit.MINUTES);
        assertEquals(
            Compilation.Status.SUCCESS,
            compilation.status(),
            () -> compilation.diagnostics().toString());
        sources.add(generatedSources(compilation));
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      for (Map<String, String> each : sources) {
        assertEquals(sources.get(0), each, "the builds generated different sources");
      }
      assertEquals(expected(blog.resolve("expected")), sources.get(0));
      assertNotNull(
          LockFile.read(project.resolve("queries").resolve(LockFile.NAME)), "no lock file");
      assertTrue(
          Files.readString(project.resolve("schema.snapshot.sql")).contains("CREATE TABLE"),
          "no snapshot");
      assertTrue(
          Files.readString(project.resolve("recorded.sql")).contains("-- name: "),
          "no recorded queries");
      try (Stream<Path> files = Files.walk(project)) {
        assertEquals(
            List.of(),
            files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(),
            "temporary files left");
      }
      assertEquals(before, LocalServer.ourScratchDatabases(), "scratch databases left");
      System.out.println(
          BUILDS
              + " builds at once: all in their last migration together, all succeeded in "
              + millis
              + " ms with the same sources, no scratch database left");
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Waits until every build runs the migration that waits for {@code token}, failing when a build
   * ends first or the ceiling passes.
   */
  private static void awaitAllWaiting(String token, List<Future<Compilation>> builds)
      throws Exception {
    long ceiling = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    int waiting = 0;
    while (waiting < BUILDS) {
      for (Future<Compilation> build : builds) {
        if (build.isDone()) {
          throw new AssertionError(
              "a build ended before all were in the last migration: " + build.get().diagnostics());
        }
      }
      assertTrue(
          System.nanoTime() < ceiling,
          "only "
              + waiting
              + " of "
              + BUILDS
              + " builds were in the last migration at once, 120 s in");
      Thread.sleep(50);
      try (Connection c = LocalServer.connect();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                      + " AND state = 'active' AND query LIKE ?")) {
        s.setString(1, "%" + token + "%");
        try (ResultSet rows = s.executeQuery()) {
          rows.next();
          waiting = rows.getInt(1);
        }
      }
    }
  }

  private static Map<String, String> generatedSources(Compilation compilation) throws Exception {
    Map<String, String> sources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String name = file.getName();
      sources.put(name.substring(name.lastIndexOf('/') + 1), file.getCharContent(true).toString());
    }
    return sources;
  }

  private static Map<String, String> expected(Path folder) throws Exception {
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        expected.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return expected;
  }
}
