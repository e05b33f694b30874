package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/sources.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class SourcesQueries {
  private static final Query CREATE_DATA_SOURCE = new Query("CreateDataSource", ":one",
      "queries/sources.sql", 2,
      "INSERT INTO data_sources (project_id, name, display_name, "
      + "subscription_id, metadata)\n"
      + "VALUES (?, ?, ?, ?, ?::json) RETURNING *");

  private static final Query UPDATE_DISPLAY_NAME = new Query("UpdateDisplayName", ":one",
      "queries/sources.sql", 7,
      "UPDATE data_sources SET display_name = ?\n"
      + "WHERE id = ? AND project_id = ?\n"
      + "RETURNING id, display_name");

  private static final Query RENAME = new Query("Rename", ":execrows", "queries/sources.sql", 13,
      "UPDATE data_sources SET name = ?, display_name = ?, metadata = ?::json\n"
      + "WHERE id = ?");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public SourcesQueries(javax.sql.DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public SourcesQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public SourcesQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public SourcesQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code CreateDataSource} {@code :one}, {@code queries/sources.sql:2}:
   * <pre>{@code
   * INSERT INTO data_sources (project_id, name, display_name, subscription_id, metadata)
   * VALUES ($1, $2, $3, sqlc.narg(subscription_id), sqlc.arg(metadata)::json) RETURNING *
   * }</pre>
   */
  public DataSource createDataSource(CreateDataSourceParams params) {
    Objects.requireNonNull(params, "params");
    return runner.single(CREATE_DATA_SOURCE, statement -> {
      statement.setObject(1, params.projectId(), Types.OTHER);
      statement.setString(2, params.name());
      statement.setString(3, params.displayName());
      statement.setObject(4, params.subscriptionId(), Types.OTHER);
      statement.setObject(5, params.metadata(), Types.OTHER);
    }, SourcesQueries::readDataSource);
  }

  /**
   * {@code UpdateDisplayName} {@code :one}, {@code queries/sources.sql:7}:
   * <pre>{@code
   * UPDATE data_sources SET display_name = @display_name
   * WHERE id = $2 AND project_id = $3
   * RETURNING id, display_name
   * }</pre>
   */
  public Optional<UpdateDisplayNameRow> updateDisplayName(String displayName, UUID id,
      UUID projectId) {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(projectId, "projectId");
    return runner.optional(UPDATE_DISPLAY_NAME, statement -> {
      statement.setString(1, displayName);
      statement.setObject(2, id, Types.OTHER);
      statement.setObject(3, projectId, Types.OTHER);
    }, SourcesQueries::readUpdateDisplayNameRow);
  }

  /**
   * {@code Rename} {@code :execrows}, {@code queries/sources.sql:13}:
   * <pre>{@code
   * UPDATE data_sources SET name = @new_name, display_name = $2, metadata = @metadata::json
   * WHERE id = $4
   * }</pre>
   */
  public long rename(String newName, String displayName, String metadata, UUID id) {
    Objects.requireNonNull(newName, "newName");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(id, "id");
    return runner.updateCount(RENAME, statement -> {
      statement.setString(1, newName);
      statement.setString(2, displayName);
      statement.setObject(3, metadata, Types.OTHER);
      statement.setObject(4, id, Types.OTHER);
    });
  }

  private static DataSource readDataSource(ResultSet rows) throws SQLException {
    return new DataSource(
        rows.getObject(1, UUID.class),
        rows.getObject(2, UUID.class),
        rows.getString(3),
        rows.getString(4),
        rows.getObject(5, UUID.class),
        rows.getString(6));
  }

  private static UpdateDisplayNameRow readUpdateDisplayNameRow(ResultSet rows) throws SQLException {
    return new UpdateDisplayNameRow(
        rows.getObject(1, UUID.class),
        rows.getString(2));
  }

  /**
   * A row of {@code UpdateDisplayName}.
   */
  public record UpdateDisplayNameRow(UUID id, String displayName) {
  }

  /**
   * The parameters of {@code CreateDataSource}.
   */
  public record CreateDataSourceParams(UUID projectId, String name, String displayName,
      @Nullable UUID subscriptionId, String metadata) {
    public CreateDataSourceParams {
      Objects.requireNonNull(projectId, "projectId");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(displayName, "displayName");
      Objects.requireNonNull(metadata, "metadata");
    }
  }
}
