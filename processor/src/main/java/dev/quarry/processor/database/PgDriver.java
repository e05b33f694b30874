package dev.quarry.processor.database;

import dev.quarry.processor.config.JdbcUrls;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens connections with the PostgreSQL driver directly. DriverManager is avoided on purpose:
 * inside javac the driver sits in the annotation processor's class loader, which DriverManager does
 * not search, so it would answer "No suitable driver".
 */
final class PgDriver {
  /**
   * Seconds to wait for a server to accept a TCP connection ({@code connectTimeout}) and, in all,
   * to log in ({@code loginTimeout}): a server that accepts connections but never answers (a hung
   * server, a firewall that swallows packets) fails the build after this long.
   */
  static final int CONNECT_TIMEOUT_SECONDS = 10;

  /**
   * Seconds a running server may stay silent on a connection ({@code socketTimeout}) before the
   * build gives up on it, set on connections to a user's server: long enough for a slow statement
   * on an empty schema (PostgreSQL 14 and older checkpoint on CREATE DATABASE), short enough that a
   * frozen server does not hold a build forever. The URL can set another value.
   */
  static final int SOCKET_TIMEOUT_SECONDS = 60;

  /**
   * The pgjdbc class that throws when the login timeout passes (SQLSTATE 08001, no cause): how a
   * login timeout is told from other failures to connect without reading the driver's message.
   */
  static final String LOGIN_TIMEOUT_THROWER = "org.postgresql.Driver$ConnectTask";

  private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

  private PgDriver() {}

  /**
   * Connects with bounded connect and login timeouts; {@code extra} overrides them, and the driver
   * lets parameters in the URL override both.
   */
  static Connection connect(String url, Properties extra) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("ApplicationName", "quarry");
    properties.putAll(extra);
    Connection connection = DRIVER.connect(url, properties);
    if (connection == null) {
      throw new SQLException(
          "the PostgreSQL driver does not accept the URL " + JdbcUrls.redact(url));
    }
    return connection;
  }

  /** The server's version as it reports it, e.g. "17.11". */
  static String serverVersion(Connection connection) throws SQLException {
    try (var statement = connection.createStatement();
        var rs = statement.executeQuery("SHOW server_version")) {
      rs.next();
      String version = rs.getString(1);
      int space = version.indexOf(' ');
      return space < 0 ? version : version.substring(0, space);
    }
  }
}
