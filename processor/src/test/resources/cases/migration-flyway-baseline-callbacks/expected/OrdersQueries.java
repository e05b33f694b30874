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
 * The queries of {@code queries/orders.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class OrdersQueries {
  private static final String ORDERS_WITH_EMAIL = "SELECT o.id, e.email\n"
      + "FROM orders o JOIN user_emails e ON e.id = o.user_id";

  private static final String RUNS = "SELECT count(*) AS runs FROM audit.runs";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public OrdersQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public OrdersQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public OrdersQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code OrdersWithEmail} {@code :many}, {@code queries/orders.sql:1}:
   * <pre>{@code
   * SELECT o.id, e.email
   * FROM orders o JOIN user_emails e ON e.id = o.user_id
   * }</pre>
   */
  public List<OrdersWithEmailRow> ordersWithEmail() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(ORDERS_WITH_EMAIL)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<OrdersWithEmailRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readOrdersWithEmailRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("OrdersWithEmail", e);
    }
  }

  /**
   * The rows of {@link #ordersWithEmail}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<OrdersWithEmailRow> streamOrdersWithEmail() {
    return QueryStreams.open(connections, "OrdersWithEmail", ORDERS_WITH_EMAIL, statement -> {}, rows -> readOrdersWithEmailRow(rows));
  }

  /**
   * {@code Runs} {@code :one}, {@code queries/orders.sql:5}:
   * <pre>{@code
   * SELECT count(*) AS runs FROM audit.runs
   * }</pre>
   */
  public Optional<Long> runs() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(RUNS)) {
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          long row = rows.getLong(1);
          if (rows.next()) {
            throw new QueryException("Runs", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("Runs", e);
    }
  }

  private static OrdersWithEmailRow readOrdersWithEmailRow(ResultSet rows) throws SQLException {
    return new OrdersWithEmailRow(
        rows.getLong(1),
        rows.getString(2));
  }

  /**
   * A row of {@code OrdersWithEmail}.
   */
  public record OrdersWithEmailRow(long id, String email) {
  }
}
