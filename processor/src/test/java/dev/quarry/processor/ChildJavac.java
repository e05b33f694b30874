package dev.quarry.processor;

import dev.quarry.processor.database.KeptServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * javac with Quarry in a JVM of its own, as a build runs it: for tests that kill the build, set its
 * environment (PGPASSWORD), or read everything it prints. The test classpath is the JVM's and
 * javac's classpath, so the processor is found on it.
 */
public final class ChildJavac {
  /** What a finished run printed and how long it took. */
  public record Outcome(long pid, int exitCode, String stdout, String stderr, long millis) {
    public String output() {
      return stdout + stderr;
    }
  }

  private final Path project;
  private final Path work;
  private final List<String> options;
  private final Map<String, String> environment;

  /**
   * @param project the folder {@code quarry.projectDir} names (holding migrations/ and queries/)
   * @param work an empty folder for sources, generated sources, classes and captured output
   * @param options javac options, e.g. {@code -Aquarry.database=...}
   * @param environment variables to set; PGPASSWORD is removed unless set here
   */
  public ChildJavac(
      Path project, Path work, List<String> options, Map<String, String> environment) {
    this.project = project;
    this.work = work;
    this.options = List.copyOf(options);
    this.environment = Map.copyOf(environment);
  }

  private Path tmp = Path.of(System.getProperty("java.io.tmpdir"));

  private Path keepDir = KeptServers.defaultRoot();

  /** Gives the child JVM its own folder of kept embedded servers instead of the test JVM's. */
  public ChildJavac withKeepDir(Path folder) {
    this.keepDir = folder;
    return this;
  }

  /** Gives the child JVM its own temp folder (java.io.tmpdir) instead of the test JVM's. */
  public ChildJavac withTmp(Path folder) {
    this.tmp = folder;
    return this;
  }

  private boolean classesOnClassPath;

  /** Puts the class output folder first on javac's class path, as Maven and IDEs do. */
  public ChildJavac withClassesOnClassPath() {
    this.classesOnClassPath = true;
    return this;
  }

  /** Starts javac on a package-info that uses the project's migrations/ and queries/. */
  public Process start() throws IOException {
    Path sources = Files.createDirectories(work.resolve("src/com/example/db"));
    Path packageInfo = sources.resolve("package-info.java");
    Files.writeString(
        packageInfo, CompileCaseTest.packageInfo("com.example.db"), StandardCharsets.UTF_8);
    Path generated = Files.createDirectories(work.resolve("generated"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    String classpath = System.getProperty("java.class.path");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                // The test JVM's temp folder: embedded PostgreSQL's folders are where tests look.
                "-Djava.io.tmpdir=" + tmp,
                // The kept embedded PostgreSQL the test JVM's builds use.
                "-D" + KeptServers.DIR_PROPERTY + "=" + keepDir,
                "-cp",
                classpath,
                "com.sun.tools.javac.Main",
                "-processor",
                QuarryProcessor.class.getName(),
                "-classpath",
                classesOnClassPath ? classes + java.io.File.pathSeparator + classpath : classpath,
                "-s",
                generated.toString(),
                "-d",
                classes.toString(),
                "-Aquarry.projectDir=" + project.toAbsolutePath()));
    command.addAll(options);
    command.add(packageInfo.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("PGPASSWORD");
    builder.environment().putAll(environment);
    builder.redirectOutput(work.resolve("stdout.txt").toFile());
    builder.redirectError(work.resolve("stderr.txt").toFile());
    return builder.start();
  }

  /** Runs javac to the end, killing it after {@code limitSeconds}. */
  public Outcome run(long limitSeconds) throws IOException, InterruptedException {
    long started = System.nanoTime();
    Process process = start();
    if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("javac did not finish within " + limitSeconds + " s: " + output());
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new Outcome(
        process.pid(), process.exitValue(), read("stdout.txt"), read("stderr.txt"), millis);
  }

  /** What javac printed so far. */
  public String output() throws IOException {
    return read("stdout.txt") + read("stderr.txt");
  }

  private String read(String name) throws IOException {
    Path file = work.resolve(name);
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
