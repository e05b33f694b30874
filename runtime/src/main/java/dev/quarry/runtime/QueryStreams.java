package dev.quarry.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Streams a query's rows through a server-side cursor, for results too large to hold in memory.
 * Generated methods of queries marked {@code -- quarry:stream} call this through {@link
 * QueryRunner#stream}.
 *
 * <p>PostgreSQL's JDBC driver fetches rows in batches of the statement's fetch size only inside a
 * transaction (with autocommit on it reads the whole result at once). So while the stream is open,
 * a connection in autocommit mode is switched to manual commit; closing the stream commits that
 * transaction (it holds only this query, which autocommit would have committed anyway) and switches
 * autocommit back on. A connection already in a transaction is used as it is and left in it. Other
 * statements run on the same connection while the stream is open are part of that transaction.
 *
 * <p>The stream holds the connection, the statement and the result set until it is closed: always
 * close it, e.g. with try-with-resources. It is closed for you when reading fails.
 */
public final class QueryStreams {
  /** Rows fetched per round trip: large enough to amortise the trip, small enough for memory. */
  public static final int FETCH_SIZE = 1000;

  private QueryStreams() {}

  /**
   * Runs the query on a connection from {@code connections} and returns its rows as a stream that
   * must be closed; {@code listener}, if any, hears of it when the stream is closed.
   *
   * @throws QueryException when the statement cannot be run; everything opened so far is closed
   */
  static <T> Stream<T> open(
      ConnectionSource connections,
      Query query,
      QueryRunner.Binder binder,
      QueryRunner.RowMapper<T> mapper,
      @Nullable QueryListener listener) {
    Cursor<T> cursor = new Cursor<>(connections, query, mapper, listener);
    try {
      cursor.open(binder);
    } catch (SQLException | RuntimeException e) {
      SQLException closing = cursor.close();
      if (closing != null) {
        e.addSuppressed(closing);
      }
      RuntimeException failure =
          e instanceof SQLException sql
              ? new QueryException(query.name(), sql)
              : (RuntimeException) e;
      cursor.finish(failure);
      throw failure;
    }
    return StreamSupport.stream(cursor, false).onClose(cursor::closeOrThrow);
  }

  /** The open cursor: a connection, a statement, a result set, and how to put them back. */
  private static final class Cursor<T> extends Spliterators.AbstractSpliterator<T> {
    private final ConnectionSource connections;
    private final Query query;
    private final QueryRunner.RowMapper<T> mapper;
    private final @Nullable QueryListener listener;
    private final long start;
    private long read;
    private boolean finished;
    private @Nullable Connection connection;
    private boolean restoreAutoCommit;
    private @Nullable PreparedStatement statement;
    private @Nullable ResultSet rows;
    private boolean closed;

    Cursor(
        ConnectionSource connections,
        Query query,
        QueryRunner.RowMapper<T> mapper,
        @Nullable QueryListener listener) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.connections = connections;
      this.query = query;
      this.mapper = mapper;
      this.listener = listener;
      this.start = listener == null ? 0 : System.nanoTime();
    }

    void open(QueryRunner.Binder binder) throws SQLException {
      Connection c = connections.acquire();
      connection = c;
      if (c.getAutoCommit()) {
        c.setAutoCommit(false);
        restoreAutoCommit = true;
      }
      PreparedStatement s = c.prepareStatement(query.sql());
      statement = s;
      s.setFetchSize(FETCH_SIZE);
      binder.bind(s);
      rows = s.executeQuery();
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
      if (closed || rows == null) {
        return false;
      }
      T row;
      try {
        if (!rows.next()) {
          return false;
        }
        row = mapper.map(rows);
      } catch (SQLException e) {
        SQLException closing = close();
        if (closing != null) {
          e.addSuppressed(closing);
        }
        QueryException failure = new QueryException(query.name(), e);
        finish(failure);
        throw failure;
      }
      read++;
      action.accept(row);
      return true;
    }

    void closeOrThrow() {
      SQLException failure = close();
      if (failure != null) {
        QueryException thrown = new QueryException(query.name(), failure);
        finish(thrown);
        throw thrown;
      }
      finish(null);
    }

    /** Tells the listener, once, how the stream ended. */
    void finish(@Nullable RuntimeException failure) {
      QueryListener l = listener;
      if (l == null || finished) {
        return;
      }
      finished = true;
      QueryEvent event = new QueryEvent(query, System.nanoTime() - start, read, failure);
      if (failure == null) {
        l.executed(event);
      } else {
        QueryRunner.report(l, event);
      }
    }

    /** Closes everything; returns the first failure (later ones suppressed in it), or null. */
    @Nullable SQLException close() {
      if (closed) {
        return null;
      }
      closed = true;
      SQLException failure = null;
      try {
        if (rows != null) {
          rows.close();
        }
      } catch (SQLException e) {
        failure = add(failure, e);
      }
      try {
        if (statement != null) {
          statement.close();
        }
      } catch (SQLException e) {
        failure = add(failure, e);
      }
      Connection c = connection;
      if (c != null) {
        if (restoreAutoCommit) {
          try {
            // Only this query ran in the transaction: end it as autocommit would have.
            if (failure == null) {
              c.commit();
            } else {
              c.rollback();
            }
          } catch (SQLException e) {
            failure = add(failure, e);
          }
          try {
            c.setAutoCommit(true);
          } catch (SQLException e) {
            failure = add(failure, e);
          }
        }
        try {
          connections.release(c);
        } catch (SQLException e) {
          failure = add(failure, e);
        }
      }
      return failure;
    }

    private static SQLException add(@Nullable SQLException first, SQLException next) {
      if (first == null) {
        return next;
      }
      first.addSuppressed(next);
      return first;
    }
  }
}
