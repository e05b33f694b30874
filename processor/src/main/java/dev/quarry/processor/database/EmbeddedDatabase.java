package dev.quarry.processor.database;

import dev.quarry.processor.diagnostics.Message;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL run from zonky's binaries as a child of the build: a fresh cluster in a new directory
 * under the system temp directory, stopped (immediate shutdown) and deleted in the background on
 * close ({@link #stopInBackground}).
 *
 * <p>What can be reused across builds is: zonky unpacks the binaries once into {@code
 * <tmp>/embedded-pg/PG-<digest>}, and {@link ClusterCache} keeps an initialized cluster in {@code
 * <tmp>/quarry-cache/}, so a build copies a data folder instead of running initdb. Before starting,
 * leftovers of builds that died without cleaning up are removed ({@link StaleInstances}). As root,
 * zonky runs initdb and pg_ctl through {@code unshare -U} (PostgreSQL refuses to run as root), so
 * builds in containers work.
 */
final class EmbeddedDatabase extends ManagedDatabase {
  /** How long the server may take to accept connections after pg_ctl start. */
  static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

  private final EmbeddedPostgres postgres;
  private final Path directory;
  private final String url;
  private final String description;
  private final List<String> notes;
  private final Timings timings;

  /** How long the parts of starting took, in milliseconds, for notes and benchmarks. */
  record Timings(
      long cleanupMillis,
      long clusterMillis,
      boolean clusterCached,
      long copyMillis,
      long startMillis) {}

  private EmbeddedDatabase(
      EmbeddedPostgres postgres,
      Path directory,
      String version,
      String binaries,
      List<String> notes,
      Timings timings) {
    this.postgres = postgres;
    this.directory = directory;
    this.url = postgres.getJdbcUrl("postgres", "postgres");
    this.description =
        "embedded PostgreSQL "
            + version
            + " on port "
            + postgres.getPort()
            + " (binaries "
            + binaries
            + ")";
    this.notes = List.copyOf(notes);
    this.timings = timings;
  }

  static EmbeddedDatabase start(int major, ClassLoader loader) throws DatabaseUnavailableException {
    return start(
        major, loader, Path.of(System.getProperty("java.io.tmpdir")), ClusterCache.defaultRoot());
  }

  static EmbeddedDatabase start(int major, ClassLoader loader, Path tmp, Path cacheRoot)
      throws DatabaseUnavailableException {
    PostgresBinaries binaries =
        PostgresBinaries.find(major, loader, PostgresBinaries.defaultLocalRepository());
    long begin = System.nanoTime();
    List<String> notes = new ArrayList<>(StaleInstances.removeStale(tmp, cacheRoot));
    long cleanupMillis = millisSince(begin);
    try {
      return startFromCache(binaries, tmp, cacheRoot, notes, cleanupMillis);
    } catch (CachedClusterFailed first) {
      // A cached cluster that does not start (damaged by a crash, say) is replaced once.
      try {
        ClusterCache.discard(first.cluster);
      } catch (IOException e) {
        throw unavailable(
            binaries,
            first.failure,
            first.output,
            "; and the cached cluster "
                + first.cluster
                + " could not be removed ("
                + e.getMessage()
                + "): delete it by hand");
      }
      notes.add(
          "the cached PostgreSQL cluster "
              + first.cluster
              + " did not start ("
              + message(first.failure)
              + "); it was removed and made again");
      try {
        return startFromCache(binaries, tmp, cacheRoot, notes, cleanupMillis);
      } catch (CachedClusterFailed second) {
        throw unavailable(binaries, second.failure, second.output, "");
      }
    }
  }

  /**
   * A scratch database on the kept embedded PostgreSQL of these binaries under {@code root},
   * started now when none runs ({@link KeptServers}); cloned from the migrated schema cached under
   * {@code schemaKey} when the server has it.
   */
  static SchemaDatabase startKept(
      int major,
      ClassLoader loader,
      Path root,
      Duration idle,
      @Nullable String schemaKey,
      boolean buildServer)
      throws DatabaseUnavailableException {
    PostgresBinaries binaries =
        PostgresBinaries.find(major, loader, PostgresBinaries.defaultLocalRepository());
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    Path cacheRoot = ClusterCache.defaultRoot();
    String name = "pg-" + binaries.version() + "-" + ClusterCache.key(binaries);
    List<String> cleaned = new ArrayList<>();
    KeptServers.Lease lease;
    try {
      lease =
          KeptServers.lease(
              root,
              name,
              idle,
              (folder, id) -> {
                cleaned.addAll(StaleInstances.removeStale(tmp, cacheRoot));
                return startServer(binaries, folder, cacheRoot);
              },
              buildServer);
    } catch (IOException e) {
      throw new DatabaseUnavailableException(
          Message.DATABASE_KEPT_SERVER_UNSTARTABLE,
          binaries.version(),
          root.resolve(name),
          e.getMessage());
    }
    KeptServers.State state = lease.state();
    try {
      ServerDatabase database =
          ServerDatabase.start(
              keptUrl(state.port()),
              schemaKey,
              "kept embedded PostgreSQL on port "
                  + state.port()
                  + " (binaries "
                  + binaries.version()
                  + ")",
              lease);
      List<String> notes = new ArrayList<>(cleaned);
      notes.addAll(lease.notes());
      notes.addAll(database.startupNotes());
      return new KeptDatabase(database, notes);
    } catch (DatabaseUnavailableException e) {
      lease.close();
      throw e;
    }
  }

  /** The URL of a kept server's {@code postgres} database. */
  private static String keptUrl(int port) {
    // Its own cluster on this machine: no TLS or GSS negotiation to try first.
    return "jdbc:postgresql://localhost:"
        + port
        + "/postgres?user=postgres&sslmode=disable&gssEncMode=disable";
  }

  /**
   * On the build server (the watchdog of the kept server {@code name} under {@code root}): after a
   * build of PostgreSQL {@code major} that needed no database, readies a scratch database for the
   * next build of the same migrations ({@code schemaKey}) when the kept server runs those binaries
   * and holds their migrated schema ({@link ScratchSpares}). Never fails.
   */
  static void anticipateKept(Path root, String name, int major, String schemaKey) {
    if (ScratchSpares.active() == null) {
      return;
    }
    KeptServers.read(root, name)
        .filter(state -> state.version().startsWith(major + "."))
        .ifPresent(state -> ServerDatabase.anticipate(keptUrl(state.port()), schemaKey));
  }

  /** A server's scratch database with the notes of starting the kept server too. */
  private static final class KeptDatabase implements SchemaDatabase {
    private final ServerDatabase database;
    private final List<String> notes;

    KeptDatabase(ServerDatabase database, List<String> notes) {
      this.database = database;
      this.notes = List.copyOf(notes);
    }

    @Override
    public Connection connect() throws SQLException {
      return database.connect();
    }

    @Override
    public String description() {
      return database.description();
    }

    @Override
    public List<String> cleanupProblems() {
      return database.cleanupProblems();
    }

    @Override
    public List<String> startupNotes() {
      return notes;
    }

    @Override
    public RoleGuard roles() {
      return database.roles();
    }

    @Override
    public Optional<String> cachedMigrations() {
      return database.cachedMigrations();
    }

    @Override
    public boolean cachesSchema() {
      return database.cachesSchema();
    }

    @Override
    public boolean cacheMigrated(String record) {
      return database.cacheMigrated(record);
    }

    @Override
    public void close() {
      database.close();
    }
  }

  /**
   * Starts a server for {@link KeptServers} in {@code folder}: a copy of the cached cluster,
   * started with pg_ctl, which detaches it from this JVM.
   */
  private static KeptServers.State startServer(
      PostgresBinaries binaries, Path folder, Path cacheRoot)
      throws IOException, DatabaseUnavailableException {
    Files.createDirectories(folder);
    Path data = folder.resolve("data").toAbsolutePath().normalize();
    Path log = folder.resolve("postgres.log");
    Path cluster = ClusterCache.cluster(binaries, cacheRoot);
    ClusterCache.copyData(cluster, data);
    try {
      EmbeddedPostgres postgres =
          // Never closed: the server outlives the build; the watchdog stops it.
          startCluster(binaries, data, log);
      String version;
      try (Connection c =
          PgDriver.connect(postgres.getJdbcUrl("postgres", "postgres"), new Properties())) {
        version = PgDriver.serverVersion(c);
      }
      long pid =
          postmasterPid(data)
              .orElseThrow(() -> new IOException("no postmaster.pid in " + data + " after start"));
      return new KeptServers.State("", pid, postgres.getPort(), version, 0, 0, data.toString());
    } catch (IOException | SQLException | RuntimeException e) {
      String output = tail(log);
      Optional<Long> pid = postmasterPid(data);
      pid.flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
      FileTrees.delete(folder);
      throw unavailable(binaries, e, output, "; the kept server's folder was " + folder);
    }
  }

  /** A start that failed after copying a cached cluster: the cluster may be the cause. */
  private static final class CachedClusterFailed extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Path cluster;
    final String output;

    /** Why the cluster did not start (also the cause). */
    final Throwable failure;

    CachedClusterFailed(Path cluster, String output, Throwable cause) {
      super(cause);
      this.failure = cause;
      this.cluster = cluster;
      this.output = output;
    }
  }

  private static EmbeddedDatabase startFromCache(
      PostgresBinaries binaries, Path tmp, Path cacheRoot, List<String> notes, long cleanupMillis)
      throws DatabaseUnavailableException, CachedClusterFailed {
    Path directory;
    try {
      directory = Files.createTempDirectory(tmp, StaleInstances.FOLDER_PREFIX);
      StaleInstances.claim(directory);
    } catch (IOException e) {
      throw new DatabaseUnavailableException(
          Message.DATABASE_DIRECTORY_UNCREATABLE, tmp, e.getMessage());
    }
    Path data = directory.resolve("data");
    Path log = directory.resolve("postgres.log");
    long clusterBegin = System.nanoTime();
    Path cluster;
    boolean cached;
    try {
      cached = ClusterCache.isCached(binaries, cacheRoot);
      cluster = ClusterCache.cluster(binaries, cacheRoot);
    } catch (IOException | RuntimeException e) {
      String output = tail(log);
      stop(null, data, directory, problem -> {});
      throw unavailable(binaries, e, output, "; the cluster cache is " + cacheRoot);
    }
    long clusterMillis = millisSince(clusterBegin);
    long copyBegin = System.nanoTime();
    try {
      ClusterCache.copyData(cluster, data);
    } catch (IOException e) {
      stop(null, data, directory, problem -> {});
      throw new DatabaseUnavailableException(
          Message.DATABASE_CLUSTER_UNCOPYABLE, cluster, data, e.getMessage(), tmp);
    }
    long copyMillis = millisSince(copyBegin);
    long startBegin = System.nanoTime();
    EmbeddedPostgres postgres = null;
    try {
      postgres = startCluster(binaries, data, log);
      String version;
      try (Connection c =
          PgDriver.connect(postgres.getJdbcUrl("postgres", "postgres"), new Properties())) {
        version = PgDriver.serverVersion(c);
      }
      Timings timings =
          new Timings(cleanupMillis, clusterMillis, cached, copyMillis, millisSince(startBegin));
      EmbeddedDatabase started =
          new EmbeddedDatabase(postgres, directory, version, binaries.version(), notes, timings);
      started.armShutdownHook();
      return started;
    } catch (IOException | SQLException | RuntimeException e) {
      String output = tail(log);
      stop(postgres, data, directory, problem -> {});
      throw new CachedClusterFailed(cluster, output, e);
    }
  }

  private static DatabaseUnavailableException unavailable(
      PostgresBinaries binaries, Throwable e, String output, String more) {
    return new DatabaseUnavailableException(
        Message.DATABASE_EMBEDDED_UNSTARTABLE,
        binaries.version(),
        message(e),
        output.isEmpty() ? "" : Message.Phrase.OUTPUT_ENDS_WITH.format(output),
        more);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  @Override
  protected Connection openConnection() throws SQLException {
    return PgDriver.connect(url, new Properties());
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<String> startupNotes() {
    return notes;
  }

  /** How long the parts of starting took. */
  Timings timings() {
    return timings;
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
    Path data = directory.resolve("data");
    if (stopInBackground(postmasterPid(data), directory)) {
      // zonky's close releases its lock on the data folder once the server is gone (its pg_ctl
      // stop then finds nothing to stop); in a daemon thread, so a JVM that exits does not wait.
      Thread closer =
          new Thread(
              () -> {
                try {
                  postgres.close();
                } catch (IOException | RuntimeException e) {
                  // The server is stopped by the helper; the lock goes with the JVM at the latest.
                }
              },
              "quarry-embedded-postgres-close");
      closer.setDaemon(true);
      closer.start();
      return;
    }
    stop(postgres, data, directory, problems);
  }

  private static final Path SHELL = Path.of("/bin/sh");

  /**
   * The scratch cluster's data is thrown away, so nobody needs to wait for a clean shutdown: a
   * detached shell sends the postmaster SIGQUIT (PostgreSQL's immediate shutdown: no checkpoint;
   * the postmaster stops its children and removes its shared memory), SIGKILL after 10 s if it is
   * still there, and then deletes the folder. The build goes on at once, and the helper finishes
   * even when the build's JVM exits right away. Whatever a helper killed with the build leaves
   * behind, the next build removes ({@link StaleInstances}: the folder's owner JVM is gone). False
   * when there is no POSIX shell (Windows): then the caller stops and deletes in place.
   */
  static boolean stopInBackground(Optional<Long> postmaster, Path directory) {
    if (!Files.isExecutable(SHELL)) {
      return false;
    }
    String script =
        "if [ -n \"$1\" ]; then"
            + " kill -QUIT \"$1\" 2>/dev/null; i=0;"
            + " while kill -0 \"$1\" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done;"
            + " if kill -0 \"$1\" 2>/dev/null; then kill -KILL \"$1\" 2>/dev/null; sleep 0.2; fi;"
            + " fi; rm -rf -- \"$2\"";
    try {
      new ProcessBuilder(
              SHELL.toString(),
              "-c",
              script,
              "quarry-embedded-postgres-stop",
              postmaster.map(String::valueOf).orElse(""),
              directory.toAbsolutePath().toString())
          .redirectOutput(Redirect.DISCARD)
          .redirectError(Redirect.DISCARD)
          .start()
          .getOutputStream()
          .close();
      return true;
    } catch (IOException e) {
      return false;
    }
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
    pid.flatMap(ProcessHandle::of)
        .ifPresent(
            process -> {
              process.destroy();
              try {
                process.onExit().get(10, TimeUnit.SECONDS);
              } catch (Exception e) {
                process.destroyForcibly();
              }
              if (process.isAlive()) {
                problems.accept(
                    "embedded PostgreSQL (process "
                        + process.pid()
                        + ") did not stop; kill it by hand");
              }
            });
    try {
      FileTrees.delete(directory);
    } catch (IOException e) {
      problems.accept(
          "could not delete " + directory + ": " + e.getMessage() + "; delete it by hand");
    }
  }

  /**
   * The process id in {@code data}'s postmaster.pid, not checked against any process: for this
   * build's own instance; {@link StaleInstances} checks it before stopping another's.
   */
  static Optional<Long> postmasterPid(Path data) {
    try {
      List<String> lines =
          Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
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

  /**
   * Starts PostgreSQL on the cluster in {@code data} (already initialised: zonky skips initdb, and
   * Quarry deletes the folder itself), its output appended to {@code log}. No zonky shutdown hook:
   * Quarry keeps its own (or, for a kept server, the watchdog stops it). A scratch schema need not
   * survive a crash, so the disk syncs are off.
   */
  private static EmbeddedPostgres startCluster(PostgresBinaries binaries, Path data, Path log)
      throws IOException {
    return EmbeddedPostgres.builder()
        .setPgBinaryResolver(binaries)
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPGStartupWait(STARTUP_WAIT)
        .setRegisterShutdownHook(false)
        .setOutputRedirector(Redirect.appendTo(log.toFile()))
        .setErrorRedirector(Redirect.appendTo(log.toFile()))
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off")
        .start();
  }
}
