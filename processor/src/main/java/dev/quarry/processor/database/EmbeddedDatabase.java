package dev.quarry.processor.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL run from zonky's binaries as a child of the build: a fresh cluster in a new
 * directory under the system temp directory, stopped and deleted on close.
 *
 * <p>zonky unpacks the binaries once into {@code <tmp>/embedded-pg/PG-<digest>} and reuses
 * them in later builds; that cache is kept on purpose. As root, zonky runs initdb and pg_ctl
 * through {@code unshare -U} (PostgreSQL refuses to run as root), so builds in containers work.
 */
final class EmbeddedDatabase extends ManagedDatabase {
  /** How long the server may take to accept connections after pg_ctl start. */
  static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

  private final EmbeddedPostgres postgres;
  private final Path directory;
  private final String url;
  private final String description;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory, String version, String binaries) {
    this.postgres = postgres;
    this.directory = directory;
    this.url = postgres.getJdbcUrl("postgres", "postgres");
    this.description = "embedded PostgreSQL " + version + " on port " + postgres.getPort() + " (binaries " + binaries + ")";
  }

  static EmbeddedDatabase start(int major, ClassLoader loader) throws DatabaseUnavailableException {
    PostgresBinaries binaries =
        PostgresBinaries.find(major, loader, PostgresBinaries.defaultLocalRepository());
    Path directory;
    try {
      directory = Files.createTempDirectory("quarry-pg-");
    } catch (IOException e) {
      throw new DatabaseUnavailableException(
          "cannot create a directory for embedded PostgreSQL in " + System.getProperty("java.io.tmpdir")
              + ": " + e.getMessage() + "; free some space or set -Aquarry.database to a jdbc:postgresql:// URL");
    }
    Path data = directory.resolve("data");
    Path log = directory.resolve("postgres.log");
    EmbeddedPostgres postgres = null;
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setPgBinaryResolver(binaries)
              .setDataDirectory(data)
              .setCleanDataDirectory(true)
              .setPGStartupWait(STARTUP_WAIT)
              // Quarry keeps its own shutdown hook, removed on close; zonky's would pile up.
              .setRegisterShutdownHook(false)
              .setOutputRedirector(Redirect.appendTo(log.toFile()))
              .setErrorRedirector(Redirect.appendTo(log.toFile()))
              // A scratch schema need not survive a crash: skip the disk syncs.
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .start();
      String version;
      try (Connection c = PgDriver.connect(postgres.getJdbcUrl("postgres", "postgres"), new Properties())) {
        version = PgDriver.serverVersion(c);
      }
      EmbeddedDatabase started = new EmbeddedDatabase(postgres, directory, version, binaries.version());
      started.armShutdownHook();
      return started;
    } catch (IOException | SQLException | RuntimeException e) {
      String output = tail(log);
      stop(postgres, data, directory, problem -> {});
      throw new DatabaseUnavailableException(
          "cannot start embedded PostgreSQL " + binaries.version() + ": " + message(e)
              + (output.isEmpty() ? "" : "; its output ends with: " + output)
              + "; set -Aquarry.database to a jdbc:postgresql:// URL of a running server instead");
    }
  }

  @Override
  protected Connection openConnection() throws SQLException {
    return PgDriver.connect(url, new Properties());
  }

  @Override
  public String description() {
    return description;
  }

  /** The directory holding the cluster's data and log, deleted on close. */
  Path directory() {
    return directory;
  }

  /** The postmaster's process id while it runs. */
  Optional<Long> postmasterPid() {
    return postmasterPid(directory.resolve("data"));
  }

  @Override
  protected void release(Consumer<String> problems) {
    stop(postgres, directory.resolve("data"), directory, problems);
  }

  private static void stop(
      @Nullable EmbeddedPostgres postgres, Path data, Path directory, Consumer<String> problems) {
    Optional<Long> pid = postmasterPid(data);
    if (postgres != null) {
      try {
        postgres.close(); // pg_ctl stop -m fast, waits up to 5 s
      } catch (IOException | RuntimeException e) {
        // Checked below: the process is killed if it is still there.
      }
    }
    // pg_ctl detaches the postmaster from the JVM, so make sure it is really gone.
    pid.flatMap(ProcessHandle::of).ifPresent(process -> {
      process.destroy();
      try {
        process.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        process.destroyForcibly();
      }
      if (process.isAlive()) {
        problems.accept("embedded PostgreSQL (process " + process.pid() + ") did not stop; kill it by hand");
      }
    });
    try {
      deleteRecursively(directory);
    } catch (IOException e) {
      problems.accept("could not delete " + directory + ": " + e.getMessage() + "; delete it by hand");
    }
  }

  private static Optional<Long> postmasterPid(Path data) {
    try {
      List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** The last lines PostgreSQL printed, on one line, for a message. */
  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static String message(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage();
    return text == null ? root.getClass().getSimpleName() : text;
  }
}
