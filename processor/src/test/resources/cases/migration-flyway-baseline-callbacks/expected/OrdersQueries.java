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
 * The queries of {@code queries/orders.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class OrdersQueries {
  private static final Query ORDERS_WITH_EMAIL = new Query("OrdersWithEmail", ":many",
      "queries/orders.sql", 1,
      "SELECT o.id, e.email\n"
      + "FROM orders o JOIN user_emails e ON e.id = o.user_id");

  private static final Query RUNS = new Query("Runs", ":one", "queries/orders.sql", 5,
      "SELECT count(*) AS runs FROM audit.runs");

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
   * {@code OrdersWithEmail} {@code :many}, {@code queries/orders.sql:1}:
   * <pre>{@code
   * SELECT o.id, e.email
   * FROM orders o JOIN user_emails e ON e.id = o.user_id
   * }</pre>
   */
  public List<OrdersWithEmailRow> ordersWithEmail() {
    return runner.list(ORDERS_WITH_EMAIL, statement -> {}, OrdersQueries::readOrdersWithEmailRow);
  }

  /**
   * {@code Runs} {@code :one}, {@code queries/orders.sql:5}:
   * <pre>{@code
   * SELECT count(*) AS runs FROM audit.runs
   * }</pre>
   */
  public long runs() {
    return runner.single(RUNS, statement -> {}, rows -> rows.getLong(1));
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
