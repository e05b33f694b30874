package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

/**
 * The queries of {@code queries/posts.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class PostsQueries {
  private static final Query PUBLISHED = new Query("Published", ":many", "queries/posts.sql", 1,
      "SELECT id, title, updated_at FROM posts WHERE published");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public PostsQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public PostsQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public PostsQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public PostsQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code Published} {@code :many}, {@code queries/posts.sql:1}:
   * <pre>{@code
   * SELECT id, title, updated_at FROM posts WHERE published
   * }</pre>
   */
  public List<PublishedRow> published() {
    return runner.list(PUBLISHED, statement -> {}, PostsQueries::readPublishedRow);
  }

  private static PublishedRow readPublishedRow(ResultSet rows) throws SQLException {
    return new PublishedRow(
        rows.getLong(1),
        rows.getString(2),
        rows.getObject(3, LocalDateTime.class));
  }

  /**
   * A row of {@code Published}.
   */
  public record PublishedRow(long id, String title, LocalDateTime updatedAt) {
  }
}
