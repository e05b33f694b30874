package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import java.sql.Connection;
import java.util.Objects;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

/**
 * The queries of {@code queries/control.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class ControlQueries {
  private static final Query SAVEPOINT = new Query("Savepoint", ":exec", "queries/control.sql", 2,
      "SAVEPOINT before_batch");

  private static final Query RELEASE_SAVEPOINT = new Query("ReleaseSavepoint", ":exec",
      "queries/control.sql", 5,
      "RELEASE SAVEPOINT before_batch");

  private static final Query ROLLBACK_TO_SAVEPOINT = new Query("RollbackToSavepoint", ":exec",
      "queries/control.sql", 8,
      "ROLLBACK TO SAVEPOINT before_batch");

  private static final Query SET_TIMEOUT = new Query("SetTimeout", ":exec", "queries/control.sql",
      11,
      "SET LOCAL statement_timeout = '5s'");

  private static final Query RESET_TIMEOUT = new Query("ResetTimeout", ":exec",
      "queries/control.sql", 14,
      "RESET statement_timeout");

  private static final Query LISTEN = new Query("Listen", ":exec", "queries/control.sql", 17,
      "LISTEN job_events");

  private static final Query UNLISTEN = new Query("Unlisten", ":exec", "queries/control.sql", 20,
      "UNLISTEN job_events");

  private static final Query NOTIFY = new Query("Notify", ":exec", "queries/control.sql", 23,
      "NOTIFY job_events, 'refresh'");

  private static final Query LOCK_JOBS = new Query("LockJobs", ":exec", "queries/control.sql", 26,
      "LOCK TABLE jobs IN SHARE ROW EXCLUSIVE MODE");

  private static final Query REFRESH_COUNTS = new Query("RefreshCounts", ":exec",
      "queries/control.sql", 29,
      "REFRESH MATERIALIZED VIEW CONCURRENTLY job_counts");

  private static final Query VACUUM_JOBS = new Query("VacuumJobs", ":exec", "queries/control.sql",
      32,
      "VACUUM (ANALYZE) jobs (state)");

  private static final Query ANALYZE_JOBS = new Query("AnalyzeJobs", ":exec", "queries/control.sql",
      35,
      "ANALYZE jobs");

  private static final Query DISCARD_PLANS = new Query("DiscardPlans", ":exec",
      "queries/control.sql", 38,
      "DISCARD PLANS");

  private static final Query ARCHIVE_JOBS = new Query("ArchiveJobs", ":exec", "queries/control.sql",
      41,
      "CALL archive_jobs(?, ?)");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public ControlQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public ControlQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public ControlQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public ControlQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code Savepoint} {@code :exec}, {@code queries/control.sql:2}:
   * <pre>{@code
   * SAVEPOINT before_batch
   * }</pre>
   */
  public void savepoint() {
    runner.execute(SAVEPOINT, statement -> {});
  }

  /**
   * {@code ReleaseSavepoint} {@code :exec}, {@code queries/control.sql:5}:
   * <pre>{@code
   * RELEASE SAVEPOINT before_batch
   * }</pre>
   */
  public void releaseSavepoint() {
    runner.execute(RELEASE_SAVEPOINT, statement -> {});
  }

  /**
   * {@code RollbackToSavepoint} {@code :exec}, {@code queries/control.sql:8}:
   * <pre>{@code
   * ROLLBACK TO SAVEPOINT before_batch
   * }</pre>
   */
  public void rollbackToSavepoint() {
    runner.execute(ROLLBACK_TO_SAVEPOINT, statement -> {});
  }

  /**
   * {@code SetTimeout} {@code :exec}, {@code queries/control.sql:11}:
   * <pre>{@code
   * SET LOCAL statement_timeout = '5s'
   * }</pre>
   */
  public void setTimeout() {
    runner.execute(SET_TIMEOUT, statement -> {});
  }

  /**
   * {@code ResetTimeout} {@code :exec}, {@code queries/control.sql:14}:
   * <pre>{@code
   * RESET statement_timeout
   * }</pre>
   */
  public void resetTimeout() {
    runner.execute(RESET_TIMEOUT, statement -> {});
  }

  /**
   * {@code Listen} {@code :exec}, {@code queries/control.sql:17}:
   * <pre>{@code
   * LISTEN job_events
   * }</pre>
   */
  public void listen() {
    runner.execute(LISTEN, statement -> {});
  }

  /**
   * {@code Unlisten} {@code :exec}, {@code queries/control.sql:20}:
   * <pre>{@code
   * UNLISTEN job_events
   * }</pre>
   */
  public void unlisten() {
    runner.execute(UNLISTEN, statement -> {});
  }

  /**
   * {@code Notify} {@code :exec}, {@code queries/control.sql:23}:
   * <pre>{@code
   * NOTIFY job_events, 'refresh'
   * }</pre>
   */
  public void notify_() {
    runner.execute(NOTIFY, statement -> {});
  }

  /**
   * {@code LockJobs} {@code :exec}, {@code queries/control.sql:26}:
   * <pre>{@code
   * LOCK TABLE jobs IN SHARE ROW EXCLUSIVE MODE
   * }</pre>
   */
  public void lockJobs() {
    runner.execute(LOCK_JOBS, statement -> {});
  }

  /**
   * {@code RefreshCounts} {@code :exec}, {@code queries/control.sql:29}:
   * <pre>{@code
   * REFRESH MATERIALIZED VIEW CONCURRENTLY job_counts
   * }</pre>
   */
  public void refreshCounts() {
    runner.execute(REFRESH_COUNTS, statement -> {});
  }

  /**
   * {@code VacuumJobs} {@code :exec}, {@code queries/control.sql:32}:
   * <pre>{@code
   * VACUUM (ANALYZE) jobs (state)
   * }</pre>
   */
  public void vacuumJobs() {
    runner.execute(VACUUM_JOBS, statement -> {});
  }

  /**
   * {@code AnalyzeJobs} {@code :exec}, {@code queries/control.sql:35}:
   * <pre>{@code
   * ANALYZE jobs
   * }</pre>
   */
  public void analyzeJobs() {
    runner.execute(ANALYZE_JOBS, statement -> {});
  }

  /**
   * {@code DiscardPlans} {@code :exec}, {@code queries/control.sql:38}:
   * <pre>{@code
   * DISCARD PLANS
   * }</pre>
   */
  public void discardPlans() {
    runner.execute(DISCARD_PLANS, statement -> {});
  }

  /**
   * {@code ArchiveJobs} {@code :exec}, {@code queries/control.sql:41}:
   * <pre>{@code
   * CALL archive_jobs(@older_than, @keep)
   * }</pre>
   */
  public void archiveJobs(long olderThan, String keep) {
    Objects.requireNonNull(keep, "keep");
    runner.execute(ARCHIVE_JOBS, statement -> {
      statement.setLong(1, olderThan);
      statement.setString(2, keep);
    });
  }
}
