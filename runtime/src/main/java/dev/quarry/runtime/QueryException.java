package dev.quarry.runtime;

import java.sql.SQLException;

/**
 * A generated repository call failed in the database or the driver. The message names the query;
 * the cause is the driver's {@link SQLException}, whose {@link SQLException#getSQLState()} tells
 * e.g. a unique violation ({@code 23505}) from a lost connection.
 */
public class QueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String queryName;

  public QueryException(String queryName, SQLException cause) {
    super(queryName + ": " + cause.getMessage(), cause);
    this.queryName = queryName;
  }

  public QueryException(String queryName, String message) {
    super(queryName + ": " + message);
    this.queryName = queryName;
  }

  /** The query's name as written in its header, e.g. {@code FindUserByEmail}. */
  public String queryName() {
    return queryName;
  }

  /** PostgreSQL's SQLSTATE of the failure, or an empty string when the database gave none. */
  public String sqlState() {
    return getCause() instanceof SQLException sql && sql.getSQLState() != null
        ? sql.getSQLState()
        : "";
  }
}
