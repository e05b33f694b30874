package com.example.db;

import dev.quarry.runtime.Columns;
import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

/**
 * The queries of {@code queries/optional.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class OptionalQueries {
  private static final Query ON_CONFLICT_DO_NOTHING = new Query("OnConflictDoNothing", ":one",
      "queries/optional.sql", 3,
      "INSERT INTO authors (name) VALUES (?) ON CONFLICT DO NOTHING RETURNING "
      + "id");

  private static final Query ON_CONFLICT_DO_UPDATE_WHERE = new Query("OnConflictDoUpdateWhere",
      ":one", "queries/optional.sql", 6,
      "INSERT INTO authors (name) VALUES (?)\n"
      + "ON CONFLICT (name) DO UPDATE SET visits = authors.visits + 1 WHERE "
      + "authors.visits < 10\n"
      + "RETURNING id");

  private static final Query INSERT_SELECT_WHERE = new Query("InsertSelectWhere", ":one",
      "queries/optional.sql", 11,
      "INSERT INTO authors (name) SELECT ? WHERE ?::boolean RETURNING id");

  private static final Query INSERT_MANY_VALUES = new Query("InsertManyValues", ":one",
      "queries/optional.sql", 14,
      "INSERT INTO authors (name) VALUES (?), (?) RETURNING id");

  private static final Query SELECT_WHERE_FALSE = new Query("SelectWhereFalse", ":one",
      "queries/optional.sql", 17,
      "SELECT 1 AS one WHERE false");

  private static final Query SET_RETURNING_FUNCTION = new Query("SetReturningFunction", ":one",
      "queries/optional.sql", 20,
      "SELECT generate_series(1, ?::int) AS n");

  private static final Query AGGREGATE_WITH_LIMIT = new Query("AggregateWithLimit", ":one",
      "queries/optional.sql", 23,
      "SELECT count(*) FROM authors LIMIT ?");

  private static final Query AGGREGATE_WITH_OFFSET = new Query("AggregateWithOffset", ":one",
      "queries/optional.sql", 26,
      "SELECT count(*) FROM authors OFFSET 1");

  private static final Query AGGREGATE_GROUP_BY = new Query("AggregateGroupBy", ":one",
      "queries/optional.sql", 29,
      "SELECT count(*) FROM authors GROUP BY bio");

  private static final Query AGGREGATE_HAVING = new Query("AggregateHaving", ":one",
      "queries/optional.sql", 32,
      "SELECT count(*) FROM authors HAVING count(*) > 1");

  private static final Query TABLE_WITH_INSTEAD_RULE = new Query("TableWithInsteadRule", ":one",
      "queries/optional.sql", 35,
      "INSERT INTO archive (id, name) VALUES (?, ?) RETURNING id, name");

  private static final Query FIND_AUTHOR = new Query("FindAuthor", ":one", "queries/optional.sql",
      38,
      "SELECT * FROM authors WHERE id = ?");

  private static final Query FIND_BIO = new Query("FindBio", ":one", "queries/optional.sql", 41,
      "SELECT bio FROM authors WHERE id = ?");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public OptionalQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public OptionalQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public OptionalQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public OptionalQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code OnConflictDoNothing} {@code :one}, {@code queries/optional.sql:3}:
   * <pre>{@code
   * INSERT INTO authors (name) VALUES (@name) ON CONFLICT DO NOTHING RETURNING id
   * }</pre>
   */
  public Optional<Long> onConflictDoNothing(String name) {
    Objects.requireNonNull(name, "name");
    return runner.optional(ON_CONFLICT_DO_NOTHING, statement -> {
      statement.setString(1, name);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code OnConflictDoUpdateWhere} {@code :one}, {@code queries/optional.sql:6}:
   * <pre>{@code
   * INSERT INTO authors (name) VALUES (@name)
   * ON CONFLICT (name) DO UPDATE SET visits = authors.visits + 1 WHERE authors.visits < 10
   * RETURNING id
   * }</pre>
   */
  public Optional<Long> onConflictDoUpdateWhere(String name) {
    Objects.requireNonNull(name, "name");
    return runner.optional(ON_CONFLICT_DO_UPDATE_WHERE, statement -> {
      statement.setString(1, name);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code InsertSelectWhere} {@code :one}, {@code queries/optional.sql:11}:
   * <pre>{@code
   * INSERT INTO authors (name) SELECT @name WHERE @allowed::boolean RETURNING id
   * }</pre>
   */
  public Optional<Long> insertSelectWhere(String name, boolean allowed) {
    Objects.requireNonNull(name, "name");
    return runner.optional(INSERT_SELECT_WHERE, statement -> {
      statement.setString(1, name);
      statement.setBoolean(2, allowed);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code InsertManyValues} {@code :one}, {@code queries/optional.sql:14}:
   * <pre>{@code
   * INSERT INTO authors (name) VALUES (@first), (@second) RETURNING id
   * }</pre>
   */
  public Optional<Long> insertManyValues(String first, String second) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    return runner.optional(INSERT_MANY_VALUES, statement -> {
      statement.setString(1, first);
      statement.setString(2, second);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code SelectWhereFalse} {@code :one}, {@code queries/optional.sql:17}:
   * <pre>{@code
   * SELECT 1 AS one WHERE false
   * }</pre>
   */
  public Optional<Integer> selectWhereFalse() {
    return runner.optional(SELECT_WHERE_FALSE, statement -> {}, rows -> rows.getInt(1));
  }

  /**
   * {@code SetReturningFunction} {@code :one}, {@code queries/optional.sql:20}:
   * <pre>{@code
   * SELECT generate_series(1, @n::int) AS n
   * }</pre>
   */
  public Optional<Optional<Integer>> setReturningFunction(int n) {
    return runner.optional(SET_RETURNING_FUNCTION, statement -> {
      statement.setInt(1, n);
    }, rows -> Optional.ofNullable(Columns.nullableInt(rows, 1)));
  }

  /**
   * {@code AggregateWithLimit} {@code :one}, {@code queries/optional.sql:23}:
   * <pre>{@code
   * SELECT count(*) FROM authors LIMIT @max_rows
   * }</pre>
   */
  public Optional<Long> aggregateWithLimit(long maxRows) {
    return runner.optional(AGGREGATE_WITH_LIMIT, statement -> {
      statement.setLong(1, maxRows);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code AggregateWithOffset} {@code :one}, {@code queries/optional.sql:26}:
   * <pre>{@code
   * SELECT count(*) FROM authors OFFSET 1
   * }</pre>
   */
  public Optional<Long> aggregateWithOffset() {
    return runner.optional(AGGREGATE_WITH_OFFSET, statement -> {}, rows -> rows.getLong(1));
  }

  /**
   * {@code AggregateGroupBy} {@code :one}, {@code queries/optional.sql:29}:
   * <pre>{@code
   * SELECT count(*) FROM authors GROUP BY bio
   * }</pre>
   */
  public Optional<Long> aggregateGroupBy() {
    return runner.optional(AGGREGATE_GROUP_BY, statement -> {}, rows -> rows.getLong(1));
  }

  /**
   * {@code AggregateHaving} {@code :one}, {@code queries/optional.sql:32}:
   * <pre>{@code
   * SELECT count(*) FROM authors HAVING count(*) > 1
   * }</pre>
   */
  public Optional<Long> aggregateHaving() {
    return runner.optional(AGGREGATE_HAVING, statement -> {}, rows -> rows.getLong(1));
  }

  /**
   * {@code TableWithInsteadRule} {@code :one}, {@code queries/optional.sql:35}:
   * <pre>{@code
   * INSERT INTO archive (id, name) VALUES (@id, @name) RETURNING id, name
   * }</pre>
   */
  public Optional<Archive> tableWithInsteadRule(long id, String name) {
    Objects.requireNonNull(name, "name");
    return runner.optional(TABLE_WITH_INSTEAD_RULE, statement -> {
      statement.setLong(1, id);
      statement.setString(2, name);
    }, OptionalQueries::readArchive);
  }

  /**
   * {@code FindAuthor} {@code :one}, {@code queries/optional.sql:38}:
   * <pre>{@code
   * SELECT * FROM authors WHERE id = @id
   * }</pre>
   */
  public Optional<Author> findAuthor(long id) {
    return runner.optional(FIND_AUTHOR, statement -> {
      statement.setLong(1, id);
    }, OptionalQueries::readAuthor);
  }

  /**
   * A nullable single column where the row may be missing: Optional&lt;Optional&lt;String&gt;&gt;.
   *
   * <p>{@code FindBio} {@code :one}, {@code queries/optional.sql:41}:
   * <pre>{@code
   * SELECT bio FROM authors WHERE id = @id
   * }</pre>
   */
  public Optional<Optional<String>> findBio(long id) {
    return runner.optional(FIND_BIO, statement -> {
      statement.setLong(1, id);
    }, rows -> Optional.ofNullable(rows.getString(1)));
  }

  private static Archive readArchive(ResultSet rows) throws SQLException {
    return new Archive(
        rows.getLong(1),
        rows.getString(2));
  }

  private static Author readAuthor(ResultSet rows) throws SQLException {
    return new Author(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3),
        rows.getInt(4));
  }
}
