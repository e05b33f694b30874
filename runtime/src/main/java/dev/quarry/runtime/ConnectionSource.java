package dev.quarry.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where a generated repository gets the connection for each call, and what it does with it
 * afterwards.
 *
 * <p>Two forms cover the usual cases: {@link #of(DataSource)} borrows a connection per call and
 * closes it (returning it to a pool), so each call is its own transaction under autocommit; {@link
 * #of(Connection)} uses one connection that the caller manages, so calls take part in whatever
 * transaction the caller (or a framework's transaction manager) has open on it. Implement the
 * interface for anything else, e.g. to fetch the connection a transaction manager has bound to the
 * current thread.
 */
public interface ConnectionSource {

  /** The connection to run one call on. */
  Connection acquire() throws SQLException;

  /** Called once after every {@link #acquire()}, also when the call failed. */
  void release(Connection connection) throws SQLException;

  /**
   * {@link #acquire()} as a resource, for code that holds the connection in try-with-resources: a
   * failure to release it (a broken connection that cannot close) is attached to the call's own
   * failure as suppressed instead of replacing it. ({@link QueryRunner}, which generated code
   * calls, does the same without this object.)
   */
  default Lease lease() throws SQLException {
    return new Lease(this, acquire());
  }

  /** A connection acquired for one call; closing the lease releases the connection once. */
  final class Lease implements AutoCloseable {
    private final ConnectionSource source;
    private final Connection connection;
    private boolean released;

    Lease(ConnectionSource source, Connection connection) {
      this.source = Objects.requireNonNull(source, "source");
      this.connection =
          Objects.requireNonNull(connection, "the connection source gave no connection");
    }

    /** The connection to run the call on. */
    public Connection connection() {
      return connection;
    }

    @Override
    public void close() throws SQLException {
      if (!released) {
        released = true;
        source.release(connection);
      }
    }
  }

  /** A connection per call from {@code dataSource}, closed after the call. */
  static ConnectionSource of(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new ConnectionSource() {
      @Override
      public Connection acquire() throws SQLException {
        return dataSource.getConnection();
      }

      @Override
      public void release(Connection connection) throws SQLException {
        connection.close();
      }
    };
  }

  /** Always {@code connection}, which the caller opens, commits and closes. */
  static ConnectionSource of(Connection connection) {
    Objects.requireNonNull(connection, "connection");
    return new ConnectionSource() {
      @Override
      public Connection acquire() {
        return connection;
      }

      @Override
      public void release(Connection ignored) {
        // The caller owns the connection.
      }
    };
  }
}
