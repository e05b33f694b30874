package dev.quarry.processor;

import dev.quarry.processor.config.InvalidOptionException;
import dev.quarry.processor.config.LockMode;
import dev.quarry.processor.config.ProcessorOptions;
import dev.quarry.processor.config.ProjectRequest;
import dev.quarry.processor.database.KeptServers;
import dev.quarry.processor.diagnostics.PhaseTimings;
import dev.quarry.processor.server.BuildClient;
import dev.quarry.processor.server.BuildListener;
import dev.quarry.processor.server.BuildReply;
import dev.quarry.processor.server.BuildRequest;
import dev.quarry.processor.server.BuildServerFiles;
import dev.quarry.processor.source.DeferredWrites;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Builds the build server prepares before javac asks for them. After a build, the server watches
 * that project's query and migration folders; when a file in them changes (an edit saved in the
 * IDE), it runs the same build again at once, as {@link BuildServer#build} would, but with every
 * write into the project held back ({@link DeferredWrites}): the lock file, the snapshot and the
 * generation cache stay as they are. When javac's build of that project arrives with the very same
 * request, and every input is still byte for byte what the prepared build read ({@link
 * Pipeline#inputsKey}, computed again now), the held-back writes are made and the prepared result
 * is the reply. Anything else (another request, an input changed since, a write that fails) and the
 * build runs as usual. A build that arrives while its project's prepared build runs waits for it;
 * one that is only scheduled is cancelled.
 *
 * <p>Only the build server does this (its JVM outlives builds). Folders are watched with the
 * platform's {@link WatchService}: on Linux changes arrive within milliseconds; where the JDK polls
 * (macOS), a change is often seen only after javac asked, and the build runs as usual. The lock
 * file's own changes (every build may rewrite it) start nothing.
 */
final class Prebuilds {
  /** How long a project's files must stay unchanged before its build is prepared. */
  static final long QUIET_MILLIS = 30;

  /** The longest a build waits for its project's prepared build to finish. */
  static final Duration WAIT = Duration.ofSeconds(60);

  /** Beyond this many folders per project, nothing more is watched. */
  static final int MAX_FOLDERS = 1_000;

  /** Beyond this many projects, the one watched longest is no longer watched. */
  static final int MAX_PROJECTS = 32;

  private static volatile @Nullable Prebuilds current;

  private final Path root;
  private final String name;
  private final PrintStream log;
  private final WatchService watcher;

  /** Where the projects watched are marked, and builds leave requests to watch theirs. */
  private final Path requests;

  private final ScheduledExecutorService runner =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "quarry-prebuild");
            thread.setDaemon(true);
            return thread;
          });

  /** Guards the maps and every {@link Watched}'s fields; waited on for a running build. */
  private final Object lock = new Object();

  /** In the order they were first built; the oldest is dropped beyond {@link #MAX_PROJECTS}. */
  private final Map<Identity, Watched> watched = new LinkedHashMap<>();

  /** Each watched folder's watch, and the projects that read it. */
  private final Map<Path, Folder> folders = new HashMap<>();

  private record Folder(WatchKey key, Set<Identity> readers) {}

  /** Which project a build is of: its folder, its annotation, its generated-sources folder. */
  record Identity(String workingDirectory, ProjectRequest project, @Nullable String sourceOutput) {
    static Identity of(BuildRequest request) {
      return new Identity(request.workingDirectory(), request.project(), request.sourceOutput());
    }
  }

  /** A build run before javac asked, with its writes held back. */
  record Prepared(
      BuildRequest request,
      String inputsKey,
      Pipeline.Result result,
      DeferredWrites writes,
      Optional<String> schemaKey,
      int postgresMajor,
      Path projectDir,
      String trigger,
      long finishedNanos) {}

  /** One watched project: its last request, and its prepared build. */
  private static final class Watched {
    BuildRequest request;
    String lockName;

    /** Its mark, {@code <project id>.watched} (see {@link #mark}). */
    final Path mark;

    @Nullable ScheduledFuture<?> scheduled;
    boolean running;
    @Nullable Prepared prepared;
    String trigger = "";

    Watched(BuildRequest request, String lockName, Path mark) {
      this.request = request;
      this.lockName = lockName;
      this.mark = mark;
    }
  }

  private Prebuilds(Path root, String name, PrintStream log, WatchService watcher) {
    this.root = root;
    this.name = name;
    this.log = log;
    this.watcher = watcher;
    this.requests = BuildServerFiles.watchFolder(root, name);
  }

  /**
   * Turns prepared builds on in this JVM (the build server's); false when it cannot watch files.
   */
  static boolean enable(Path root, String name, PrintStream log) {
    try {
      current = start(root, name, log);
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      log.println(Instant.now() + " " + name + ": no prepared builds: " + e);
      return false;
    }
  }

  /** New prepared builds with their watching thread running (tests make their own). */
  static Prebuilds start(Path root, String name, PrintStream log) throws IOException {
    Prebuilds prebuilds =
        new Prebuilds(root, name, log, FileSystems.getDefault().newWatchService());
    Files.createDirectories(prebuilds.requests);
    prebuilds.requests.register(prebuilds.watcher, StandardWatchEventKinds.ENTRY_CREATE);
    // A server before this one (of the same name) may have left marks: this one watches nothing
    // yet. Requests left before the watch began are read now.
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(prebuilds.requests)) {
      for (Path entry : entries) {
        if (entry.toString().endsWith(BuildServerFiles.REQUEST)) {
          prebuilds.asked(entry);
        } else if (entry.toString().endsWith(BuildServerFiles.WATCHED)) {
          Files.deleteIfExists(entry);
        }
      }
    }
    Thread thread = new Thread(prebuilds::watchLoop, "quarry-watch");
    thread.setDaemon(true);
    thread.start();
    return prebuilds;
  }

  /** The prepared builds of this JVM, or null when they are off (every JVM but a build server). */
  static @Nullable Prebuilds current() {
    return current;
  }

  /**
   * Watches the query and migration folders of the build {@code request} (whose options are {@code
   * options} and lock file {@code lockFile}), so that a change there prepares its next build. The
   * folders are listed and registered on the prepared builds' thread, after the reply. A build
   * without a lock file or a generated-sources folder is not watched: the key that tells whether
   * its inputs changed since a prepared build cannot be computed.
   */
  void watch(BuildRequest request, ProcessorOptions options, @Nullable Path lockFile) {
    try {
      runner.execute(() -> register(request, options, lockFile));
    } catch (RejectedExecutionException e) {
      // The server ends.
    }
  }

  void register(BuildRequest request, ProcessorOptions options, @Nullable Path lockFile) {
    if (request.sourceOutput() == null || lockFile == null || options.lockMode() == LockMode.OFF) {
      return; // no generation cache or no lock file: its inputs key cannot be computed
    }
    Identity identity = Identity.of(request);
    Set<Path> wanted = new LinkedHashSet<>();
    Path project = options.projectDir();
    for (String entry : request.project().migrations()) {
      addFolders(project.resolve(entry).normalize(), true, wanted);
    }
    for (String entry : request.project().queries()) {
      addFolders(project.resolve(entry).normalize(), false, wanted);
    }
    Path lockName = lockFile.getFileName();
    boolean added = false;
    synchronized (lock) {
      Watched known = watched.get(identity);
      if (known == null) {
        added = true;
        if (watched.size() >= MAX_PROJECTS) {
          forget(watched.keySet().iterator().next());
        }
        Watched fresh =
            new Watched(request, lockName == null ? "" : lockName.toString(), markOf(identity));
        watched.put(identity, fresh);
        mark(fresh.mark, true); // under the lock, as forget() removes it
      } else if (!known.request.equals(request)) {
        known.request = request; // other options: what was prepared is of no use
        known.prepared = null;
      }
      for (Path folder : wanted) {
        try {
          WatchKey key =
              folder.register(
                  watcher,
                  StandardWatchEventKinds.ENTRY_CREATE,
                  StandardWatchEventKinds.ENTRY_DELETE,
                  StandardWatchEventKinds.ENTRY_MODIFY);
          folders
              .computeIfAbsent(folder, f -> new Folder(key, new LinkedHashSet<>()))
              .readers()
              .add(identity);
        } catch (IOException | RuntimeException e) {
          // Unwatched: its changes are seen when javac asks, as without prepared builds.
        }
      }
    }
    if (added) {
      log.println(
          Instant.now()
              + " "
              + name
              + ": watching "
              + wanted.size()
              + " folder(s) of "
              + request.project().packageName()
              + " to prepare its next build");
    }
  }

  /** {@code path}'s folder(s): itself (and, for migrations, those below it), or its parent. */
  private static void addFolders(Path path, boolean tree, Set<Path> into) {
    if (!Files.isDirectory(path)) {
      Path parent = path.getParent();
      if (parent != null && Files.isDirectory(parent)) {
        into.add(parent);
      }
      return;
    }
    if (!tree) {
      into.add(path);
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.filter(Files::isDirectory).limit(MAX_FOLDERS).forEach(into::add);
    } catch (IOException | RuntimeException e) {
      into.add(path);
    }
  }

  private void watchLoop() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        List<WatchEvent<?>> events = key.pollEvents();
        Path folder = (Path) key.watchable();
        if (!key.reset()) {
          // The folder is gone (a test's temporary project, a deleted checkout): so are the
          // projects that read it, until a build of theirs registers them again.
          synchronized (lock) {
            Folder gone = folders.get(folder);
            if (gone != null) {
              List.copyOf(gone.readers()).forEach(this::forget);
            }
          }
          continue;
        }
        for (WatchEvent<?> event : events) {
          Path file = event.context() instanceof Path path ? path : null;
          if (folder.equals(requests)) {
            if (file != null && file.toString().endsWith(BuildServerFiles.REQUEST)) {
              asked(requests.resolve(file));
            }
          } else {
            changed(folder, file);
          }
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // The server ends.
    }
  }

  /**
   * Stops watching {@code identity}: cancels its scheduled build, drops what was prepared, and
   * cancels the watch of each folder no other project reads. Called with {@link #lock} held.
   */
  private void forget(Identity identity) {
    Watched project = watched.remove(identity);
    if (project != null && watched.values().stream().noneMatch(w -> w.mark.equals(project.mark))) {
      mark(project.mark, false); // no other build of the project (other folders, say) is watched
    }
    if (project != null && project.scheduled != null) {
      project.scheduled.cancel(false);
      project.scheduled = null;
    }
    folders
        .values()
        .removeIf(
            folder -> {
              folder.readers().remove(identity);
              if (!folder.readers().isEmpty()) {
                return false;
              }
              folder.key().cancel();
              return true;
            });
  }

  /**
   * Writes (or deletes) a watched project's mark, so that a build of it this server did not serve
   * knows whether to ask for it (see {@link BuildClient#replayed}).
   */
  private static void mark(Path file, boolean watching) {
    try {
      if (watching) {
        Files.write(file, new byte[0]);
      } else {
        Files.deleteIfExists(file);
      }
    } catch (IOException | RuntimeException e) {
      // Without the mark, a build answered by its replay asks again; it changes nothing.
    }
  }

  /** {@code identity}'s mark: its project id as the client computes it, {@code .watched}. */
  private Path markOf(Identity identity) {
    return requests.resolve(
        BuildServerFiles.projectId(
                identity.workingDirectory(),
                identity.sourceOutput(),
                identity.project().packageName())
            + BuildServerFiles.WATCHED);
  }

  /**
   * Watches the project of the request a build left in {@code file}, on the prepared builds'
   * thread.
   */
  private void asked(Path file) {
    try {
      runner.execute(() -> watchAsked(file));
    } catch (RejectedExecutionException e) {
      // The server ends.
    }
  }

  void watchAsked(Path file) {
    BuildRequest request;
    try {
      request = BuildServerFiles.takeRequest(file);
    } catch (IOException | RuntimeException e) {
      return; // gone already, or not a request: nothing to watch
    }
    // The same checks as a build the server serves: only the same Quarry in the same environment.
    String refused = BuildListener.refusal(request, BuildServerFiles.codeKey(root).orElse(""));
    if (refused != null) {
      log.println(
          Instant.now()
              + " "
              + name
              + ": not watching "
              + request.project().packageName()
              + " as a build asked: "
              + refused);
      return;
    }
    ProcessorOptions options;
    try {
      options =
          QuarryProcessor.parseOptions(request.options(), Path.of(request.workingDirectory()));
    } catch (InvalidOptionException e) {
      return;
    }
    register(request, options, BuildServer.pipeline(options, request).lockPath(request.project()));
  }

  /** Schedules the prepared build of every project that reads {@code folder}. */
  private void changed(Path folder, @Nullable Path file) {
    String fileName = file == null ? "" : file.toString();
    synchronized (lock) {
      Folder watchedFolder = folders.get(folder);
      for (Identity identity :
          watchedFolder == null ? Set.<Identity>of() : watchedFolder.readers()) {
        Watched project = watched.get(identity);
        if (project == null
            || fileName.equals(project.lockName)
            || (fileName.startsWith(".") && fileName.endsWith(".tmp"))) {
          continue; // a build's own writes
        }
        ScheduledFuture<?> scheduled = project.scheduled;
        if (scheduled != null) {
          scheduled.cancel(false);
        }
        project.prepared = null;
        project.trigger = file == null ? folder.toString() : folder.resolve(file).toString();
        try {
          project.scheduled =
              runner.schedule(() -> prepare(identity), QUIET_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
          return; // the server ends
        }
      }
    }
  }

  /** Runs {@code identity}'s build with its writes held back, and keeps it for the next request. */
  private void prepare(Identity identity) {
    BuildRequest request;
    String trigger;
    Watched project;
    synchronized (lock) {
      project = watched.get(identity);
      if (project == null || project.scheduled == null) {
        return; // cancelled: a build came first
      }
      project.scheduled = null;
      project.running = true;
      request = project.request;
      trigger = project.trigger;
    }
    Prepared prepared = null;
    long started = System.nanoTime();
    try {
      prepared = run(request, trigger);
    } catch (RuntimeException | LinkageError e) {
      log.println(Instant.now() + " " + name + ": a prepared build failed: " + e);
    } finally {
      synchronized (lock) {
        project.running = false;
        if (prepared != null && project.request.equals(request) && project.scheduled == null) {
          project.prepared = prepared;
        }
        lock.notifyAll();
      }
    }
    if (prepared != null) {
      log.println(
          Instant.now()
              + " "
              + name
              + ": prepared the build of "
              + request.project().packageName()
              + " after "
              + trigger
              + " changed ("
              + (System.nanoTime() - started) / 1_000_000
              + " ms)");
    }
  }

  private @Nullable Prepared run(BuildRequest request, String trigger) {
    ProcessorOptions options;
    try {
      options =
          QuarryProcessor.parseOptions(request.options(), Path.of(request.workingDirectory()));
    } catch (InvalidOptionException e) {
      return null;
    }
    Pipeline pipeline = BuildServer.pipeline(options, request);
    String before = pipeline.inputsKey(request.project());
    if (before == null) {
      return null;
    }
    DeferredWrites writes = new DeferredWrites();
    Rehearsal.buildStarted();
    Pipeline.Result result;
    try {
      result = writes.capture(() -> pipeline.run(request.project(), new PhaseTimings()));
    } finally {
      Rehearsal.preparedBuildEnded();
    }
    if (!before.equals(pipeline.inputsKey(request.project()))) {
      return null; // changed while it ran: the change's own event prepares it again
    }
    return new Prepared(
        request,
        before,
        result,
        writes,
        pipeline.schemaKeyWithoutDatabase(),
        options.postgresVersion().major(),
        options.projectDir(),
        trigger,
        System.nanoTime());
  }

  /**
   * The reply to {@code request} from its project's prepared build, with its held-back writes made;
   * empty when there is none, it was of another request, or an input changed since it ran (compared
   * through {@code pipeline}, made for this request).
   */
  Optional<BuildReply> use(BuildRequest request, Pipeline pipeline) {
    long started = System.nanoTime();
    Optional<Prepared> taken = take(request);
    if (taken.isEmpty()) {
      return Optional.empty();
    }
    Prepared prepared = taken.get();
    if (!prepared.inputsKey().equals(pipeline.inputsKey(request.project()))) {
      log.println(
          Instant.now() + " " + name + ": an input changed after the prepared build; built again");
      return Optional.empty();
    }
    try {
      prepared.writes().apply();
    } catch (IOException e) {
      // Built again, which reports why the write fails.
      return Optional.empty();
    }
    prepared
        .schemaKey()
        .ifPresent(key -> KeptServers.anticipateScratch(root, name, prepared.postgresMajor(), key));
    PhaseTimings timings = new PhaseTimings();
    timings.record(PhaseTimings.Phase.READING, started);
    long ahead = (started - prepared.finishedNanos()) / 1_000_000;
    Pipeline.Result result = prepared.result();
    return Optional.of(
        BuildReply.of(
            result.diagnostics(),
            result.sources(),
            result.summary()
                + "; built by the build server when "
                + display(prepared.projectDir(), prepared.trigger())
                + " changed, "
                + ahead
                + " ms before javac asked (every input byte for byte as it read them)",
            timings));
  }

  /** {@code trigger} relative to the project's folder, when it is inside it. */
  private static String display(Path project, String trigger) {
    try {
      Path file = Path.of(trigger);
      return file.startsWith(project) ? project.relativize(file).toString() : trigger;
    } catch (RuntimeException e) {
      return trigger;
    }
  }

  /**
   * Takes the prepared build of {@code request}'s project: cancels one only scheduled, waits for
   * one running, and returns it when it was of this very request.
   */
  Optional<Prepared> take(BuildRequest request) {
    Identity identity = Identity.of(request);
    synchronized (lock) {
      Watched project = watched.get(identity);
      if (project == null) {
        return Optional.empty();
      }
      ScheduledFuture<?> scheduled = project.scheduled;
      if (scheduled != null) {
        scheduled.cancel(false);
        project.scheduled = null;
      }
      long deadline = System.nanoTime() + WAIT.toNanos();
      boolean interrupted = false;
      while (project.running) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          interrupted = true;
          break;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      Prepared prepared = project.running ? null : project.prepared;
      project.prepared = null;
      return prepared != null && prepared.request().equals(request)
          ? Optional.of(prepared)
          : Optional.empty();
    }
  }

  /** The projects watched, for tests. */
  List<String> watchedPackages() {
    synchronized (lock) {
      List<String> packages = new ArrayList<>();
      watched.keySet().forEach(identity -> packages.add(identity.project().packageName()));
      return packages;
    }
  }

  /** Stops watching (the server ends). */
  void close() {
    runner.shutdownNow();
    try {
      watcher.close();
    } catch (IOException e) {
      // The JVM ends.
    }
    // Only this server's own marks: a server of the same name that replaced it owns the folder.
    synchronized (lock) {
      for (Watched project : watched.values()) {
        mark(project.mark, false);
      }
    }
  }
}
