package dev.quarry.processor.database;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Embedded PostgreSQL servers kept running between builds ({@code -Aquarry.keepAlive}, on by
 * default), and the command that lists and stops them:
 *
 * <pre>
 * java -cp quarry-processor-VERSION.jar dev.quarry.processor.database.KeptServers list
 * java -cp quarry-processor-VERSION.jar dev.quarry.processor.database.KeptServers stop
 * </pre>
 *
 * <p>Each server lives under a root folder ({@code <tmp>/quarry-keep}, or the system property
 * {@value #DIR_PROPERTY}) as a group of files named after it, {@code pg-<version>-<key>}:
 *
 * <ul>
 *   <li>{@code NAME/}: the cluster's data folder and log;
 *   <li>{@code NAME.properties}: its postmaster's process id, port, version and watchdog;
 *   <li>{@code NAME.lock}: held exclusively (briefly) to start, replace or stop the server;
 *   <li>{@code NAME.in-use}: held shared by every build while it uses the server, so the watchdog
 *       never stops a server a build is using;
 *   <li>{@code NAME.last-used}: touched when a build starts and ends; its time is what "idle"
 *       means.
 * </ul>
 *
 * <p>A watchdog process ({@code watch}, this class's main in a small JVM of its own, outliving the
 * build's) stops the server once it has been idle for the time the build that started it chose (10
 * minutes by default), and cleans up when the server was killed. A build that finds the server dead
 * (killed, machine restarted) removes what is left and starts a new one. This class uses the JDK
 * only, so the watchdog and the command need nothing but the processor jar.
 */
public final class KeptServers {
  /** System property naming the root folder (tests use a folder of their own per run). */
  public static final String DIR_PROPERTY = "quarry.keepAlive.dir";

  private static final String STATE = ".properties";
  private static final String CONTROL = ".lock";
  private static final String IN_USE = ".in-use";
  private static final String LAST_USED = ".last-used";

  /** One channel per lock file and JVM: closing another channel would drop this JVM's locks. */
  private static final Map<Path, FileChannel> CHANNELS = new ConcurrentHashMap<>();

  private static final Map<Path, ReentrantLock> CONTROL_IN_JVM = new ConcurrentHashMap<>();

  /** Shared in-use locks this JVM holds, with how many of its builds use each. */
  private static final Map<Path, Shared> IN_USE_HELD = new ConcurrentHashMap<>();

  private KeptServers() {}

  /** What a started server is. */
  public record State(
      String id,
      long postmasterPid,
      int port,
      String version,
      long watchdogPid,
      long idleSeconds,
      String data) {}

  /** Starts a new server in the given folder (which does not exist yet). */
  interface Starter {
    State start(Path folder, String id) throws IOException, DatabaseUnavailableException;
  }

  /**
   * The root folder: the system property {@value #DIR_PROPERTY}, else {@code <tmp>/quarry-keep}.
   */
  public static Path defaultRoot() {
    String configured = System.getProperty(DIR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    return Path.of(System.getProperty("java.io.tmpdir"), "quarry-keep").toAbsolutePath();
  }

  /** A build's use of a kept server; closing it marks the end of the use. */
  static final class Lease implements AutoCloseable {
    private final Path root;
    private final String name;
    private final State state;
    private final boolean startedNow;
    private final List<String> notes;
    private boolean closed;

    Lease(Path root, String name, State state, boolean startedNow, List<String> notes) {
      this.root = root;
      this.name = name;
      this.state = state;
      this.startedNow = startedNow;
      this.notes = List.copyOf(notes);
    }

    State state() {
      return state;
    }

    /** Whether this build started the server (false: it was running already). */
    boolean startedNow() {
      return startedNow;
    }

    /** Leftovers of dead servers that were removed, for the build's notes. */
    List<String> notes() {
      return notes;
    }

    String name() {
      return name;
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      touch(root.resolve(name + LAST_USED));
      releaseShared(root.resolve(name + IN_USE));
    }
  }

  /**
   * The running server called {@code name} under {@code root}, started now (and watched) when there
   * is none or it died; held in use until the lease is closed.
   */
  static Lease lease(Path root, String name, Duration idle, Starter starter)
      throws IOException, DatabaseUnavailableException {
    return lease(root, name, idle, starter, false);
  }

  /**
   * As {@link #lease(Path, String, Duration, Starter)}; with {@code buildServer}, the kept process
   * is also the build server of this Quarry ({@link #BUILD_SERVER_MAIN}): a watchdog that is not
   * (another Quarry's, or a plain one) is replaced.
   */
  static Lease lease(Path root, String name, Duration idle, Starter starter, boolean buildServer)
      throws IOException, DatabaseUnavailableException {
    Files.createDirectories(root);
    restrictToOwner(root);
    List<String> notes = new ArrayList<>();
    try (Control control = Control.lock(root, name)) {
      Optional<State> known = read(root, name);
      State state;
      boolean started = false;
      if (known.isPresent() && alive(known.get())) {
        state = known.get();
        Optional<ProcessHandle> watchdog =
            ProcessHandle.of(state.watchdogPid()).filter(ProcessHandle::isAlive);
        if (watchdog.isEmpty()) {
          state = withWatchdog(root, name, state, buildServer); // killed watchdog: a new one
        } else if (buildServer && !isBuildServer(watchdog.get(), state)) {
          // Another Quarry's build server, or a plain watchdog: this Quarry's takes its place.
          String id = state.id();
          watchdog
              .filter(p -> commandLine(p).map(l -> l.contains(id)).orElse(false))
              .ifPresent(KeptServers::end);
          state = withWatchdog(root, name, state, true);
        }
      } else {
        if (known.isPresent()) {
          notes.add(
              "the kept embedded PostgreSQL "
                  + name
                  + " (process "
                  + known.get().postmasterPid()
                  + ") no longer ran; "
                  + cleanUp(root, name, known.get(), false)
                  + ", and a new one was started");
        } else if (Files.exists(root.resolve(name))) {
          // A build killed while it started the server: no state, maybe a postmaster.
          Path data = root.resolve(name).resolve("data").toAbsolutePath().normalize();
          long pid = postmasterPid(data);
          State orphan = new State("", pid, 0, "", 0, 0, data.toString());
          notes.add(
              "removed a kept embedded PostgreSQL that a killed build left half started: "
                  + cleanUp(root, name, orphan, true));
        }
        String id = randomId();
        State fresh = starter.start(root.resolve(name), id);
        state =
            new State(
                id,
                fresh.postmasterPid(),
                fresh.port(),
                fresh.version(),
                0,
                Math.max(1, idle.toSeconds()),
                fresh.data());
        write(root, name, state);
        touch(root.resolve(name + LAST_USED)); // idle counts from now, also for the watchdog
        state = withWatchdog(root, name, state, buildServer);
        started = true;
      }
      holdShared(root.resolve(name + IN_USE));
      touch(root.resolve(name + LAST_USED));
      return new Lease(root, name, state, started, notes);
    }
  }

  /**
   * Whether the state's postmaster runs on its data folder (its command line names it; where the
   * command line cannot be read, a live process of that id counts, so a running server is never
   * taken for dead and left behind).
   */
  static boolean alive(State state) {
    return ProcessHandle.of(state.postmasterPid())
        .filter(ProcessHandle::isAlive)
        .filter(p -> commandLine(p).map(line -> line.contains(state.data())).orElse(true))
        .isPresent();
  }

  /** Whether {@code watchdog} is the build server of this very Quarry code. */
  private static boolean isBuildServer(ProcessHandle watchdog, State state) {
    if (watchdog.pid() == ProcessHandle.current().pid()) {
      return true; // a build the build server runs
    }
    String stamp = codeStamp();
    return !stamp.isEmpty()
        && commandLine(watchdog)
            .map(l -> l.contains(BUILD_SERVER_MAIN) && l.contains(stamp) && l.contains(state.id()))
            .orElse(false);
  }

  /** Ends a process: SIGTERM, then SIGKILL after 5 s. */
  private static void end(ProcessHandle process) {
    process.destroy();
    try {
      process.onExit().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      try {
        process.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // Its id is replaced in the state file: it exits when it sees that.
      }
    }
  }

  private static State withWatchdog(Path root, String name, State state, boolean buildServer)
      throws IOException {
    long pid = startWatchdog(root, name, state.id(), buildServer);
    State watched =
        new State(
            state.id(),
            state.postmasterPid(),
            state.port(),
            state.version(),
            pid,
            state.idleSeconds(),
            state.data());
    write(root, name, watched);
    return watched;
  }

  /**
   * The build server's main class: the watchdog of {@link #watch} that also runs builds sent over a
   * socket (named as a string: it lives above this package).
   */
  public static final String BUILD_SERVER_MAIN = "dev.quarry.processor.BuildServer";

  /**
   * The build server's heap: a build of a few hundred queries holds its files, parse trees and
   * sources at once, several builds may run together; the serial collector returns little, so the
   * process stays near what its largest builds needed.
   */
  static final String BUILD_SERVER_HEAP = "-Xmx512m";

  /**
   * Starts the watchdog, detached: {@code java -cp <this class's location> KeptServers watch ...},
   * or with {@code buildServer} {@code java -cp <the processor's class path> BuildServer ...}.
   */
  private static long startWatchdog(Path root, String name, String id, boolean buildServer)
      throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> classpath = new ArrayList<>();
    try {
      classpath.add(
          Path.of(KeptServers.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString());
    } catch (Exception e) {
      throw new IOException("cannot tell where Quarry's classes are: " + e.getMessage(), e);
    }
    String stamp = buildServer ? codeStamp() : "";
    if (!stamp.isEmpty()) {
      for (String entry : ProcessorClassPath.of(KeptServers.class.getClassLoader())) {
        if (!classpath.contains(entry)) {
          classpath.add(entry);
        }
      }
    }
    List<String> command = new ArrayList<>();
    Path setsid = Path.of("/usr/bin/setsid");
    if (Files.isExecutable(setsid)) {
      command.add(setsid.toString()); // its own session: a Ctrl-C in the build's terminal spares it
    }
    command.add(java.toString());
    if (stamp.isEmpty()) {
      command.addAll(List.of("-Xmx16m", "-Xss256k", "-XX:TieredStopAtLevel=1"));
    } else {
      command.add(BUILD_SERVER_HEAP);
    }
    command.add("-XX:+UseSerialGC");
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    command.add("-D" + DIR_PROPERTY + "=" + root);
    for (String property : ProcessorClassPath.FORWARDED_PROPERTIES) {
      String value = System.getProperty(property);
      if (value != null && !stamp.isEmpty()) {
        command.add("-D" + property + "=" + value);
      }
    }
    command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath)));
    if (stamp.isEmpty()) {
      command.addAll(List.of(KeptServers.class.getName(), "watch", root.toString(), name, id));
    } else {
      command.addAll(List.of(BUILD_SERVER_MAIN, root.toString(), name, id, stamp));
    }
    Process process =
        new ProcessBuilder(command)
            .redirectInput(Redirect.from(nullDevice()))
            .redirectOutput(Redirect.appendTo(root.resolve(name + ".watchdog.log").toFile()))
            .redirectErrorStream(true)
            .start();
    return process.pid();
  }

  /**
   * What identifies this Quarry's code cheaply (no hashing): the path, size and time of the jar (or
   * folder) its classes come from, hashed to 16 hex digits; empty when they cannot be found.
   */
  static String codeStamp() {
    try {
      Path location =
          Path.of(KeptServers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      var attributes =
          Files.readAttributes(location, java.nio.file.attribute.BasicFileAttributes.class);
      String text =
          location.toAbsolutePath()
              + "|"
              + attributes.size()
              + "|"
              + attributes.lastModifiedTime().toMillis();
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(StandardCharsets.UTF_8));
      return "code-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (Exception e) {
      return "";
    }
  }

  /**
   * Makes {@code folder} readable by its owner only (where the file system has POSIX permissions):
   * the build server's socket lives in it, and only the same user may send it builds.
   */
  static void restrictToOwner(Path folder) {
    try {
      var view =
          Files.getFileAttributeView(folder, java.nio.file.attribute.PosixFileAttributeView.class);
      if (view != null) {
        var wanted = java.nio.file.attribute.PosixFilePermissions.fromString("rwx------");
        if (!view.readAttributes().permissions().equals(wanted)) {
          view.setPermissions(wanted);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Another user's folder: the build server's socket is then refused (BuildServer checks).
    }
  }

  /**
   * On the build server of the kept server {@code name}: readies a scratch database for the next
   * build of the migrations with {@code schemaKey} on PostgreSQL {@code major} (see {@code
   * ScratchSpares}); for a build that needed no database. Never fails.
   */
  public static void anticipateScratch(Path root, String name, int major, String schemaKey) {
    EmbeddedDatabase.anticipateKept(root, name, major, schemaKey);
  }

  /** Marks the kept server {@code name} as used now (its idle time starts again). */
  public static void markUsed(Path root, String name) {
    touch(root.resolve(name + LAST_USED));
  }

  /**
   * As {@link #markUsed}, from outside the server (a build the server did not run): only an
   * existing mark is touched, so that a server gone since leaves nothing new behind.
   */
  public static void markUsedFromOutside(Path root, String name) {
    try {
      Files.setLastModifiedTime(root.resolve(name + LAST_USED), FileTime.from(Instant.now()));
    } catch (IOException e) {
      // No such server any more, or not ours to touch: nothing to keep alive.
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /**
   * Stops the server if it still runs, deletes its folder and state, and removes the System V
   * shared memory a killed postmaster leaves. Says what was done. Call under the control lock.
   */
  static String cleanUp(Path root, String name, State state, boolean stop) {
    Path folder = root.resolve(name);
    Path data = Path.of(state.data());
    List<String> done = new ArrayList<>();
    Optional<ProcessHandle> postmaster =
        ProcessHandle.of(state.postmasterPid()).filter(p -> alive(state));
    boolean clean = false;
    if (postmaster.isPresent() && stop) {
      ProcessHandle process = postmaster.get();
      signal(process.pid(), "INT"); // fast shutdown: sessions end, no wait for clients
      try {
        process.onExit().get(10, TimeUnit.SECONDS);
        clean = true;
      } catch (Exception e) {
        process.destroyForcibly();
        try {
          process.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
          // Reported below.
        }
      }
      done.add(
          process.isAlive()
              ? "could not stop process " + process.pid() + ": kill it by hand"
              : "stopped process " + process.pid());
    }
    if (!clean) {
      removeSharedMemory(data).ifPresent(done::add);
    }
    try {
      FileTrees.delete(folder);
      Files.deleteIfExists(root.resolve(name + STATE));
      Files.deleteIfExists(root.resolve(name + LAST_USED));
      done.add("deleted " + folder);
    } catch (IOException e) {
      done.add("could not delete " + folder + " (" + e.getMessage() + "): delete it by hand");
    }
    return String.join(", ", done);
  }

  /** kill -SIG pid, with the destroy() of Java as fallback (SIGTERM). */
  private static void signal(long pid, String signal) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
              .redirectErrorStream(true)
              .redirectOutput(Redirect.DISCARD)
              .start();
      if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) {
        return;
      }
    } catch (IOException e) {
      // No kill command: below.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
  }

  /**
   * A postmaster killed with SIGKILL leaves its small System V segment (its key and id are on line
   * 7 of postmaster.pid). It is removed only when /proc/sysvipc/shm shows that very key and id with
   * no process attached, so another server's segment is never touched.
   */
  static Optional<String> removeSharedMemory(Path data) {
    try {
      List<String> pid = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
      if (pid.size() < 7) {
        return Optional.empty();
      }
      String[] keyAndId = pid.get(6).strip().split("\\s+");
      if (keyAndId.length != 2) {
        return Optional.empty();
      }
      long key = Long.parseLong(keyAndId[0]);
      String id = keyAndId[1];
      Path table = Path.of("/proc/sysvipc/shm");
      if (!Files.isReadable(table)) {
        return Optional.empty();
      }
      for (String line : Files.readAllLines(table, StandardCharsets.UTF_8)) {
        String[] f = line.strip().split("\\s+");
        // key shmid perms size cpid lpid nattch ...
        if (f.length > 6
            && f[1].equals(id)
            && f[0].equals(Long.toString(key))
            && f[6].equals("0")) {
          Process ipcrm =
              new ProcessBuilder("ipcrm", "-m", id)
                  .redirectErrorStream(true)
                  .redirectOutput(Redirect.DISCARD)
                  .start();
          if (ipcrm.waitFor(5, TimeUnit.SECONDS) && ipcrm.exitValue() == 0) {
            return Optional.of("removed its shared memory segment " + id);
          }
          return Optional.of(
              "could not remove its shared memory segment " + id + ": ipcrm -m " + id);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }

  /** The process id on the first line of {@code data}'s postmaster.pid, or 0. */
  private static long postmasterPid(Path data) {
    try {
      List<String> lines =
          Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
      return lines.isEmpty() ? 0 : Long.parseLong(lines.get(0).strip());
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  // ---- state files

  static Optional<State> read(Path root, String name) {
    Path file = root.resolve(name + STATE);
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
      return Optional.of(
          new State(
              p.getProperty("id", ""),
              Long.parseLong(p.getProperty("pid", "0")),
              Integer.parseInt(p.getProperty("port", "0")),
              p.getProperty("version", ""),
              Long.parseLong(p.getProperty("watchdog", "0")),
              Long.parseLong(p.getProperty("idleSeconds", "600")),
              p.getProperty("data", "")));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void write(Path root, String name, State state) throws IOException {
    String text =
        "id="
            + state.id()
            + "\npid="
            + state.postmasterPid()
            + "\nport="
            + state.port()
            + "\nversion="
            + state.version()
            + "\nwatchdog="
            + state.watchdogPid()
            + "\nidleSeconds="
            + state.idleSeconds()
            + "\ndata="
            + state.data().replace("\\", "\\\\")
            + "\n";
    Path temporary = root.resolve(name + STATE + ".tmp-" + randomId());
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(
        temporary,
        root.resolve(name + STATE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** The names of the servers that have a state file under {@code root}. */
  static List<String> names(Path root) {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return names;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(root, "*" + STATE)) {
      for (Path file : files) {
        String fileName = file.getFileName().toString();
        names.add(fileName.substring(0, fileName.length() - STATE.length()));
      }
    } catch (IOException e) {
      // An unreadable root: nothing listed.
    }
    names.sort(null);
    return names;
  }

  private static String randomId() {
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static void touch(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createFile(file);
      }
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    } catch (IOException e) {
      // Idle time then counts from the last touch that worked; the watchdog's check is the lock.
    }
  }

  private static Optional<Instant> lastUsed(Path root, String name) {
    try {
      return Optional.of(Files.getLastModifiedTime(root.resolve(name + LAST_USED)).toInstant());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  // ---- locks

  private static FileChannel channel(Path file) throws IOException {
    try {
      return CHANNELS.computeIfAbsent(
          file,
          f -> {
            try {
              return FileChannel.open(
                  f, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The exclusive lock on {@code NAME.lock}, in this JVM and across processes. */
  private static final class Control implements AutoCloseable {
    private final ReentrantLock inJvm;
    private final FileLock lock;

    private Control(ReentrantLock inJvm, FileLock lock) {
      this.inJvm = inJvm;
      this.lock = lock;
    }

    static Control lock(Path root, String name) throws IOException {
      Path file = root.resolve(name + CONTROL);
      ReentrantLock inJvm = CONTROL_IN_JVM.computeIfAbsent(file, f -> new ReentrantLock());
      inJvm.lock();
      try {
        return new Control(inJvm, channel(file).lock());
      } catch (IOException | RuntimeException e) {
        inJvm.unlock();
        throw e;
      }
    }

    @Override
    public void close() {
      try {
        lock.release();
      } catch (IOException e) {
        // The lock goes with the channel at the latest.
      } finally {
        inJvm.unlock();
      }
    }
  }

  private static final class Shared {
    int users;
    @Nullable FileLock lock;
  }

  private static void holdShared(Path file) throws IOException {
    synchronized (IN_USE_HELD) {
      Shared held = IN_USE_HELD.computeIfAbsent(file, f -> new Shared());
      if (held.users == 0) {
        held.lock = channel(file).lock(0, Long.MAX_VALUE, true);
      }
      held.users++;
    }
  }

  private static void releaseShared(Path file) {
    synchronized (IN_USE_HELD) {
      Shared held = IN_USE_HELD.get(file);
      if (held == null || held.users == 0) {
        return;
      }
      held.users--;
      FileLock lock = held.lock;
      if (held.users == 0 && lock != null) {
        try {
          lock.release();
        } catch (IOException e) {
          // Released with the JVM at the latest.
        }
        held.lock = null;
      }
    }
  }

  /** The exclusive in-use lock when no build holds it, else empty. */
  private static Optional<FileLock> tryExclusive(Path root, String name) throws IOException {
    try {
      return Optional.ofNullable(channel(root.resolve(name + IN_USE)).tryLock());
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return Optional.empty(); // this JVM's own build uses it
    }
  }

  // ---- stopping, listing, watching

  /**
   * Stops the server {@code name}: waits up to {@code wait} for the builds using it to end (then
   * stops it anyway), and removes its files. What was done, or empty when there was no server.
   */
  static Optional<String> stop(Path root, String name, Duration wait) throws IOException {
    try (Control control = Control.lock(root, name)) {
      Optional<State> state = read(root, name);
      if (state.isEmpty()) {
        return Optional.empty();
      }
      long deadline = System.nanoTime() + wait.toNanos();
      Optional<FileLock> free = tryExclusive(root, name);
      while (free.isEmpty() && System.nanoTime() < deadline) {
        sleep(Duration.ofMillis(100));
        free = tryExclusive(root, name);
      }
      try {
        ProcessHandle.of(state.get().watchdogPid())
            .filter(p -> commandLine(p).map(l -> l.contains(state.get().id())).orElse(false))
            .ifPresent(ProcessHandle::destroy);
        return Optional.of(name + ": " + cleanUp(root, name, state.get(), true));
      } finally {
        if (free.isPresent()) {
          free.get().release();
        }
      }
    }
  }

  /**
   * The watchdog's loop: exits when its server was replaced, cleans up when the server died, and
   * stops the server once no build holds it and it has been idle long enough.
   */
  public static void watch(Path root, String name, String id, PrintStream log) throws IOException {
    Instant watching = Instant.now();
    // Everything the watchdog will need, loaded now: a rebuilt processor jar must not matter.
    Path probe = Files.createTempDirectory(root, name + ".watchdog-");
    Files.createFile(probe.resolve("file"));
    FileTrees.delete(probe);
    try (Control control = Control.lock(root, name)) {
      tryExclusive(root, name).ifPresent(KeptServers::releaseQuietly);
    }
    removeSharedMemory(root.resolve(name).resolve("no-such-data"));
    while (true) {
      Optional<State> state = read(root, name);
      if (state.isEmpty() || !state.get().id().equals(id)) {
        log.println(Instant.now() + " " + name + ": replaced or removed; the watchdog exits");
        return;
      }
      Duration idle = Duration.ofSeconds(state.get().idleSeconds());
      if (!alive(state.get())) {
        try (Control control = Control.lock(root, name)) {
          Optional<State> now = read(root, name);
          if (now.isPresent() && now.get().id().equals(id)) {
            log.println(
                Instant.now() + " " + name + ": died; " + cleanUp(root, name, now.get(), false));
          }
        }
        return;
      }
      Instant used = lastUsed(root, name).orElse(watching);
      if (Duration.between(used, Instant.now()).compareTo(idle) >= 0) {
        try (Control control = Control.lock(root, name)) {
          Optional<FileLock> free = tryExclusive(root, name);
          if (free.isPresent()) {
            try {
              Instant again = lastUsed(root, name).orElse(watching);
              Optional<State> now = read(root, name);
              if (now.isPresent()
                  && now.get().id().equals(id)
                  && Duration.between(again, Instant.now()).compareTo(idle) >= 0) {
                log.println(
                    Instant.now()
                        + " "
                        + name
                        + ": idle for "
                        + idle.toSeconds()
                        + " s; "
                        + cleanUp(root, name, now.get(), true));
                return;
              }
            } finally {
              free.get().release();
            }
          }
        }
      }
      long pollMillis = Math.max(200, Math.min(5_000, idle.toMillis() / 5));
      sleep(Duration.ofMillis(pollMillis));
    }
  }

  private static void releaseQuietly(FileLock lock) {
    try {
      lock.release();
    } catch (IOException e) {
      // Released with the channel at the latest.
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The process's command line: /proc on Linux, ProcessHandle.Info elsewhere. */
  static Optional<String> commandLine(ProcessHandle process) {
    Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
    if (Files.isReadable(proc)) {
      try {
        return Optional.of(
            new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' '));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return process.info().commandLine();
  }

  /**
   * Prints the kept servers under {@code root}, one a line, each with its build server's socket
   * when its process is one.
   */
  static void list(Path root, PrintStream out) {
    List<String> names = names(root);
    if (names.isEmpty()) {
      out.println("no kept embedded PostgreSQL under " + root);
    }
    for (String name : names) {
      Optional<State> state = read(root, name);
      if (state.isEmpty()) {
        continue;
      }
      State s = state.get();
      String idle =
          lastUsed(root, name)
              .map(t -> Duration.between(t, Instant.now()).toSeconds() + " s")
              .orElse("?");
      out.println(
          name
              + "  PostgreSQL "
              + s.version()
              + "  port "
              + s.port()
              + "  process "
              + s.postmasterPid()
              + (alive(s) ? "  running" : "  not running")
              + "  idle "
              + idle
              + " (stops after "
              + s.idleSeconds()
              + " s)  "
              + root.resolve(name)
              + buildServer(root, name, s));
    }
  }

  /** {@code " build server SOCKET (process N)"} when the server's process is a build server. */
  private static String buildServer(Path root, String name, State state) {
    boolean serving =
        ProcessHandle.of(state.watchdogPid())
            .filter(ProcessHandle::isAlive)
            .flatMap(KeptServers::commandLine)
            .map(l -> l.contains(BUILD_SERVER_MAIN))
            .orElse(false);
    if (!serving) {
      return "";
    }
    List<String> sockets = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(root, name + ".*.sock")) {
      files.forEach(f -> sockets.add(f.toString()));
    } catch (IOException e) {
      // None listed.
    }
    sockets.sort(null);
    return sockets.isEmpty()
        ? ""
        : "  build server " + String.join(", ", sockets) + " (process " + state.watchdogPid() + ")";
  }

  /**
   * {@code list} and {@code stop} (the kept servers under the root folder: {@code --dir FOLDER},
   * else the system property {@value #DIR_PROPERTY}, else {@code <tmp>/quarry-keep}); {@code watch}
   * is the watchdog, started by builds.
   */
  public static void main(String[] args) throws IOException {
    List<String> rest = new ArrayList<>(List.of(args));
    Path root = defaultRoot();
    int dir = rest.indexOf("--dir");
    if (dir >= 0 && dir + 1 < rest.size()) {
      root = Path.of(rest.get(dir + 1)).toAbsolutePath();
      rest.remove(dir + 1);
      rest.remove(dir);
    }
    String command = rest.isEmpty() ? "list" : rest.get(0);
    switch (command) {
      case "list" -> list(root, System.out);
      case "stop" -> {
        List<String> names = rest.size() > 1 ? rest.subList(1, rest.size()) : names(root);
        if (names.isEmpty()) {
          System.out.println("no kept embedded PostgreSQL under " + root);
        }
        for (String name : names) {
          System.out.println(
              stop(root, name, Duration.ofSeconds(10)).orElse(name + ": no such kept server"));
        }
      }
      case "watch" -> {
        if (rest.size() != 4) {
          throw new IllegalArgumentException("watch ROOT NAME ID");
        }
        watch(Path.of(rest.get(1)), rest.get(2), rest.get(3), System.out);
      }
      default -> {
        System.err.println(
            "usage: java -cp quarry-processor.jar "
                + KeptServers.class.getName()
                + " [--dir FOLDER] list|stop [NAME...]");
        System.exit(2);
      }
    }
  }
}
