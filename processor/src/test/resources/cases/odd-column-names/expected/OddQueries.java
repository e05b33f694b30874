package com.example.db;

import dev.quarry.runtime.Columns;
import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.QueryStreams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/odd.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class OddQueries {
  private static final String ANONYMOUS = "SELECT 1, 2, now()";

  private static final String ODD = "SELECT * FROM \"_\"";

  private static final String SYMBOLS = "SELECT 1 AS \"?\", 2 AS \"$\", 3 AS \"_\", 5 AS \"9\"";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public OddQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public OddQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public OddQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code Anonymous} {@code :one}, {@code queries/odd.sql:1}:
   * <pre>{@code
   * SELECT 1, 2, now()
   * }</pre>
   */
  public AnonymousRow anonymous() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(ANONYMOUS)) {
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("Anonymous", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          AnonymousRow row = readAnonymousRow(rows);
          if (rows.next()) {
            throw new QueryException("Anonymous", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("Anonymous", e);
    }
  }

  /**
   * {@code Odd} {@code :many}, {@code queries/odd.sql:4}:
   * <pre>{@code
   * SELECT * FROM "_"
   * }</pre>
   */
  public List<Type> odd() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(ODD)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<Type> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readType(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("Odd", e);
    }
  }

  /**
   * The rows of {@link #odd}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Type> streamOdd() {
    return QueryStreams.open(connections, "Odd", ODD, statement -> {}, rows -> readType(rows));
  }

  /**
   * {@code Symbols} {@code :one}, {@code queries/odd.sql:7}:
   * <pre>{@code
   * SELECT 1 AS "?", 2 AS "$", 3 AS "_", 5 AS "9"
   * }</pre>
   */
  public SymbolsRow symbols() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(SYMBOLS)) {
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("Symbols", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          SymbolsRow row = readSymbolsRow(rows);
          if (rows.next()) {
            throw new QueryException("Symbols", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("Symbols", e);
    }
  }

  private static AnonymousRow readAnonymousRow(ResultSet rows) throws SQLException {
    return new AnonymousRow(
        Columns.nullableInt(rows, 1),
        Columns.nullableInt(rows, 2),
        rows.getObject(3, OffsetDateTime.class));
  }

  private static Type readType(ResultSet rows) throws SQLException {
    return new Type(
        rows.getInt(1),
        rows.getString(2),
        rows.getString(3),
        rows.getString(4),
        rows.getString(5),
        rows.getString(6),
        rows.getString(7),
        Columns.nullableInt(rows, 8));
  }

  private static SymbolsRow readSymbolsRow(ResultSet rows) throws SQLException {
    return new SymbolsRow(
        rows.getInt(1),
        rows.getInt(2),
        rows.getInt(3),
        rows.getInt(4));
  }

  /**
   * A row of {@code Anonymous}.
   */
  public record AnonymousRow(@Nullable Integer column, @Nullable Integer column2,
      OffsetDateTime now) {
  }

  /**
   * A row of {@code Symbols}.
   */
  public record SymbolsRow(int value, int value2, int value3, int _9) {
  }
}
