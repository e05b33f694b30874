package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.QueryStreams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
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
 * The queries of {@code queries/users.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class UsersQueries {
  private static final String FIND_USER_BY_EMAIL = "SELECT * FROM users WHERE email = ?";

  private static final String CREATE_USER = "INSERT INTO users (email, role, bio) VALUES (?, ?, ?)\n"
      + "RETURNING *";

  private static final String LIST_USERS_BY_ROLE = "SELECT id, email FROM users WHERE role = ? ORDER BY id LIMIT ?";

  private static final String COUNT_USERS = "SELECT count(*) AS total FROM users";

  private static final String USER_EMAILS = "SELECT email FROM users ORDER BY email";

  private static final String UPDATE_BIO = "UPDATE users SET bio = ? WHERE id = ?";

  private static final String DELETE_USER = "DELETE FROM users WHERE id = ?";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public UsersQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public UsersQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public UsersQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code FindUserByEmail} {@code :one}, {@code queries/users.sql:1}:
   * <pre>{@code
   * SELECT * FROM users WHERE email = @email
   * }</pre>
   */
  public Optional<User> findUserByEmail(String email) {
    Objects.requireNonNull(email, "email");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(FIND_USER_BY_EMAIL)) {
        statement.setString(1, email);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          User row = readUser(rows);
          if (rows.next()) {
            throw new QueryException("FindUserByEmail", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("FindUserByEmail", e);
    }
  }

  /**
   * Creates a user; the e-mail address must be unused.
   *
   * <p>{@code CreateUser} {@code :one}, {@code queries/users.sql:4}:
   * <pre>{@code
   * INSERT INTO users (email, role, bio) VALUES ($1, $2, $3)
   * RETURNING *
   * }</pre>
   */
  public User createUser(String email, UserRole role, @Nullable String bio) {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(CREATE_USER)) {
        statement.setString(1, email);
        statement.setObject(2, role.label(), Types.OTHER);
        statement.setObject(3, bio, Types.VARCHAR);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("CreateUser", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          User row = readUser(rows);
          if (rows.next()) {
            throw new QueryException("CreateUser", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("CreateUser", e);
    }
  }

  /**
   * {@code ListUsersByRole} {@code :many}, {@code queries/users.sql:9}:
   * <pre>{@code
   * SELECT id, email FROM users WHERE role = sqlc.arg(role) ORDER BY id LIMIT sqlc.arg(max_rows)
   * }</pre>
   */
  public List<ListUsersByRoleRow> listUsersByRole(UserRole role, long maxRows) {
    Objects.requireNonNull(role, "role");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(LIST_USERS_BY_ROLE)) {
        statement.setObject(1, role.label(), Types.OTHER);
        statement.setLong(2, maxRows);
        try (ResultSet rows = statement.executeQuery()) {
          List<ListUsersByRoleRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readListUsersByRoleRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("ListUsersByRole", e);
    }
  }

  /**
   * The rows of {@link #listUsersByRole}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<ListUsersByRoleRow> streamListUsersByRole(UserRole role, long maxRows) {
    Objects.requireNonNull(role, "role");
    return QueryStreams.open(connections, "ListUsersByRole", LIST_USERS_BY_ROLE, statement -> {
      statement.setObject(1, role.label(), Types.OTHER);
      statement.setLong(2, maxRows);
    }, rows -> readListUsersByRoleRow(rows));
  }

  /**
   * {@code CountUsers} {@code :one}, {@code queries/users.sql:12}:
   * <pre>{@code
   * SELECT count(*) AS total FROM users
   * }</pre>
   */
  public long countUsers() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(COUNT_USERS)) {
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("CountUsers", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          long row = rows.getLong(1);
          if (rows.next()) {
            throw new QueryException("CountUsers", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("CountUsers", e);
    }
  }

  /**
   * {@code UserEmails} {@code :many}, {@code queries/users.sql:15}:
   * <pre>{@code
   * SELECT email FROM users ORDER BY email
   * }</pre>
   */
  public List<String> userEmails() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(USER_EMAILS)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<String> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getString(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("UserEmails", e);
    }
  }

  /**
   * The rows of {@link #userEmails}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<String> streamUserEmails() {
    return QueryStreams.open(connections, "UserEmails", USER_EMAILS, statement -> {}, rows -> rows.getString(1));
  }

  /**
   * {@code UpdateBio} {@code :execrows}, {@code queries/users.sql:18}:
   * <pre>{@code
   * UPDATE users SET bio = sqlc.narg(bio) WHERE id = @id
   * }</pre>
   */
  public long updateBio(@Nullable String bio, long id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(UPDATE_BIO)) {
        statement.setObject(1, bio, Types.VARCHAR);
        statement.setLong(2, id);
        return statement.executeLargeUpdate();
      }
    } catch (SQLException e) {
      throw new QueryException("UpdateBio", e);
    }
  }

  /**
   * {@code DeleteUser} {@code :exec}, {@code queries/users.sql:21}:
   * <pre>{@code
   * DELETE FROM users WHERE id = $1
   * }</pre>
   */
  public void deleteUser(long id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(DELETE_USER)) {
        statement.setLong(1, id);
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("DeleteUser", e);
    }
  }

  private static User readUser(ResultSet rows) throws SQLException {
    return new User(
        rows.getLong(1),
        rows.getString(2),
        UserRole.fromLabel(rows.getString(3)),
        rows.getString(4),
        rows.getObject(5, OffsetDateTime.class));
  }

  private static ListUsersByRoleRow readListUsersByRoleRow(ResultSet rows) throws SQLException {
    return new ListUsersByRoleRow(
        rows.getLong(1),
        rows.getString(2));
  }

  /**
   * A row of {@code ListUsersByRole}.
   */
  public record ListUsersByRoleRow(long id, String email) {
  }
}
