package dev.quarry.processor.database;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * A scratch database created on a running server for one build and dropped afterwards.
 *
 * <p>The URL is the one the user gave ({@code -Aquarry.database=jdbc:postgresql://...}); its
 * database (or {@code postgres} when it names none) is only used to create and drop the scratch
 * database, which is created from {@code template0} so nothing installed in {@code template1}
 * leaks into the schema. When the URL holds no password, the environment variable
 * {@code PGPASSWORD} is used as libpq does; passwords never appear in messages.
 */
final class ServerDatabase extends ManagedDatabase {
  /** Every scratch database's name starts with this, so leftovers are easy to find. */
  static final String NAME_PREFIX = "quarry_scratch_";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

  private final String adminUrl;
  private final String scratchUrl;
  private final Properties credentials;
  private final Optional<String> secret;
  private final String name;
  private final int serverMajor;
  private final String description;

  private ServerDatabase(
      String adminUrl, Properties credentials, Optional<String> secret, String name, int serverMajor, String version) {
    this.adminUrl = adminUrl;
    this.scratchUrl = JdbcUrls.withDatabase(adminUrl, name);
    this.credentials = credentials;
    this.secret = secret;
    this.name = name;
    this.serverMajor = serverMajor;
    this.description =
        "scratch database " + name + " on " + JdbcUrls.hostAndPort(adminUrl) + " (PostgreSQL " + version + ")";
  }

  static ServerDatabase start(String url) throws DatabaseUnavailableException {
    String adminUrl = JdbcUrls.database(url).isPresent() ? url : JdbcUrls.withDatabase(url, "postgres");
    Properties credentials = new Properties();
    Optional<String> secret = JdbcUrls.password(url);
    String fromEnvironment = System.getenv("PGPASSWORD");
    if (secret.isEmpty() && fromEnvironment != null && !fromEnvironment.isEmpty()) {
      credentials.setProperty("password", fromEnvironment);
      secret = Optional.of(fromEnvironment);
    }
    String shown = JdbcUrls.redact(adminUrl);
    String name = scratchName();
    int major;
    String version;
    try (Connection admin = PgDriver.connect(adminUrl, credentials)) {
      major = admin.getMetaData().getDatabaseMajorVersion();
      version = PgDriver.serverVersion(admin);
      try (Statement statement = admin.createStatement()) {
        statement.execute("CREATE DATABASE " + quote(name) + " TEMPLATE template0");
      } catch (SQLException e) {
        throw new DatabaseUnavailableException(
            "cannot create a scratch database on " + shown + ": " + scrub(e.getMessage(), secret)
                + "; the user in the URL needs the CREATEDB privilege (ALTER ROLE ... CREATEDB),"
                + " or set -Aquarry.database=embedded");
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          "cannot reach " + shown + ": " + scrub(e.getMessage(), secret)
              + "; check that the server runs and the URL, user and password are right,"
              + " or set -Aquarry.database=embedded");
    }
    ServerDatabase database = new ServerDatabase(adminUrl, credentials, secret, name, major, version);
    database.armShutdownHook();
    // Fail now, not at the first migration, when the new database cannot be reached.
    try (Connection check = database.openConnection()) {
      check.isValid(PgDriver.CONNECT_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      database.close();
      throw new DatabaseUnavailableException(
          "created scratch database " + name + " on " + shown + " but cannot connect to it: "
              + scrub(e.getMessage(), secret) + "; check pg_hba.conf or set -Aquarry.database=embedded");
    }
    return database;
  }

  /** The scratch database's name. */
  String name() {
    return name;
  }

  @Override
  protected Connection openConnection() throws SQLException {
    return PgDriver.connect(scratchUrl, credentials);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  protected void release(Consumer<String> problems) {
    try (Connection admin = PgDriver.connect(adminUrl, credentials);
        Statement statement = admin.createStatement()) {
      if (serverMajor >= 13) {
        statement.execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
      } else {
        // Before PostgreSQL 13 DROP DATABASE refuses while anyone is connected.
        try (PreparedStatement terminate =
            admin.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
          terminate.setString(1, name);
          terminate.execute();
        }
        statement.execute("DROP DATABASE IF EXISTS " + quote(name));
      }
    } catch (SQLException e) {
      problems.accept(
          "could not drop scratch database " + name + " on " + JdbcUrls.redact(adminUrl) + ": "
              + scrub(e.getMessage(), secret) + "; drop it by hand: DROP DATABASE " + quote(name));
    }
  }

  static String scratchName() {
    byte[] random = new byte[3];
    new SecureRandom().nextBytes(random);
    return NAME_PREFIX + LocalDateTime.now().format(STAMP) + "_" + ProcessHandle.current().pid()
        + "_" + HexFormat.of().formatHex(random);
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** The driver's message with the password removed, in case a server ever echoes it. */
  private static String scrub(String message, Optional<String> secret) {
    String text = message == null ? "(no message)" : message;
    if (secret.isPresent() && !secret.get().isEmpty()) {
      text = text.replace(secret.get(), "***");
    }
    return JdbcUrls.redact(text);
  }
}
