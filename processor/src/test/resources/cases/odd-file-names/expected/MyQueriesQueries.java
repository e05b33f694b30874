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
 * The queries of {@code queries/my queries.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class MyQueriesQueries {
  private static final Query C = new Query("C", ":many", "queries/my queries.sql", 1,
      "SELECT id FROM users");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public MyQueriesQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public MyQueriesQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public MyQueriesQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public MyQueriesQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code C} {@code :many}, {@code queries/my queries.sql:1}:
   * <pre>{@code
   * SELECT id FROM users
   * }</pre>
   */
  public List<User> c() {
    return runner.list(C, statement -> {}, MyQueriesQueries::readUser);
  }

  private static User readUser(ResultSet rows) throws SQLException {
    return new User(
        rows.getLong(1));
  }
}
