package dev.quarry.processor.migration;

import dev.quarry.processor.config.DatabaseChoice;
import dev.quarry.processor.config.JdbcUrls;
import dev.quarry.processor.database.DatabaseLauncher;
import dev.quarry.processor.database.SchemaDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL 17 for a test class, handing out a connection to a new, empty database
 * for each test, so tests share the start-up cost but not their schema.
 */
final class FreshDatabases implements AutoCloseable {
  private final SchemaDatabase server;
  private final AtomicInteger count = new AtomicInteger();

  FreshDatabases() throws Exception {
    server = DatabaseLauncher.start(new DatabaseChoice.Embedded(), 17);
  }

  /** A connection to a database created for the caller, who closes the connection. */
  Connection fresh() throws SQLException {
    String name = "fresh" + count.incrementAndGet();
    String url;
    try (Connection admin = server.connect();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
      url = admin.getMetaData().getURL();
    }
    return new org.postgresql.Driver().connect(JdbcUrls.withDatabase(url, name), new Properties());
  }

  @Override
  public void close() {
    server.close();
  }
}
