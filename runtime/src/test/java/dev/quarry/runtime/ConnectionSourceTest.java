package dev.quarry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The lease generated code holds its connection in: release failures never hide the call's. */
class ConnectionSourceTest {
  private static final Connection CONNECTION =
      (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> null);

  /** A source whose release fails, counting releases. */
  private static final class FailingRelease implements ConnectionSource {
    int released;

    @Override
    public Connection acquire() {
      return CONNECTION;
    }

    @Override
    public void release(Connection connection) throws SQLException {
      released++;
      throw new SQLException("connection broken, cannot close", "08006");
    }
  }

  @Test
  void aFailedReleaseIsSuppressedByTheCallsOwnFailure() {
    FailingRelease source = new FailingRelease();
    SQLException thrown =
        assertThrows(
            SQLException.class,
            () -> {
              try (ConnectionSource.Lease lease = source.lease()) {
                assertSame(CONNECTION, lease.connection());
                throw new SQLException("the query failed", "42P01");
              }
            });
    assertEquals("the query failed", thrown.getMessage());
    assertEquals(1, thrown.getSuppressed().length);
    assertEquals("connection broken, cannot close", thrown.getSuppressed()[0].getMessage());
    assertEquals(1, source.released);
  }

  @Test
  void aFailedReleaseAfterASuccessfulCallIsReportedAndTheConnectionReleasedOnce()
      throws SQLException {
    FailingRelease source = new FailingRelease();
    ConnectionSource.Lease lease = source.lease();
    SQLException thrown = assertThrows(SQLException.class, lease::close);
    assertEquals("08006", thrown.getSQLState());
    lease.close();
    assertEquals(1, source.released);
  }
}
