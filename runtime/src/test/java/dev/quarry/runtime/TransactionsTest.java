package dev.quarry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link Transactions} does with the connection when the work fails, on a fake connection: the
 * original failure must reach the caller even when the connection is broken, so that the rollback
 * and the switch back to autocommit fail too.
 */
class TransactionsTest {

  /** A connection that records calls and, once {@link #broken}, fails all of them. */
  private static final class FakeConnection {
    final List<String> calls = new ArrayList<>();
    boolean autoCommit = true;
    boolean broken;

    /** Fails only {@code setAutoCommit(true)}, as a connection that breaks right after a commit. */
    boolean refusesAutoCommitOn;

    Connection proxy() {
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (self, method, args) -> {
                String call = method.getName() + (args == null ? "" : Arrays.toString(args));
                calls.add(call);
                if (broken) {
                  throw new SQLException("This connection has been closed.", "08003");
                }
                return switch (method.getName()) {
                  case "getAutoCommit" -> autoCommit;
                  case "setAutoCommit" -> {
                    if (refusesAutoCommitOn && (Boolean) args[0]) {
                      throw new SQLException("An I/O error occurred", "08006");
                    }
                    autoCommit = (Boolean) args[0];
                    yield null;
                  }
                  case "commit", "rollback" -> null;
                  default -> throw new UnsupportedOperationException(call);
                };
              });
    }
  }

  @Test
  void atomicallyRethrowsTheWorksFailureWhenTheConnectionBreaks() {
    FakeConnection fake = new FakeConnection();
    SQLException original = new SQLException("I/O error while sending to the backend", "08006");

    SQLException thrown =
        assertThrows(
            SQLException.class,
            () ->
                Transactions.atomically(
                    fake.proxy(),
                    () -> {
                      fake.broken = true;
                      throw original;
                    }));

    assertSame(original, thrown);
    // Both the rollback and the switch back to autocommit failed; both are kept, not lost.
    assertEquals(2, thrown.getSuppressed().length, Arrays.toString(thrown.getSuppressed()));
    assertTrue(fake.calls.contains("rollback"), fake.calls.toString());
    assertTrue(fake.calls.contains("setAutoCommit[true]"), fake.calls.toString());
  }

  @Test
  void atomicallyRollsBackAndRestoresAutoCommitOnAHealthyConnection() {
    FakeConnection fake = new FakeConnection();
    IllegalStateException original = new IllegalStateException("bad row");

    assertSame(
        original,
        assertThrows(
            IllegalStateException.class,
            () ->
                Transactions.atomically(
                    fake.proxy(),
                    () -> {
                      throw original;
                    })));

    assertEquals(0, original.getSuppressed().length);
    assertEquals(
        List.of("getAutoCommit", "setAutoCommit[false]", "rollback", "setAutoCommit[true]"),
        fake.calls);
    assertTrue(fake.autoCommit);
  }

  @Test
  void atomicallyCommitsAndRestoresAutoCommit() throws SQLException {
    FakeConnection fake = new FakeConnection();

    assertEquals(7, Transactions.atomically(fake.proxy(), () -> 7));

    assertEquals(
        List.of("getAutoCommit", "setAutoCommit[false]", "commit", "setAutoCommit[true]"),
        fake.calls);
  }

  @Test
  void atomicallyJoinsAnOpenTransaction() throws SQLException {
    FakeConnection fake = new FakeConnection();
    fake.autoCommit = false;

    assertEquals(7, Transactions.atomically(fake.proxy(), () -> 7));

    assertEquals(List.of("getAutoCommit"), fake.calls);
  }

  @Test
  void atomicallySaysWhenCommittedWorkLeftAutoCommitOff() {
    FakeConnection fake = new FakeConnection();
    fake.refusesAutoCommitOn = true;

    SQLException thrown =
        assertThrows(SQLException.class, () -> Transactions.atomically(fake.proxy(), () -> 7));

    assertTrue(fake.calls.contains("commit"), fake.calls.toString());
    assertTrue(
        thrown.getMessage().startsWith("the work was committed, but autocommit could not"),
        thrown.getMessage());
    assertEquals("08006", thrown.getSQLState());
  }

  @Test
  void inTransactionRethrowsTheBodysFailureWhenTheConnectionBreaks() {
    FakeConnection fake = new FakeConnection();
    QueryException original =
        new QueryException("CreatePost", new SQLException("connection lost", "08006"));

    QueryException thrown =
        assertThrows(
            QueryException.class,
            () ->
                Transactions.inTransaction(
                    fake.proxy(),
                    connection -> {
                      fake.broken = true;
                      throw original;
                    }));

    assertSame(original, thrown);
    assertEquals(2, thrown.getSuppressed().length, Arrays.toString(thrown.getSuppressed()));
  }

  @Test
  void inTransactionWrapsACheckedFailureAndRestoresAutoCommit() {
    FakeConnection fake = new FakeConnection();
    Exception original = new Exception("checked");

    Transactions.TransactionException thrown =
        assertThrows(
            Transactions.TransactionException.class,
            () ->
                Transactions.inTransaction(
                    fake.proxy(),
                    connection -> {
                      throw original;
                    }));

    assertSame(original, thrown.getCause());
    assertEquals(
        List.of("getAutoCommit", "setAutoCommit[false]", "rollback", "setAutoCommit[true]"),
        fake.calls);
  }
}
