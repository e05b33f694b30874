package dev.quarry.runtime;

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
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Runs the queries of generated repositories: borrows a connection from a {@link ConnectionSource},
 * prepares the statement, lets the generated code bind its parameters and map its rows, closes
 * everything, and turns the driver's {@link SQLException} into a {@link QueryException} naming the
 * query. A generated method is one call of this class, so that it shows only its SQL constant, its
 * bindings and its row mapping.
 *
 * <p>The connection is released after every call, also when the call fails; a failure to release it
 * is attached to the call's own failure as suppressed. Batches and COPY run all or nothing ({@link
 * Transactions#atomically}); streams read through a server-side cursor ({@link QueryStreams}).
 *
 * <p>With a {@link QueryListener}, every call is reported to it when it ends; without one (the
 * default) the runner neither reads the clock nor allocates anything for it.
 */
public final class QueryRunner {
  private static final int OPTIONAL = 0;
  private static final int SINGLE = 1;
  private static final int LIST = 2;
  private static final int EXECUTE = 3;
  private static final int UPDATE_COUNT = 4;
  private static final int COUNT_ROWS = 5;
  private static final int BATCH = 6;
  private static final int BATCH_OPTIONAL = 7;
  private static final int BATCH_LIST = 8;

  private final ConnectionSource connections;
  private final @Nullable QueryListener listener;

  /** Runs queries on connections from {@code connections}, without a listener. */
  public QueryRunner(ConnectionSource connections) {
    this(connections, null);
  }

