package com.example.db;

import dev.quarry.runtime.Columns;
import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/class.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class ClassQueries {
  private static final Query GET_CLASS = new Query("GetClass", ":one", "queries/class.sql", 1,
      "SELECT * FROM \"class\" WHERE id = ?");

  private static final Query INSERT_CLASS = new Query("InsertClass", ":exec", "queries/class.sql",
      4,
      "INSERT INTO \"class\" (id, \"default\", \"user name\", \"größe\") VALUES (?, ?, "
      + "?, ?)");

  private static final Query DEFAULTS = new Query("Defaults", ":many", "queries/class.sql", 7,
      "SELECT \"default\", \"new\" FROM \"class\" WHERE \"größe\" > ?");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public ClassQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public ClassQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public ClassQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public ClassQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code GetClass} {@code :one}, {@code queries/class.sql:1}:
   * <pre>{@code
   * SELECT * FROM "class" WHERE id = @id
   * }</pre>
   */
  public Optional<Class> getClass(long id) {
    return runner.optional(GET_CLASS, statement -> {
      statement.setLong(1, id);
    }, ClassQueries::readClass);
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
    runner.execute(INSERT_CLASS, statement -> {
      statement.setLong(1, id);
      statement.setString(2, default_);
      statement.setObject(3, userName, Types.VARCHAR);
      statement.setObject(4, größe, Types.INTEGER);
    });
  }

  /**
   * {@code Defaults} {@code :many}, {@code queries/class.sql:7}:
   * <pre>{@code
   * SELECT "default", "new" FROM "class" WHERE "größe" > @min
   * }</pre>
   */
  public List<DefaultsRow> defaults(int min) {
    return runner.list(DEFAULTS, statement -> {
      statement.setInt(1, min);
    }, ClassQueries::readDefaultsRow);
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
