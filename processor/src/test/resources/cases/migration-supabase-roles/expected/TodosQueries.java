package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.QueryStreams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

/**
 * The queries of {@code queries/todos.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class TodosQueries {
  private static final String OPEN_TODOS = "SELECT id, task FROM todos WHERE owner = ? AND NOT done";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public TodosQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public TodosQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public TodosQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code OpenTodos} {@code :many}, {@code queries/todos.sql:1}:
   * <pre>{@code
   * SELECT id, task FROM todos WHERE owner = @owner AND NOT done
   * }</pre>
   */
  public List<OpenTodosRow> openTodos(UUID owner) {
    Objects.requireNonNull(owner, "owner");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(OPEN_TODOS)) {
        statement.setObject(1, owner, Types.OTHER);
        try (ResultSet rows = statement.executeQuery()) {
          List<OpenTodosRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readOpenTodosRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("OpenTodos", e);
    }
  }

  /**
   * The rows of {@link #openTodos}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<OpenTodosRow> streamOpenTodos(UUID owner) {
    Objects.requireNonNull(owner, "owner");
    return QueryStreams.open(connections, "OpenTodos", OPEN_TODOS, statement -> {
      statement.setObject(1, owner, Types.OTHER);
    }, rows -> readOpenTodosRow(rows));
  }

  private static OpenTodosRow readOpenTodosRow(ResultSet rows) throws SQLException {
    return new OpenTodosRow(
        rows.getLong(1),
        rows.getString(2));
  }

  /**
   * A row of {@code OpenTodos}.
   */
  public record OpenTodosRow(long id, String task) {
  }
}
