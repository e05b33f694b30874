package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

/**
 * The queries of {@code queries/keywords.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class KeywordsQueries {
  private static final Query CLASS = new Query("class", ":one", "queries/keywords.sql", 1,
      "SELECT id, \"default\" FROM \"class\" WHERE id = ?");

  private static final Query BY_KEYWORD_PARAM = new Query("ByKeywordParam", ":many",
      "queries/keywords.sql", 4,
      "SELECT id FROM \"class\" WHERE \"default\" = ?");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public KeywordsQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public KeywordsQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public KeywordsQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public KeywordsQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code class} {@code :one}, {@code queries/keywords.sql:1}:
   * <pre>{@code
   * SELECT id, "default" FROM "class" WHERE id = @id
   * }</pre>
   */
  public Optional<ClassRow> class_(long id) {
    return runner.optional(CLASS, statement -> {
      statement.setLong(1, id);
    }, KeywordsQueries::readClassRow);
  }

  /**
   * {@code ByKeywordParam} {@code :many}, {@code queries/keywords.sql:4}:
   * <pre>{@code
   * SELECT id FROM "class" WHERE "default" = @class
   * }</pre>
   */
  public List<Long> byKeywordParam(String class_) {
    Objects.requireNonNull(class_, "class_");
    return runner.list(BY_KEYWORD_PARAM, statement -> {
      statement.setString(1, class_);
    }, rows -> rows.getLong(1));
  }

  private static ClassRow readClassRow(ResultSet rows) throws SQLException {
    return new ClassRow(
        rows.getLong(1),
        rows.getString(2));
  }

  /**
   * A row of {@code class}.
   */
  public record ClassRow(long id, String default_) {
  }
}
