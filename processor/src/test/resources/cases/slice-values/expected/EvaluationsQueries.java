package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import dev.quarry.runtime.SqlArrays;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/evaluations.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class EvaluationsQueries {
  private static final Query LIST_EVALUATIONS = new Query("ListEvaluations", ":many",
      "queries/evaluations.sql", 2,
      "SELECT id, name, status FROM evaluations\n"
      + "WHERE (?::eval_status[] IS NULL OR status = ANY(?::eval_status[]))\n"
      + "  AND (?::text[] IS NULL OR name != ALL(?::text[]))\n"
      + "  AND (?::text[] IS NULL OR labels && ?::text[])\n"
      + "ORDER BY name");

  private static final Query DELETE_EVALUATIONS = new Query("DeleteEvaluations", ":execrows",
      "queries/evaluations.sql", 9,
      "DELETE FROM evaluations WHERE id = ANY(?::uuid[])");

  private static final Query EVALUATIONS_NAMED = new Query("EvaluationsNamed", ":many",
      "queries/evaluations.sql", 13,
      "SELECT id FROM evaluations WHERE name = ANY(?) ORDER BY id");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public EvaluationsQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public EvaluationsQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public EvaluationsQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public EvaluationsQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code ListEvaluations} {@code :many}, {@code queries/evaluations.sql:2}:
   * <pre>{@code
   * SELECT id, name, status FROM evaluations
   * WHERE (sqlc.slice(statuses)::eval_status[] IS NULL OR status = ANY(sqlc.slice(statuses)::eval_status[]))
   *   AND (sqlc.slice(names)::text[] IS NULL OR name != ALL(sqlc.slice(names)::text[]))
   *   AND (sqlc.slice(labels)::text[] IS NULL OR labels && sqlc.slice(labels)::text[])
   * ORDER BY name
   * }</pre>
   */
  public List<ListEvaluationsRow> listEvaluations(@Nullable List<EvalStatus> statuses,
      @Nullable List<String> names, @Nullable List<String> labels) {
    return runner.list(LIST_EVALUATIONS, statement -> {
      statement.setArray(1, SqlArrays.create(statement.getConnection(), "eval_status", statuses));
      statement.setArray(2, SqlArrays.create(statement.getConnection(), "eval_status", statuses));
      statement.setArray(3, SqlArrays.create(statement.getConnection(), "text", names));
      statement.setArray(4, SqlArrays.create(statement.getConnection(), "text", names));
      statement.setArray(5, SqlArrays.create(statement.getConnection(), "text", labels));
      statement.setArray(6, SqlArrays.create(statement.getConnection(), "text", labels));
    }, EvaluationsQueries::readListEvaluationsRow);
  }

  /**
   * {@code DeleteEvaluations} {@code :execrows}, {@code queries/evaluations.sql:9}:
   * <pre>{@code
   * DELETE FROM evaluations WHERE id = ANY(sqlc.slice(ids)::uuid[])
   * }</pre>
   */
  public long deleteEvaluations(List<UUID> ids) {
    Objects.requireNonNull(ids, "ids");
    return runner.updateCount(DELETE_EVALUATIONS, statement -> {
      statement.setArray(1, SqlArrays.create(statement.getConnection(), "uuid", ids));
    });
  }

  /**
   * {@code EvaluationsNamed} {@code :many}, {@code queries/evaluations.sql:13}:
   * <pre>{@code
   * SELECT id FROM evaluations WHERE name IN (sqlc.slice(names)) ORDER BY id
   * }</pre>
   */
  public List<UUID> evaluationsNamed(List<String> names) {
    Objects.requireNonNull(names, "names");
    return runner.list(EVALUATIONS_NAMED, statement -> {
      statement.setArray(1, SqlArrays.create(statement.getConnection(), "text", names));
    }, rows -> rows.getObject(1, UUID.class));
  }

  private static ListEvaluationsRow readListEvaluationsRow(ResultSet rows) throws SQLException {
    return new ListEvaluationsRow(
        rows.getObject(1, UUID.class),
        rows.getString(2),
        EvalStatus.fromLabel(rows.getString(3)));
  }

  /**
   * A row of {@code ListEvaluations}.
   */
  public record ListEvaluationsRow(UUID id, String name, EvalStatus status) {
  }
}
