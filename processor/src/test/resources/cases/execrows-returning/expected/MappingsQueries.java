package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.ExecResult;
import dev.quarry.runtime.QueryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

/**
 * The queries of {@code queries/mappings.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class MappingsQueries {
  private static final String DEACTIVATE_MAPPINGS = "UPDATE mappings SET active = false WHERE name = ? RETURNING id";

  private static final String DELETE_MAPPINGS = "DELETE FROM mappings WHERE NOT active RETURNING *";

  private static final String CREATE_MAPPING = "INSERT INTO mappings (name) VALUES (?)";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public MappingsQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public MappingsQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public MappingsQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code DeactivateMappings} {@code :execrows}, {@code queries/mappings.sql:3}:
   * <pre>{@code
   * UPDATE mappings SET active = false WHERE name = @name RETURNING id
   * }</pre>
   */
  public long deactivateMappings(String name) {
    Objects.requireNonNull(name, "name");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(DEACTIVATE_MAPPINGS)) {
        statement.setString(1, name);
        long count = 0;
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            count++;
          }
        }
        return count;
      }
    } catch (SQLException e) {
      throw new QueryException("DeactivateMappings", e);
    }
  }

  /**
   * {@code DeleteMappings} {@code :execresult}, {@code queries/mappings.sql:6}:
   * <pre>{@code
   * DELETE FROM mappings WHERE NOT active RETURNING *
   * }</pre>
   */
  public ExecResult deleteMappings() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(DELETE_MAPPINGS)) {
        long count = 0;
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            count++;
          }
        }
        return new ExecResult(count);
      }
    } catch (SQLException e) {
      throw new QueryException("DeleteMappings", e);
    }
  }

  /**
   * {@code CreateMapping} {@code :exec}, {@code queries/mappings.sql:9}:
   * <pre>{@code
   * INSERT INTO mappings (name) VALUES (@name)
   * }</pre>
   */
  public void createMapping(String name) {
    Objects.requireNonNull(name, "name");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(CREATE_MAPPING)) {
        statement.setString(1, name);
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("CreateMapping", e);
    }
  }
}
