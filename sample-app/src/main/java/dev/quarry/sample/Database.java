package dev.quarry.sample;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL database the app runs on: an embedded server started for this process (the
 * default, so the sample needs no installation) or a server the user names by JDBC URL.
 *
 * <p>Connections are not pooled: each repository call opens one and closes it. That keeps the
 * sample free of a pool dependency; a real service would pass a pooled {@link DataSource}.
 */
public final class Database implements AutoCloseable {
  /** Where Flyway finds the top-level {@code migrations/} folder; see the pom's resources. */
  static final String MIGRATIONS_LOCATION = "classpath:db/migration";

  private final DataSource dataSource;
  private final @Nullable EmbeddedPostgres embedded;
  private final String description;

  private Database(DataSource dataSource, @Nullable EmbeddedPostgres embedded, String description) {
    this.dataSource = dataSource;
    this.embedded = embedded;
    this.description = description;
  }

  /** The database at {@code jdbcUrl}, or an embedded one when it is null. */
  public static Database open(@Nullable String jdbcUrl) throws IOException {
    return jdbcUrl == null ? startEmbedded() : connect(jdbcUrl);
  }

  /** Starts an embedded PostgreSQL server (in a temporary directory, on a free port). */
  public static Database startEmbedded() throws IOException {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    return new Database(
        postgres.getPostgresDatabase(),
        postgres,
        "embedded PostgreSQL on port " + postgres.getPort());
  }

  /** The server at {@code jdbcUrl}, e.g. {@code jdbc:postgresql://127.0.0.1:5432/blog?user=me}. */
  public static Database connect(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "not a PostgreSQL JDBC URL (expected jdbc:postgresql://host:port/database): " + jdbcUrl);
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(jdbcUrl);
    // Only the part before '?' is shown: parameters may hold a password.
    int query = jdbcUrl.indexOf('?');
    return new Database(dataSource, null, query < 0 ? jdbcUrl : jdbcUrl.substring(0, query));
  }

  /**
   * Applies the migrations the database does not have yet, from the same files Quarry checked the
   * queries against at build time, and returns how many it applied.
   */
  public int migrate() {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(MIGRATIONS_LOCATION)
        .load()
        .migrate()
        .migrationsExecuted;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Where the database is, for messages. */
  public String description() {
    return description;
  }

  /** Stops the embedded server, if this process started one. */
  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
