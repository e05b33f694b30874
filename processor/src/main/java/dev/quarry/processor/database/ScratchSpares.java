package dev.quarry.processor.database;

import dev.quarry.processor.config.JdbcUrls;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * A spare scratch database kept ready on the build server's kept PostgreSQL, so that the next build
 * does not wait for the database to be made. After a build whose migrated schema is cached as a
 * template ({@link SchemaTemplates}), a background thread clones the next build's scratch database
 * from that template, marks it and opens a connection to it; the next build with the same schema
 * takes it instead of connecting as admin, sweeping, cloning and marking while javac waits.
 *
 * <p>Only the build server turns this on ({@link #enable()}): it lives as long as the kept server,
 * while a build in javac's process exits after one build and would leave its spare unused.
 *
 * <ul>
 *   <li>One daemon thread does all the work, on one admin connection kept open (made again when it
 *       broke): the sweeps of killed builds' databases and roles (their notes go to the next
 *       build), dropping the scratch databases builds used, and cloning and dropping spares.
 *   <li>At most one spare exists. Taking it is atomic: of two builds at once, one gets it and the
 *       other makes its own database as before. A build for another schema drops it.
 *   <li>A spare is a clone like one a build makes: its template exists only when the migrations
 *       created no roles and needed no stand-in roles, so the build that takes it depends on no
 *       role (its {@code rolesBefore} is null and it caches nothing, as any clone). The sweeps ran
 *       when the spare was made rather than when it is taken; what a build killed in between leaves
 *       is swept after the taking build, before the next spare is made.
 *   <li>Its comment names the build server's process ({@link ScratchOwner}), so after a {@code kill
 *       -9} of the server the next build's sweep drops it; a spare that could not be marked is
 *       dropped at once. When the server ends, its shutdown hook drops it (the kept server stops
 *       then anyway).
 *   <li>A spare that cannot be used (its connection died, the kept server restarted) is dropped and
 *       the build goes the usual way; nothing here ever fails a build.
 * </ul>
 */
public final class ScratchSpares {
  private static @Nullable ScratchSpares active;

  /** The longest a build waits to learn whether the spare's connection still answers. */
  private static final int SPARE_CHECK_SECONDS = 3;

  /** Seconds the shutdown hook waits for the background work before it drops the spare. */
  private static final int END_WAIT_SECONDS = 5;

