package dev.quarry.processor.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;

/**
 * Tells whether a Docker engine answers, cheaply first: Testcontainers is only asked when something
 * points at an engine (DOCKER_HOST, a Testcontainers config naming one, or a socket file in a usual
 * place), because asking it on a machine without Docker costs seconds.
 */
final class DockerProbe {
  private DockerProbe() {}

  /** Whether something suggests a Docker engine; no process or network call. */
  static boolean engineLikely() {
    String dockerHost = System.getenv("DOCKER_HOST");
    if (dockerHost != null && !dockerHost.isBlank()) {
      return true;
    }
    Path home = Paths.get(System.getProperty("user.home", "/"));
    Path testcontainersConfig = home.resolve(".testcontainers.properties");
    try {
      if (Files.isRegularFile(testcontainersConfig)
          && Files.readString(testcontainersConfig).contains("docker.host")) {
        return true;
      }
    } catch (java.io.IOException e) {
      // An unreadable config names no engine.
    }
    return socketCandidates(home).stream().anyMatch(Files::exists);
  }

  /** The places Docker Desktop, rootless Docker, Colima and Rancher Desktop put their socket. */
  static List<Path> socketCandidates(Path home) {
    List<Path> candidates = new ArrayList<>();
    candidates.add(Paths.get("/var/run/docker.sock"));
    candidates.add(home.resolve(".docker/run/docker.sock"));
    candidates.add(home.resolve(".docker/desktop/docker.sock"));
    candidates.add(home.resolve(".colima/default/docker.sock"));
    candidates.add(home.resolve(".rd/docker.sock"));
    String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
    if (runtimeDir != null && !runtimeDir.isBlank()) {
      candidates.add(Paths.get(runtimeDir, "docker.sock"));
    }
    return candidates;
  }

  /** Whether a Docker engine answers: the cheap check, then Testcontainers' own. */
  static boolean engineAnswers() {
    return engineAnswers(DockerProbe::engineLikely, DockerProbe::testcontainersSeesEngine);
  }

  /**
   * {@code testcontainers} is asked only when {@code likely} says so: on a machine without Docker
   * the answer comes without the seconds Testcontainers takes to find out.
   */
  static boolean engineAnswers(BooleanSupplier likely, BooleanSupplier testcontainers) {
    return likely.getAsBoolean() && testcontainers.getAsBoolean();
  }

  private static boolean testcontainersSeesEngine() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** For messages: where Quarry looked. */
  static String whereLooked() {
    return "DOCKER_HOST is not set and there is no Docker socket (looked at "
        + String.join(
            ", ",
            socketCandidates(Paths.get(System.getProperty("user.home", "/"))).stream()
                .map(Path::toString)
                .toList())
        + ")";
  }
}
