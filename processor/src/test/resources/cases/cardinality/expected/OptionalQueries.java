package com.example.db;

import dev.quarry.runtime.Columns;
import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.QueryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/optional.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class OptionalQueries {
  private static final String ON_CONFLICT_DO_NOTHING = "INSERT INTO authors (name) VALUES (?) ON CONFLICT DO NOTHING RETURNING id";

  private static final String ON_CONFLICT_DO_UPDATE_WHERE = "INSERT INTO authors (name) VALUES (?)\n"
      + "ON CONFLICT (name) DO UPDATE SET visits = authors.visits + 1 WHERE authors.visits < 10\n"
      + "RETURNING id";

  private static final String INSERT_SELECT_WHERE = "INSERT INTO authors (name) SELECT ? WHERE ?::boolean RETURNING id";

  private static final String INSERT_MANY_VALUES = "INSERT INTO authors (name) VALUES (?), (?) RETURNING id";

  private static final String SELECT_WHERE_FALSE = "SELECT 1 AS one WHERE false";

  private static final String SET_RETURNING_FUNCTION = "SELECT generate_series(1, ?::int) AS n";

  private static final String AGGREGATE_WITH_LIMIT = "SELECT count(*) FROM authors LIMIT ?";

  private static final String AGGREGATE_WITH_OFFSET = "SELECT count(*) FROM authors OFFSET 1";

  private static final String AGGREGATE_GROUP_BY = "SELECT count(*) FROM authors GROUP BY bio";

  private static final String AGGREGATE_HAVING = "SELECT count(*) FROM authors HAVING count(*) > 1";

  private static final String TABLE_WITH_INSTEAD_RULE = "INSERT INTO archive (id, name) VALUES (?, ?) RETURNING id, name";

  private static final String FIND_AUTHOR = "SELECT * FROM authors WHERE id = ?";

  private static final String FIND_BIO = "SELECT bio FROM authors WHERE id = ?";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public OptionalQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public OptionalQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public OptionalQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code OnConflictDoNothing} {@code :one}, {@code queries/optional.sql:3}:
   * <pre>{@code
   * INSERT INTO authors (name) VALUES (@name) ON CONFLICT DO NOTHING RETURNING id
   * }</pre>
   */
  public Optional<Long> onConflictDoNothing(String name) {
    Objects.requireNonNull(name, "name");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(ON_CONFLICT_DO_NOTHING)) {
        statement.setString(1, name);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          long row = rows.getLong(1);
          if (rows.next()) {
            throw new QueryException("OnConflictDoNothing", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("OnConflictDoNothing", e);
    }
  }

  /**
   * {@code OnConflictDoUpdateWhere} {@code :one}, {@code queries/optional.sql:6}:
   * <pre>{@code
   * INSERT INTO authors (name) VALUES (@name)
   * ON CONFLICT (name) DO UPDATE SET visits = authors.visits + 1 WHERE authors.visits < 10
   * RETURNING id
   * }</pre>
   */
  public Optional<Long> onConflictDoUpdateWhere(String name) {
    Objects.requireNonNull(name, "name");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(ON_CONFLICT_DO_UPDATE_WHERE)) {
        statement.setString(1, name);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          long row = rows.getLong(1);
          if (rows.next()) {
            throw new QueryException("OnConflictDoUpdateWhere", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("OnConflictDoUpdateWhere", e);
    }
  }

  /**
   * {@code InsertSelectWhere} {@code :one}, {@code queries/optional.sql:11}:
   * <pre>{@code
   * INSERT INTO authors (name) SELECT @name WHERE @allowed::boolean RETURNING id
   * }</pre>
   */
  public Optional<Long> insertSelectWhere(String name, boolean allowed) {
    Objects.requireNonNull(name, "name");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(INSERT_SELECT_WHERE)) {
        statement.setString(1, name);
        statement.setBoolean(2, allowed);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          long row = rows.getLong(1);
          if (rows.next()) {
            throw new QueryException("InsertSelectWhere", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("InsertSelectWhere", e);
    }
  }

  /**
   * {@code InsertManyValues} {@code :one}, {@code queries/optional.sql:14}:
   * <pre>{@code
   * INSERT INTO authors (name) VALUES (@first), (@second) RETURNING id
   * }</pre>
   */
  public Optional<Long> insertManyValues(String first, String second) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(INSERT_MANY_VALUES)) {
        statement.setString(1, first);
        statement.setString(2, second);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          long row = rows.getLong(1);
          if (rows.next()) {
            throw new QueryException("InsertManyValues", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("InsertManyValues", e);
    }
  }

  /**
   * {@code SelectWhereFalse} {@code :one}, {@code queries/optional.sql:17}:
   * <pre>{@code
   * SELECT 1 AS one WHERE false
   * }</pre>
   */
  public Optional<Integer> selectWhereFalse() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(SELECT_WHERE_FALSE)) {
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          int row = rows.getInt(1);
          if (rows.next()) {
            throw new QueryException("SelectWhereFalse", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("SelectWhereFalse", e);
    }
  }

  /**
   * {@code SetReturningFunction} {@code :one}, {@code queries/optional.sql:20}:
   * <pre>{@code
   * SELECT generate_series(1, @n::int) AS n
   * }</pre>
   */
  public Optional<Optional<Integer>> setReturningFunction(int n) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(SET_RETURNING_FUNCTION)) {
        statement.setInt(1, n);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          @Nullable Integer row = Columns.nullableInt(rows, 1);
          if (rows.next()) {
            throw new QueryException("SetReturningFunction", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(Optional.ofNullable(row));
        }
      }
    } catch (SQLException e) {
      throw new QueryException("SetReturningFunction", e);
    }
  }

  /**
   * {@code AggregateWithLimit} {@code :one}, {@code queries/optional.sql:23}:
   * <pre>{@code
   * SELECT count(*) FROM authors LIMIT @max_rows
   * }</pre>
   */
  public Optional<Long> aggregateWithLimit(long maxRows) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(AGGREGATE_WITH_LIMIT)) {
        statement.setLong(1, maxRows);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          long row = rows.getLong(1);
          if (rows.next()) {
            throw new QueryException("AggregateWithLimit", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("AggregateWithLimit", e);
    }
  }

  /**
   * {@code AggregateWithOffset} {@code :one}, {@code queries/optional.sql:26}:
   * <pre>{@code
   * SELECT count(*) FROM authors OFFSET 1
   * }</pre>
   */
  public Optional<Long> aggregateWithOffset() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(AGGREGATE_WITH_OFFSET)) {
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          long row = rows.getLong(1);
          if (rows.next()) {
            throw new QueryException("AggregateWithOffset", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("AggregateWithOffset", e);
    }
  }

  /**
   * {@code AggregateGroupBy} {@code :one}, {@code queries/optional.sql:29}:
   * <pre>{@code
   * SELECT count(*) FROM authors GROUP BY bio
   * }</pre>
   */
  public Optional<Long> aggregateGroupBy() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(AGGREGATE_GROUP_BY)) {
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          long row = rows.getLong(1);
          if (rows.next()) {
            throw new QueryException("AggregateGroupBy", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("AggregateGroupBy", e);
    }
  }

  /**
   * {@code AggregateHaving} {@code :one}, {@code queries/optional.sql:32}:
   * <pre>{@code
   * SELECT count(*) FROM authors HAVING count(*) > 1
   * }</pre>
   */
  public Optional<Long> aggregateHaving() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(AGGREGATE_HAVING)) {
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          long row = rows.getLong(1);
          if (rows.next()) {
            throw new QueryException("AggregateHaving", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("AggregateHaving", e);
    }
  }

  /**
   * {@code TableWithInsteadRule} {@code :one}, {@code queries/optional.sql:35}:
   * <pre>{@code
   * INSERT INTO archive (id, name) VALUES (@id, @name) RETURNING id, name
   * }</pre>
   */
  public Optional<Archive> tableWithInsteadRule(long id, String name) {
    Objects.requireNonNull(name, "name");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(TABLE_WITH_INSTEAD_RULE)) {
        statement.setLong(1, id);
        statement.setString(2, name);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          Archive row = readArchive(rows);
          if (rows.next()) {
            throw new QueryException("TableWithInsteadRule", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("TableWithInsteadRule", e);
    }
  }

  /**
   * {@code FindAuthor} {@code :one}, {@code queries/optional.sql:38}:
   * <pre>{@code
   * SELECT * FROM authors WHERE id = @id
   * }</pre>
   */
  public Optional<Author> findAuthor(long id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(FIND_AUTHOR)) {
        statement.setLong(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          Author row = readAuthor(rows);
          if (rows.next()) {
            throw new QueryException("FindAuthor", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("FindAuthor", e);
    }
  }

  /**
   * A nullable single column where the row may be missing: Optional&lt;Optional&lt;String&gt;&gt;.
   *
   * <p>{@code FindBio} {@code :one}, {@code queries/optional.sql:41}:
   * <pre>{@code
   * SELECT bio FROM authors WHERE id = @id
   * }</pre>
   */
  public Optional<Optional<String>> findBio(long id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(FIND_BIO)) {
        statement.setLong(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          @Nullable String row = rows.getString(1);
          if (rows.next()) {
            throw new QueryException("FindBio", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(Optional.ofNullable(row));
        }
      }
    } catch (SQLException e) {
      throw new QueryException("FindBio", e);
    }
  }

  private static Archive readArchive(ResultSet rows) throws SQLException {
    return new Archive(
        rows.getLong(1),
        rows.getString(2));
  }

  private static Author readAuthor(ResultSet rows) throws SQLException {
    return new Author(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3),
        rows.getInt(4));
  }
}
