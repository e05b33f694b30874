package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.QueryStreams;
import dev.quarry.runtime.SqlArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
 * The queries of {@code queries/posts.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class PostsQueries {
  private static final String LIST_POSTS_BY_AUTHOR = "SELECT p.id, p.title, p.summary, p.tags, u.email AS author_email\n"
      + "FROM posts p JOIN users u ON u.id = p.author_id\n"
      + "WHERE p.author_id = ? AND (?::text IS NULL OR ? = ANY (p.tags))\n"
      + "ORDER BY p.id\n"
      + "LIMIT ?";

  private static final String POST_TITLE = "SELECT title FROM posts WHERE id = ?";

  private static final String POST_SUMMARY = "SELECT summary FROM posts WHERE id = ?";

  private static final String TAG_POSTS = "UPDATE posts SET tags = ? WHERE id = ANY (?::bigint[])";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public PostsQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public PostsQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public PostsQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(LIST_POSTS_BY_AUTHOR)) {
        statement.setLong(1, authorId);
        statement.setObject(2, tag, Types.VARCHAR);
        statement.setObject(3, tag, Types.VARCHAR);
        statement.setLong(4, maxRows);
        try (ResultSet rows = statement.executeQuery()) {
          List<ListPostsByAuthorRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readListPostsByAuthorRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("ListPostsByAuthor", e);
    }
  }

  /**
   * The rows of {@link #listPostsByAuthor}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<ListPostsByAuthorRow> streamListPostsByAuthor(long authorId, @Nullable String tag,
      long maxRows) {
    return QueryStreams.open(connections, "ListPostsByAuthor", LIST_POSTS_BY_AUTHOR, statement -> {
      statement.setLong(1, authorId);
      statement.setObject(2, tag, Types.VARCHAR);
      statement.setObject(3, tag, Types.VARCHAR);
      statement.setLong(4, maxRows);
    }, rows -> readListPostsByAuthorRow(rows));
  }

  /**
   * {@code PostTitle} {@code :one}, {@code queries/posts.sql:10}:
   * <pre>{@code
   * SELECT title FROM posts WHERE id = @id
   * }</pre>
   */
  public Optional<String> postTitle(long id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(POST_TITLE)) {
        statement.setLong(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          String row = rows.getString(1);
          if (rows.next()) {
            throw new QueryException("PostTitle", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("PostTitle", e);
    }
  }

  /**
   * {@code PostSummary} {@code :one}, {@code queries/posts.sql:13}:
   * <pre>{@code
   * SELECT summary FROM posts WHERE id = @id
   * }</pre>
   */
  public Optional<Optional<String>> postSummary(long id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(POST_SUMMARY)) {
        statement.setLong(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          @Nullable String row = rows.getString(1);
          if (rows.next()) {
            throw new QueryException("PostSummary", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(Optional.ofNullable(row));
        }
      }
    } catch (SQLException e) {
      throw new QueryException("PostSummary", e);
    }
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(TAG_POSTS)) {
        statement.setArray(1, SqlArrays.create(connection, "text", tags));
        statement.setArray(2, SqlArrays.create(connection, "int8", ids));
        return statement.executeLargeUpdate();
      }
    } catch (SQLException e) {
      throw new QueryException("TagPosts", e);
    }
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
