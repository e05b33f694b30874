package dev.quarry.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The database every runtime benchmark runs against: a database of its own, created with the
 * benchmarks' migrations and seeded, on the PostgreSQL server at 127.0.0.1:5432 when one answers,
 * else on an embedded PostgreSQL (zonky). Closing it drops the database (and stops the embedded
 * server).
 *
 * <p>The system property {@value #PROPERTY} chooses: {@code auto} (the default), {@code embedded},
 * or the JDBC URL of a server's maintenance database, e.g. {@code
 * jdbc:postgresql://db.local:5432/postgres?user=bench}.
 */
public final class BenchDatabase implements AutoCloseable {
  public static final String PROPERTY = "quarry.bench.database";
  public static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  /** The migrations, in order (copied onto the classpath from {@code benchmarks/migrations}). */
  private static final List<String> MIGRATIONS =
      List.of("V1__accounts_and_ledger.sql", "V2__posts_and_comments.sql");

  /** Rows in {@code accounts}. */
  public static final int ACCOUNTS = 10_000;

  /** Rows in {@code posts}, each with {@link #COMMENTS_PER_POST} comments. */
  public static final int POSTS = 10_000;

  public static final int COMMENTS_PER_POST = 10;

  private final String serverUrl;
  private final String name;
  private final @Nullable EmbeddedPostgres embedded;
  private final String description;

  private BenchDatabase(
      String serverUrl, String name, @Nullable EmbeddedPostgres embedded, String description) {
    this.serverUrl = serverUrl;
    this.name = name;
    this.embedded = embedded;
    this.description = description;
  }

  /** Creates, migrates and seeds a new database. */
  public static BenchDatabase create() throws SQLException, IOException {
    String choice = System.getProperty(PROPERTY, "auto");
    EmbeddedPostgres embedded = null;
    String serverUrl;
    if (choice.equals("embedded") || (choice.equals("auto") && !answers(LOCAL))) {
      embedded = EmbeddedPostgres.builder().start();
      serverUrl = embedded.getJdbcUrl("postgres", "postgres");
    } else {
      serverUrl = choice.equals("auto") ? LOCAL : choice;
    }
    String name = "quarry_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String version;
    try (Connection admin = DriverManager.getConnection(serverUrl);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
      try (ResultSet rows = statement.executeQuery("SHOW server_version")) {
        rows.next();
        version = rows.getString(1);
      }
    }
    String description =
        "PostgreSQL "
            + version
            + (embedded == null ? " server at " + hostOf(serverUrl) : " embedded (zonky)");
    BenchDatabase database = new BenchDatabase(serverUrl, name, embedded, description);
    try {
      database.migrateAndSeed();
    } catch (SQLException | IOException | RuntimeException e) {
      database.close();
      throw e;
    }
    return database;
  }

  /** A new connection to the benchmark database, in autocommit mode; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(databaseUrl());
  }

  /** "PostgreSQL 15.20 server at 127.0.0.1:5432" or "PostgreSQL 17.11 embedded (zonky)". */
  public String description() {
    return description;
  }

  private String databaseUrl() {
    // Same server, same parameters; only the database name differs.
    int slash = serverUrl.indexOf('/', "jdbc:postgresql://".length());
    int query = serverUrl.indexOf('?', slash);
    return serverUrl.substring(0, slash + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
  }

  private void migrateAndSeed() throws SQLException, IOException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String migration : MIGRATIONS) {
        statement.execute(resource("bench/migrations/" + migration));
      }
      statement.execute(
          "INSERT INTO accounts (id, email, name, balance, active, created_at, note)"
              + " SELECT g, 'user' || g || '@example.com', 'User number ' || g, g * 100, g % 3 <> 0,"
              + " timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute',"
              + " CASE WHEN g % 2 = 0 THEN 'note for account ' || g END"
              + " FROM generate_series(1, "
              + ACCOUNTS
              + ") AS g");
      statement.execute("VACUUM ANALYZE accounts");
      statement.execute(
          "INSERT INTO posts (id, title, created_at)"
              + " SELECT g, 'Post number ' || g,"
              + " timestamptz '2024-01-01 00:00:00+00' + g * interval '1 hour'"
              + " FROM generate_series(1, "
              + POSTS
              + ") AS g");
      // Bodies of a typical comment's length, one in five with a quote and a comma (which
      // PostgreSQL's record text quotes and escapes), one in three without a rating.
      statement.execute(
          "INSERT INTO comments (id, post_id, author, body, rating, created_at)"
              + " SELECT g, (g - 1) / "
              + COMMENTS_PER_POST
              + " + 1, 'reader' || g % 97,"
              + " CASE WHEN g % 5 = 0 THEN 'I \"really\" liked it, thanks for comment ' || g"
              + " ELSE 'A thoughtful comment about this post, number ' || g END,"
              + " CASE WHEN g % 3 <> 0 THEN (g % 5 + 1)::smallint END,"
              + " timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute'"
              + " FROM generate_series(1, "
              + POSTS * COMMENTS_PER_POST
              + ") AS g");
      statement.execute("VACUUM ANALYZE posts, comments");
    }
  }

  /** Empties the table the write benchmarks fill, so that every iteration starts alike. */
  public static void truncateLedger(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("TRUNCATE ledger RESTART IDENTITY");
    }
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = BenchDatabase.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public static boolean answers(String url) {
    DriverManager.setLoginTimeout(3);
    try (Connection ignored = DriverManager.getConnection(url)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static String hostOf(String url) {
    String rest = url.substring("jdbc:postgresql://".length());
    int end = rest.indexOf('/');
    return end < 0 ? rest : rest.substring(0, end);
  }

  @Override
  public void close() {
    try (Connection admin = DriverManager.getConnection(serverUrl);
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("could not drop the benchmark database " + name + ": " + e.getMessage());
    }
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        System.err.println("could not stop the embedded PostgreSQL: " + e.getMessage());
      }
    }
  }
}
