package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.QueryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

/**
 * The queries of {@code queries/control.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class ControlQueries {
  private static final String SAVEPOINT = "SAVEPOINT before_batch";

  private static final String RELEASE_SAVEPOINT = "RELEASE SAVEPOINT before_batch";

  private static final String ROLLBACK_TO_SAVEPOINT = "ROLLBACK TO SAVEPOINT before_batch";

  private static final String SET_TIMEOUT = "SET LOCAL statement_timeout = '5s'";

  private static final String RESET_TIMEOUT = "RESET statement_timeout";

  private static final String LISTEN = "LISTEN job_events";

  private static final String UNLISTEN = "UNLISTEN job_events";

  private static final String NOTIFY = "NOTIFY job_events, 'refresh'";

  private static final String LOCK_JOBS = "LOCK TABLE jobs IN SHARE ROW EXCLUSIVE MODE";

  private static final String REFRESH_COUNTS = "REFRESH MATERIALIZED VIEW CONCURRENTLY job_counts";

  private static final String VACUUM_JOBS = "VACUUM (ANALYZE) jobs (state)";

  private static final String ANALYZE_JOBS = "ANALYZE jobs";

  private static final String DISCARD_PLANS = "DISCARD PLANS";

  private static final String ARCHIVE_JOBS = "CALL archive_jobs(?, ?)";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public ControlQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public ControlQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public ControlQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code Savepoint} {@code :exec}, {@code queries/control.sql:2}:
   * <pre>{@code
   * SAVEPOINT before_batch
   * }</pre>
   */
  public void savepoint() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(SAVEPOINT)) {
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("Savepoint", e);
    }
  }

  /**
   * {@code ReleaseSavepoint} {@code :exec}, {@code queries/control.sql:5}:
   * <pre>{@code
   * RELEASE SAVEPOINT before_batch
   * }</pre>
   */
  public void releaseSavepoint() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(RELEASE_SAVEPOINT)) {
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("ReleaseSavepoint", e);
    }
  }

  /**
   * {@code RollbackToSavepoint} {@code :exec}, {@code queries/control.sql:8}:
   * <pre>{@code
   * ROLLBACK TO SAVEPOINT before_batch
   * }</pre>
   */
  public void rollbackToSavepoint() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(ROLLBACK_TO_SAVEPOINT)) {
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("RollbackToSavepoint", e);
    }
  }

  /**
   * {@code SetTimeout} {@code :exec}, {@code queries/control.sql:11}:
   * <pre>{@code
   * SET LOCAL statement_timeout = '5s'
   * }</pre>
   */
  public void setTimeout() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(SET_TIMEOUT)) {
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("SetTimeout", e);
    }
  }

  /**
   * {@code ResetTimeout} {@code :exec}, {@code queries/control.sql:14}:
   * <pre>{@code
   * RESET statement_timeout
   * }</pre>
   */
  public void resetTimeout() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(RESET_TIMEOUT)) {
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("ResetTimeout", e);
    }
  }

  /**
   * {@code Listen} {@code :exec}, {@code queries/control.sql:17}:
   * <pre>{@code
   * LISTEN job_events
   * }</pre>
   */
  public void listen() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(LISTEN)) {
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("Listen", e);
    }
  }

  /**
   * {@code Unlisten} {@code :exec}, {@code queries/control.sql:20}:
   * <pre>{@code
   * UNLISTEN job_events
   * }</pre>
   */
  public void unlisten() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(UNLISTEN)) {
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("Unlisten", e);
    }
  }

  /**
   * {@code Notify} {@code :exec}, {@code queries/control.sql:23}:
   * <pre>{@code
   * NOTIFY job_events, 'refresh'
   * }</pre>
   */
  public void notify_() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(NOTIFY)) {
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("Notify", e);
    }
  }

  /**
   * {@code LockJobs} {@code :exec}, {@code queries/control.sql:26}:
   * <pre>{@code
   * LOCK TABLE jobs IN SHARE ROW EXCLUSIVE MODE
   * }</pre>
   */
  public void lockJobs() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(LOCK_JOBS)) {
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("LockJobs", e);
    }
  }

  /**
   * {@code RefreshCounts} {@code :exec}, {@code queries/control.sql:29}:
   * <pre>{@code
   * REFRESH MATERIALIZED VIEW CONCURRENTLY job_counts
   * }</pre>
   */
  public void refreshCounts() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(REFRESH_COUNTS)) {
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("RefreshCounts", e);
    }
  }

  /**
   * {@code VacuumJobs} {@code :exec}, {@code queries/control.sql:32}:
   * <pre>{@code
   * VACUUM (ANALYZE) jobs (state)
   * }</pre>
   */
  public void vacuumJobs() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(VACUUM_JOBS)) {
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("VacuumJobs", e);
    }
  }

  /**
   * {@code AnalyzeJobs} {@code :exec}, {@code queries/control.sql:35}:
   * <pre>{@code
   * ANALYZE jobs
   * }</pre>
   */
  public void analyzeJobs() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(ANALYZE_JOBS)) {
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("AnalyzeJobs", e);
    }
  }

  /**
   * {@code DiscardPlans} {@code :exec}, {@code queries/control.sql:38}:
   * <pre>{@code
   * DISCARD PLANS
   * }</pre>
   */
  public void discardPlans() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(DISCARD_PLANS)) {
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("DiscardPlans", e);
    }
  }

  /**
   * {@code ArchiveJobs} {@code :exec}, {@code queries/control.sql:41}:
   * <pre>{@code
   * CALL archive_jobs(@older_than, @keep)
   * }</pre>
   */
  public void archiveJobs(long olderThan, String keep) {
    Objects.requireNonNull(keep, "keep");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(ARCHIVE_JOBS)) {
        statement.setLong(1, olderThan);
        statement.setString(2, keep);
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("ArchiveJobs", e);
    }
  }
}
