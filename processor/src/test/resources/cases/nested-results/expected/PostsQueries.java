package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.PgRows;
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
 * The queries of {@code queries/posts.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class PostsQueries {
  private static final Query POSTS_WITH_COMMENTS = new Query("PostsWithComments", ":many",
      "queries/posts.sql", 2,
      "SELECT p.id, p.title,\n"
      + "       ARRAY(SELECT c FROM comments c WHERE c.post_id = p.id ORDER BY "
      + "c.id) AS comments\n"
      + "FROM posts p\n"
      + "ORDER BY p.id");

  private static final Query POST_WITH_COMMENTS_AGG = new Query("PostWithCommentsAgg", ":one",
      "queries/posts.sql", 9,
      "SELECT p.id, array_agg(c ORDER BY c.id) FILTER (WHERE c.id IS NOT NULL) "
      + "AS comments\n"
      + "FROM posts p LEFT JOIN comments c ON c.post_id = p.id\n"
      + "WHERE p.id = ?\n"
      + "GROUP BY p.id");

  private static final Query POST_THREADS = new Query("PostThreads", ":many", "queries/posts.sql",
      16,
      "SELECT p.*,\n"
      + "       ARRAY(SELECT t FROM comment_threads t WHERE t.post_id = p.id "
      + "ORDER BY t.id) AS threads\n"
      + "FROM posts p\n"
      + "ORDER BY p.id");

  private static final Query POSTS_WITH_COMMENTS_LEFT_JOIN = new Query("PostsWithCommentsLeftJoin",
      ":many", "queries/posts.sql", 24,
      "SELECT p.id, array_agg(c ORDER BY c.id) AS comments\n"
      + "FROM posts p LEFT JOIN comments c ON c.post_id = p.id\n"
      + "GROUP BY p.id\n"
      + "ORDER BY p.id");

  private static final Query COMMENTS_OF_POST = new Query("CommentsOfPost", ":one",
      "queries/posts.sql", 31,
      "SELECT ARRAY(SELECT c FROM comments c WHERE c.post_id = ? ORDER BY c.id) "
      + "AS comments");

  private static final Query THREADS = new Query("Threads", ":many", "queries/posts.sql", 34,
      "SELECT * FROM comment_threads ORDER BY id");

  private static final Query THREADS_WITH_POST = new Query("ThreadsWithPost", ":many",
      "queries/posts.sql", 37,
      "SELECT t.*, p.title\n"
      + "FROM comment_threads t JOIN posts p ON p.id = t.post_id\n"
      + "ORDER BY t.id");

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
   * {@code PostsWithComments} {@code :many}, {@code queries/posts.sql:2}:
   * <pre>{@code
   * SELECT p.id, p.title,
   *        ARRAY(SELECT c FROM comments c WHERE c.post_id = p.id ORDER BY c.id) AS comments
   * FROM posts p
   * ORDER BY p.id
   * }</pre>
   */
  public List<PostsWithCommentsRow> postsWithComments() {
    return runner.list(POSTS_WITH_COMMENTS, statement -> {
      PgRows.receiveBinary(statement, "_comments");
    }, PostsQueries::readPostsWithCommentsRow);
  }

  /**
   * {@code PostWithCommentsAgg} {@code :one}, {@code queries/posts.sql:9}:
   * <pre>{@code
   * SELECT p.id, array_agg(c ORDER BY c.id) FILTER (WHERE c.id IS NOT NULL) AS comments
   * FROM posts p LEFT JOIN comments c ON c.post_id = p.id
   * WHERE p.id = @id
   * GROUP BY p.id
   * }</pre>
   */
  public Optional<PostWithCommentsAggRow> postWithCommentsAgg(long id) {
    return runner.optional(POST_WITH_COMMENTS_AGG, statement -> {
      PgRows.receiveBinary(statement, "_comments");
      statement.setLong(1, id);
    }, PostsQueries::readPostWithCommentsAggRow);
  }

  /**
   * {@code PostThreads} {@code :many}, {@code queries/posts.sql:16}:
   * <pre>{@code
   * SELECT sqlc.embed(p),
   *        ARRAY(SELECT t FROM comment_threads t WHERE t.post_id = p.id ORDER BY t.id) AS threads
   * FROM posts p
   * ORDER BY p.id
   * }</pre>
   */
  public List<PostThreadsRow> postThreads() {
    return runner.list(POST_THREADS, statement -> {}, PostsQueries::readPostThreadsRow);
  }

  /**
   * {@code PostsWithCommentsLeftJoin} {@code :many}, {@code queries/posts.sql:24}:
   * <pre>{@code
   * SELECT p.id, array_agg(c ORDER BY c.id) AS comments
   * FROM posts p LEFT JOIN comments c ON c.post_id = p.id
   * GROUP BY p.id
   * ORDER BY p.id
   * }</pre>
   */
  public List<PostsWithCommentsLeftJoinRow> postsWithCommentsLeftJoin() {
    return runner.list(POSTS_WITH_COMMENTS_LEFT_JOIN, statement -> {
      PgRows.receiveBinary(statement, "_comments");
    }, PostsQueries::readPostsWithCommentsLeftJoinRow);
  }

  /**
   * {@code CommentsOfPost} {@code :one}, {@code queries/posts.sql:31}:
   * <pre>{@code
   * SELECT ARRAY(SELECT c FROM comments c WHERE c.post_id = @post_id ORDER BY c.id) AS comments
   * }</pre>
   */
  public List<Comment> commentsOfPost(long postId) {
    return runner.single(COMMENTS_OF_POST, statement -> {
      PgRows.receiveBinary(statement, "_comments");
      statement.setLong(1, postId);
    }, rows -> PgRows.list(rows.getBytes(1), "comments", Comment::fromPgRow));
  }

  /**
   * {@code Threads} {@code :many}, {@code queries/posts.sql:34}:
   * <pre>{@code
   * SELECT * FROM comment_threads ORDER BY id
   * }</pre>
   */
  public List<CommentThread> threads() {
    return runner.list(THREADS, statement -> {}, PostsQueries::readCommentThread);
  }

  /**
   * {@code ThreadsWithPost} {@code :many}, {@code queries/posts.sql:37}:
   * <pre>{@code
   * SELECT sqlc.embed(t), p.title
   * FROM comment_threads t JOIN posts p ON p.id = t.post_id
   * ORDER BY t.id
   * }</pre>
   */
  public List<ThreadsWithPostRow> threadsWithPost() {
    return runner.list(THREADS_WITH_POST, statement -> {}, PostsQueries::readThreadsWithPostRow);
  }

  private static PostsWithCommentsRow readPostsWithCommentsRow(ResultSet rows) throws SQLException {
    return new PostsWithCommentsRow(
        rows.getLong(1),
        rows.getString(2),
        PgRows.list(rows.getBytes(3), "comments", Comment::fromPgRow));
  }

  private static PostWithCommentsAggRow readPostWithCommentsAggRow(ResultSet rows) throws
      SQLException {
    return new PostWithCommentsAggRow(
        rows.getLong(1),
        PgRows.list(rows.getBytes(2), "comments", Comment::fromPgRow));
  }

  private static Post readPostAt(ResultSet rows, int offset) throws SQLException {
    return new Post(
        rows.getLong(offset + 1),
        rows.getString(offset + 2));
  }

  private static PostThreadsRow readPostThreadsRow(ResultSet rows) throws SQLException {
    return new PostThreadsRow(
        readPostAt(rows, 0),
        PgRows.list(rows.getBytes(3), "comment_threads", CommentThread::fromPgRow));
  }

  private static PostsWithCommentsLeftJoinRow readPostsWithCommentsLeftJoinRow(ResultSet rows)
      throws SQLException {
    return new PostsWithCommentsLeftJoinRow(
        rows.getLong(1),
        PgRows.list(rows.getBytes(2), "comments", Comment::fromPgRow));
  }

  private static CommentThread readCommentThread(ResultSet rows) throws SQLException {
    return new CommentThread(
        rows.getLong(1),
        rows.getLong(2),
        rows.getString(3),
        PgRows.list(rows.getBytes(4), "reactions", Reaction::fromPgRow));
  }

  private static CommentThread readCommentThreadAt(ResultSet rows, int offset) throws SQLException {
    return new CommentThread(
        rows.getLong(offset + 1),
        rows.getLong(offset + 2),
        rows.getString(offset + 3),
        PgRows.list(rows.getBytes(offset + 4), "reactions", Reaction::fromPgRow));
  }

  private static ThreadsWithPostRow readThreadsWithPostRow(ResultSet rows) throws SQLException {
    return new ThreadsWithPostRow(
        readCommentThreadAt(rows, 0),
        rows.getString(5));
  }

  /**
   * A row of {@code PostsWithComments}.
   */
  public record PostsWithCommentsRow(long id, String title, List<Comment> comments) {
  }

  /**
   * A row of {@code PostWithCommentsAgg}.
   */
  public record PostWithCommentsAggRow(long id, List<Comment> comments) {
  }

  /**
   * A row of {@code PostThreads}.
   */
  public record PostThreadsRow(Post post, List<CommentThread> threads) {
  }

  /**
   * A row of {@code PostsWithCommentsLeftJoin}.
   */
  public record PostsWithCommentsLeftJoinRow(long id, List<Comment> comments) {
  }

  /**
   * A row of {@code ThreadsWithPost}.
   */
  public record ThreadsWithPostRow(CommentThread commentThread, String title) {
  }
}
