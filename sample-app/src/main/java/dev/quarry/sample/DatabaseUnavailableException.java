package dev.quarry.sample;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * No connection came from the pool in time: either every connection was in use ("database busy") or
 * none could be opened ("database unavailable"). The message is meant for API clients and ends with
 * "try again"; HikariCP's own report, with the pool's counts, is the cause or, when the database
 * refused connections, the driver's exception.
 *
 * <p>{@link #clientMessage(Throwable)} also recognises the other ways a request fails because the
 * database is away for a while (a connection lost mid-query, a server shutting down), so that all
 * of them are answered alike, with 503.
 */
public final class DatabaseUnavailableException extends SQLTransientConnectionException {
  private static final long serialVersionUID = 1L;

  /** PostgreSQL's too_many_connections, the closest SQLSTATE to "every connection is in use". */
  static final String TOO_MANY_CONNECTIONS = "53300";

  /**
   * SQLSTATEs meaning the server is going away or not there yet: admin_shutdown, crash_shutdown,
   * cannot_connect_now, too_many_connections. Class 08 (connection exception) counts too.
   */
  private static final Set<String> UNAVAILABLE_STATES =
      Set.of("57P01", "57P02", "57P03", TOO_MANY_CONNECTIONS);

  private DatabaseUnavailableException(String message, @Nullable String sqlState, Throwable cause) {
    super(message, sqlState, cause);
  }

  /** Explains HikariCP's timeout {@code timeout} for a pool set up with {@code settings}. */
  static DatabaseUnavailableException timedOut(
      SQLTransientConnectionException timeout, Database.PoolSettings settings) {
    long waited = settings.connectionTimeout().toMillis();
    // HikariCP forgets the last connection failure as soon as a connection opens again, so a
    // cause means the database is refusing connections now.
    if (timeout.getCause() == null) {
      return new DatabaseUnavailableException(
          "database busy: all "
              + settings.maxSize()
              + " connections in use for "
              + waited
              + "ms; try again",
          TOO_MANY_CONNECTIONS,
          timeout);
    }
    return new DatabaseUnavailableException(
        "database unavailable: no connection could be opened for " + waited + "ms; try again",
        timeout.getSQLState(),
        timeout);
  }

  /**
   * The message to give an API client when {@code failure} (or one of its causes) means the
   * database cannot serve requests for the moment, or null when it means something else.
   */
  static @Nullable String clientMessage(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause()) {
      depth++;
      if (cause instanceof DatabaseUnavailableException unavailable) {
        return unavailable.getMessage();
      }
      if (cause instanceof SQLException sql && isUnavailableState(sql.getSQLState())) {
        return "database unavailable: the connection to the database failed (SQLSTATE "
            + sql.getSQLState()
            + "); try again";
      }
    }
    return null;
  }

  private static boolean isUnavailableState(@Nullable String state) {
    return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
  }
}
