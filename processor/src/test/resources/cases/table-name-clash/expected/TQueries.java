package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.QueryStreams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

/**
 * The queries of {@code queries/t.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class TQueries {
  private static final String A = "SELECT * FROM \"_\"";

  private static final String B = "SELECT * FROM type";

  private static final String C = "SELECT * FROM \"user\"";

  private static final String D = "SELECT * FROM users";

  private static final String E = "SELECT * FROM users WHERE id = ?";

  private static final String EROW = "SELECT 1 AS x";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public TQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public TQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public TQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code A} {@code :many}, {@code queries/t.sql:1}:
   * <pre>{@code
   * SELECT * FROM "_"
   * }</pre>
   */
  public List<TypeRecord> a() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(A)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<TypeRecord> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readTypeRecord(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("A", e);
    }
  }

  /**
   * The rows of {@link #a}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<TypeRecord> streamA() {
    return QueryStreams.open(connections, "A", A, statement -> {}, rows -> readTypeRecord(rows));
  }

  /**
   * {@code B} {@code :many}, {@code queries/t.sql:4}:
   * <pre>{@code
   * SELECT * FROM type
   * }</pre>
   */
  public List<Type> b() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(B)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<Type> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readType(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("B", e);
    }
  }

  /**
   * The rows of {@link #b}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Type> streamB() {
    return QueryStreams.open(connections, "B", B, statement -> {}, rows -> readType(rows));
  }

  /**
   * {@code C} {@code :many}, {@code queries/t.sql:7}:
   * <pre>{@code
   * SELECT * FROM "user"
   * }</pre>
   */
  public List<User> c() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(C)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<User> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readUser(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("C", e);
    }
  }

  /**
   * The rows of {@link #c}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<User> streamC() {
    return QueryStreams.open(connections, "C", C, statement -> {}, rows -> readUser(rows));
  }

  /**
   * {@code D} {@code :many}, {@code queries/t.sql:10}:
   * <pre>{@code
   * SELECT * FROM users
   * }</pre>
   */
  public List<UserRecord> d() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(D)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<UserRecord> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readUserRecord(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("D", e);
    }
  }

  /**
   * The rows of {@link #d}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<UserRecord> streamD() {
    return QueryStreams.open(connections, "D", D, statement -> {}, rows -> readUserRecord(rows));
  }

  /**
   * {@code E} {@code :one}, {@code queries/t.sql:13}:
   * <pre>{@code
   * SELECT * FROM users WHERE id = @id
   * }</pre>
   */
  public Optional<UserRecord> e(int id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(E)) {
        statement.setInt(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          UserRecord row = readUserRecord(rows);
          if (rows.next()) {
            throw new QueryException("E", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("E", e);
    }
  }

  /**
   * {@code ERow} {@code :one}, {@code queries/t.sql:16}:
   * <pre>{@code
   * SELECT 1 AS x
   * }</pre>
   */
  public int eRow() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(EROW)) {
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("ERow", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          int row = rows.getInt(1);
          if (rows.next()) {
            throw new QueryException("ERow", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("ERow", e);
    }
  }

  private static TypeRecord readTypeRecord(ResultSet rows) throws SQLException {
    return new TypeRecord(
        rows.getInt(1));
  }

  private static Type readType(ResultSet rows) throws SQLException {
    return new Type(
        rows.getInt(1));
  }

  private static User readUser(ResultSet rows) throws SQLException {
    return new User(
        rows.getInt(1));
  }

  private static UserRecord readUserRecord(ResultSet rows) throws SQLException {
    return new UserRecord(
        rows.getInt(1));
  }
}
