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
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

/**
 * The queries of {@code queries/leases.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class LeasesQueries {
  private static final Query LEASES_OF_KIND = new Query("LeasesOfKind", ":many",
      "queries/leases.sql", 1,
      "SELECT l.\"id\", l.\"kind\", u.\"email\"\n"
      + "FROM \"Lease\" l JOIN \"User\" u ON u.\"id\" = l.\"tenantId\"\n"
      + "WHERE l.\"kind\" = ?::\"LeaseKind\"");

  private static final Query USERS_WITH_ROLE = new Query("UsersWithRole", ":many",
      "queries/leases.sql", 6,
      "SELECT \"id\", \"role\" FROM \"User\" WHERE \"role\" = ?::\"Role\"");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public LeasesQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public LeasesQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public LeasesQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public LeasesQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
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
    return runner.list(LEASES_OF_KIND, statement -> {
      statement.setObject(1, kind.label(), Types.OTHER);
    }, LeasesQueries::readLeasesOfKindRow);
  }

  /**
   * {@code UsersWithRole} {@code :many}, {@code queries/leases.sql:6}:
   * <pre>{@code
   * SELECT "id", "role" FROM "User" WHERE "role" = @role::"Role"
   * }</pre>
   */
  public List<UsersWithRoleRow> usersWithRole(Role role) {
    Objects.requireNonNull(role, "role");
    return runner.list(USERS_WITH_ROLE, statement -> {
      statement.setObject(1, role.label(), Types.OTHER);
    }, LeasesQueries::readUsersWithRoleRow);
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
