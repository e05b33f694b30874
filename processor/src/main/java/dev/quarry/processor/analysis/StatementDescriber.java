package dev.quarry.processor.analysis;

import dev.quarry.processor.database.ConnectionLoss;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.ParameterList;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.SqlCommand;
import org.postgresql.core.Tuple;
import org.postgresql.jdbc.PreferQueryMode;

/**
 * Describes statements the way a client library prepares them: the extended protocol's Parse and
 * Describe messages, whose answers (ParameterDescription, RowDescription) give every parameter's
 * and every result column's type as an OID, and for a column read straight from a table that
 * table's OID and the column's number. No type name travels either way, so quoted, mixed-case and
 * schema-qualified types need nothing special; and statements PostgreSQL cannot {@code PREPARE}
 * ({@code SAVEPOINT}, {@code SET}, {@code CALL} ...) describe like any other.
 *
 * <p>Many statements go in one round trip: all their Parse and Describe messages, then one Sync
 * (pgjdbc adds a Sync every few hundred statements so that neither side's buffers fill up). After
 * an error PostgreSQL skips everything up to the next Sync, so the statements after a failed one
 * are sent again in the next round trip: a failure costs one round trip and nothing else. Nothing
 * is executed; statements are parsed into the unnamed statement, which needs no cleanup.
 *
 * <p>pgjdbc has no public API for this: it keeps result-column OIDs internal and rewrites {@code ?}
 * placeholders. Its query executor, reached through {@code BaseConnection}, takes a ready "native"
 * query with {@code $n} placeholders and a describe-only flag, which is what its own {@code
 * getMetaData()} uses; that works on every PostgreSQL version with protocol 3 (7.4 and later).
 */
public final class StatementDescriber {
  private final Connection connection;

  public StatementDescriber(Connection connection) {
    this.connection = connection;
  }

  /**
   * One statement to describe.
   *
   * @param sql the statement with {@code $n} parameters
   * @param declaredTypes the type OID to declare for each parameter, 0 to let PostgreSQL infer it;
   *     its length is the number of parameters
   */
  public record Request(String sql, int[] declaredTypes) {
    public Request {
      declaredTypes = declaredTypes.clone();
    }

    /** A request that lets PostgreSQL infer every one of {@code parameters} parameters. */
    public static Request inferring(String sql, int parameters) {
      return new Request(sql, new int[parameters]);
    }
  }

  /** One result column as RowDescription gives it. */
  public record Column(String label, int typeOid, int tableOid, int tableColumn) {}

  /** What PostgreSQL answered for one statement. */
  public sealed interface Answer {}

  /**
   * The statement parsed: its parameter types, and its result columns, or null when it returns no
   * rows.
   */
  public record Described(int[] parameterTypes, @Nullable List<Column> columns) implements Answer {
    public Described {
      parameterTypes = parameterTypes.clone();
      columns = columns == null ? null : List.copyOf(columns);
    }
  }

  /** PostgreSQL (or the driver) refused the statement; the connection is still usable. */
  public record Failed(SQLException error) implements Answer {}

  /**
   * Thrown when the connection was lost: no statement is to blame. {@link #unanswered} is the index
   * of the first request that got no answer.
   */
  public static final class ConnectionLost extends SQLException {
    private static final long serialVersionUID = 1L;
    private final int unanswered;
    private final int inFlight;

    ConnectionLost(SQLException cause, int unanswered, int inFlight) {
      super(cause.getMessage(), cause.getSQLState(), cause);
      this.unanswered = unanswered;
      this.inFlight = inFlight;
    }

    /** The index of the first request of the round trip that broke off. */
    public int unanswered() {
      return unanswered;
    }

    /** How many requests were sent in the round trip that broke off. */
    public int inFlight() {
      return inFlight;
    }
  }

