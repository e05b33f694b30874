package com.example.db;

import dev.quarry.runtime.Columns;
import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Objects;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/one.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class OneQueries {
  private static final Query INSERT_VALUES = new Query("InsertValues", ":one", "queries/one.sql", 3,
      "INSERT INTO authors (name, bio) VALUES (?, ?) RETURNING *");

  private static final Query INSERT_DEFAULT_VALUES = new Query("InsertDefaultValues", ":one",
      "queries/one.sql", 6,
      "INSERT INTO authors DEFAULT VALUES RETURNING id");

  private static final Query INSERT_SELECT_WITHOUT_FROM = new Query("InsertSelectWithoutFrom",
      ":one", "queries/one.sql", 9,
      "INSERT INTO authors (name) SELECT ? RETURNING id");

  private static final Query UPSERT_DO_UPDATE = new Query("UpsertDoUpdate", ":one",
      "queries/one.sql", 12,
      "INSERT INTO authors (name) VALUES (?)\n"
      + "ON CONFLICT (name) DO UPDATE SET visits = authors.visits + 1\n"
      + "RETURNING id, visits");

  private static final Query COUNT_AUTHORS = new Query("CountAuthors", ":one", "queries/one.sql",
      17,
      "SELECT count(*) FROM authors WHERE bio IS NOT NULL");

  private static final Query AGGREGATE_WITH_FILTER = new Query("AggregateWithFilter", ":one",
      "queries/one.sql", 20,
      "SELECT count(*) FILTER (WHERE bio IS NULL) AS without_bio, max(visits) "
      + "AS most_visits FROM authors");

  private static final Query EXPRESSIONS_WITHOUT_FROM = new Query("ExpressionsWithoutFrom", ":one",
      "queries/one.sql", 23,
      "SELECT now() AS at, ?::int + 1 AS next");

  private static final Query SCALAR_SUBQUERY = new Query("ScalarSubquery", ":one",
      "queries/one.sql", 26,
      "SELECT (SELECT bio FROM authors WHERE id = ?) AS bio");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public OneQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public OneQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public OneQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public OneQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code InsertValues} {@code :one}, {@code queries/one.sql:3}:
   * <pre>{@code
   * INSERT INTO authors (name, bio) VALUES (@name, @bio) RETURNING *
   * }</pre>
   */
  public Author insertValues(String name, @Nullable String bio) {
    Objects.requireNonNull(name, "name");
    return runner.single(INSERT_VALUES, statement -> {
      statement.setString(1, name);
      statement.setObject(2, bio, Types.VARCHAR);
    }, OneQueries::readAuthor);
  }

  /**
   * {@code InsertDefaultValues} {@code :one}, {@code queries/one.sql:6}:
   * <pre>{@code
   * INSERT INTO authors DEFAULT VALUES RETURNING id
   * }</pre>
   */
  public long insertDefaultValues() {
    return runner.single(INSERT_DEFAULT_VALUES, statement -> {}, rows -> rows.getLong(1));
  }

  /**
   * {@code InsertSelectWithoutFrom} {@code :one}, {@code queries/one.sql:9}:
   * <pre>{@code
   * INSERT INTO authors (name) SELECT @name RETURNING id
   * }</pre>
   */
  public long insertSelectWithoutFrom(String name) {
    Objects.requireNonNull(name, "name");
    return runner.single(INSERT_SELECT_WITHOUT_FROM, statement -> {
      statement.setString(1, name);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code UpsertDoUpdate} {@code :one}, {@code queries/one.sql:12}:
   * <pre>{@code
   * INSERT INTO authors (name) VALUES (@name)
   * ON CONFLICT (name) DO UPDATE SET visits = authors.visits + 1
   * RETURNING id, visits
   * }</pre>
   */
  public UpsertDoUpdateRow upsertDoUpdate(String name) {
    Objects.requireNonNull(name, "name");
    return runner.single(UPSERT_DO_UPDATE, statement -> {
      statement.setString(1, name);
    }, OneQueries::readUpsertDoUpdateRow);
  }

  /**
   * {@code CountAuthors} {@code :one}, {@code queries/one.sql:17}:
   * <pre>{@code
   * SELECT count(*) FROM authors WHERE bio IS NOT NULL
   * }</pre>
   */
  public long countAuthors() {
    return runner.single(COUNT_AUTHORS, statement -> {}, rows -> rows.getLong(1));
  }

  /**
   * {@code AggregateWithFilter} {@code :one}, {@code queries/one.sql:20}:
   * <pre>{@code
   * SELECT count(*) FILTER (WHERE bio IS NULL) AS without_bio, max(visits) AS most_visits FROM authors
   * }</pre>
   */
  public AggregateWithFilterRow aggregateWithFilter() {
    return runner.single(AGGREGATE_WITH_FILTER, statement -> {},
        OneQueries::readAggregateWithFilterRow);
  }

  /**
   * {@code ExpressionsWithoutFrom} {@code :one}, {@code queries/one.sql:23}:
   * <pre>{@code
   * SELECT now() AS at, @n::int + 1 AS next
   * }</pre>
   */
  public ExpressionsWithoutFromRow expressionsWithoutFrom(int n) {
    return runner.single(EXPRESSIONS_WITHOUT_FROM, statement -> {
      statement.setInt(1, n);
    }, OneQueries::readExpressionsWithoutFromRow);
  }

  /**
   * A scalar subquery gives NULL when it finds no row: still one row, with a nullable column.
   *
   * <p>{@code ScalarSubquery} {@code :one}, {@code queries/one.sql:26}:
   * <pre>{@code
   * SELECT (SELECT bio FROM authors WHERE id = @id) AS bio
   * }</pre>
   */
  public @Nullable String scalarSubquery(long id) {
    return runner.single(SCALAR_SUBQUERY, statement -> {
      statement.setLong(1, id);
    }, rows -> rows.getString(1));
  }

  private static Author readAuthor(ResultSet rows) throws SQLException {
    return new Author(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3),
        rows.getInt(4));
  }

  private static UpsertDoUpdateRow readUpsertDoUpdateRow(ResultSet rows) throws SQLException {
    return new UpsertDoUpdateRow(
        rows.getLong(1),
        rows.getInt(2));
  }

  private static AggregateWithFilterRow readAggregateWithFilterRow(ResultSet rows) throws
      SQLException {
    return new AggregateWithFilterRow(
        rows.getLong(1),
        Columns.nullableInt(rows, 2));
  }

  private static ExpressionsWithoutFromRow readExpressionsWithoutFromRow(ResultSet rows) throws
      SQLException {
    return new ExpressionsWithoutFromRow(
        rows.getObject(1, OffsetDateTime.class),
        rows.getInt(2));
  }

  /**
   * A row of {@code UpsertDoUpdate}.
   */
  public record UpsertDoUpdateRow(long id, int visits) {
  }

  /**
   * A row of {@code AggregateWithFilter}.
   */
  public record AggregateWithFilterRow(long withoutBio, @Nullable Integer mostVisits) {
  }

  /**
   * A row of {@code ExpressionsWithoutFrom}.
   */
  public record ExpressionsWithoutFromRow(OffsetDateTime at, int next) {
  }
}
