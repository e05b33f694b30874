package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.QueryStreams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

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
  private static final String PUBLISHED = "SELECT id, title, updated_at FROM posts WHERE published";

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
   * {@code Published} {@code :many}, {@code queries/posts.sql:1}:
   * <pre>{@code
   * SELECT id, title, updated_at FROM posts WHERE published
   * }</pre>
   */
  public List<PublishedRow> published() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(PUBLISHED)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<PublishedRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readPublishedRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("Published", e);
    }
  }

  /**
   * The rows of {@link #published}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<PublishedRow> streamPublished() {
    return QueryStreams.open(connections, "Published", PUBLISHED, statement -> {}, rows -> readPublishedRow(rows));
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
