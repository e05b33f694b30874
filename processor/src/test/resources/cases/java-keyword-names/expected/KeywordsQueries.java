package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
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
 * The queries of {@code queries/keywords.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class KeywordsQueries {
  private static final Query CLASS = new Query("class", ":one", "queries/keywords.sql", 1,
      "SELECT id, \"default\" FROM \"class\" WHERE id = ?");

  private static final Query BY_KEYWORD_PARAM = new Query("ByKeywordParam", ":many",
      "queries/keywords.sql", 4,
      "SELECT id FROM \"class\" WHERE \"default\" = ?");

  private static final Query SHADOWING_NAMES = new Query("ShadowingNames", ":many",
      "queries/keywords.sql", 7,
      "SELECT id, \"default\" AS rows FROM \"class\" WHERE id > ? AND id < ? AND "
      + "\"default\" <> ? AND \"new\" IS DISTINCT FROM ?");

  private static final Query SHADOWING_BATCH = new Query("ShadowingBatch", ":batchexec",
      "queries/keywords.sql", 10,
      "UPDATE \"class\" SET \"default\" = ? WHERE id = ?");

  private static final Query SHADOWING_ONE = new Query("ShadowingOne", ":one",
      "queries/keywords.sql", 13,
      "SELECT count(*) AS runner FROM \"class\" WHERE id = ? AND id <> ?");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public KeywordsQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public KeywordsQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public KeywordsQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public KeywordsQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code class} {@code :one}, {@code queries/keywords.sql:1}:
   * <pre>{@code
   * SELECT id, "default" FROM "class" WHERE id = @id
   * }</pre>
   */
  public Optional<ClassRow> class_(long id) {
    return runner.optional(CLASS, statement -> {
      statement.setLong(1, id);
    }, KeywordsQueries::readClassRow);
  }

  /**
   * {@code ByKeywordParam} {@code :many}, {@code queries/keywords.sql:4}:
   * <pre>{@code
   * SELECT id FROM "class" WHERE "default" = @class
   * }</pre>
   */
  public List<Long> byKeywordParam(String class_) {
    Objects.requireNonNull(class_, "class_");
    return runner.list(BY_KEYWORD_PARAM, statement -> {
      statement.setString(1, class_);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code ShadowingNames} {@code :many}, {@code queries/keywords.sql:7}:
   * <pre>{@code
   * SELECT id, "default" AS rows FROM "class" WHERE id > @statement AND id < @rows AND "default" <> @runner AND "new" IS DISTINCT FROM @connection
   * }</pre>
   */
  public List<ShadowingNamesRow> shadowingNames(long statement, long rows, String runner,
      @Nullable Boolean connection) {
    Objects.requireNonNull(runner, "runner");
    return this.runner.list(SHADOWING_NAMES, statement_ -> {
      statement_.setLong(1, statement);
      statement_.setLong(2, rows);
      statement_.setString(3, runner);
      statement_.setObject(4, connection, Types.BOOLEAN);
    }, KeywordsQueries::readShadowingNamesRow);
  }

  /**
   * {@code ShadowingBatch} {@code :batchexec}, {@code queries/keywords.sql:10}:
   * <pre>{@code
   * UPDATE "class" SET "default" = @statement WHERE id = @parameters
   * }</pre>
   */
  public long[] shadowingBatch(List<ShadowingBatchParams> params) {
    Objects.requireNonNull(params, "params");
    return runner.batch(SHADOWING_BATCH, params, (statement, item) -> {
      statement.setString(1, item.statement());
      statement.setLong(2, item.parameters());
    });
  }

  /**
   * {@code ShadowingOne} {@code :one}, {@code queries/keywords.sql:13}:
   * <pre>{@code
   * SELECT count(*) AS runner FROM "class" WHERE id = @e AND id <> @query
   * }</pre>
   */
  public long shadowingOne(long e, long query) {
    return runner.single(SHADOWING_ONE, statement -> {
      statement.setLong(1, e);
      statement.setLong(2, query);
    }, rows -> rows.getLong(1));
  }

  private static ClassRow readClassRow(ResultSet rows) throws SQLException {
    return new ClassRow(
        rows.getLong(1),
        rows.getString(2));
  }

  private static ShadowingNamesRow readShadowingNamesRow(ResultSet rows) throws SQLException {
    return new ShadowingNamesRow(
        rows.getLong(1),
        rows.getString(2));
  }

  /**
   * A row of {@code class}.
   */
  public record ClassRow(long id, String default_) {
  }

  /**
   * A row of {@code ShadowingNames}.
   */
  public record ShadowingNamesRow(long id, String rows) {
  }

  /**
   * The parameters of {@code ShadowingBatch}.
   */
  public record ShadowingBatchParams(String statement, long parameters) {
    public ShadowingBatchParams {
      Objects.requireNonNull(statement, "statement");
    }
  }
}
