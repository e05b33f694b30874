package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

/**
 * The queries of {@code queries/2024-report.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class _2024ReportQueries {
  private static final Query A = new Query("A", ":many", "queries/2024-report.sql", 1,
      "SELECT id FROM users");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public _2024ReportQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public _2024ReportQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public _2024ReportQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public _2024ReportQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code A} {@code :many}, {@code queries/2024-report.sql:1}:
   * <pre>{@code
   * SELECT id FROM users
   * }</pre>
   */
  public List<User> a() {
    return runner.list(A, statement -> {}, _2024ReportQueries::readUser);
  }

  private static User readUser(ResultSet rows) throws SQLException {
    return new User(
        rows.getLong(1));
  }
}
