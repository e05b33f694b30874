package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.QueryStreams;
import dev.quarry.runtime.SqlArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/evaluations.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class EvaluationsQueries {
  private static final String LIST_EVALUATIONS = "SELECT id, name, status FROM evaluations\n"
      + "WHERE (?::eval_status[] IS NULL OR status = ANY(?::eval_status[]))\n"
      + "  AND (?::text[] IS NULL OR name != ALL(?::text[]))\n"
      + "  AND (?::text[] IS NULL OR labels && ?::text[])\n"
      + "ORDER BY name";

  private static final String DELETE_EVALUATIONS = "DELETE FROM evaluations WHERE id = ANY(?::uuid[])";

  private static final String EVALUATIONS_NAMED = "SELECT id FROM evaluations WHERE name = ANY(?) ORDER BY id";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public EvaluationsQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public EvaluationsQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public EvaluationsQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(LIST_EVALUATIONS)) {
        statement.setArray(1, SqlArrays.create(connection, "eval_status", statuses));
        statement.setArray(2, SqlArrays.create(connection, "eval_status", statuses));
        statement.setArray(3, SqlArrays.create(connection, "text", names));
        statement.setArray(4, SqlArrays.create(connection, "text", names));
        statement.setArray(5, SqlArrays.create(connection, "text", labels));
        statement.setArray(6, SqlArrays.create(connection, "text", labels));
        try (ResultSet rows = statement.executeQuery()) {
          List<ListEvaluationsRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readListEvaluationsRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("ListEvaluations", e);
    }
  }

  /**
   * The rows of {@link #listEvaluations}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<ListEvaluationsRow> streamListEvaluations(@Nullable List<EvalStatus> statuses,
      @Nullable List<String> names, @Nullable List<String> labels) {
    return QueryStreams.open(connections, "ListEvaluations", LIST_EVALUATIONS, statement -> {
      statement.setArray(1, SqlArrays.create(statement.getConnection(), "eval_status", statuses));
      statement.setArray(2, SqlArrays.create(statement.getConnection(), "eval_status", statuses));
      statement.setArray(3, SqlArrays.create(statement.getConnection(), "text", names));
      statement.setArray(4, SqlArrays.create(statement.getConnection(), "text", names));
      statement.setArray(5, SqlArrays.create(statement.getConnection(), "text", labels));
      statement.setArray(6, SqlArrays.create(statement.getConnection(), "text", labels));
    }, rows -> readListEvaluationsRow(rows));
  }

  /**
   * {@code DeleteEvaluations} {@code :execrows}, {@code queries/evaluations.sql:9}:
   * <pre>{@code
   * DELETE FROM evaluations WHERE id = ANY(sqlc.slice(ids)::uuid[])
   * }</pre>
   */
  public long deleteEvaluations(List<UUID> ids) {
    Objects.requireNonNull(ids, "ids");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(DELETE_EVALUATIONS)) {
        statement.setArray(1, SqlArrays.create(connection, "uuid", ids));
        return statement.executeLargeUpdate();
      }
    } catch (SQLException e) {
      throw new QueryException("DeleteEvaluations", e);
    }
  }

  /**
   * {@code EvaluationsNamed} {@code :many}, {@code queries/evaluations.sql:13}:
   * <pre>{@code
   * SELECT id FROM evaluations WHERE name IN (sqlc.slice(names)) ORDER BY id
   * }</pre>
   */
  public List<UUID> evaluationsNamed(List<String> names) {
    Objects.requireNonNull(names, "names");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(EVALUATIONS_NAMED)) {
        statement.setArray(1, SqlArrays.create(connection, "text", names));
        try (ResultSet rows = statement.executeQuery()) {
          List<UUID> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getObject(1, UUID.class));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("EvaluationsNamed", e);
    }
  }

  /**
   * The rows of {@link #evaluationsNamed}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<UUID> streamEvaluationsNamed(List<String> names) {
    Objects.requireNonNull(names, "names");
    return QueryStreams.open(connections, "EvaluationsNamed", EVALUATIONS_NAMED, statement -> {
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
