package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.codegen.GenerationCache;
import dev.quarry.processor.config.InvalidOptionException;
import dev.quarry.processor.config.ProcessorOptions;
import dev.quarry.processor.config.ProjectRequest;
import dev.quarry.processor.diagnostics.PhaseTimings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build server's rehearsal ({@link Rehearsal}, {@link Pipeline#rehearsal}): it runs a build's
 * stages again without a database and writes nothing of the project's, whatever the lock file says.
 */
class RehearsalTest {
  private static final Path BLOG = CompileCaseTest.CASES.resolve("blog");
  private static final ProjectRequest REQUEST =
      new ProjectRequest("com.example.blog", List.of("migrations"), List.of("queries"));

  @TempDir Path project;
  @TempDir Path own;

  @Test
  void aRehearsalGeneratesWhatTheBuildDidAndWritesNothingOfTheProject() throws Exception {
    CompileCaseTest.copyInputs(BLOG, project);
    ProcessorOptions options = options();
    Pipeline.Result built = new Pipeline(options, null, null).run(REQUEST, new PhaseTimings());
    assertFalse(built.diagnostics().hasErrors(), built.diagnostics().all()::toString);
    Map<String, String> before = files(project);

    GenerationCache cache = GenerationCache.forSourceOutput(own.resolve("generated")).orElseThrow();
    for (int i = 0; i < 2; i++) {
      Pipeline.Result rehearsed =
          Pipeline.rehearsal(options, cache).run(REQUEST, new PhaseTimings());
      assertEquals(built.sources(), rehearsed.sources());
      assertEquals(built.diagnostics().all(), rehearsed.diagnostics().all());
    }
    assertEquals(before, files(project));

    // A stale lock file: the rehearsal stops as an offline build does, starts no database and
    // still writes nothing.
    Path posts = project.resolve("queries/posts.sql");
    Files.writeString(posts, Files.readString(posts).replace("SELECT title", "SELECT id, title"));
    Map<String, String> edited = files(project);
    Pipeline.Result stale = Pipeline.rehearsal(options, cache).run(REQUEST, new PhaseTimings());
    assertTrue(stale.sources().isEmpty());
    assertTrue(
        stale.diagnostics().all().stream()
            .anyMatch(d -> d.render().contains("-Aquarry.lock=offline")),
        stale.diagnostics().all()::toString);
    assertEquals(0, stale.timings().nanos(PhaseTimings.Phase.DATABASE_START));
    assertEquals(edited, files(project));
  }

  @Test
  void theFirstSuccessfulBuildIsRehearsedInTheBackgroundAndItsFolderRemoved() throws Exception {
    CompileCaseTest.copyInputs(BLOG, project);
    ProcessorOptions options = options();
    Pipeline.Result built = new Pipeline(options, null, null).run(REQUEST, new PhaseTimings());
    assertFalse(built.diagnostics().hasErrors(), built.diagnostics().all()::toString);
    Map<String, String> before = files(project);
    Path folder = own.resolve("rehearsal");
    Rehearsal.buildStarted();
    Rehearsal.buildEnded(options, REQUEST, true, folder);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (Rehearsal.rehearsed() < Rehearsal.RUNS && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(Rehearsal.RUNS, Rehearsal.rehearsed());
    while (Files.exists(folder) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertFalse(Files.exists(folder), "the rehearsal's folder is left");
    assertEquals(before, files(project));
    // Only the first build is rehearsed.
    Rehearsal.buildStarted();
    Rehearsal.buildEnded(options, REQUEST, true, folder);
    Thread.sleep(500);
    assertEquals(Rehearsal.RUNS, Rehearsal.rehearsed());
  }

  private ProcessorOptions options() throws InvalidOptionException {
    return QuarryProcessor.parseOptions(
        Map.of("quarry.projectDir", project.toString(), "quarry.database", TestDatabases.option()),
        project);
  }

  /** Every file under {@code root} with its text and modification time. */
  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            root.relativize(file).toString(),
            Files.getLastModifiedTime(file) + " " + Files.readString(file));
      }
    }
    return files;
  }
}
