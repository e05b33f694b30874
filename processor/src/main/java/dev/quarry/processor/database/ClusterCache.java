package dev.quarry.processor.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Initialized PostgreSQL clusters kept between builds, one per binaries version and initdb
 * settings, under {@code <tmp>/quarry-cache/}. initdb is the slow part of starting embedded
 * PostgreSQL (it writes and syncs three databases); a build copies the cached cluster's data folder
 * instead, then starts the server on the copy. The cache itself is never started again.
 *
 * <p>A cluster is made in a staging folder (initdb, one start so the server finishes its own
 * first-start work, a clean stop), marked complete, and then renamed into place, so a reader never
 * sees a half-made one; when two builds make the same cluster at once, the first rename wins and
 * the other build uses it. A cluster a build could not start from is removed, and the build makes a
 * new one.
 */
final class ClusterCache {
  /** Written last into a finished cluster folder. */
  static final String COMPLETE = "quarry-cluster-complete";

  /** Staging folders start with this, followed by the owning process id. */
  static final String STAGING_PREFIX = "staging-";

  /**
   * initdb settings beyond zonky's ({@code -A trust -U postgres -E UTF-8}): 1 MB WAL segments
   * instead of 16 MB, so a copy moves 24 MB rather than 39 MB.
   */
  private static final Map<String, String> INITDB_SETTINGS = Map.of("wal-segsize", "1");

  private ClusterCache() {}

  /** {@code <tmp>/quarry-cache}, beside zonky's binaries cache {@code <tmp>/embedded-pg}. */
  static Path defaultRoot() {
    return Path.of(System.getProperty("java.io.tmpdir"), "quarry-cache");
  }

  /** Whether a finished cluster for these binaries is in the cache. */
  static boolean isCached(PostgresBinaries binaries, Path root) {
    return Files.isRegularFile(folder(binaries, root).resolve(COMPLETE));
  }

  private static Path folder(PostgresBinaries binaries, Path root) {
    return root.resolve("cluster-" + binaries.version() + "-" + key(binaries));
  }

  /** The folder of a finished cluster for these binaries, made now when there is none. */
  static Path cluster(PostgresBinaries binaries, Path root) throws IOException {
    Path cluster = folder(binaries, root);
    if (Files.isRegularFile(cluster.resolve(COMPLETE))) {
      return cluster;
    }
    Files.createDirectories(root);
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    Path staging =
        root.resolve(
            STAGING_PREFIX
                + ProcessHandle.current().pid()
                + "-"
                + HexFormat.of().formatHex(random));
    try {
      Files.createDirectories(staging);
      initialize(binaries, staging.resolve("data"), staging.resolve("postgres.log"));
      Files.delete(staging.resolve("postgres.log"));
      Files.writeString(
          staging.resolve(COMPLETE), binaries.version() + "\n", StandardCharsets.UTF_8);
      if (Files.exists(cluster) && !Files.isRegularFile(cluster.resolve(COMPLETE))) {
        // A folder without its marker (not made by this class) is never used: clear the way. A
        // finished one that another build renamed into place meanwhile stays: it may be copying it.
        FileTrees.delete(cluster);
      }
      try {
        Files.move(staging, cluster, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException
          | DirectoryNotEmptyException
          | AtomicMoveNotSupportedException e) {
        // Another build finished the same cluster first: use its copy.
        if (!Files.isRegularFile(cluster.resolve(COMPLETE))) {
          throw e;
        }
      }
      return cluster;
    } finally {
      FileTrees.delete(staging);
    }
  }

  /** Removes a cluster a build could not start from, so the next build makes a new one. */
  static void discard(Path cluster) throws IOException {
    Path trash =
        cluster.resolveSibling(
            cluster.getFileName() + ".discarded-" + ProcessHandle.current().pid());
    try {
      Files.move(cluster, trash, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (Files.exists(cluster)) {
        throw e;
      }
      return; // another build discarded it already
    }
    FileTrees.delete(trash);
  }

  /** Copies the cluster's data folder to {@code data} (which must not exist). */
  static void copyData(Path cluster, Path data) throws IOException {
    FileTrees.copy(cluster.resolve("data"), data);
  }

  private static void initialize(PostgresBinaries binaries, Path data, Path log)
      throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setPgBinaryResolver(binaries)
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPGStartupWait(EmbeddedDatabase.STARTUP_WAIT)
            .setOutputRedirector(Redirect.appendTo(log.toFile()))
            .setErrorRedirector(Redirect.appendTo(log.toFile()));
    // zonky passes its "locale config" to initdb as --key=value.
    INITDB_SETTINGS.forEach(builder::setLocaleConfig);
    EmbeddedPostgres postgres = builder.start();
    postgres.close(); // pg_ctl stop -m fast: a clean shutdown checkpoint
    Files.deleteIfExists(data.resolve("epg-lock"));
    Files.deleteIfExists(data.resolve("postmaster.opts"));
    if (Files.exists(data.resolve("postmaster.pid"))) {
      throw new IOException("PostgreSQL did not stop after initializing " + data + "; see " + log);
    }
  }

  /**
   * What makes two clusters interchangeable: the binaries, Quarry's initdb settings, and the locale
   * initdb takes from the environment.
   */
  static String key(PostgresBinaries binaries) {
    String settings = new TreeMap<>(INITDB_SETTINGS).toString();
    String locale =
        Stream.of("LC_ALL", "LC_COLLATE", "LC_CTYPE", "LANG")
            .map(name -> name + "=" + System.getenv().getOrDefault(name, ""))
            .collect(Collectors.joining(","));
    String text =
        binaries.version()
            + "|"
            + System.getProperty("os.name")
            + "/"
            + System.getProperty("os.arch")
            + "|"
            + settings
            + "|"
            + locale;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
