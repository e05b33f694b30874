package dev.quarry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What generated methods rely on {@link QueryRunner} for, on a fake driver: single-row checks,
 * exception translation, every statement, result set and connection closed or released (also on
 * failure), and the listener's events.
 */
class QueryRunnerTest {
  private static final Query ONE =
      new Query("FindUser", ":one", "queries/users.sql", 3, "SELECT name FROM users WHERE id = ?");

  /** A fake driver whose queries return {@code rows} values, recording what was closed. */
  private static final class FakeSource implements ConnectionSource {
    final List<String> rows;
    final List<String> events = new ArrayList<>();
    SQLException executeFailure;
    int acquired;
    int released;

    FakeSource(String... rows) {
      this.rows = List.of(rows);
    }

    @Override
    public Connection acquire() {
      acquired++;
      return proxy(
          Connection.class,
          (method, args) -> {
            if (method.equals("prepareStatement")) {
              events.add("prepare " + args[0]);
              return statement();
            }
            return null;
          });
    }

    private PreparedStatement statement() {
      return proxy(
          PreparedStatement.class,
          (method, args) -> {
            switch (method) {
              case "setLong" -> events.add("bind " + args[0] + "=" + args[1]);
              case "executeQuery" -> {
                if (executeFailure != null) {
                  throw executeFailure;
                }
                return resultSet();
              }
              case "executeLargeUpdate" -> {
                return 7L;
              }
              case "close" -> events.add("close statement");
              default -> {}
            }
            return null;
          });
    }

    private ResultSet resultSet() {
      int[] at = {-1};
      return proxy(
          ResultSet.class,
          (method, args) ->
              switch (method) {
                case "next" -> ++at[0] < rows.size();
                case "getString" -> rows.get(at[0]);
                case "close" -> {
                  events.add("close rows");
                  yield null;
                }
                default -> null;
              });
    }

    @Override
    public void release(Connection connection) {
      released++;
    }
  }

  @FunctionalInterface
  private interface Handler {
    Object handle(String method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, Handler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              Object value = handler.handle(method.getName(), args);
              if (value == null && method.getReturnType() == boolean.class) {
                return false;
              }
              return value;
            }));
  }

  private static Optional<String> findUser(QueryRunner runner) {
    return runner.optional(ONE, statement -> statement.setLong(1, 42L), rows -> rows.getString(1));
  }

  @Test
  void optionalReadsTheOnlyRowAndClosesEverything() {
    FakeSource source = new FakeSource("ada");
    assertEquals(Optional.of("ada"), findUser(new QueryRunner(source)));
    assertEquals(
        List.of(
            "prepare SELECT name FROM users WHERE id = ?",
            "bind 1=42",
            "close rows",
            "close statement"),
        source.events);
    assertEquals(1, source.acquired);
    assertEquals(1, source.released);
    assertEquals(Optional.empty(), findUser(new QueryRunner(new FakeSource())));
  }

  @Test
  void moreThanOneRowIsAQueryExceptionAndTheConnectionIsReleased() {
    FakeSource source = new FakeSource("ada", "grace");
    QueryException thrown =
        assertThrows(QueryException.class, () -> findUser(new QueryRunner(source)));
    assertEquals(
        "FindUser: returned more than one row; a :one query must return at most one",
        thrown.getMessage());
    assertEquals(1, source.released);
    assertTrue(source.events.contains("close statement"), source.events.toString());
  }

  @Test
  void singleDemandsExactlyOneRow() {
    QueryRunner one = new QueryRunner(new FakeSource("ada"));
    assertEquals("ada", one.single(ONE, statement -> {}, rows -> rows.getString(1)));
    QueryRunner none = new QueryRunner(new FakeSource());
    QueryException thrown =
        assertThrows(
            QueryException.class,
            () -> none.single(ONE, statement -> {}, rows -> rows.getString(1)));
    assertEquals(
        "FindUser: returned no row, though its statement always returns one (did a trigger skip it?)",
        thrown.getMessage());
    QueryRunner two = new QueryRunner(new FakeSource("a", "b"));
    assertThrows(
        QueryException.class, () -> two.single(ONE, statement -> {}, rows -> rows.getString(1)));
  }

  @Test
  void driverFailuresBecomeQueryExceptionsNamingTheQuery() {
    FakeSource source = new FakeSource("ada");
    source.executeFailure = new SQLException("relation \"users\" does not exist", "42P01");
    QueryException thrown =
        assertThrows(QueryException.class, () -> findUser(new QueryRunner(source)));
    assertEquals("FindUser: relation \"users\" does not exist", thrown.getMessage());
    assertEquals("42P01", thrown.sqlState());
    assertEquals("FindUser", thrown.queryName());
    assertEquals(1, source.released);
    assertTrue(source.events.contains("close statement"), source.events.toString());
  }

  @Test
  void theListenerHearsOfEveryCallWithRowsDurationAndFailure() {
    List<QueryEvent> events = new ArrayList<>();
    FakeSource source = new FakeSource("ada", "grace");
    QueryRunner runner = new QueryRunner(source, events::add);
    Query many = new Query("ListUsers", ":many", "queries/users.sql", 7, "SELECT name FROM users");
    List<String> names = runner.list(many, statement -> {}, rows -> rows.getString(1));
    assertEquals(List.of("ada", "grace"), names);
    assertThrows(UnsupportedOperationException.class, () -> names.add("linus"));
    assertEquals(7L, runner.updateCount(ONE, statement -> {}));
    assertThrows(QueryException.class, () -> findUser(runner));

    assertEquals(3, events.size());
    assertSame(many, events.get(0).query());
    assertEquals(2, events.get(0).rows());
    assertNull(events.get(0).failure());
    assertTrue(events.get(0).nanos() > 0, "a duration was measured");
    assertEquals(7, events.get(1).rows());
    QueryEvent failed = events.get(2);
    assertEquals("FindUser", failed.query().name());
    assertEquals(":one", failed.query().command());
    assertEquals("queries/users.sql", failed.query().file());
    assertEquals(3, failed.query().line());
    assertTrue(failed.failure() instanceof QueryException, String.valueOf(failed.failure()));
  }

  @Test
  void aListenerThatThrowsOnAFailedCallDoesNotHideTheCallsFailure() {
    FakeSource source = new FakeSource("a", "b");
    QueryRunner runner =
        new QueryRunner(
            source,
            event -> {
              throw new IllegalStateException("listener broke");
            });
    QueryException thrown = assertThrows(QueryException.class, () -> findUser(runner));
    assertEquals(1, thrown.getSuppressed().length);
    assertEquals("listener broke", thrown.getSuppressed()[0].getMessage());
  }

  @Test
  void anEmptyBatchNeedsNoConnection() {
    FakeSource source = new FakeSource();
    QueryRunner runner = new QueryRunner(source);
    Query batch = new Query("Touch", ":batchexec", "q.sql", 1, "UPDATE t SET x = 1 WHERE id = ?");
    assertEquals(0, runner.batch(batch, List.<Long>of(), (s, id) -> s.setLong(1, id)).length);
    assertEquals(0, source.acquired);
  }
}
