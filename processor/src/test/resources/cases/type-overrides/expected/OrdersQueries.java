package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.QueryStreams;
import dev.quarry.runtime.SqlArrays;
import dev.quarry.runtime.ValueConverters;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

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
  private static final MoneyConverter MONEY_CONVERTER = new MoneyConverter();

  private static final SettingsConverter SETTINGS_CONVERTER = new SettingsConverter();

  private static final String CREATE_ORDER = "INSERT INTO orders (total, settings, history, note)\n"
      + "VALUES (?, ?, ?, ?)\n"
      + "RETURNING *";

  private static final String GET_ORDER = "SELECT * FROM orders WHERE id = ?";

  private static final String ORDER_SUMMARIES = "SELECT id, total, refund, settings FROM orders WHERE settings = ? ORDER BY id";

  private static final String SET_REFUND = "UPDATE orders SET refund = ? WHERE id = ?";

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
   * {@code CreateOrder} {@code :one}, {@code queries/orders.sql:1}:
   * <pre>{@code
   * INSERT INTO orders (total, settings, history, note)
   * VALUES (@total, @settings, @history, sqlc.narg(note))
   * RETURNING *
   * }</pre>
   */
  public Order createOrder(Money total, Settings settings, List<Settings> history,
      @Nullable String note) {
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(history, "history");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(CREATE_ORDER)) {
        statement.setObject(1, MONEY_CONVERTER.toDatabase(total), Types.NUMERIC);
        statement.setObject(2, SETTINGS_CONVERTER.toDatabase(settings), Types.OTHER);
        statement.setArray(3, SqlArrays.create(connection, "jsonb", ValueConverters.toDatabase(SETTINGS_CONVERTER, history)));
        statement.setObject(4, note, Types.VARCHAR);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("CreateOrder", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          Order row = readOrder(rows);
          if (rows.next()) {
            throw new QueryException("CreateOrder", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("CreateOrder", e);
    }
  }

  /**
   * {@code GetOrder} {@code :one}, {@code queries/orders.sql:6}:
   * <pre>{@code
   * SELECT * FROM orders WHERE id = @id
   * }</pre>
   */
  public Optional<Order> getOrder(long id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(GET_ORDER)) {
        statement.setLong(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          Order row = readOrder(rows);
          if (rows.next()) {
            throw new QueryException("GetOrder", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("GetOrder", e);
    }
  }

  /**
   * {@code OrderSummaries} {@code :many}, {@code queries/orders.sql:9}:
   * <pre>{@code
   * SELECT id, total, refund, settings FROM orders WHERE settings = @settings ORDER BY id
   * }</pre>
   */
  public List<OrderSummariesRow> orderSummaries(Settings settings) {
    Objects.requireNonNull(settings, "settings");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(ORDER_SUMMARIES)) {
        statement.setObject(1, SETTINGS_CONVERTER.toDatabase(settings), Types.OTHER);
        try (ResultSet rows = statement.executeQuery()) {
          List<OrderSummariesRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readOrderSummariesRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("OrderSummaries", e);
    }
  }

  /**
   * The rows of {@link #orderSummaries}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<OrderSummariesRow> streamOrderSummaries(Settings settings) {
    Objects.requireNonNull(settings, "settings");
    return QueryStreams.open(connections, "OrderSummaries", ORDER_SUMMARIES, statement -> {
      statement.setObject(1, SETTINGS_CONVERTER.toDatabase(settings), Types.OTHER);
    }, rows -> readOrderSummariesRow(rows));
  }

  /**
   * {@code SetRefund} {@code :execrows}, {@code queries/orders.sql:12}:
   * <pre>{@code
   * UPDATE orders SET refund = sqlc.narg(refund) WHERE id = @id
   * }</pre>
   */
  public long setRefund(@Nullable Money refund, long id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(SET_REFUND)) {
        statement.setObject(1, ValueConverters.toDatabase(MONEY_CONVERTER, refund), Types.NUMERIC);
        statement.setLong(2, id);
        return statement.executeLargeUpdate();
      }
    } catch (SQLException e) {
      throw new QueryException("SetRefund", e);
    }
  }

  private static Order readOrder(ResultSet rows) throws SQLException {
    return new Order(
        rows.getLong(1),
        MONEY_CONVERTER.fromDatabase(rows.getBigDecimal(2)),
        ValueConverters.fromDatabase(MONEY_CONVERTER, rows.getBigDecimal(3)),
        SETTINGS_CONVERTER.fromDatabase(rows.getString(4)),
        SqlArrays.toNonNullList(rows.getArray(5), (r, c) -> ValueConverters.fromDatabase(SETTINGS_CONVERTER, r.getString(c))),
        rows.getString(6));
  }

  private static OrderSummariesRow readOrderSummariesRow(ResultSet rows) throws SQLException {
    return new OrderSummariesRow(
        rows.getLong(1),
        MONEY_CONVERTER.fromDatabase(rows.getBigDecimal(2)),
        ValueConverters.fromDatabase(MONEY_CONVERTER, rows.getBigDecimal(3)),
        SETTINGS_CONVERTER.fromDatabase(rows.getString(4)));
  }

  /**
   * A row of {@code OrderSummaries}.
   */
  public record OrderSummariesRow(long id, Money total, @Nullable Money refund, Settings settings) {
  }
}
