package dev.quarry.build;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Maven run in a child process, as a user runs it: the Maven that runs this build, on this
 * build's local repository (where it installed Quarry), batch mode, offline unless asked.
 */
final class NestedMaven {
  /** What one run printed, and how it ended. */
  record Result(int exitCode, String output) {
    boolean succeeded() {
      return exitCode == 0;
    }
  }

  private final String mvn;
  private final String repository;

  private NestedMaven(String mvn, String repository) {
    this.mvn = mvn;
    this.repository = repository;
  }

  /** The nested Maven, or the test is skipped with the reason when there is none. */
  static NestedMaven find() {
    String mvn = findMaven();
    assumeTrue(mvn != null, "no mvn on PATH or in maven.home: cannot run a nested Maven build");
    String repository = System.getProperty("maven.repo.local");
    assumeTrue(repository != null, "maven.repo.local is not set (run through Maven's surefire)");
    return new NestedMaven(mvn, repository);
  }

  /** {@code mvn -o -B -ntp -Dmaven.repo.local=... args} in {@code project}. */
  Result offline(Path project, String... args) throws IOException, InterruptedException {
    return run(project, "", true, args);
  }

  /**
   * {@code mvn -o ...} with {@code MAVEN_OPTS} set: options for Maven's own JVM, which is how a run
   * takes on another platform's {@code os.name} and {@code os.arch} (on the mvn command line they
   * would be user properties, which profile activation does not read).
   */
  Result offlineWithMavenOpts(Path project, String mavenOpts, String... args)
      throws IOException, InterruptedException {
    return run(project, mavenOpts, true, args);
  }

  /**
   * Brings the plugins {@code project}'s build uses, and the dependency plugin, into the local
   * repository, so that the offline runs that follow find them on a machine that never ran them
   * (the defaults differ between Maven versions). May use the network; a failure is reported by the
   * offline run that then misses a plugin.
   */
  Result fetchPlugins(Path project) throws IOException, InterruptedException {
    return run(project, "", false, "-q", DEPENDENCY_PLUGIN + ":resolve-plugins");
  }

  /** The dependency plugin at a fixed version, so that offline runs need no version lookup. */
  static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.9.0";

  private Result run(Path project, String mavenOpts, boolean offline, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(mvn, "-B", "-ntp"));
    if (offline) {
      command.add("-o");
    }
    command.add("-Dmaven.repo.local=" + repository);
    command.addAll(List.of(args));
    Path log = Files.createTempFile("quarry-nested-mvn", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(project.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      // Not the outer build's options (a debugger agent, a heap size): only what this run asks.
      builder.environment().put("MAVEN_OPTS", mavenOpts);
      Process process = builder.start();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            "nested "
                + String.join(" ", command)
                + " did not finish in 10 minutes:\n"
                + Files.readString(log, StandardCharsets.UTF_8));
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String findMaven() {
    String home = System.getProperty("maven.home");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn").toString();
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "mvn");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
