package com.example.db;

import dev.quarry.runtime.Columns;
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
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/shop.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class ShopQueries {
  private static final Query ORDERS_WITH_CUSTOMER = new Query("OrdersWithCustomer", ":many",
      "queries/shop.sql", 2,
      "SELECT o.*, c.*\n"
      + "FROM orders o LEFT JOIN customers c ON c.id = o.customer_id\n"
      + "ORDER BY o.id");

  private static final Query CUSTOMERS_WITH_ORDERS = new Query("CustomersWithOrders", ":many",
      "queries/shop.sql", 8,
      "SELECT o.*, c.*\n"
      + "FROM orders o RIGHT JOIN customers c ON c.id = o.customer_id\n"
      + "ORDER BY c.id, o.id");

  private static final Query ORDERS_AND_CUSTOMERS = new Query("OrdersAndCustomers", ":many",
      "queries/shop.sql", 14,
      "SELECT o.*, c.*\n"
      + "FROM orders o FULL JOIN customers c ON c.id = o.customer_id\n"
      + "ORDER BY o.id, c.id");

  private static final Query ORDER_CHAIN = new Query("OrderChain", ":many", "queries/shop.sql", 21,
      "SELECT c.*, o.*, s.*, n.*\n"
      + "FROM customers c\n"
      + "LEFT JOIN orders o ON o.customer_id = c.id\n"
      + "LEFT JOIN shipments s ON s.order_id = o.id\n"
      + "RIGHT JOIN notes n ON n.order_id = o.id\n"
      + "ORDER BY n.order_id");

  private static final Query ORDER_LABELS = new Query("OrderLabels", ":many", "queries/shop.sql",
      30,
      "SELECT o.*, l.*\n"
      + "FROM orders o LEFT JOIN labels l ON l.order_id = o.id AND l.label IS NOT "
      + "NULL\n"
      + "ORDER BY o.id");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public ShopQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public ShopQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public ShopQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public ShopQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code OrdersWithCustomer} {@code :many}, {@code queries/shop.sql:2}:
   * <pre>{@code
   * SELECT sqlc.embed(o), sqlc.embed(c)
   * FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
   * ORDER BY o.id
   * }</pre>
   */
  public List<OrdersWithCustomerRow> ordersWithCustomer() {
    return runner.list(ORDERS_WITH_CUSTOMER, statement -> {},
        ShopQueries::readOrdersWithCustomerRow);
  }

  /**
   * {@code CustomersWithOrders} {@code :many}, {@code queries/shop.sql:8}:
   * <pre>{@code
   * SELECT sqlc.embed(o), sqlc.embed(c)
   * FROM orders o RIGHT JOIN customers c ON c.id = o.customer_id
   * ORDER BY c.id, o.id
   * }</pre>
   */
  public List<CustomersWithOrdersRow> customersWithOrders() {
    return runner.list(CUSTOMERS_WITH_ORDERS, statement -> {},
        ShopQueries::readCustomersWithOrdersRow);
  }

  /**
   * {@code OrdersAndCustomers} {@code :many}, {@code queries/shop.sql:14}:
   * <pre>{@code
   * SELECT sqlc.embed(o), sqlc.embed(c)
   * FROM orders o FULL JOIN customers c ON c.id = o.customer_id
   * ORDER BY o.id, c.id
   * }</pre>
   */
  public List<OrdersAndCustomersRow> ordersAndCustomers() {
    return runner.list(ORDERS_AND_CUSTOMERS, statement -> {},
        ShopQueries::readOrdersAndCustomersRow);
  }

  /**
   * {@code OrderChain} {@code :many}, {@code queries/shop.sql:21}:
   * <pre>{@code
   * SELECT sqlc.embed(c), sqlc.embed(o), sqlc.embed(s), sqlc.embed(n)
   * FROM customers c
   * LEFT JOIN orders o ON o.customer_id = c.id
   * LEFT JOIN shipments s ON s.order_id = o.id
   * RIGHT JOIN notes n ON n.order_id = o.id
   * ORDER BY n.order_id
   * }</pre>
   */
  public List<OrderChainRow> orderChain() {
    return runner.list(ORDER_CHAIN, statement -> {}, ShopQueries::readOrderChainRow);
  }

  /**
   * {@code OrderLabels} {@code :many}, {@code queries/shop.sql:30}:
   * <pre>{@code
   * SELECT sqlc.embed(o), sqlc.embed(l)
   * FROM orders o LEFT JOIN labels l ON l.order_id = o.id AND l.label IS NOT NULL
   * ORDER BY o.id
   * }</pre>
   */
  public List<OrderLabelsRow> orderLabels() {
    return runner.list(ORDER_LABELS, statement -> {}, ShopQueries::readOrderLabelsRow);
  }

  private static Order readOrderAt(ResultSet rows, int offset) throws SQLException {
    return new Order(
        rows.getLong(offset + 1),
        Columns.nullableLong(rows, offset + 2),
        rows.getBigDecimal(offset + 3));
  }

  private static Customer readCustomerAt(ResultSet rows, int offset) throws SQLException {
    return new Customer(
        rows.getLong(offset + 1),
        rows.getString(offset + 2));
  }

  private static @Nullable Customer readNullableCustomerAt(ResultSet rows, int offset) throws
      SQLException {
    // id is NOT NULL in every row the join found
    return rows.getObject(offset + 1) == null ? null : readCustomerAt(rows, offset);
  }

  private static OrdersWithCustomerRow readOrdersWithCustomerRow(ResultSet rows) throws
      SQLException {
    return new OrdersWithCustomerRow(
        readOrderAt(rows, 0),
        readNullableCustomerAt(rows, 3));
  }

  private static @Nullable Order readNullableOrderAt(ResultSet rows, int offset) throws
      SQLException {
    // id is NOT NULL in every row the join found
    return rows.getObject(offset + 1) == null ? null : readOrderAt(rows, offset);
  }

  private static CustomersWithOrdersRow readCustomersWithOrdersRow(ResultSet rows) throws
      SQLException {
    return new CustomersWithOrdersRow(
        readNullableOrderAt(rows, 0),
        readCustomerAt(rows, 3));
  }

  private static OrdersAndCustomersRow readOrdersAndCustomersRow(ResultSet rows) throws
      SQLException {
    return new OrdersAndCustomersRow(
        readNullableOrderAt(rows, 0),
        readNullableCustomerAt(rows, 3));
  }

  private static Shipment readShipmentAt(ResultSet rows, int offset) throws SQLException {
    return new Shipment(
        rows.getLong(offset + 1),
        rows.getLong(offset + 2),
        rows.getString(offset + 3));
  }

  private static @Nullable Shipment readNullableShipmentAt(ResultSet rows, int offset) throws
      SQLException {
    // id is NOT NULL in every row the join found
    return rows.getObject(offset + 1) == null ? null : readShipmentAt(rows, offset);
  }

  private static Note readNoteAt(ResultSet rows, int offset) throws SQLException {
    return new Note(
        rows.getLong(offset + 1),
        rows.getString(offset + 2));
  }

  private static OrderChainRow readOrderChainRow(ResultSet rows) throws SQLException {
    return new OrderChainRow(
        readNullableCustomerAt(rows, 0),
        readNullableOrderAt(rows, 2),
        readNullableShipmentAt(rows, 5),
        readNoteAt(rows, 8));
  }

  private static Label readLabelAt(ResultSet rows, int offset) throws SQLException {
    return new Label(
        Columns.nullableLong(rows, offset + 1),
        rows.getString(offset + 2));
  }

  private static @Nullable Label readNullableLabelAt(ResultSet rows, int offset) throws
      SQLException {
    for (int column = offset + 1; column <= offset + 2; column++) {
      if (rows.getObject(column) != null) {
        return readLabelAt(rows, offset);
      }
    }
    return null;
  }

  private static OrderLabelsRow readOrderLabelsRow(ResultSet rows) throws SQLException {
    return new OrderLabelsRow(
        readOrderAt(rows, 0),
        readNullableLabelAt(rows, 3));
  }

  /**
   * A row of {@code OrdersWithCustomer}.
   */
  public record OrdersWithCustomerRow(Order order, @Nullable Customer customer) {
  }

  /**
   * A row of {@code CustomersWithOrders}.
   */
  public record CustomersWithOrdersRow(@Nullable Order order, Customer customer) {
  }

  /**
   * A row of {@code OrdersAndCustomers}.
   */
  public record OrdersAndCustomersRow(@Nullable Order order, @Nullable Customer customer) {
  }

  /**
   * A row of {@code OrderChain}.
   */
  public record OrderChainRow(@Nullable Customer customer, @Nullable Order order,
      @Nullable Shipment shipment, Note note) {
  }

  /**
   * A row of {@code OrderLabels}.
   */
  public record OrderLabelsRow(Order order, @Nullable Label label) {
  }
}
