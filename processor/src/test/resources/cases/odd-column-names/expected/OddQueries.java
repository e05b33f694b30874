package com.example.db;

import dev.quarry.runtime.Columns;
import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/odd.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class OddQueries {
  private static final Query ANONYMOUS = new Query("Anonymous", ":one", "queries/odd.sql", 1,
      "SELECT 1, 2, now()");

  private static final Query ODD = new Query("Odd", ":many", "queries/odd.sql", 4,
      "SELECT * FROM \"_\"");

  private static final Query SYMBOLS = new Query("Symbols", ":one", "queries/odd.sql", 7,
      "SELECT 1 AS \"?\", 2 AS \"$\", 3 AS \"_\", 5 AS \"9\"");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public OddQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public OddQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public OddQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public OddQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code Anonymous} {@code :one}, {@code queries/odd.sql:1}:
   * <pre>{@code
   * SELECT 1, 2, now()
   * }</pre>
   */
  public AnonymousRow anonymous() {
    return runner.single(ANONYMOUS, statement -> {}, OddQueries::readAnonymousRow);
  }

  /**
   * {@code Odd} {@code :many}, {@code queries/odd.sql:4}:
   * <pre>{@code
   * SELECT * FROM "_"
   * }</pre>
   */
  public List<Type> odd() {
    return runner.list(ODD, statement -> {}, OddQueries::readType);
  }

  /**
   * {@code Symbols} {@code :one}, {@code queries/odd.sql:7}:
   * <pre>{@code
   * SELECT 1 AS "?", 2 AS "$", 3 AS "_", 5 AS "9"
   * }</pre>
   */
  public SymbolsRow symbols() {
    return runner.single(SYMBOLS, statement -> {}, OddQueries::readSymbolsRow);
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
