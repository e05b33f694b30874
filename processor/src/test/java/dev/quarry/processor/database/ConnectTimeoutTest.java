package dev.quarry.processor.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.TcpProxy;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * A connection that timed out is told by the kind of failure, not by pgjdbc's message, which is in
 * the JVM's language ("Connection attempt timed out." in English, translated in others).
 */
class ConnectTimeoutTest {

  @Test
  void theLoginTimeoutIsToldWhateverTheLanguageOfTheMessage() throws Exception {
    SQLException timeout;
    try (TcpProxy silent = TcpProxy.silent()) {
      timeout =
          assertThrows(
              SQLException.class,
              () ->
                  DriverManager.getConnection(
                      "jdbc:postgresql://127.0.0.1:"
                          + silent.port()
                          + "/postgres?user=postgres&loginTimeout=1"));
    }
    assertEquals("08001", timeout.getSQLState());
    assertTrue(ServerDatabase.timedOut(timeout), timeout::toString);
    // The same failure with the message of another language (pgjdbc translates it).
    PSQLException translated =
        new PSQLException(
            "Verbindungsversuch: Zeitüberschreitung.", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
    translated.setStackTrace(timeout.getStackTrace());
    assertTrue(ServerDatabase.timedOut(translated));
  }

  @Test
  void aSocketTimeoutBehindTheFailureIsATimeout() {
    assertTrue(
        ServerDatabase.timedOut(
            new SQLException("E/A-Fehler", "08006", new SocketTimeoutException("Read timed out"))));
  }

  @Test
  void aRefusedConnectionIsNotATimeout() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    SQLException refused =
        assertThrows(
            SQLException.class,
            () ->
                DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres"));
    assertFalse(ServerDatabase.timedOut(refused), refused::toString);
    // A message that speaks of timing out, without the kind of failure, is not one either.
    assertFalse(
        ServerDatabase.timedOut(
            new PSQLException("Connection attempt timed out.", PSQLState.CONNECTION_FAILURE)));
  }
}
