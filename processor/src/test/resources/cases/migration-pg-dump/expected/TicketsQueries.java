package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;

/**
 * The queries of {@code queries/tickets.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class TicketsQueries {
  private static final Query OPEN_TICKETS = new Query("OpenTickets", ":many", "queries/tickets.sql",
      1,
      "SELECT t.id, t.title, t.status, count(c.body) AS comments\n"
      + "FROM tickets t LEFT JOIN ticket_comments c ON c.ticket_id = t.id\n"
      + "WHERE t.status = 'open'\n"
      + "GROUP BY t.id");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public TicketsQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public TicketsQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public TicketsQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public TicketsQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
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
    return runner.list(OPEN_TICKETS, statement -> {}, TicketsQueries::readOpenTicketsRow);
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