  /**
   * Runs queries on connections from {@code connections}, reporting each call to {@code listener}.
   */
  public QueryRunner(ConnectionSource connections, @Nullable QueryListener listener) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.listener = listener;
  }

  /** A connection per call from {@code dataSource} ({@link ConnectionSource#of(DataSource)}). */
  public static QueryRunner of(DataSource dataSource) {
    return new QueryRunner(ConnectionSource.of(dataSource));
  }

  /**
   * Every call on {@code connection}, which the caller manages ({@link
   * ConnectionSource#of(Connection)}).
   */
  public static QueryRunner of(Connection connection) {
    return new QueryRunner(ConnectionSource.of(connection));
  }

  /** This runner's connections, reporting to {@code listener} instead. */
  public QueryRunner withListener(@Nullable QueryListener listener) {
    return new QueryRunner(connections, listener);
  }

  /** Where this runner gets its connections. */
  public ConnectionSource connections() {
    return connections;
  }

  /** The listener told about every call, or null. */
  public @Nullable QueryListener listener() {
    return listener;
  }

  /** Binds a query's parameters to its statement. */
  @FunctionalInterface
  public interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Binds one parameter set of a batch to its statement. */
  @FunctionalInterface
  public interface BatchBinder<P> {
    void bind(PreparedStatement statement, P parameters) throws SQLException;
  }

  /**
   * Maps the current row of a result set. Returns null only for the nullable value of a query that
   * always returns one row ({@link #single}); {@link #optional} needs a row that is not null.
   */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rows) throws SQLException;
  }

  /**
   * The query's only row, or empty when it returns none.
   *
   * @throws QueryException when it returns more than one row, or fails
   */
  public <T> Optional<T> optional(Query query, Binder binder, RowMapper<T> mapper) {
    return listener == null
        ? rows(query, binder, mapper, OPTIONAL)
        : listened(query, binder, mapper, OPTIONAL);
  }

  /**
   * The query's only row, for a query that returns exactly one.
   *
   * @throws QueryException when it returns no row or more than one, or fails
   */
  public <T> T single(Query query, Binder binder, RowMapper<T> mapper) {
    return listener == null
        ? rows(query, binder, mapper, SINGLE)
        : listened(query, binder, mapper, SINGLE);
  }

  /** All the query's rows, in order, in an unmodifiable list. */
  public <T> List<T> list(Query query, Binder binder, RowMapper<T> mapper) {
    return listener == null
        ? rows(query, binder, mapper, LIST)
        : listened(query, binder, mapper, LIST);
  }

  /**
   * The query's rows, read as the stream is consumed, through a server-side cursor (see {@link
   * QueryStreams} for how it uses transactions). The stream holds a connection until it is closed:
   * close it, e.g. with try-with-resources.
   */
  public <T> Stream<T> stream(Query query, Binder binder, RowMapper<T> mapper) {
    return QueryStreams.open(connections, query, binder, mapper, listener);
  }

  /** Runs a statement whose result is not needed. */
  public void execute(Query query, Binder binder) {
    if (listener == null) {
      update(query, binder, EXECUTE);
    } else {
      listenedUpdate(query, binder, EXECUTE);
    }
  }

  /** Runs a statement and returns the number of rows it affected. */
  public long updateCount(Query query, Binder binder) {
    return listener == null
        ? update(query, binder, UPDATE_COUNT)
        : listenedUpdate(query, binder, UPDATE_COUNT);
  }

  /**
   * Runs a statement that returns rows ({@code RETURNING}) and returns how many it returned: the
   * rows affected, which JDBC does not report when rows come back.
   */
  public long countRows(Query query, Binder binder) {
    return listener == null
        ? update(query, binder, COUNT_ROWS)
        : listenedUpdate(query, binder, COUNT_ROWS);
  }

  /**
   * Runs the statement once per parameter set, as one JDBC batch, all or nothing; returns each
   * set's update count. An empty list runs nothing.
   */
  public <P> long[] batch(Query query, List<? extends P> parameterSets, BatchBinder<P> binder) {
    return perSet(query, parameterSets, binder, null, BATCH);
  }

  /**
   * Runs the query once per parameter set, all or nothing; returns each set's only row, or empty.
   *
   * @throws QueryException when a set returns more than one row, or the batch fails
   */
  public <P, T> List<Optional<T>> batchOptional(
      Query query, List<? extends P> parameterSets, BatchBinder<P> binder, RowMapper<T> mapper) {
    return perSet(query, parameterSets, binder, mapper, BATCH_OPTIONAL);
  }

  /** Runs the query once per parameter set, all or nothing; returns each set's rows. */
  public <P, T> List<List<T>> batchList(
      Query query, List<? extends P> parameterSets, BatchBinder<P> binder, RowMapper<T> mapper) {
    return perSet(query, parameterSets, binder, mapper, BATCH_LIST);
  }

  /**
   * Copies {@code rows} with the query's {@code COPY ... FROM STDIN} statement ({@link CopyRows}),
   * all or nothing; returns the number of rows PostgreSQL stored.
   */
  public <P> long copy(Query query, Iterable<? extends P> rows, CopyRows.RowWriter<P> writer) {
    long start = listener == null ? 0 : System.nanoTime();
    long copied;
    try {
      copied =
          onConnection(query, connection -> CopyRows.copy(connection, query.sql(), rows, writer));
    } catch (RuntimeException e) {
      throw failed(query, start, e);
    }
    succeeded(query, start, copied);
    return copied;
  }

  // The paths without a listener: no clock, no allocation beyond the driver's and the result's.

  @SuppressWarnings("unchecked")
  private <T, R> R rows(Query query, Binder binder, RowMapper<T> mapper, int mode) {
    try {
      Connection connection = connections.acquire();
      Throwable failure = null;
      try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
        binder.bind(statement);
        try (ResultSet rows = statement.executeQuery()) {
          return (R) read(query, rows, mapper, mode);
        }
      } catch (Throwable e) {
        failure = e;
        throw e;
      } finally {
        release(connection, failure);
      }
    } catch (SQLException e) {
      throw new QueryException(query.name(), e);
    }
  }

  private static Object read(Query query, ResultSet rows, RowMapper<?> mapper, int mode)
      throws SQLException {
    if (mode == LIST) {
      return readList(rows, mapper);
    }
    if (!rows.next()) {
      if (mode == SINGLE) {
        throw new QueryException(
            query.name(),
            "returned no row, though its statement always returns one (did a trigger skip it?)");
      }
      return Optional.empty();
    }
    Object row = mapper.map(rows);
    if (rows.next()) {
      throw new QueryException(
          query.name(),
          "returned more than one row; a " + query.command() + " query must return at most one");
    }
    return mode == SINGLE ? row : Optional.of(row);
  }

  private static List<Object> readList(ResultSet rows, RowMapper<?> mapper) throws SQLException {
    RowList<Object> list = new RowList<>();
    while (rows.next()) {
      list.append(mapper.map(rows));
    }
    return list;
  }

  private long update(Query query, Binder binder, int mode) {
    try {
      Connection connection = connections.acquire();
      Throwable failure = null;
      try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
        binder.bind(statement);
        if (mode == UPDATE_COUNT) {
          return statement.executeLargeUpdate();
        }
        if (mode == COUNT_ROWS) {
          long count = 0;
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              count++;
            }
          }
          return count;
        }
        return statement.execute() ? 0 : Math.max(0, statement.getLargeUpdateCount());
      } catch (Throwable e) {
        failure = e;
        throw e;
      } finally {
        release(connection, failure);
      }
    } catch (SQLException e) {
      throw new QueryException(query.name(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private <P, R> R perSet(
      Query query,
      List<? extends P> sets,
      BatchBinder<P> binder,
      @Nullable RowMapper<?> mapper,
      int mode) {
    Objects.requireNonNull(sets, "parameterSets");
    if (sets.isEmpty()) {
      // Nothing to run: no connection needed.
      return (R) (mode == BATCH ? new long[0] : List.of());
    }
    long start = listener == null ? 0 : System.nanoTime();
    Object result;
    try {
      result =
          onConnection(
              query,
              connection ->
                  Transactions.atomically(
                      connection,
                      () -> {
                        try (PreparedStatement statement =
                            connection.prepareStatement(query.sql())) {
                          return runSets(query, statement, sets, binder, mapper, mode);
                        }
                      }));
    } catch (RuntimeException e) {
      throw failed(query, start, e);
    }
    if (listener != null) {
      succeeded(query, start, count(result, mode));
    }
    return (R) result;
  }

  private static <P> Object runSets(
      Query query,
      PreparedStatement statement,
      List<? extends P> sets,
      BatchBinder<P> binder,
      @Nullable RowMapper<?> mapper,
      int mode)
      throws SQLException {
    if (mode == BATCH) {
      for (P set : sets) {
        binder.bind(statement, set);
        statement.addBatch();
      }
      return statement.executeLargeBatch();
    }
    RowMapper<?> rowMapper = Objects.requireNonNull(mapper, "mapper");
    List<Object> results = new ArrayList<>(sets.size());
    for (P set : sets) {
      binder.bind(statement, set);
      try (ResultSet rows = statement.executeQuery()) {
        if (mode == BATCH_LIST) {
          results.add(readList(rows, rowMapper));
        } else if (!rows.next()) {
          results.add(Optional.empty());
        } else {
          Object row = rowMapper.map(rows);
          if (rows.next()) {
            throw new QueryException(
                query.name(),
                "returned more than one row for one parameter set; a "
                    + query.command()
                    + " query must return at most one");
          }
          results.add(Optional.of(row));
        }
      }
    }
    return Collections.unmodifiableList(results);
  }

  /** Work on a leased connection. */
  @FunctionalInterface
  private interface ConnectionWork<R> {
    R run(Connection connection) throws SQLException;
  }

  private <R> R onConnection(Query query, ConnectionWork<R> work) {
    try {
      Connection connection = connections.acquire();
      Throwable failure = null;
      try {
        return work.run(connection);
      } catch (Throwable e) {
        failure = e;
        throw e;
      } finally {
        release(connection, failure);
      }
    } catch (SQLException e) {
      throw new QueryException(query.name(), e);
    }
  }

  /**
   * Releases the call's connection. A failure to do so after the call failed is attached to that
   * failure; after it succeeded, it is the call's failure.
   */
  private void release(Connection connection, @Nullable Throwable failure) throws SQLException {
    try {
      connections.release(connection);
    } catch (SQLException | RuntimeException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }

  // The paths with a listener.

  private <T, R> R listened(Query query, Binder binder, RowMapper<T> mapper, int mode) {
    long start = System.nanoTime();
    R result;
    try {
      result = rows(query, binder, mapper, mode);
    } catch (RuntimeException e) {
      throw failed(query, start, e);
    }
    succeeded(query, start, count(result, mode));
    return result;
  }

  private long listenedUpdate(Query query, Binder binder, int mode) {
    long start = System.nanoTime();
    long rows;
    try {
      rows = update(query, binder, mode);
    } catch (RuntimeException e) {
      throw failed(query, start, e);
    }
    succeeded(query, start, rows);
    return rows;
  }

  private static long count(@Nullable Object result, int mode) {
    return switch (mode) {
      case OPTIONAL -> ((Optional<?>) Objects.requireNonNull(result)).isPresent() ? 1 : 0;
      case SINGLE -> 1;
      case LIST -> ((List<?>) Objects.requireNonNull(result)).size();
      case BATCH -> {
        long affected = 0;
        for (long count : (long[]) Objects.requireNonNull(result)) {
          affected += Math.max(0, count);
        }
        yield affected;
      }
      case BATCH_OPTIONAL -> {
        long present = 0;
        for (Object row : (List<?>) Objects.requireNonNull(result)) {
          present += ((Optional<?>) row).isPresent() ? 1 : 0;
        }
        yield present;
      }
      case BATCH_LIST -> {
        long rows = 0;
        for (Object list : (List<?>) Objects.requireNonNull(result)) {
          rows += ((List<?>) list).size();
        }
        yield rows;
      }
      default -> throw new IllegalArgumentException("mode " + mode);
    };
  }

  private void succeeded(Query query, long start, long rows) {
    QueryListener l = listener;
    if (l != null) {
      l.executed(new QueryEvent(query, System.nanoTime() - start, rows, null));
    }
  }

  /** Reports {@code failure} to the listener, if any; returns it, to be thrown. */
  private RuntimeException failed(Query query, long start, RuntimeException failure) {
    QueryListener l = listener;
    if (l != null) {
      report(l, new QueryEvent(query, System.nanoTime() - start, 0, failure));
    }
    return failure;
  }

  /** Tells {@code listener} about a failed call; its own failure goes into the call's. */
  static void report(QueryListener listener, QueryEvent event) {
    try {
      listener.executed(event);
    } catch (RuntimeException | Error e) {
      RuntimeException failure = Objects.requireNonNull(event.failure());
      if (e != failure) {
        failure.addSuppressed(e);
      }
    }
  }
}
