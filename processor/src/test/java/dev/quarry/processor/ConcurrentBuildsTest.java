package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.lock.LockFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four builds at once against one server, as parallel CI jobs or {@code mvn -T4} run them: on the
 * same project folder (so they also write its lock file, snapshot and recorded queries at the same
 * time), each with its own compiler. All succeed with the same sources, and no scratch database is
 * left. Needs the server on 127.0.0.1:5432.
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
    List<String> before = LocalServer.ourScratchDatabases();

    // How many scratch databases of this JVM exist at once while the builds run.
    AtomicInteger mostAtOnce = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread watcher =
        new Thread(
            () -> {
              while (running.get()) {
                try {
                  int now = LocalServer.ourScratchDatabases().size() - before.size();
                  mostAtOnce.accumulateAndGet(now, Math::max);
                  Thread.sleep(50);
                } catch (Exception e) {
                  return;
                }
              }
            });
    watcher.start();

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
      running.set(false);
      watcher.join();
      assertEquals(before, LocalServer.ourScratchDatabases(), "scratch databases left");
      assertTrue(
          mostAtOnce.get() >= 2,
          "the builds did not overlap: at most " + mostAtOnce.get() + " scratch databases at once");
      System.out.println(
          BUILDS
              + " builds at once: all succeeded in "
              + millis
              + " ms with the same sources; up to "
              + mostAtOnce.get()
              + " scratch databases at once, none left");
    } finally {
      running.set(false);
      pool.shutdownNow();
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
