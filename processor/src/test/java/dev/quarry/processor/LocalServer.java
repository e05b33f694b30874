package dev.quarry.processor;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL server on 127.0.0.1:5432 (user postgres) that server tests use; tests skip when it
 * does not answer. Other builds may use the same server at the same time, so tests only count and
 * inspect scratch databases whose name carries their own process id.
 */
public final class LocalServer {
  public static final String HOST_PORT = "127.0.0.1:5432";
  public static final String URL = "jdbc:postgresql://" + HOST_PORT + "/postgres?user=postgres";

  private LocalServer() {}

  /** Skips the calling test (or class) when the server does not answer. */
  public static void assumeAnswers() {
    String problem = null;
    try (Connection c = DriverManager.getConnection(URL + "&connectTimeout=3&loginTimeout=3")) {
      c.isValid(3);
    } catch (SQLException e) {
      problem = e.getMessage();
    }
    assumeTrue(problem == null, "no PostgreSQL server answers on " + HOST_PORT + ": " + problem);
  }

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL);
  }

  /** The scratch databases whose name says process {@code pid} created them. */
  public static List<String> scratchDatabasesOf(long pid) throws SQLException {
    String marker = "_" + pid + "_";
    List<String> names = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE 'quarry\\_scratch\\_%' ORDER BY 1")) {
      while (rows.next()) {
        if (rows.getString(1).contains(marker)) {
          names.add(rows.getString(1));
        }
      }
    }
    return names;
  }

  /** The scratch databases this JVM created and still has. */
  public static List<String> ourScratchDatabases() throws SQLException {
    return scratchDatabasesOf(ProcessHandle.current().pid());
  }

  public static boolean exists(String database) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      s.setString(1, database);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** How many sessions are connected to {@code database}. */
  public static int sessions(String database) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
      s.setString(1, database);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** Drops a database the test made or a build left, whoever is connected. */
  public static void dropIfExists(String database) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS \"" + database.replace("\"", "\"\"") + "\" WITH (FORCE)");
    }
  }

  public static void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
