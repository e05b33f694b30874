package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

/**
 * The queries of {@code queries/users.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class UsersQueries {
  private static final Query GET_USER = new Query("GetUser", ":one", "queries/users.sql", 1,
      "SELECT id, name FROM users WHERE id = ?");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public UsersQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public UsersQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public UsersQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public UsersQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code GetUser} {@code :one}, {@code queries/users.sql:1}:
   * <pre>{@code
   * SELECT id, name FROM users WHERE id = @id
   * }</pre>
   */
  public Optional<User> getUser(long id) {
    return runner.optional(GET_USER, statement -> {
      statement.setLong(1, id);
    }, UsersQueries::readUser);
  }

  private static User readUser(ResultSet rows) throws SQLException {
    return new User(
        rows.getLong(1),
        rows.getString(2));
  }
}
