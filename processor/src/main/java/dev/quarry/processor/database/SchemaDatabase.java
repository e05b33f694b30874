package dev.quarry.processor.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A throw-away PostgreSQL database that holds the schema while a build runs: embedded, in a
 * container, or a scratch database on a running server. Closing it stops, removes or drops
 * everything it started or created, and closes connections handed out by {@link #connect()}. Use it
 * with try-with-resources so that happens when the build fails too.
 */
public interface SchemaDatabase extends AutoCloseable {
  /** A new connection to the scratch database; the caller closes it (close() does too). */
  Connection connect() throws SQLException;

  /** What this database is, for messages: "embedded PostgreSQL 17.11 on port 41234". */
  String description();

  /**
   * What could not be cleaned up during {@link #close()} (a scratch database that could not be
   * dropped, a directory that could not be deleted), each with what to do by hand. Empty when
   * everything was released or close() has not run.
   */
  List<String> cleanupProblems();

  /**
   * What happened while starting that the user should know of, such as leftovers of dead builds
   * that were removed; one line each.
   */
  default List<String> startupNotes() {
    return List.of();
  }

  /**
   * How migrations that create roles must run: on a server shared with other builds and users, the
   * roles they create are recorded and dropped when the build ends ({@link ServerRoles}); on a
   * cluster of the build's own, nothing is needed.
   */
  default RoleGuard roles() {
    return RoleGuard.NONE;
  }

  /**
   * The record of the migrations (see {@code MigrationRecord}) kept with the migrated schema this
   * database was cloned from; empty when it was created empty and the migrations must run.
   */
  default java.util.Optional<String> cachedMigrations() {
    return java.util.Optional.empty();
  }

  /** Whether {@link #cacheMigrated} can keep the migrated schema for later builds. */
  default boolean cachesSchema() {
    return false;
  }

  /**
   * Keeps the database as it is now (just migrated) as the migrated schema of its key, with {@code
   * record}, so that later builds clone it. No connection to the database may be open. Whether it
   * was kept: not when the migrations created roles, which belong to the server and must not
   * outlive this build.
   */
  default boolean cacheMigrated(String record) {
    return false;
  }

  /** Releases everything; never throws (problems go to {@link #cleanupProblems()}). */
  @Override
  void close();
}
