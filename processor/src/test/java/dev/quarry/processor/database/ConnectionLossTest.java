package dev.quarry.processor.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ConnectionLossTest {
  @Test
  void connectionAndShutdownStatesAreLosses() {
    assertTrue(ConnectionLoss.is(new SQLException("x", "08006")));
    assertTrue(ConnectionLoss.is(new SQLException("x", "08003")));
    assertTrue(
        ConnectionLoss.is(
            new SQLException("terminating connection due to administrator command", "57P01")));
    assertFalse(ConnectionLoss.is(new SQLException("column does not exist", "42703")));
    assertFalse(
        ConnectionLoss.is(
            new SQLException("canceling statement due to statement timeout", "57014")));
    assertFalse(ConnectionLoss.is(new SQLException("no state")));
  }

  @Test
  void describesTheReasonBehindTheDriversMessage() {
    assertEquals(
        "An I/O error occurred while sending to the backend (the server closed the connection)",
        ConnectionLoss.describe(
            new SQLException(
                "An I/O error occurred while sending to the backend.",
                "08006",
                new EOFException())));
    assertTrue(
        ConnectionLoss.describe(
                new SQLException(
                    "An I/O error occurred while sending to the backend.",
                    "08006",
                    new SocketTimeoutException("Read timed out")))
            .endsWith(
                "(the server sent nothing within the socket timeout; a server that is only slow needs a longer one:"
                    + " socketTimeout=<seconds> in the -Aquarry.database URL)"));
    assertEquals(
        "Connection to h:1 refused",
        ConnectionLoss.describe(
            new SQLException(
                "Connection to h:1 refused. Check that the hostname and port are correct.",
                "08001",
                new ConnectException("Connection refused"))));
    assertEquals(
        "The connection attempt failed (Connection reset)",
        ConnectionLoss.describe(
            new SQLException(
                "The connection attempt failed.",
                "08001",
                new java.net.SocketException("Connection reset"))));
    SQLException inner =
        new SQLException("An I/O error occurred while sending to the backend.", "08006");
    assertEquals(
        "lost the connection while running m.sql: An I/O error occurred while sending to the backend",
        ConnectionLoss.describe(
            new SQLException(
                "lost the connection while running m.sql: " + ConnectionLoss.describe(inner),
                "08006",
                inner)));
  }
}
