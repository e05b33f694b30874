package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import dev.quarry.runtime.SqlArrays;
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
 * The queries of {@code queries/posts.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class PostsQueries {
  private static final Query LIST_POSTS_BY_AUTHOR = new Query("ListPostsByAuthor", ":many",
      "queries/posts.sql", 3,
      "SELECT p.id, p.title, p.summary, p.tags, u.email AS author_email\n"
      + "FROM posts p JOIN users u ON u.id = p.author_id\n"
      + "WHERE p.author_id = ? AND (?::text IS NULL OR ? = ANY (p.tags))\n"
      + "ORDER BY p.id\n"
      + "LIMIT ?");

  private static final Query POST_TITLE = new Query("PostTitle", ":one", "queries/posts.sql", 10,
      "SELECT title FROM posts WHERE id = ?");

  private static final Query POST_SUMMARY = new Query("PostSummary", ":one", "queries/posts.sql",
      13,
      "SELECT summary FROM posts WHERE id = ?");

  private static final Query TAG_POSTS = new Query("TagPosts", ":execrows", "queries/posts.sql", 16,
      "UPDATE posts SET tags = ? WHERE id = ANY (?::bigint[])");

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
   * {@code ListPostsByAuthor} {@code :many}, {@code queries/posts.sql:3}:
   * <pre>{@code
   * SELECT p.id, p.title, p.summary, p.tags, u.email AS author_email
   * FROM posts p JOIN users u ON u.id = p.author_id
   * WHERE p.author_id = @author_id AND (sqlc.narg(tag)::text IS NULL OR sqlc.narg(tag) = ANY (p.tags))
   * ORDER BY p.id
   * LIMIT @max_rows
   * }</pre>
   */
  public List<ListPostsByAuthorRow> listPostsByAuthor(long authorId, @Nullable String tag,
      long maxRows) {
    return runner.list(LIST_POSTS_BY_AUTHOR, statement -> {
      statement.setLong(1, authorId);
      statement.setObject(2, tag, Types.VARCHAR);
      statement.setObject(3, tag, Types.VARCHAR);
      statement.setLong(4, maxRows);
    }, PostsQueries::readListPostsByAuthorRow);
  }

  /**
   * {@code PostTitle} {@code :one}, {@code queries/posts.sql:10}:
   * <pre>{@code
   * SELECT title FROM posts WHERE id = @id
   * }</pre>
   */
  public Optional<String> postTitle(long id) {
    return runner.optional(POST_TITLE, statement -> {
      statement.setLong(1, id);
    }, rows -> rows.getString(1));
  }

  /**
   * {@code PostSummary} {@code :one}, {@code queries/posts.sql:13}:
   * <pre>{@code
   * SELECT summary FROM posts WHERE id = @id
   * }</pre>
   */
  public Optional<Optional<String>> postSummary(long id) {
    return runner.optional(POST_SUMMARY, statement -> {
      statement.setLong(1, id);
    }, rows -> Optional.ofNullable(rows.getString(1)));
  }

  /**
   * {@code TagPosts} {@code :execrows}, {@code queries/posts.sql:16}:
   * <pre>{@code
   * UPDATE posts SET tags = @tags WHERE id = ANY (@ids::bigint[])
   * }</pre>
   */
  public long tagPosts(List<String> tags, List<Long> ids) {
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(ids, "ids");
    return runner.updateCount(TAG_POSTS, statement -> {
      statement.setArray(1, SqlArrays.create(statement.getConnection(), "text", tags));
      statement.setArray(2, SqlArrays.create(statement.getConnection(), "int8", ids));
    });
  }

  private static ListPostsByAuthorRow readListPostsByAuthorRow(ResultSet rows) throws SQLException {
    return new ListPostsByAuthorRow(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3),
        SqlArrays.toNonNullList(rows.getArray(4), (r, c) -> r.getString(c)),
        rows.getString(5));
  }

  /**
   * A row of {@code ListPostsByAuthor}.
   */
  public record ListPostsByAuthorRow(long id, String title, @Nullable String summary,
      List<@Nullable String> tags, String authorEmail) {
  }
}
