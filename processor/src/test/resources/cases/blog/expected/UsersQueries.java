package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/users.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class UsersQueries {
  private static final Query FIND_USER_BY_EMAIL = new Query("FindUserByEmail", ":one",
      "queries/users.sql", 1,
      "SELECT * FROM users WHERE email = ?");

  private static final Query CREATE_USER = new Query("CreateUser", ":one", "queries/users.sql", 4,
      "INSERT INTO users (email, role, bio) VALUES (?, ?, ?)\n"
      + "RETURNING *");

  private static final Query LIST_USERS_BY_ROLE = new Query("ListUsersByRole", ":many",
      "queries/users.sql", 9,
      "SELECT id, email FROM users WHERE role = ? ORDER BY id LIMIT ?");

  private static final Query COUNT_USERS = new Query("CountUsers", ":one", "queries/users.sql", 12,
      "SELECT count(*) AS total FROM users");

  private static final Query USER_EMAILS = new Query("UserEmails", ":many", "queries/users.sql", 15,
      "SELECT email FROM users ORDER BY email");

  private static final Query UPDATE_BIO = new Query("UpdateBio", ":execrows", "queries/users.sql",
      18,
      "UPDATE users SET bio = ? WHERE id = ?");

  private static final Query DELETE_USER = new Query("DeleteUser", ":exec", "queries/users.sql", 21,
      "DELETE FROM users WHERE id = ?");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public UsersQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public UsersQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public UsersQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public UsersQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code FindUserByEmail} {@code :one}, {@code queries/users.sql:1}:
   * <pre>{@code
   * SELECT * FROM users WHERE email = @email
   * }</pre>
   */
  public Optional<User> findUserByEmail(String email) {
    Objects.requireNonNull(email, "email");
    return runner.optional(FIND_USER_BY_EMAIL, statement -> {
      statement.setString(1, email);
    }, UsersQueries::readUser);
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
    return runner.single(CREATE_USER, statement -> {
      statement.setString(1, email);
      statement.setObject(2, role.label(), Types.OTHER);
      statement.setObject(3, bio, Types.VARCHAR);
    }, UsersQueries::readUser);
  }

  /**
   * {@code ListUsersByRole} {@code :many}, {@code queries/users.sql:9}:
   * <pre>{@code
   * SELECT id, email FROM users WHERE role = sqlc.arg(role) ORDER BY id LIMIT sqlc.arg(max_rows)
   * }</pre>
   */
  public List<ListUsersByRoleRow> listUsersByRole(UserRole role, long maxRows) {
    Objects.requireNonNull(role, "role");
    return runner.list(LIST_USERS_BY_ROLE, statement -> {
      statement.setObject(1, role.label(), Types.OTHER);
      statement.setLong(2, maxRows);
    }, UsersQueries::readListUsersByRoleRow);
  }

  /**
   * {@code CountUsers} {@code :one}, {@code queries/users.sql:12}:
   * <pre>{@code
   * SELECT count(*) AS total FROM users
   * }</pre>
   */
  public long countUsers() {
    return runner.single(COUNT_USERS, statement -> {}, rows -> rows.getLong(1));
  }

  /**
   * {@code UserEmails} {@code :many}, {@code queries/users.sql:15}:
   * <pre>{@code
   * SELECT email FROM users ORDER BY email
   * }</pre>
   */
  public List<String> userEmails() {
    return runner.list(USER_EMAILS, statement -> {}, rows -> rows.getString(1));
  }

  /**
   * {@code UpdateBio} {@code :execrows}, {@code queries/users.sql:18}:
   * <pre>{@code
   * UPDATE users SET bio = sqlc.narg(bio) WHERE id = @id
   * }</pre>
   */
  public long updateBio(@Nullable String bio, long id) {
    return runner.updateCount(UPDATE_BIO, statement -> {
      statement.setObject(1, bio, Types.VARCHAR);
      statement.setLong(2, id);
    });
  }

  /**
   * {@code DeleteUser} {@code :exec}, {@code queries/users.sql:21}:
   * <pre>{@code
   * DELETE FROM users WHERE id = $1
   * }</pre>
   */
  public void deleteUser(long id) {
    runner.execute(DELETE_USER, statement -> {
      statement.setLong(1, id);
    });
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
