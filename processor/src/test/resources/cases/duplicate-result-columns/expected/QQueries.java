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
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/q.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class QQueries {
  private static final String BOTH_IDS = "SELECT a.id, b.id, a.label, b.label FROM a JOIN b ON b.a_id = a.id";

  private static final String THREE_IDS = "SELECT a.id, b.id, b.a_id AS id FROM a JOIN b ON b.a_id = a.id WHERE a.id = ?";

  private static final String RENAMED_CLASH = "SELECT a.id, b.id, a.id AS id2, b.label AS \"ID\" FROM a JOIN b ON b.a_id = a.id";

  private static final String CASE_CLASH = "SELECT a.label AS \"Label\", a.label AS label, a.label AS \"LABEL\" FROM a";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public QQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public QQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public QQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code BothIds} {@code :many}, {@code queries/q.sql:1}:
   * <pre>{@code
   * SELECT a.id, b.id, a.label, b.label FROM a JOIN b ON b.a_id = a.id
   * }</pre>
   */
  public List<BothIdsRow> bothIds() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(BOTH_IDS)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<BothIdsRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readBothIdsRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("BothIds", e);
    }
  }

  /**
   * The rows of {@link #bothIds}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<BothIdsRow> streamBothIds() {
    return QueryStreams.open(connections, "BothIds", BOTH_IDS, statement -> {}, rows -> readBothIdsRow(rows));
  }

  /**
   * {@code ThreeIds} {@code :one}, {@code queries/q.sql:4}:
   * <pre>{@code
   * SELECT a.id, b.id, b.a_id AS id FROM a JOIN b ON b.a_id = a.id WHERE a.id = @id
   * }</pre>
   */
  public Optional<ThreeIdsRow> threeIds(long id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(THREE_IDS)) {
        statement.setLong(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          ThreeIdsRow row = readThreeIdsRow(rows);
          if (rows.next()) {
            throw new QueryException("ThreeIds", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("ThreeIds", e);
    }
  }

  /**
   * {@code RenamedClash} {@code :many}, {@code queries/q.sql:7}:
   * <pre>{@code
   * SELECT a.id, b.id, a.id AS id2, b.label AS "ID" FROM a JOIN b ON b.a_id = a.id
   * }</pre>
   */
  public List<RenamedClashRow> renamedClash() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(RENAMED_CLASH)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<RenamedClashRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readRenamedClashRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("RenamedClash", e);
    }
  }

  /**
   * The rows of {@link #renamedClash}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<RenamedClashRow> streamRenamedClash() {
    return QueryStreams.open(connections, "RenamedClash", RENAMED_CLASH, statement -> {}, rows -> readRenamedClashRow(rows));
  }

  /**
   * {@code CaseClash} {@code :many}, {@code queries/q.sql:10}:
   * <pre>{@code
   * SELECT a.label AS "Label", a.label AS label, a.label AS "LABEL" FROM a
   * }</pre>
   */
  public List<CaseClashRow> caseClash() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(CASE_CLASH)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<CaseClashRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readCaseClashRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("CaseClash", e);
    }
  }

  /**
   * The rows of {@link #caseClash}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<CaseClashRow> streamCaseClash() {
    return QueryStreams.open(connections, "CaseClash", CASE_CLASH, statement -> {}, rows -> readCaseClashRow(rows));
  }

  private static BothIdsRow readBothIdsRow(ResultSet rows) throws SQLException {
    return new BothIdsRow(
        rows.getLong(1),
        rows.getLong(2),
        rows.getString(3),
        rows.getString(4));
  }

  private static ThreeIdsRow readThreeIdsRow(ResultSet rows) throws SQLException {
    return new ThreeIdsRow(
        rows.getLong(1),
        rows.getLong(2),
        rows.getLong(3));
  }

  private static RenamedClashRow readRenamedClashRow(ResultSet rows) throws SQLException {
    return new RenamedClashRow(
        rows.getLong(1),
        rows.getLong(2),
        rows.getLong(3),
        rows.getString(4));
  }

  private static CaseClashRow readCaseClashRow(ResultSet rows) throws SQLException {
    return new CaseClashRow(
        rows.getString(1),
        rows.getString(2),
        rows.getString(3));
  }

  /**
   * A row of {@code BothIds}.
   */
  public record BothIdsRow(long id, long id2, String label, @Nullable String label2) {
  }

  /**
   * A row of {@code ThreeIds}.
   */
  public record ThreeIdsRow(long id, long id2, long id3) {
  }

  /**
   * A row of {@code RenamedClash}.
   */
  public record RenamedClashRow(long id, long id2, long id22, @Nullable String id3) {
  }

  /**
   * A row of {@code CaseClash}.
   */
  public record CaseClashRow(String label, String label2, String label3) {
  }
}
