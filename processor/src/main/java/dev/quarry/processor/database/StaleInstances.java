package dev.quarry.processor.database;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Finds and removes embedded PostgreSQL instances left behind by builds that died without cleaning
 * up (killed with SIGKILL, a crashed JVM): pg_ctl detaches the postmaster from the JVM, so it
 * outlives the build, and its folder stays in the temp directory.
 *
 * <p>Every instance folder is {@code <tmp>/quarry-pg-*} and holds an owner file naming the JVM that
 * made it (process id and start time). A folder is stale only when that JVM is gone (no process
 * with that id, or one that started at another time) and no process holds zonky's lock on its data
 * folder. Its postmaster is stopped only when the process named in {@code postmaster.pid} is a
 * PostgreSQL server of that very data folder (its command line says so). Folders that do not match
 * all of this are never touched.
 */
final class StaleInstances {
  static final String FOLDER_PREFIX = "quarry-pg-";
  static final String OWNER_FILE = "quarry-owner";

  /** Folders without an owner file (older Quarry versions) count only after this long. */
  private static final Duration UNOWNED_GRACE = Duration.ofMinutes(10);

  private StaleInstances() {}

  /** Records the current JVM as the owner of {@code folder}. */
  static void claim(Path folder) throws IOException {
    ProcessHandle self = ProcessHandle.current();
    String text =
        "pid=" + self.pid() + "\nstarted=" + startOf(self).map(Instant::toString).orElse("") + "\n";
    Files.writeString(folder.resolve(OWNER_FILE), text, StandardCharsets.UTF_8);
  }

  /**
   * Removes the stale instance folders directly under {@code tmp} and the stale staging folders of
   * the cluster cache, and says what was removed (one line each), or what could not be.
   */
  static List<String> removeStale(Path tmp, Path cacheRoot) {
    List<String> report = new ArrayList<>();
    for (Path folder : children(tmp, FOLDER_PREFIX)) {
      if (isStale(folder)) {
        remove(folder, "embedded PostgreSQL", report);
      }
    }
    for (Path folder : children(cacheRoot, ClusterCache.STAGING_PREFIX)) {
      if (isStaleStaging(folder)) {
        remove(folder, "half-made cluster", report);
      }
    }
    return report;
  }

  static boolean isStale(Path folder) {
    Optional<Boolean> ownerAlive = ownerAlive(folder.resolve(OWNER_FILE));
    if (ownerAlive.isPresent()) {
      return !ownerAlive.get() && !locked(folder.resolve("data"));
    }
    try {
      Instant modified = Files.getLastModifiedTime(folder).toInstant();
      return modified.isBefore(Instant.now().minus(UNOWNED_GRACE))
          && !locked(folder.resolve("data"));
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code staging-<pid>-<hex>}: stale when that process is gone. */
  private static boolean isStaleStaging(Path folder) {
    String name = folder.getFileName().toString().substring(ClusterCache.STAGING_PREFIX.length());
    int dash = name.indexOf('-');
    if (dash <= 0) {
      return false;
    }
    try {
      long pid = Long.parseLong(name.substring(0, dash));
      return ProcessHandle.of(pid).isEmpty() && !locked(folder.resolve("data"));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void remove(Path folder, String what, List<String> report) {
    Path data = folder.resolve("data");
    String stopped = "";
    Optional<ProcessHandle> postmaster = postmaster(data);
    if (postmaster.isPresent()) {
      ProcessHandle process = postmaster.get();
      process.destroy(); // SIGTERM: PostgreSQL's smart shutdown; nobody is connected
      try {
        process.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        process.destroyForcibly();
      }
      if (process.isAlive()) {
        report.add(
            "could not stop the postmaster (process "
                + process.pid()
                + ") of "
                + what
                + " in "
                + folder
                + " left by a build that died; kill it by hand");
        return;
      }
      stopped = ", stopped its postmaster (process " + process.pid() + ")";
    }
    try {
      FileTrees.delete(folder);
      report.add("removed " + what + " left by a build that died: deleted " + folder + stopped);
    } catch (IOException e) {
      report.add(
          "could not delete "
              + folder
              + " ("
              + what
              + " left by a build that died): "
              + e.getMessage()
              + "; delete it by hand");
    }
  }

  /** The running postmaster of {@code data}, when postmaster.pid names one serving that folder. */
  static Optional<ProcessHandle> postmaster(Path data) {
    String dataPath = data.toAbsolutePath().normalize().toString();
    return EmbeddedDatabase.postmasterPid(data)
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(p -> commandLine(p).map(line -> line.contains(dataPath)).orElse(false));
  }

  /** The process's command line: /proc on Linux, ProcessHandle.Info elsewhere. */
  private static Optional<String> commandLine(ProcessHandle process) {
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

  /** Empty when the owner file is missing or unreadable. */
  private static Optional<Boolean> ownerAlive(Path ownerFile) {
    if (!Files.isRegularFile(ownerFile)) {
      return Optional.empty();
    }
    Properties owner = new Properties();
    try (var in = Files.newBufferedReader(ownerFile, StandardCharsets.UTF_8)) {
      owner.load(in);
      long pid = Long.parseLong(owner.getProperty("pid", "").strip());
      String started = owner.getProperty("started", "").strip();
      Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      if (process.isEmpty()) {
        return Optional.of(false);
      }
      // The same id on a process that started at another time is a new process: the owner is gone.
      Optional<Instant> start = startOf(process.get());
      boolean same = started.isEmpty() || start.isEmpty() || start.get().toString().equals(started);
      return Optional.of(same);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> startOf(ProcessHandle process) {
    return process.info().startInstant();
  }

  /** Whether some process holds zonky's lock on the data folder (this JVM included). */
  private static boolean locked(Path data) {
    Path lockFile = data.resolve("epg-lock");
    if (!Files.isRegularFile(lockFile)) {
      return false;
    }
    try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw")) {
      FileLock lock = file.getChannel().tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return true; // cannot tell: leave it alone
    }
  }

  private static List<Path> children(Path parent, String prefix) {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(parent)) {
      return found;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(parent, prefix + "*")) {
      for (Path child : stream) {
        if (Files.isDirectory(child, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          found.add(child);
        }
      }
    } catch (IOException e) {
      // An unreadable temp directory: nothing to clean.
    }
    return found;
  }
}
