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
import java.util.UUID;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

/**
 * The queries of {@code queries/todos.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class TodosQueries {
  private static final Query OPEN_TODOS = new Query("OpenTodos", ":many", "queries/todos.sql", 1,
      "SELECT id, task FROM todos WHERE owner = ? AND NOT done");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public TodosQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public TodosQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public TodosQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public TodosQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code OpenTodos} {@code :many}, {@code queries/todos.sql:1}:
   * <pre>{@code
   * SELECT id, task FROM todos WHERE owner = @owner AND NOT done
   * }</pre>
   */
  public List<OpenTodosRow> openTodos(UUID owner) {
    Objects.requireNonNull(owner, "owner");
    return runner.list(OPEN_TODOS, statement -> {
      statement.setObject(1, owner, Types.OTHER);
    }, TodosQueries::readOpenTodosRow);
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
