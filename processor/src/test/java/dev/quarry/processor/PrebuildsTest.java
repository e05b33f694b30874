package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.config.ProcessorOptions;
import dev.quarry.processor.config.ProjectRequest;
import dev.quarry.processor.database.FileTrees;
import dev.quarry.processor.server.BuildRequest;
import dev.quarry.processor.server.BuildServerFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bookkeeping of prepared builds, without a build server: what is watched, and for how long.
 */
class PrebuildsTest {
  @TempDir Path temp;

  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

  private Prebuilds start() throws Exception {
    return Prebuilds.start(
        temp.resolve("keep"), "test", new PrintStream(logged, true, StandardCharsets.UTF_8));
  }

  /** Registers a project in {@code folder} (its migrations/ and queries/ made), as a build does. */
  private void register(Prebuilds prebuilds, Path folder) throws Exception {
    Files.createDirectories(folder.resolve("migrations/nested"));
    Files.createDirectories(folder.resolve("queries"));
    BuildRequest request = request(folder, "code");
    ProcessorOptions parsed = QuarryProcessor.parseOptions(request.options(), folder);
    prebuilds.register(request, parsed, folder.resolve("queries/quarry.lock"));
  }

  /**
   * A build's request of the project in {@code folder}, of the Quarry whose code is {@code key}.
   */
  private static BuildRequest request(Path folder, String key) {
    return request(folder, key, "environment");
  }

  /** The same, made in the JVM environment {@code environment} (see BuildEnvironment). */
  private static BuildRequest request(Path folder, String key, String environment) {
    Map<String, @Nullable String> options = new HashMap<>();
    options.put("quarry.projectDir", folder.toString());
    return new BuildRequest(
        key,
        environment,
        folder.toString(),
        options,
        new ProjectRequest(
            "p" + folder.getFileName(), List.of("migrations"), List.of("queries"), List.of()),
        folder.resolve("generated").toString());
  }

  @Test
  void aProjectIsWatchedOnceWithItsMigrationTreeAndForgottenWhenItsFolderGoes() throws Exception {
    Prebuilds prebuilds = start();
    try {
      Path project = temp.resolve("one");
      register(prebuilds, project);
      register(prebuilds, project);
      assertEquals(List.of("pone"), prebuilds.watchedPackages());
      String log = logged.toString(StandardCharsets.UTF_8);
      // migrations/, migrations/nested/ and queries/; said once.
      assertTrue(log.contains("watching 3 folder(s) of pone"), log);
      assertEquals(log.indexOf("watching"), log.lastIndexOf("watching"), log);
      // Marked, so that a build answered by its replay does not ask this server to watch it.
      Path mark = mark(project);
      assertTrue(Files.exists(mark), mark.toString());

      FileTrees.delete(project);
      await(() -> prebuilds.watchedPackages().isEmpty());
      assertEquals(List.of(), prebuilds.watchedPackages());
      assertFalse(Files.exists(mark), mark.toString());
    } finally {
      prebuilds.close();
    }
  }

  @Test
  void aServerThatEndsRemovesItsMarksAndANewOneStartsWithNone() throws Exception {
    Path project = temp.resolve("marked");
    Prebuilds first = start();
    try {
      register(first, project);
      assertTrue(Files.exists(mark(project)));
    } finally {
      first.close();
    }
    assertFalse(Files.exists(mark(project)), "the mark outlives its server");
    // A mark left by a server that was killed: the next one (same name) watches nothing yet.
    Files.writeString(mark(project), "");
    Prebuilds second = start();
    try {
      assertFalse(Files.exists(mark(project)), "a killed server's mark is taken for the new one's");
    } finally {
      second.close();
    }
  }

  @Test
  void aRequestOfAnotherQuarryIsDeletedLoggedAndWatchesNothing() throws Exception {
    Path project = Files.createDirectories(temp.resolve("other/queries")).getParent();
    assertRefused(request(project, "another-code-key"), "pother", "another Quarry");
  }

  @Test
  void aRequestFromAnotherEnvironmentIsDeletedLoggedAndWatchesNothing() throws Exception {
    Path project = Files.createDirectories(temp.resolve("elsewhere/queries")).getParent();
    // This server's Quarry, from a JVM started otherwise (another Maven repository, say).
    String code = BuildServerFiles.codeKey(temp.resolve("keep")).orElse("");
    assertRefused(
        request(project, code, "{-Dmaven.repo.local=/elsewhere}"),
        "pelsewhere",
        "another environment");
  }

  /** A server deletes {@code request} left for it, logs why it refused it, and watches nothing. */
  private void assertRefused(BuildRequest request, String packageName, String why)
      throws Exception {
    Prebuilds prebuilds = start();
    try {
      BuildServerFiles.leaveRequest(watchFolder(), "0a1b", request);
      Path left = watchFolder().resolve("0a1b" + BuildServerFiles.REQUEST);
      await(() -> logged.toString(StandardCharsets.UTF_8).contains("not watching"));
      String log = logged.toString(StandardCharsets.UTF_8);
      assertTrue(log.contains("not watching " + packageName + " as a build asked: " + why), log);
      assertFalse(Files.exists(left), "the request is left");
      assertEquals(List.of(), prebuilds.watchedPackages());
    } finally {
      prebuilds.close();
    }
  }

  @Test
  void aRequestThatCannotBeReadIsDeletedAndWatchesNothing() throws Exception {
    Prebuilds prebuilds = start();
    try {
      Path request = watchFolder().resolve("0123" + BuildServerFiles.REQUEST);
      Files.writeString(request, "not a request");
      await(() -> !Files.exists(request));
      assertFalse(Files.exists(request), "the request is left");
      assertEquals(List.of(), prebuilds.watchedPackages());
    } finally {
      prebuilds.close();
    }
  }

  /** Waits up to 30 s for {@code condition}; the assertions after it say what did not happen. */
  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private Path watchFolder() {
    return BuildServerFiles.watchFolder(temp.resolve("keep"), "test");
  }

  private Path mark(Path project) {
    return watchFolder()
        .resolve(
            BuildServerFiles.projectId(
                    project.toString(),
                    project.resolve("generated").toString(),
                    "p" + project.getFileName())
                + BuildServerFiles.WATCHED);
  }

  @Test
  void beyondTheLimitTheProjectWatchedLongestIsDropped() throws Exception {
    Prebuilds prebuilds = start();
    try {
      for (int i = 0; i <= Prebuilds.MAX_PROJECTS; i++) {
        register(prebuilds, temp.resolve("project" + i));
      }
      List<String> watched = prebuilds.watchedPackages();
      assertEquals(Prebuilds.MAX_PROJECTS, watched.size());
      assertFalse(watched.contains("pproject0"), watched.toString());
      assertTrue(watched.contains("pproject" + Prebuilds.MAX_PROJECTS), watched.toString());
    } finally {
      prebuilds.close();
    }
  }
}