  /**
   * The answers, one per request and in order.
   *
   * @throws ConnectionLost when the connection is lost
   */
  public List<Answer> describe(List<Request> requests) throws SQLException {
    List<Answer> answers = new ArrayList<>(requests.size());
    if (requests.isEmpty()) {
      return answers;
    }
    QueryExecutor executor = connection.unwrap(BaseConnection.class).getQueryExecutor();
    if (executor.getPreferQueryMode() == PreferQueryMode.SIMPLE) {
      // A URL may ask for the simple protocol, which cannot describe; this connection is Quarry's.
      executor.setPreferQueryMode(PreferQueryMode.EXTENDED);
    }
    int from = 0;
    // After the driver itself failed (not PostgreSQL), statements go one per round trip, so that
    // the failure is pinned on the statement that causes it.
    boolean oneByOne = false;
    while (from < requests.size()) {
      List<Request> batch = requests.subList(from, oneByOne ? from + 1 : requests.size());
      List<NativeQuery> natives = new ArrayList<>(batch.size());
      for (Request request : batch) {
        natives.add(
            new NativeQuery(
                request.sql(),
                bindPositions(request.sql(), request.declaredTypes().length),
                false,
                SqlCommand.BLANK));
      }
      Query query = executor.wrap(natives);
      Query[] statements =
          query.getSubqueries() == null ? new Query[] {query} : query.getSubqueries();
      ParameterList parameters = query.createParameterList();
      int[] offsets = new int[batch.size()];
      int offset = 0;
      for (int i = 0; i < batch.size(); i++) {
        offsets[i] = offset;
        int[] declared = batch.get(i).declaredTypes();
        for (int p = 0; p < declared.length; p++) {
          if (declared[p] != 0) {
            parameters.setNull(offset + p + 1, declared[p]);
          }
        }
        offset += declared.length;
      }
      Handler handler = new Handler();
      SQLException error = null;
      try {
        executor.execute(
            query,
            parameters,
            handler,
            0,
            0,
            QueryExecutor.QUERY_DESCRIBE_ONLY
                | QueryExecutor.QUERY_ONESHOT
                | QueryExecutor.QUERY_SUPPRESS_BEGIN);
      } catch (SQLException e) {
        if (ConnectionLoss.is(e, connection)) {
          // Which answers arrived is not known when the stream broke off mid-way.
          throw new ConnectionLost(e, from, batch.size());
        }
        error = e;
      } catch (RuntimeException e) {
        if (connection.isClosed()) {
          throw new ConnectionLost(
              new SQLException("the driver failed and closed the connection: " + e, "08006", e),
              from,
              batch.size());
        }
        if (batch.size() > 1) {
          oneByOne = true;
          continue;
        }
        answers.add(new Failed(new SQLException("the JDBC driver failed: " + e, e)));
        from++;
        continue;
      }
      int[] types = parameters.getTypeOIDs();
      int answered = 0;
      while (answered < statements.length && statements[answered].isStatementDescribed()) {
        int count = batch.get(answered).declaredTypes().length;
        int[] own = new int[count];
        System.arraycopy(types, offsets[answered], own, 0, count);
        answers.add(new Described(own, handler.columns.get(statements[answered])));
        answered++;
      }
      if (answered == statements.length) {
        if (error != null) {
          // Every statement was described, yet the round trip failed: blame the last one rather
          // than lose the error.
          answers.set(answers.size() - 1, new Failed(error));
        }
        from += answered;
        continue;
      }
      answers.add(
          new Failed(
              error != null
                  ? error
                  : new SQLException("PostgreSQL neither described nor refused the statement")));
      from += answered + 1;
    }
    return answers;
  }

  /**
   * Where each {@code $n} first appears, as pgjdbc's native query records it; pgjdbc only reads
   * these to print a statement with its values, which describing never does.
   */
  private static int[] bindPositions(String sql, int count) {
    int[] positions = new int[count];
    for (int n = 1; n <= count; n++) {
      int at = sql.indexOf("$" + n);
      positions[n - 1] = Math.max(0, at);
    }
    return positions;
  }

  /** Collects the RowDescription of each statement; errors are collected by the base class. */
  private static final class Handler extends ResultHandlerBase {
    final Map<Query, List<Column>> columns = new IdentityHashMap<>();

    @Override
    public void handleResultRows(
        Query fromQuery, Field[] fields, List<Tuple> tuples, @Nullable ResultCursor cursor) {
      List<Column> described = new ArrayList<>(fields.length);
      for (Field field : fields) {
        described.add(
            new Column(
                field.getColumnLabel(),
                field.getOID(),
                field.getTableOid(),
                field.getPositionInTable()));
      }
      columns.put(fromQuery, described);
    }

    @Override
    public void handleWarning(SQLWarning warning) {
      // Notices while parsing (e.g. about implicit casts) say nothing about types.
    }
  }
}
