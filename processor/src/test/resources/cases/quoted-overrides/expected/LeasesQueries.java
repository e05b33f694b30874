package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.QueryStreams;
import dev.quarry.runtime.ValueConverters;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/leases.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class LeasesQueries {
  private static final CentsConverter CENTS_CONVERTER = new CentsConverter();

  private static final NoteConverter NOTE_CONVERTER = new NoteConverter();

  private static final String CREATE_LEASE = "INSERT INTO \"Billing\".\"Lease\" (\"Rent\", \"Note\") VALUES (?, ?) RETURNING *";

  private static final String RENTS = "SELECT \"Rent\", \"Note\" FROM \"Billing\".\"Lease\" ORDER BY \"Id\"";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public LeasesQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public LeasesQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public LeasesQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code CreateLease} {@code :one}, {@code queries/leases.sql:1}:
   * <pre>{@code
   * INSERT INTO "Billing"."Lease" ("Rent", "Note") VALUES (@rent, @note) RETURNING *
   * }</pre>
   */
  public Lease createLease(Cents rent, @Nullable Note note) {
    Objects.requireNonNull(rent, "rent");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(CREATE_LEASE)) {
        statement.setLong(1, CENTS_CONVERTER.toDatabase(rent));
        statement.setObject(2, ValueConverters.toDatabase(NOTE_CONVERTER, note), Types.VARCHAR);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("CreateLease", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          Lease row = readLease(rows);
          if (rows.next()) {
            throw new QueryException("CreateLease", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("CreateLease", e);
    }
  }

  /**
   * {@code Rents} {@code :many}, {@code queries/leases.sql:4}:
   * <pre>{@code
   * SELECT "Rent", "Note" FROM "Billing"."Lease" ORDER BY "Id"
   * }</pre>
   */
  public List<RentsRow> rents() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(RENTS)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<RentsRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readRentsRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("Rents", e);
    }
  }

  /**
   * The rows of {@link #rents}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<RentsRow> streamRents() {
    return QueryStreams.open(connections, "Rents", RENTS, statement -> {}, rows -> readRentsRow(rows));
  }

  private static Lease readLease(ResultSet rows) throws SQLException {
    return new Lease(
        rows.getLong(1),
        CENTS_CONVERTER.fromDatabase(rows.getLong(2)),
        ValueConverters.fromDatabase(NOTE_CONVERTER, rows.getString(3)));
  }

  private static RentsRow readRentsRow(ResultSet rows) throws SQLException {
    return new RentsRow(
        CENTS_CONVERTER.fromDatabase(rows.getLong(1)),
        ValueConverters.fromDatabase(NOTE_CONVERTER, rows.getString(2)));
  }

  /**
   * A row of {@code Rents}.
   */
  public record RentsRow(Cents rent, @Nullable Note note) {
  }
}
