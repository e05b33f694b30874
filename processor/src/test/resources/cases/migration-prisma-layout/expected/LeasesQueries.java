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
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

/**
 * The queries of {@code queries/leases.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class LeasesQueries {
  private static final String LEASES_OF_KIND = "SELECT l.\"id\", l.\"kind\", u.\"email\"\n"
      + "FROM \"Lease\" l JOIN \"User\" u ON u.\"id\" = l.\"tenantId\"\n"
      + "WHERE l.\"kind\" = ?::\"LeaseKind\"";

  private static final String USERS_WITH_ROLE = "SELECT \"id\", \"role\" FROM \"User\" WHERE \"role\" = ?::\"Role\"";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public LeasesQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public LeasesQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public LeasesQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code LeasesOfKind} {@code :many}, {@code queries/leases.sql:1}:
   * <pre>{@code
   * SELECT l."id", l."kind", u."email"
   * FROM "Lease" l JOIN "User" u ON u."id" = l."tenantId"
   * WHERE l."kind" = @kind::"LeaseKind"
   * }</pre>
   */
  public List<LeasesOfKindRow> leasesOfKind(LeaseKind kind) {
    Objects.requireNonNull(kind, "kind");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(LEASES_OF_KIND)) {
        statement.setObject(1, kind.label(), Types.OTHER);
        try (ResultSet rows = statement.executeQuery()) {
          List<LeasesOfKindRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readLeasesOfKindRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("LeasesOfKind", e);
    }
  }

  /**
   * The rows of {@link #leasesOfKind}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<LeasesOfKindRow> streamLeasesOfKind(LeaseKind kind) {
    Objects.requireNonNull(kind, "kind");
    return QueryStreams.open(connections, "LeasesOfKind", LEASES_OF_KIND, statement -> {
      statement.setObject(1, kind.label(), Types.OTHER);
    }, rows -> readLeasesOfKindRow(rows));
  }

  /**
   * {@code UsersWithRole} {@code :many}, {@code queries/leases.sql:6}:
   * <pre>{@code
   * SELECT "id", "role" FROM "User" WHERE "role" = @role::"Role"
   * }</pre>
   */
  public List<UsersWithRoleRow> usersWithRole(Role role) {
    Objects.requireNonNull(role, "role");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(USERS_WITH_ROLE)) {
        statement.setObject(1, role.label(), Types.OTHER);
        try (ResultSet rows = statement.executeQuery()) {
          List<UsersWithRoleRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readUsersWithRoleRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("UsersWithRole", e);
    }
  }

  /**
   * The rows of {@link #usersWithRole}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<UsersWithRoleRow> streamUsersWithRole(Role role) {
    Objects.requireNonNull(role, "role");
    return QueryStreams.open(connections, "UsersWithRole", USERS_WITH_ROLE, statement -> {
      statement.setObject(1, role.label(), Types.OTHER);
    }, rows -> readUsersWithRoleRow(rows));
  }

  private static LeasesOfKindRow readLeasesOfKindRow(ResultSet rows) throws SQLException {
    return new LeasesOfKindRow(
        rows.getString(1),
        LeaseKind.fromLabel(rows.getString(2)),
        rows.getString(3));
  }

  private static UsersWithRoleRow readUsersWithRoleRow(ResultSet rows) throws SQLException {
    return new UsersWithRoleRow(
        rows.getString(1),
        Role.fromLabel(rows.getString(2)));
  }

  /**
   * A row of {@code LeasesOfKind}.
   */
  public record LeasesOfKindRow(String id, LeaseKind kind, String email) {
  }

  /**
   * A row of {@code UsersWithRole}.
   */
  public record UsersWithRoleRow(String id, Role role) {
  }
}
