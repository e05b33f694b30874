package dev.quarry.processor.database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The end of a test that started kept servers under a folder of its own. */
final class StopKeptServers {
  private StopKeptServers() {}

  /**
   * Stops every kept server under {@code keep} and waits for its watchdog to exit: until then the
   * watchdog (and a build server's warm-up builds) may still write under {@code keep}, and JUnit
   * could not delete the test's folder.
   */
  static void under(Path keep) throws Exception {
    for (String name : KeptServers.names(keep)) {
      Optional<KeptServers.State> state = KeptServers.read(keep, name);
      Optional<ProcessHandle> watchdog =
          state
              .flatMap(s -> ProcessHandle.of(s.watchdogPid()))
              .filter(
                  p ->
                      KeptServers.commandLine(p)
                          .map(line -> line.contains(state.get().id()))
                          .orElse(false));
      KeptServers.stop(keep, name, Duration.ofSeconds(5));
      if (watchdog.isPresent()) {
        watchdog.get().onExit().get(30, TimeUnit.SECONDS);
      }
    }
  }
}
