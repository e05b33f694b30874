package dev.quarry.processor.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the migration runner asks the schema database about roles, which are global to a PostgreSQL
 * server rather than part of one database. On embedded PostgreSQL and in a container the cluster is
 * the build's own and there is nothing to do ({@link #NONE}); on a shared server ({@link
 * ServerRoles}) roles that migrations create are recorded so they can be dropped when the build
 * ends, and builds that create the same role take turns.
 */
public interface RoleGuard {
  /** A cluster of the build's own: every statement runs as written. */
  RoleGuard NONE = (connection, text) -> Session.NONE;

  /**
   * Called before a migration runs, with the text of all its statements (built only by a guard that
   * reads it); the session is closed when the migration has committed or rolled back.
   */
  Session begin(Connection migration, Supplier<String> migrationText) throws SQLException;

  /** One migration's dealings with roles. */
  interface Session extends AutoCloseable {
    Session NONE =
        new Session() {
          @Override
          public boolean shouldRun(String statement) {
            return true;
          }

          @Override
          public void afterStatement(String statement, boolean last) {}

          @Override
          public Optional<String> explain(String statement, SQLException failure) {
            return Optional.empty();
          }

          @Override
          public void close() {}
        };

    /**
     * Whether to send {@code statement}: false for a {@code CREATE ROLE} of a role that another
     * running build's migrations created (this build then depends on it too, as if it had created
     * it).
     */
    boolean shouldRun(String statement) throws SQLException;

    /**
     * After each statement that ran, on the migration's connection and in its transaction; {@code
     * last} for the migration's last statement.
     */
    void afterStatement(String statement, boolean last) throws SQLException;

    /** What to add to the error message of {@code statement}'s failure, if anything. */
    Optional<String> explain(String statement, SQLException failure);

    @Override
    void close();
  }
}
