package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.QueryStreams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

/**
 * The queries of {@code queries/keywords.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class KeywordsQueries {
  private static final String CLASS = "SELECT id, \"default\" FROM \"class\" WHERE id = ?";

  private static final String BY_KEYWORD_PARAM = "SELECT id FROM \"class\" WHERE \"default\" = ?";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public KeywordsQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public KeywordsQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public KeywordsQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code class} {@code :one}, {@code queries/keywords.sql:1}:
   * <pre>{@code
   * SELECT id, "default" FROM "class" WHERE id = @id
   * }</pre>
   */
  public Optional<ClassRow> class_(long id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(CLASS)) {
        statement.setLong(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          ClassRow row = readClassRow(rows);
          if (rows.next()) {
            throw new QueryException("class", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("class", e);
    }
  }

  /**
   * {@code ByKeywordParam} {@code :many}, {@code queries/keywords.sql:4}:
   * <pre>{@code
   * SELECT id FROM "class" WHERE "default" = @class
   * }</pre>
   */
  public List<Long> byKeywordParam(String class_) {
    Objects.requireNonNull(class_, "class_");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(BY_KEYWORD_PARAM)) {
        statement.setString(1, class_);
        try (ResultSet rows = statement.executeQuery()) {
          List<Long> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getLong(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("ByKeywordParam", e);
    }
  }

  /**
   * The rows of {@link #byKeywordParam}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Long> streamByKeywordParam(String class_) {
    Objects.requireNonNull(class_, "class_");
    return QueryStreams.open(connections, "ByKeywordParam", BY_KEYWORD_PARAM, statement -> {
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
