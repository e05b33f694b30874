package dev.quarry.processor;

import dev.quarry.processor.codegen.GenerationCache;
import dev.quarry.processor.config.ProcessorOptions;
import dev.quarry.processor.config.ProjectRequest;
import dev.quarry.processor.database.FileTrees;
import dev.quarry.processor.diagnostics.PhaseTimings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Warms the build server's JIT once: after the first build it serves without an error, a background
 * thread runs that build's stages {@value #RUNS} times more as a {@link Pipeline#rehearsal} (no
 * database, nothing of the project's written, sources generated into a folder of the kept server's
 * own). A build server otherwise runs each stage once per build, so its code stays interpreted for
 * the first dozens of builds: measured on river's 55 queries, an edited query's build took 400 ms
 * on a server that had run a handful of builds and 250–300 ms after two dozen.
 *
 * <p>The rehearsal yields to builds: it waits while one runs and stops for good once {@link
 * #PATIENCE} builds came while it waited. Its folder is inside the kept server's folder, which is
 * deleted with the kept server (also after a {@code kill -9}, by the next build's stale-server
 * cleanup).
 */
final class Rehearsal {
  /** How many times the first build is rehearsed. */
  static final int RUNS = 12;

  /** How many builds may interrupt the rehearsal before it gives up. */
  static final int PATIENCE = 20;

  /** How long the rehearsal waits after the build that starts it. */
  private static final long START_DELAY_MILLIS = 300;

  private static final AtomicBoolean started = new AtomicBoolean();
  private static final AtomicInteger running = new AtomicInteger();
  private static final AtomicInteger arrived = new AtomicInteger();
  private static final AtomicInteger rehearsed = new AtomicInteger();

  private Rehearsal() {}

  /** Called when a build starts on the build server. */
  static void buildStarted() {
    running.incrementAndGet();
    arrived.incrementAndGet();
  }

  /** Called when a prepared build ({@link Prebuilds}) ended: it never starts the rehearsal. */
  static void preparedBuildEnded() {
    running.decrementAndGet();
  }

  /**
   * Called when a build on the build server ended; the first that succeeded starts the rehearsal,
   * in {@code folder} (a folder of the kept server's own, replaced).
   */
  static void buildEnded(
      ProcessorOptions options, ProjectRequest project, boolean succeeded, Path folder) {
    running.decrementAndGet();
    if (!succeeded || !started.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(() -> rehearse(options, project, folder), "quarry-rehearsal");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  /** How many rehearsal runs have finished, for tests. */
  static int rehearsed() {
    return rehearsed.get();
  }

  private static void rehearse(ProcessorOptions options, ProjectRequest project, Path folder) {
    int patience = arrived.get() + PATIENCE;
    try {
      // After the reply: the client writes its sources first.
      Thread.sleep(START_DELAY_MILLIS);
      FileTrees.delete(folder);
      GenerationCache cache =
          GenerationCache.forSourceOutput(folder.resolve("generated")).orElse(null);
      for (int i = 0; i < RUNS; i++) {
        while (running.get() > 0) {
          if (arrived.get() > patience) {
            return;
          }
          Thread.sleep(50);
        }
        Pipeline.rehearsal(options, cache).run(project, new PhaseTimings());
        rehearsed.incrementAndGet();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException | LinkageError e) {
      // Only a warm-up: the builds are the same without it.
    } finally {
      try {
        FileTrees.delete(folder);
      } catch (IOException e) {
        // Deleted with the kept server's folder.
      }
    }
  }
}
