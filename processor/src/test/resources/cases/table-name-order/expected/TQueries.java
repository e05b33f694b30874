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
 * The queries of {@code queries/t.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class TQueries {
  private static final Query D = new Query("D", ":many", "queries/t.sql", 4,
      "SELECT * FROM users");

  private static final Query C = new Query("C", ":many", "queries/t.sql", 7,
      "SELECT * FROM \"user\"");

  private static final Query B = new Query("B", ":many", "queries/t.sql", 10,
      "SELECT * FROM type");

  private static final Query A = new Query("A", ":many", "queries/t.sql", 13,
      "SELECT * FROM \"_\"");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public TQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public TQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public TQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public TQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code D} {@code :many}, {@code queries/t.sql:4}:
   * <pre>{@code
   * SELECT * FROM users
   * }</pre>
   */
  public List<UserRecord> d() {
    return runner.list(D, statement -> {}, TQueries::readUserRecord);
  }

  /**
   * {@code C} {@code :many}, {@code queries/t.sql:7}:
   * <pre>{@code
   * SELECT * FROM "user"
   * }</pre>
   */
  public List<User> c() {
    return runner.list(C, statement -> {}, TQueries::readUser);
  }

  /**
   * {@code B} {@code :many}, {@code queries/t.sql:10}:
   * <pre>{@code
   * SELECT * FROM type
   * }</pre>
   */
  public List<Type> b() {
    return runner.list(B, statement -> {}, TQueries::readType);
  }

  /**
   * {@code A} {@code :many}, {@code queries/t.sql:13}:
   * <pre>{@code
   * SELECT * FROM "_"
   * }</pre>
   */
  public List<TypeRecord> a() {
    return runner.list(A, statement -> {}, TQueries::readTypeRecord);
  }

  private static UserRecord readUserRecord(ResultSet rows) throws SQLException {
    return new UserRecord(
        rows.getInt(1));
  }

  private static User readUser(ResultSet rows) throws SQLException {
    return new User(
        rows.getInt(1));
  }

  private static Type readType(ResultSet rows) throws SQLException {
    return new Type(
        rows.getInt(1));
  }

  private static TypeRecord readTypeRecord(ResultSet rows) throws SQLException {
    return new TypeRecord(
        rows.getInt(1));
  }
}