  /** A scratch database made ahead, with its connection open. */
  record Spare(
      String adminUrl,
      String schemaKey,
      String name,
      String template,
      String record,
      int major,
      String version,
      Properties credentials,
      Connection connection) {}

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "quarry-scratch-spares");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
          });
  private final Thread hook = new Thread(this::end, "quarry-scratch-spares-end");

  // Guarded by this.
  private @Nullable Spare spare;
  private final Map<String, List<String>> notes = new LinkedHashMap<>();
  private boolean ended;

  // Used by the worker thread only.
  private @Nullable Connection admin;
  private @Nullable String adminOf;

  private ScratchSpares() {}

  /**
   * Keeps spare scratch databases ready in this JVM from now on; called once by the build server's
   * main method. Its shutdown hook drops them.
   */
  public static synchronized void enable() {
    if (active == null) {
      ScratchSpares spares = new ScratchSpares();
      Runtime.getRuntime().addShutdownHook(spares.hook);
      active = spares;
    }
  }

  /** The spares of this JVM, or null when it is not the build server. */
  static synchronized @Nullable ScratchSpares active() {
    return active;
  }

  /** Turns spares off again and drops the one there is (for tests). */
  static void disable() {
    ScratchSpares spares;
    synchronized (ScratchSpares.class) {
      spares = active;
      active = null;
    }
    if (spares != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(spares.hook);
      } catch (IllegalStateException e) {
        // Shutting down: the hook runs anyway.
      }
      spares.end();
    }
  }

  /**
   * The spare for this server and schema, now no longer a spare; empty when there is none, it is
   * for another schema (then it is dropped) or its connection does not answer.
   */
  Optional<Spare> take(String adminUrl, String schemaKey) {
    Spare taken;
    synchronized (this) {
      taken = spare;
      spare = null;
    }
    if (taken == null) {
      return Optional.empty();
    }
    if (!taken.adminUrl().equals(adminUrl) || !taken.schemaKey().equals(schemaKey)) {
      submit(() -> dropSpare(taken));
      return Optional.empty();
    }
    boolean valid;
    try {
      // A dead connection fails at once; the time only bounds a hung server, and is long enough
      // that a loaded machine's pause does not throw a good spare away.
      valid = taken.connection().isValid(SPARE_CHECK_SECONDS);
    } catch (SQLException e) {
      valid = false;
    }
    if (!valid) {
      submit(() -> dropSpare(taken));
      return Optional.empty();
    }
    return Optional.of(taken);
  }

  /** The notes of background sweeps on this server since a build last took them. */
  synchronized List<String> takeNotes(String adminUrl) {
    List<String> taken = notes.remove(adminUrl);
    return taken == null ? List.of() : taken;
  }

  /**
   * After a build: drops its scratch database in the background, then runs {@code afterDrop}, then
   * makes a spare for {@code nextKey} when it is not null. False when the spares have ended (the
   * JVM exits): then the caller drops the database itself.
   */
  boolean afterBuild(ServerDatabase used, @Nullable String nextKey, Runnable afterDrop) {
    return submit(
        () -> {
          try {
            dropUsed(used);
          } finally {
            afterDrop.run();
          }
          if (nextKey != null) {
            prepare(used.adminUrl(), used.credentials(), nextKey);
          }
        });
  }

  /**
   * Makes a spare for {@code schemaKey} on the server at {@code adminUrl} in the background, unless
   * there is one already or the schema is not cached there as a template (then nothing is made).
   */
  void anticipate(String adminUrl, Properties credentials, String schemaKey) {
    submit(() -> prepare(adminUrl, credentials, schemaKey));
  }

  /** The spare's database name, when there is one (for tests). */
  synchronized Optional<String> spareName() {
    Spare ready = spare;
    return ready == null ? Optional.empty() : Optional.of(ready.name());
  }

  /** Waits until the background work submitted so far is done (for tests). */
  void awaitIdle() throws InterruptedException, ExecutionException, TimeoutException {
    worker.submit(() -> {}).get(60, TimeUnit.SECONDS);
  }

  private boolean submit(Runnable task) {
    try {
      worker.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              // Background work never fails a build: at worst the next build goes the usual way.
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  private void dropUsed(ServerDatabase used) {
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        used.dropOn(admin(used.adminUrl(), used.credentials()), problem -> {});
        return;
      } catch (SQLException e) {
        closeAdmin(); // broken: the second attempt connects again
      }
    }
    // Left for the sweep of a later build once this process has ended, as a killed build's.
  }

  private void prepare(String adminUrl, Properties credentials, String schemaKey) {
    Spare old;
    synchronized (this) {
      if (ended
          || (spare != null
              && spare.adminUrl().equals(adminUrl)
              && spare.schemaKey().equals(schemaKey))) {
        return;
      }
      old = spare;
      spare = null;
    }
    if (old != null) {
      dropSpare(old);
    }
    String name = ServerDatabase.scratchName();
    boolean created = false;
    int major = 0;
    Connection warm = null;
    try {
      Connection connection = admin(adminUrl, credentials);
      major = connection.getMetaData().getDatabaseMajorVersion();
      ScratchOwner owner = ScratchOwner.current();
      List<String> swept = ServerDatabase.sweep(connection, adminUrl, owner);
      if (!swept.isEmpty()) {
        synchronized (this) {
          notes.computeIfAbsent(adminUrl, url -> new ArrayList<>()).addAll(swept);
        }
      }
      ServerDatabase.Created clone = SchemaTemplates.cloneInto(connection, schemaKey, name);
      String template = clone.template();
      String record = clone.cachedMigrations();
      if (template == null || record == null) {
        return; // no template (any more): nothing was created
      }
      created = true;
      // Marked as the build server's: dropped by the next build's sweep after a kill -9. Unmarked
      // it could never be dropped by another build, so a failure here drops it (below).
      ServerDatabase.markOwned(connection, name, owner);
      String version = PgDriver.serverVersion(connection);
      warm = PgDriver.connect(JdbcUrls.withDatabase(adminUrl, name), credentials);
      Spare made =
          new Spare(adminUrl, schemaKey, name, template, record, major, version, credentials, warm);
      synchronized (this) {
        if (!ended && spare == null) {
          spare = made;
          return;
        }
      }
      dropSpare(made);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(warm);
      if (created) {
        try {
          ServerDatabase.dropScratch(admin(adminUrl, credentials), name, major);
        } catch (SQLException again) {
          closeAdmin(); // marked or not, left behind; the kept server goes with its idle time
        }
      }
    }
  }

  /** Drops a spare nobody took; never throws. */
  private void dropSpare(Spare dropped) {
    closeQuietly(dropped.connection());
    try {
      ServerDatabase.dropScratch(
          admin(dropped.adminUrl(), dropped.credentials()), dropped.name(), dropped.major());
    } catch (SQLException e) {
      closeAdmin(); // marked as this process's: a later build drops it once the server has ended
    }
  }

  /** The worker's admin connection to {@code adminUrl}, connected again when it broke. */
  private Connection admin(String adminUrl, Properties credentials) throws SQLException {
    Connection open = admin;
    if (open != null && adminUrl.equals(adminOf)) {
      boolean valid;
      try {
        valid = open.isValid(1);
      } catch (SQLException e) {
        valid = false;
      }
      if (valid) {
        return open;
      }
    }
    closeAdmin();
    Connection connection = PgDriver.connect(adminUrl, credentials);
    admin = connection;
    adminOf = adminUrl;
    return connection;
  }

  private void closeAdmin() {
    closeQuietly(admin);
    admin = null;
    adminOf = null;
  }

  /** Ends the spares: waits briefly for the background work, then drops the spare. */
  private void end() {
    Spare left;
    synchronized (this) {
      ended = true;
      left = spare;
      spare = null;
    }
    worker.shutdown();
    boolean done;
    try {
      done = worker.awaitTermination(END_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done = false;
    }
    if (!done) {
      // The worker holds the admin connection still: this thread uses its own.
      admin = null;
      adminOf = null;
    }
    if (left != null) {
      dropSpare(left);
    }
    closeAdmin();
  }

  private static void closeQuietly(@Nullable Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing ends the session either way.
    }
  }
}
