package com.example.db;

import dev.quarry.runtime.Columns;
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
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/class.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class ClassQueries {
  private static final String GET_CLASS = "SELECT * FROM \"class\" WHERE id = ?";

  private static final String INSERT_CLASS = "INSERT INTO \"class\" (id, \"default\", \"user name\", \"größe\") VALUES (?, ?, ?, ?)";

  private static final String DEFAULTS = "SELECT \"default\", \"new\" FROM \"class\" WHERE \"größe\" > ?";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public ClassQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public ClassQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public ClassQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code GetClass} {@code :one}, {@code queries/class.sql:1}:
   * <pre>{@code
   * SELECT * FROM "class" WHERE id = @id
   * }</pre>
   */
  public Optional<Class> getClass(long id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(GET_CLASS)) {
        statement.setLong(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          Class row = readClass(rows);
          if (rows.next()) {
            throw new QueryException("GetClass", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("GetClass", e);
    }
  }

  /**
   * {@code InsertClass} {@code :exec}, {@code queries/class.sql:4}:
   * <pre>{@code
   * INSERT INTO "class" (id, "default", "user name", "größe") VALUES (@id, @default, @user_name, sqlc.arg(größe))
   * }</pre>
   */
  public void insertClass(long id, String default_, @Nullable String userName,
      @Nullable Integer größe) {
    Objects.requireNonNull(default_, "default_");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(INSERT_CLASS)) {
        statement.setLong(1, id);
        statement.setString(2, default_);
        statement.setObject(3, userName, Types.VARCHAR);
        statement.setObject(4, größe, Types.INTEGER);
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("InsertClass", e);
    }
  }

  /**
   * {@code Defaults} {@code :many}, {@code queries/class.sql:7}:
   * <pre>{@code
   * SELECT "default", "new" FROM "class" WHERE "größe" > @min
   * }</pre>
   */
  public List<DefaultsRow> defaults(int min) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(DEFAULTS)) {
        statement.setInt(1, min);
        try (ResultSet rows = statement.executeQuery()) {
          List<DefaultsRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readDefaultsRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("Defaults", e);
    }
  }

  /**
   * The rows of {@link #defaults}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<DefaultsRow> streamDefaults(int min) {
    return QueryStreams.open(connections, "Defaults", DEFAULTS, statement -> {
      statement.setInt(1, min);
    }, rows -> readDefaultsRow(rows));
  }

  private static Class readClass(ResultSet rows) throws SQLException {
    return new Class(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3),
        Columns.nullableInt(rows, 4),
        Columns.nullableBoolean(rows, 5),
        rows.getString(6),
        rows.getString(7));
  }

  private static DefaultsRow readDefaultsRow(ResultSet rows) throws SQLException {
    return new DefaultsRow(
        rows.getString(1),
        Columns.nullableBoolean(rows, 2));
  }

  /**
   * A row of {@code Defaults}.
   */
  public record DefaultsRow(String default_, @Nullable Boolean new_) {
  }
}
