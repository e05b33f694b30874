package com.example.db;

import dev.quarry.runtime.Columns;
import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.QueryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Objects;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/one.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class OneQueries {
  private static final String INSERT_VALUES = "INSERT INTO authors (name, bio) VALUES (?, ?) RETURNING *";

  private static final String INSERT_DEFAULT_VALUES = "INSERT INTO authors DEFAULT VALUES RETURNING id";

  private static final String INSERT_SELECT_WITHOUT_FROM = "INSERT INTO authors (name) SELECT ? RETURNING id";

  private static final String UPSERT_DO_UPDATE = "INSERT INTO authors (name) VALUES (?)\n"
      + "ON CONFLICT (name) DO UPDATE SET visits = authors.visits + 1\n"
      + "RETURNING id, visits";

  private static final String COUNT_AUTHORS = "SELECT count(*) FROM authors WHERE bio IS NOT NULL";

  private static final String AGGREGATE_WITH_FILTER = "SELECT count(*) FILTER (WHERE bio IS NULL) AS without_bio, max(visits) AS most_visits FROM authors";

  private static final String EXPRESSIONS_WITHOUT_FROM = "SELECT now() AS at, ?::int + 1 AS next";

  private static final String SCALAR_SUBQUERY = "SELECT (SELECT bio FROM authors WHERE id = ?) AS bio";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public OneQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public OneQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public OneQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code InsertValues} {@code :one}, {@code queries/one.sql:3}:
   * <pre>{@code
   * INSERT INTO authors (name, bio) VALUES (@name, @bio) RETURNING *
   * }</pre>
   */
  public Author insertValues(String name, @Nullable String bio) {
    Objects.requireNonNull(name, "name");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(INSERT_VALUES)) {
        statement.setString(1, name);
        statement.setObject(2, bio, Types.VARCHAR);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("InsertValues", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          Author row = readAuthor(rows);
          if (rows.next()) {
            throw new QueryException("InsertValues", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("InsertValues", e);
    }
  }

  /**
   * {@code InsertDefaultValues} {@code :one}, {@code queries/one.sql:6}:
   * <pre>{@code
   * INSERT INTO authors DEFAULT VALUES RETURNING id
   * }</pre>
   */
  public long insertDefaultValues() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(INSERT_DEFAULT_VALUES)) {
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("InsertDefaultValues", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          long row = rows.getLong(1);
          if (rows.next()) {
            throw new QueryException("InsertDefaultValues", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("InsertDefaultValues", e);
    }
  }

  /**
   * {@code InsertSelectWithoutFrom} {@code :one}, {@code queries/one.sql:9}:
   * <pre>{@code
   * INSERT INTO authors (name) SELECT @name RETURNING id
   * }</pre>
   */
  public long insertSelectWithoutFrom(String name) {
    Objects.requireNonNull(name, "name");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(INSERT_SELECT_WITHOUT_FROM)) {
        statement.setString(1, name);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("InsertSelectWithoutFrom", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          long row = rows.getLong(1);
          if (rows.next()) {
            throw new QueryException("InsertSelectWithoutFrom", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("InsertSelectWithoutFrom", e);
    }
  }

  /**
   * {@code UpsertDoUpdate} {@code :one}, {@code queries/one.sql:12}:
   * <pre>{@code
   * INSERT INTO authors (name) VALUES (@name)
   * ON CONFLICT (name) DO UPDATE SET visits = authors.visits + 1
   * RETURNING id, visits
   * }</pre>
   */
  public UpsertDoUpdateRow upsertDoUpdate(String name) {
    Objects.requireNonNull(name, "name");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(UPSERT_DO_UPDATE)) {
        statement.setString(1, name);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("UpsertDoUpdate", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          UpsertDoUpdateRow row = readUpsertDoUpdateRow(rows);
          if (rows.next()) {
            throw new QueryException("UpsertDoUpdate", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("UpsertDoUpdate", e);
    }
  }

  /**
   * {@code CountAuthors} {@code :one}, {@code queries/one.sql:17}:
   * <pre>{@code
   * SELECT count(*) FROM authors WHERE bio IS NOT NULL
   * }</pre>
   */
  public long countAuthors() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(COUNT_AUTHORS)) {
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("CountAuthors", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          long row = rows.getLong(1);
          if (rows.next()) {
            throw new QueryException("CountAuthors", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("CountAuthors", e);
    }
  }

  /**
   * {@code AggregateWithFilter} {@code :one}, {@code queries/one.sql:20}:
   * <pre>{@code
   * SELECT count(*) FILTER (WHERE bio IS NULL) AS without_bio, max(visits) AS most_visits FROM authors
   * }</pre>
   */
  public AggregateWithFilterRow aggregateWithFilter() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(AGGREGATE_WITH_FILTER)) {
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("AggregateWithFilter", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          AggregateWithFilterRow row = readAggregateWithFilterRow(rows);
          if (rows.next()) {
            throw new QueryException("AggregateWithFilter", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("AggregateWithFilter", e);
    }
  }

  /**
   * {@code ExpressionsWithoutFrom} {@code :one}, {@code queries/one.sql:23}:
   * <pre>{@code
   * SELECT now() AS at, @n::int + 1 AS next
   * }</pre>
   */
  public ExpressionsWithoutFromRow expressionsWithoutFrom(int n) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(EXPRESSIONS_WITHOUT_FROM)) {
        statement.setInt(1, n);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("ExpressionsWithoutFrom", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          ExpressionsWithoutFromRow row = readExpressionsWithoutFromRow(rows);
          if (rows.next()) {
            throw new QueryException("ExpressionsWithoutFrom", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("ExpressionsWithoutFrom", e);
    }
  }

  /**
   * A scalar subquery gives NULL when it finds no row: still one row, with a nullable column.
   *
   * <p>{@code ScalarSubquery} {@code :one}, {@code queries/one.sql:26}:
   * <pre>{@code
   * SELECT (SELECT bio FROM authors WHERE id = @id) AS bio
   * }</pre>
   */
  public @Nullable String scalarSubquery(long id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(SCALAR_SUBQUERY)) {
        statement.setLong(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("ScalarSubquery", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          @Nullable String row = rows.getString(1);
          if (rows.next()) {
            throw new QueryException("ScalarSubquery", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("ScalarSubquery", e);
    }
  }

  private static Author readAuthor(ResultSet rows) throws SQLException {
    return new Author(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3),
        rows.getInt(4));
  }

  private static UpsertDoUpdateRow readUpsertDoUpdateRow(ResultSet rows) throws SQLException {
    return new UpsertDoUpdateRow(
        rows.getLong(1),
        rows.getInt(2));
  }

  private static AggregateWithFilterRow readAggregateWithFilterRow(ResultSet rows) throws
      SQLException {
    return new AggregateWithFilterRow(
        rows.getLong(1),
        Columns.nullableInt(rows, 2));
  }

  private static ExpressionsWithoutFromRow readExpressionsWithoutFromRow(ResultSet rows) throws
      SQLException {
    return new ExpressionsWithoutFromRow(
        rows.getObject(1, OffsetDateTime.class),
        rows.getInt(2));
  }

  /**
   * A row of {@code UpsertDoUpdate}.
   */
  public record UpsertDoUpdateRow(long id, int visits) {
  }

  /**
   * A row of {@code AggregateWithFilter}.
   */
  public record AggregateWithFilterRow(long withoutBio, @Nullable Integer mostVisits) {
  }

  /**
   * A row of {@code ExpressionsWithoutFrom}.
   */
  public record ExpressionsWithoutFromRow(OffsetDateTime at, int next) {
  }
}
