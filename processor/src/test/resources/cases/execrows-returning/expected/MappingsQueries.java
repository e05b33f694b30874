package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.ExecResult;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import java.sql.Connection;
import java.util.Objects;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

/**
 * The queries of {@code queries/mappings.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class MappingsQueries {
  private static final Query DEACTIVATE_MAPPINGS = new Query("DeactivateMappings", ":execrows",
      "queries/mappings.sql", 3,
      "UPDATE mappings SET active = false WHERE name = ? RETURNING id");

  private static final Query DELETE_MAPPINGS = new Query("DeleteMappings", ":execresult",
      "queries/mappings.sql", 6,
      "DELETE FROM mappings WHERE NOT active RETURNING *");

  private static final Query CREATE_MAPPING = new Query("CreateMapping", ":exec",
      "queries/mappings.sql", 9,
      "INSERT INTO mappings (name) VALUES (?)");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public MappingsQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public MappingsQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public MappingsQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public MappingsQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code DeactivateMappings} {@code :execrows}, {@code queries/mappings.sql:3}:
   * <pre>{@code
   * UPDATE mappings SET active = false WHERE name = @name RETURNING id
   * }</pre>
   */
  public long deactivateMappings(String name) {
    Objects.requireNonNull(name, "name");
    return runner.countRows(DEACTIVATE_MAPPINGS, statement -> {
      statement.setString(1, name);
    });
  }

  /**
   * {@code DeleteMappings} {@code :execresult}, {@code queries/mappings.sql:6}:
   * <pre>{@code
   * DELETE FROM mappings WHERE NOT active RETURNING *
   * }</pre>
   */
  public ExecResult deleteMappings() {
    return new ExecResult(runner.countRows(DELETE_MAPPINGS, statement -> {}));
  }

  /**
   * {@code CreateMapping} {@code :exec}, {@code queries/mappings.sql:9}:
   * <pre>{@code
   * INSERT INTO mappings (name) VALUES (@name)
   * }</pre>
   */
  public void createMapping(String name) {
    Objects.requireNonNull(name, "name");
    runner.execute(CREATE_MAPPING, statement -> {
      statement.setString(1, name);
    });
  }
}
