package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import dev.quarry.runtime.SqlArrays;
import dev.quarry.runtime.ValueConverters;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/orders.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class OrdersQueries {
  private static final MoneyConverter MONEY_CONVERTER = new MoneyConverter();

  private static final SettingsConverter SETTINGS_CONVERTER = new SettingsConverter();

  private static final Query CREATE_ORDER = new Query("CreateOrder", ":one", "queries/orders.sql",
      1,
      "INSERT INTO orders (total, settings, history, note)\n"
      + "VALUES (?, ?, ?, ?)\n"
      + "RETURNING *");

  private static final Query GET_ORDER = new Query("GetOrder", ":one", "queries/orders.sql", 6,
      "SELECT * FROM orders WHERE id = ?");

  private static final Query ORDER_SUMMARIES = new Query("OrderSummaries", ":many",
      "queries/orders.sql", 9,
      "SELECT id, total, refund, settings FROM orders WHERE settings = ? ORDER "
      + "BY id");

  private static final Query SET_REFUND = new Query("SetRefund", ":execrows", "queries/orders.sql",
      12,
      "UPDATE orders SET refund = ? WHERE id = ?");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public OrdersQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public OrdersQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public OrdersQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public OrdersQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
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
    return runner.single(CREATE_ORDER, statement -> {
      statement.setObject(1, MONEY_CONVERTER.toDatabase(total), Types.NUMERIC);
      statement.setObject(2, SETTINGS_CONVERTER.toDatabase(settings), Types.OTHER);
      statement.setArray(3, SqlArrays.create(statement.getConnection(), "jsonb",
          ValueConverters.toDatabase(SETTINGS_CONVERTER, history)));
      statement.setObject(4, note, Types.VARCHAR);
    }, OrdersQueries::readOrder);
  }

  /**
   * {@code GetOrder} {@code :one}, {@code queries/orders.sql:6}:
   * <pre>{@code
   * SELECT * FROM orders WHERE id = @id
   * }</pre>
   */
  public Optional<Order> getOrder(long id) {
    return runner.optional(GET_ORDER, statement -> {
      statement.setLong(1, id);
    }, OrdersQueries::readOrder);
  }

  /**
   * {@code OrderSummaries} {@code :many}, {@code queries/orders.sql:9}:
   * <pre>{@code
   * SELECT id, total, refund, settings FROM orders WHERE settings = @settings ORDER BY id
   * }</pre>
   */
  public List<OrderSummariesRow> orderSummaries(Settings settings) {
    Objects.requireNonNull(settings, "settings");
    return runner.list(ORDER_SUMMARIES, statement -> {
      statement.setObject(1, SETTINGS_CONVERTER.toDatabase(settings), Types.OTHER);
    }, OrdersQueries::readOrderSummariesRow);
  }

  /**
   * {@code SetRefund} {@code :execrows}, {@code queries/orders.sql:12}:
   * <pre>{@code
   * UPDATE orders SET refund = sqlc.narg(refund) WHERE id = @id
   * }</pre>
   */
  public long setRefund(@Nullable Money refund, long id) {
    return runner.updateCount(SET_REFUND, statement -> {
      statement.setObject(1, ValueConverters.toDatabase(MONEY_CONVERTER, refund), Types.NUMERIC);
      statement.setLong(2, id);
    });
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
