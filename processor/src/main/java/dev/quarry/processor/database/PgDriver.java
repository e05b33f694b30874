package dev.quarry.processor.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens connections with the PostgreSQL driver directly. DriverManager is avoided on purpose:
 * inside javac the driver sits in the annotation processor's class loader, which DriverManager
 * does not search, so it would answer "No suitable driver".
 */
final class PgDriver {
  /** Seconds to wait for a server to accept a connection and log in. */
  static final int CONNECT_TIMEOUT_SECONDS = 10;

  private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

  private PgDriver() {}

  /** Connects with bounded connect and login timeouts; parameters in the URL take precedence. */
  static Connection connect(String url, Properties extra) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("ApplicationName", "quarry");
    properties.putAll(extra);
    Connection connection = DRIVER.connect(url, properties);
    if (connection == null) {
      throw new SQLException("the PostgreSQL driver does not accept the URL " + JdbcUrls.redact(url));
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
