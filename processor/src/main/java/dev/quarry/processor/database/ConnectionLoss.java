package dev.quarry.processor.database;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Tells a failure of the schema database itself (the server went away, stopped answering or was
 * shut down) from an error in the SQL sent to it, so that a dead server is reported as such and not
 * blamed on the migration or query that happened to be running.
 */
public final class ConnectionLoss {
  private ConnectionLoss() {}

  /**
   * Whether {@code e} means the connection is gone: SQLSTATE class 08 (connection exception),
   * 57P01..57P05 (the server is shutting down or terminated the session), or a connection the
   * driver has closed after an I/O error.
   */
  public static boolean is(SQLException e, Connection connection) {
    if (is(e)) {
      return true;
    }
    try {
      return connection.isClosed();
    } catch (SQLException closed) {
      return true;
    }
  }

  /** Whether {@code e}'s SQLSTATE says the connection is gone (class 08, or 57P01..57P05). */
  public static boolean is(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  /**
   * The driver's message with the low-level reason behind it, e.g. "An I/O error occurred while
   * sending to the backend. (no answer within the socket timeout ...)". Passwords are not in driver
   * messages, but callers that know one scrub the result anyway.
   */
  public static String describe(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    // What follows is "; advice" or " (reason)": the driver's closing period would stand before it.
    if (message.endsWith(".")) {
      message = message.substring(0, message.length() - 1);
    }
    Throwable cause = e.getCause();
    if (cause instanceof SQLException) {
      return message; // A wrapper whose message already describes its cause.
    }
    if (cause instanceof ConnectException && message.contains(". ")) {
      // "Connection to host:port refused. Check that the hostname and port are correct and ...":
      // the advice that follows in Quarry's message says it for this case.
      return message.substring(0, message.indexOf(". "));
    }
    if (cause instanceof SocketTimeoutException) {
      return message
          + " (the server sent nothing within the socket timeout; a server that is only slow"
          + " needs a longer one: socketTimeout=<seconds> in the -Aquarry.database URL)";
    }
    if (cause instanceof EOFException) {
      return message + " (the server closed the connection)";
    }
    if (cause != null
        && !(cause instanceof ConnectException)
        && cause.getMessage() != null
        && !message.contains(cause.getMessage().strip())) {
      return message + " (" + cause.getMessage() + ")";
    }
    return message;
  }
}
