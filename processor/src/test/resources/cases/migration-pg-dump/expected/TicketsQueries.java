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
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

/**
 * The queries of {@code queries/tickets.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class TicketsQueries {
  private static final String OPEN_TICKETS = "SELECT t.id, t.title, t.status, count(c.body) AS comments\n"
      + "FROM tickets t LEFT JOIN ticket_comments c ON c.ticket_id = t.id\n"
      + "WHERE t.status = 'open'\n"
      + "GROUP BY t.id";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public TicketsQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public TicketsQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public TicketsQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code OpenTickets} {@code :many}, {@code queries/tickets.sql:1}:
   * <pre>{@code
   * SELECT t.id, t.title, t.status, count(c.body) AS comments
   * FROM tickets t LEFT JOIN ticket_comments c ON c.ticket_id = t.id
   * WHERE t.status = 'open'
   * GROUP BY t.id
   * }</pre>
   */
  public List<OpenTicketsRow> openTickets() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(OPEN_TICKETS)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<OpenTicketsRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readOpenTicketsRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("OpenTickets", e);
    }
  }

  /**
   * The rows of {@link #openTickets}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<OpenTicketsRow> streamOpenTickets() {
    return QueryStreams.open(connections, "OpenTickets", OPEN_TICKETS, statement -> {}, rows -> readOpenTicketsRow(rows));
  }

  private static OpenTicketsRow readOpenTicketsRow(ResultSet rows) throws SQLException {
    return new OpenTicketsRow(
        rows.getLong(1),
        rows.getString(2),
        Status.fromLabel(rows.getString(3)),
        rows.getLong(4));
  }

  /**
   * A row of {@code OpenTickets}.
   */
  public record OpenTicketsRow(long id, String title, Status status, long comments) {
  }
}
