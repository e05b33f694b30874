package dev.quarry.sample;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL database the app runs on: an embedded server started for this process (the
 * default, so the sample needs no installation) or a server the user names by JDBC URL.
 *
 * <p>Repository calls borrow connections from a HikariCP pool of at most {@link
 * PoolSettings#maxSize()} connections. A call that cannot get one within {@link
 * PoolSettings#connectionTimeout()} fails with a {@link DatabaseUnavailableException} saying
 * whether the pool was busy or the database could not be reached, which the HTTP API answers with
 * 503. The connections carry the application name {@value #APPLICATION_NAME}, so they can be told
 * apart in {@code pg_stat_activity}.
 */
public final class Database implements AutoCloseable {
  /** Where Flyway finds the top-level {@code migrations/} folder; see the pom's resources. */
  static final String MIGRATIONS_LOCATION = "classpath:db/migration";

  /** PostgreSQL's {@code application_name} of the pool's connections. */
  public static final String APPLICATION_NAME = "quarry-sample";

  /**
   * How many connections the pool holds at most, and how long a call waits for one before it fails.
   * The pool keeps {@code maxSize} connections open while the database is reachable.
   */
  public record PoolSettings(int maxSize, Duration connectionTimeout) {
    /** HikariCP's lower limit for the connection timeout (declared first: DEFAULT uses it). */
    static final Duration MIN_TIMEOUT = Duration.ofMillis(250);

    /** Four connections, two seconds' wait. */
    public static final PoolSettings DEFAULT = new PoolSettings(4, Duration.ofSeconds(2));

    public PoolSettings {
      if (maxSize < 1) {
        throw new IllegalArgumentException("the pool needs at least one connection: " + maxSize);
      }
      if (connectionTimeout.compareTo(MIN_TIMEOUT) < 0) {
        throw new IllegalArgumentException(
            "the connection timeout must be at least "
                + MIN_TIMEOUT.toMillis()
                + "ms: "
                + connectionTimeout.toMillis()
                + "ms");
      }
    }
  }

  /** The pool's counts at one moment. */
  public record PoolUsage(int active, int idle, int total, int waiting) {}

  private final Pool pool;
  private final String jdbcUrl;
  private final @Nullable EmbeddedPostgres embedded;
  private final String description;

  private Database(
      String jdbcUrl, PoolSettings settings, @Nullable EmbeddedPostgres embedded, String where) {
    this.jdbcUrl = jdbcUrl;
    this.embedded = embedded;
    this.pool = new Pool(jdbcUrl, settings);
    this.description =
        where
            + ", a pool of at most "
            + settings.maxSize()
            + " connection(s) waiting at most "
            + settings.connectionTimeout().toMillis()
            + "ms";
  }

  /** The database at {@code jdbcUrl}, or an embedded one when it is null. */
  public static Database open(@Nullable String jdbcUrl, PoolSettings settings) throws IOException {
    return jdbcUrl == null ? startEmbedded(settings) : connect(jdbcUrl, settings);
  }

  /** Starts an embedded PostgreSQL server (in a temporary directory, on a free port). */
  public static Database startEmbedded() throws IOException {
    return startEmbedded(PoolSettings.DEFAULT);
  }

  /** {@link #startEmbedded()} with a pool of the given size. */
  public static Database startEmbedded(PoolSettings settings) throws IOException {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    try {
      return new Database(
          postgres.getJdbcUrl("postgres", "postgres"),
          settings,
          postgres,
          "embedded PostgreSQL on port " + postgres.getPort());
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  /** The server at {@code jdbcUrl}, e.g. {@code jdbc:postgresql://127.0.0.1:5432/blog?user=me}. */
  public static Database connect(String jdbcUrl) {
    return connect(jdbcUrl, PoolSettings.DEFAULT);
  }

  /** {@link #connect(String)} with a pool of the given size. */
  public static Database connect(String jdbcUrl, PoolSettings settings) {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "not a PostgreSQL JDBC URL (expected jdbc:postgresql://host:port/database): " + jdbcUrl);
    }
    // Only the part before '?' is shown: parameters may hold a password.
    int query = jdbcUrl.indexOf('?');
    return new Database(jdbcUrl, settings, null, query < 0 ? jdbcUrl : jdbcUrl.substring(0, query));
  }

  /**
   * Applies the migrations the database does not have yet, from the same files Quarry checked the
   * queries against at build time, and returns how many it applied. Flyway gets connections of its
   * own rather than the pool's, so that a pool of one connection is enough.
   */
  public int migrate() {
    PGSimpleDataSource direct = new PGSimpleDataSource();
    direct.setURL(jdbcUrl);
    return Flyway.configure()
        .dataSource(direct)
        .locations(MIGRATIONS_LOCATION)
        .load()
        .migrate()
        .migrationsExecuted;
  }

  /** The pool. */
  public DataSource dataSource() {
    return pool;
  }

  /** How many of the pool's connections are in use, idle, open, and how many callers wait. */
  public PoolUsage poolUsage() {
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    return new PoolUsage(
        bean.getActiveConnections(),
        bean.getIdleConnections(),
        bean.getTotalConnections(),
        bean.getThreadsAwaitingConnection());
  }

  /** Where the database is and how the pool is set up, for messages. */
  public String description() {
    return description;
  }

  /** Closes the pool's connections and stops the embedded server, if this process started one. */
  @Override
  public void close() throws IOException {
    try {
      pool.close();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** HikariCP, with timeouts that say why no connection came. */
  private static final class Pool extends HikariDataSource {
    private final PoolSettings settings;

    Pool(String jdbcUrl, PoolSettings settings) {
      super(config(jdbcUrl, settings));
      this.settings = settings;
    }

    private static HikariConfig config(String jdbcUrl, PoolSettings settings) {
      HikariConfig config = new HikariConfig();
      config.setPoolName(APPLICATION_NAME);
      config.setJdbcUrl(jdbcUrl);
      config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
      config.setMaximumPoolSize(settings.maxSize());
      long timeoutMillis = settings.connectionTimeout().toMillis();
      config.setConnectionTimeout(timeoutMillis);
      // Checking that an idle connection still works must not take longer than the wait itself.
      config.setValidationTimeout(Math.min(timeoutMillis, Duration.ofSeconds(5).toMillis()));
      return config;
    }

    @Override
    public Connection getConnection() throws SQLException {
      try {
        return super.getConnection();
      } catch (SQLTransientConnectionException e) {
        throw DatabaseUnavailableException.timedOut(e, settings);
      }
    }
  }
}
