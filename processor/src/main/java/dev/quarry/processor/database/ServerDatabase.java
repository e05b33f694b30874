package dev.quarry.processor.database;

import dev.quarry.processor.config.JdbcUrls;
import dev.quarry.processor.diagnostics.Message;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A scratch database created on a running server for one build and dropped afterwards.
 *
 * <p>The URL is the one the user gave ({@code -Aquarry.database=jdbc:postgresql://...}); its
 * database (or {@code postgres} when it names none) is only used to create and drop the scratch
 * database, which is created from {@code template0} so nothing installed in {@code template1} leaks
 * into the schema. When the URL holds no password, the environment variable {@code PGPASSWORD} is
 * used as libpq does; passwords never appear in messages.
 *
 * <p>Every connection has bounded timeouts ({@link PgDriver}: connect and login, and a socket
 * timeout so a server that freezes mid-build fails the build instead of holding it); the URL may
 * set the driver's {@code connectTimeout}, {@code loginTimeout} and {@code socketTimeout}. The
 * scratch database's comment records the build that created it ({@link ScratchOwner}), and each
 * build first drops the scratch databases of builds that were killed ({@link
 * StaleScratchDatabases}).
 *
 * <p>On the build server, a build on the kept embedded server may get a scratch database that was
 * cloned ahead, with its first connection open ({@link ScratchSpares}); then it makes none itself.
 */
final class ServerDatabase extends ManagedDatabase {
  /** Every scratch database's name starts with this, so leftovers are easy to find. */
  static final String NAME_PREFIX = "quarry_scratch_";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

  private final String adminUrl;
  private final String scratchUrl;
  private final Properties credentials;
  private final List<String> secrets;
  private final String name;
  private final int serverMajor;
  private final String description;
  private final List<String> notes;
  private final @Nullable String template;
  private final @Nullable String cachedMigrations;
  private final @Nullable Map<String, String> rolesBefore;
  private final KeptServers.@Nullable Lease lease;
  private final @Nullable String schemaKey;

  /** A spare's connection, opened before the build: what the first connect() returns. */
  private @Nullable Connection warm;

  /** Whether this build kept its migrated schema as the template (a spare is made from it). */
  private volatile boolean cachedNow;

  private ServerDatabase(
      String adminUrl,
      Properties credentials,
      List<String> secrets,
      String name,
      int serverMajor,
      String version,
      List<String> notes,
      String where,
      Created created,
      KeptServers.@Nullable Lease lease,
      @Nullable String schemaKey,
      @Nullable Connection warm) {
    this.adminUrl = adminUrl;
    this.scratchUrl = JdbcUrls.withDatabase(adminUrl, name);
    this.credentials = credentials;
    this.secrets = secrets;
    this.name = name;
    this.serverMajor = serverMajor;
    this.description =
        "scratch database "
            + name
            + (created.cachedMigrations() == null
                ? ""
                : " (cloned from the cached migrated schema "
                    + created.template()
                    + (warm == null ? "" : ", made ready before the build")
                    + ")")
            + " on "
            + where
            + " (PostgreSQL "
            + version
            + ")";
    this.notes = List.copyOf(notes);
    this.template = created.template();
    this.cachedMigrations = created.cachedMigrations();
    this.rolesBefore = created.rolesBefore();
    this.lease = lease;
    this.schemaKey = schemaKey;
    this.warm = warm;
  }

  /**
   * How the scratch database was made: cloned from a cached migrated schema (with its migration
   * record), or empty, to be migrated and then kept as {@code template} (when a key was given).
   */
  record Created(
      @Nullable String template,
      @Nullable String cachedMigrations,
      @Nullable Map<String, String> rolesBefore) {}

  static ServerDatabase start(String url) throws DatabaseUnavailableException {
    return start(url, null, null, null);
  }

  /**
   * A scratch database on the server at {@code url}; with a {@code schemaKey}, cloned from the
   * migrated schema cached under that key when there is one ({@link SchemaTemplates}).
   *
   * @param where how messages name the server; the URL's host and port when null
   * @param lease a kept embedded server's lease, closed with the database
   */
  static ServerDatabase start(
      String url,
      @Nullable String schemaKey,
      @Nullable String where,
      KeptServers.@Nullable Lease lease)
      throws DatabaseUnavailableException {
    String adminUrl = adminUrl(url);
    List<String> secrets = new ArrayList<>();
    Properties credentials = credentials(url, secrets);
    String shown = JdbcUrls.redact(adminUrl);
    // On the build server, a kept server's scratch database may be made already.
    ScratchSpares spares = lease == null ? null : ScratchSpares.active();
    List<String> notes = new ArrayList<>();
    if (spares != null) {
      notes.addAll(spares.takeNotes(adminUrl));
      if (schemaKey != null) {
        Optional<ScratchSpares.Spare> spare = spares.take(adminUrl, schemaKey);
        if (spare.isPresent()) {
          ScratchSpares.Spare ready = spare.get();
          ServerDatabase database =
              new ServerDatabase(
                  adminUrl,
                  credentials,
                  secrets,
                  ready.name(),
                  ready.major(),
                  ready.version(),
                  notes,
                  where == null ? JdbcUrls.hostAndPort(adminUrl) : where,
                  new Created(ready.template(), ready.record(), null),
                  lease,
                  schemaKey,
                  ready.connection());
          database.armShutdownHook();
          return database;
        }
      }
    }
    String name = scratchName();
    int major;
    String version;
    Created created = new Created(null, null, null);
    try (Connection admin = PgDriver.connect(adminUrl, credentials)) {
      major = admin.getMetaData().getDatabaseMajorVersion();
      version = PgDriver.serverVersion(admin);
      ScratchOwner owner = ScratchOwner.current();
      notes.addAll(sweep(admin, adminUrl, owner));
      if (schemaKey != null) {
        created = SchemaTemplates.cloneInto(admin, schemaKey, name);
      }
      if (created.cachedMigrations() == null) {
        try (Statement statement = admin.createStatement()) {
          statement.execute("CREATE DATABASE " + quote(name) + " TEMPLATE template0");
        } catch (SQLException e) {
          throw new DatabaseUnavailableException(
              Message.DATABASE_SCRATCH_UNCREATABLE,
              shown,
              scrub(ConnectionLoss.describe(e), secrets));
        }
      }
      // Marks the database as Quarry's and names its build, so that a later build may drop it
      // if this one is killed before it can. (Killed right here, it stays unmarked: left alone.)
      try {
        markOwned(admin, name, owner);
      } catch (SQLException e) {
        // Unmarked, it is only never dropped by another build; this one still drops it.
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          Message.DATABASE_SERVER_UNREACHABLE,
          shown,
          scrub(ConnectionLoss.describe(e), secrets),
          advice(e));
    }
    ServerDatabase database =
        new ServerDatabase(
            adminUrl,
            credentials,
            secrets,
            name,
            major,
            version,
            notes,
            where == null ? JdbcUrls.hostAndPort(adminUrl) : where,
            created,
            lease,
            schemaKey,
            null);
    database.armShutdownHook();
    if (lease != null) {
      return database; // a kept embedded server of this machine: the build connects at once
    }
    // Fail now, not at the first migration, when the new database cannot be reached.
    try (Connection check = database.openConnection()) {
      check.isValid(PgDriver.CONNECT_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      database.close();
      throw new DatabaseUnavailableException(
          Message.DATABASE_SCRATCH_UNREACHABLE,
          name,
          shown,
          scrub(ConnectionLoss.describe(e), secrets),
          cleanupAdvice(database));
    }
    return database;
  }

  /**
   * Drops the scratch databases of killed builds and the roles only they used; the notes for the
   * build say what went. Never throws.
   */
  static List<String> sweep(Connection admin, String adminUrl, ScratchOwner owner) {
    List<String> notes = new ArrayList<>();
    List<StaleScratchDatabases.Dropped> dropped =
        StaleScratchDatabases.drop(
            admin, owner, StaleScratchDatabases::processAlive, Instant.now());
    if (!dropped.isEmpty()) {
      notes.add(
          "dropped "
              + (dropped.size() == 1 ? "a scratch database" : dropped.size() + " scratch databases")
              + " that killed builds left on "
              + JdbcUrls.hostAndPort(adminUrl)
              + ": "
              + String.join(", ", dropped.stream().map(Object::toString).toList()));
    }
    ServerRoles.Swept swept = ServerRoles.sweep(admin, Set.of());
    if (!swept.dropped().isEmpty()) {
      notes.add(
          "dropped roles that migrations of builds no longer running created on "
              + JdbcUrls.hostAndPort(adminUrl)
              + ": "
              + String.join(", ", swept.dropped()));
    }
    return notes;
  }

  /** The URL of the database Quarry connects to to create and drop scratch databases. */
  static String adminUrl(String url) {
    return JdbcUrls.database(url).isPresent() ? url : JdbcUrls.withDatabase(url, "postgres");
  }

  /**
   * The driver properties for the server at {@code url}: bounded socket timeout, and the password
   * from {@code PGPASSWORD} when the URL holds none; the passwords found are added to {@code
   * secrets}, to keep them out of messages.
   */
  static Properties credentials(String url, List<String> secrets) {
    Properties credentials = new Properties();
    credentials.setProperty("socketTimeout", Integer.toString(PgDriver.SOCKET_TIMEOUT_SECONDS));
    JdbcUrls.password(url)
        .ifPresent(
            password -> {
              secrets.add(password);
              try {
                // The driver decodes parameter values; a server echoing the password would echo
                // this.
                secrets.add(URLDecoder.decode(password, StandardCharsets.UTF_8));
              } catch (IllegalArgumentException malformed) {
                // The driver rejects it too; the raw text is the only form there is.
              }
            });
    String fromEnvironment = System.getenv("PGPASSWORD");
    if (secrets.isEmpty() && fromEnvironment != null && !fromEnvironment.isEmpty()) {
      credentials.setProperty("password", fromEnvironment);
      secrets.add(fromEnvironment);
    }
    return credentials;
  }

  /**
   * On the build server: readies a spare scratch database for the next build of these migrations on
   * the server at {@code url} when their migrated schema is cached there ({@link ScratchSpares}),
   * so that a build which needed no database (its lock file answered) is followed by an edit that
   * finds one waiting. Does nothing elsewhere; never fails.
   */
  static void anticipate(String url, String schemaKey) {
    ScratchSpares spares = ScratchSpares.active();
    if (spares != null) {
      spares.anticipate(adminUrl(url), credentials(url, new ArrayList<>()), schemaKey);
    }
  }

  /** What to check, by the kind of failure. */
  private static String advice(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("28")) {
      return "check the user and password in -Aquarry.database (without password= in the URL, Quarry uses"
          + " the environment variable PGPASSWORD)";
    }
    if (state.equals("3D000")) {
      return "name a database that exists in -Aquarry.database's URL, or none (Quarry connects to it only to"
          + " create and drop its scratch database; postgres is used when the URL names none)";
    }
    if (timedOut(e)) {
      return "the server did not answer within "
          + PgDriver.CONNECT_TIMEOUT_SECONDS
          + " s (or the connectTimeout,"
          + " loginTimeout or socketTimeout set in the URL): check that it runs, is not overloaded and that nothing"
          + " between swallows the packets";
    }
    return "check that the server runs and that the host, port, user and password in -Aquarry.database are right";
  }

  /**
   * Whether connecting timed out, told by the kind of failure, not by the driver's message (which
   * is in the JVM's language): a socket timeout (connectTimeout, socketTimeout) behind it, or
   * pgjdbc's login timeout, which its Driver.ConnectTask raises as SQLSTATE 08001 with no cause
   * when its connecting thread has not finished in time.
   */
  static boolean timedOut(SQLException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.SocketTimeoutException
          || cause instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    if (!"08001".equals(e.getSQLState()) || e.getCause() != null) {
      return false;
    }
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().equals(PgDriver.LOGIN_TIMEOUT_THROWER)) {
        return true;
      }
    }
    return false;
  }

  /** The cleanup problem, if dropping the scratch database failed, for the end of a message. */
  private static String cleanupAdvice(ServerDatabase database) {
    List<String> problems = database.cleanupProblems();
    return problems.isEmpty() ? "" : "; " + String.join("; ", problems);
  }

  @Override
  public List<String> startupNotes() {
    return notes;
  }

  /** The scratch database's name. */
  String name() {
    return name;
  }

  /** The template this database was cloned from or is kept as, when its schema is cached. */
  Optional<String> templateName() {
    return Optional.ofNullable(template);
  }

  /** The URL of the database used to create and drop scratch databases. */
  String adminUrl() {
    return adminUrl;
  }

  Properties credentials() {
    return credentials;
  }

  @Override
  protected Connection openConnection() throws SQLException {
    Connection ready = takeWarm();
    return ready != null ? ready : PgDriver.connect(scratchUrl, credentials);
  }

  private synchronized @Nullable Connection takeWarm() {
    Connection ready = warm;
    warm = null;
    return ready;
  }

  @Override
  public RoleGuard roles() {
    return new ServerRoles(() -> PgDriver.connect(adminUrl, credentials), name, lease != null);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Optional<String> cachedMigrations() {
    return Optional.ofNullable(cachedMigrations);
  }

  @Override
  public boolean cachesSchema() {
    return template != null && cachedMigrations == null;
  }

  @Override
  public boolean cacheMigrated(String record) {
    String cacheTemplate = template;
    if (!cachesSchema() || cacheTemplate == null || rolesBefore == null) {
      return false;
    }
    try (Connection admin = PgDriver.connect(adminUrl, credentials)) {
      cachedNow = SchemaTemplates.keep(admin, name, cacheTemplate, rolesBefore, record);
      return cachedNow;
    } catch (SQLException e) {
      return false; // Not cached: the next build migrates again.
    }
  }

  @Override
  protected void release(Consumer<String> problems) {
    Connection unused = takeWarm();
    if (unused != null) {
      try {
        unused.close();
      } catch (SQLException e) {
        // Dropped with the database (WITH FORCE) anyway.
      }
    }
    if (lease == null) {
      drop(problems);
      return;
    }
    KeptServers.Lease held = lease;
    ScratchSpares spares = ScratchSpares.active();
    // A spare for the next build when this one's schema is cached: cloned, or kept just now.
    String nextKey = template != null && (cachedMigrations != null || cachedNow) ? schemaKey : null;
    if (spares != null && spares.afterBuild(this, nextKey, held::close)) {
      return;
    }
    // On the kept embedded server nobody waits for the drop: a daemon thread does it while javac
    // goes on compiling. If the JVM exits first, the next build drops the database (its owner
    // process is gone) and the roles only it used.
    Thread dropper =
        new Thread(
            () -> {
              try {
                drop(problem -> {});
              } finally {
                held.close();
              }
            },
            "quarry-drop-scratch-database");
    dropper.setDaemon(true);
    dropper.start();
  }

  private void drop(Consumer<String> problems) {
    try (Connection admin = PgDriver.connect(adminUrl, credentials)) {
      dropOn(admin, problems);
    } catch (SQLException e) {
      problems.accept(
          "could not drop scratch database "
              + name
              + " on "
              + JdbcUrls.redact(adminUrl)
              + ": "
              + scrub(ConnectionLoss.describe(e), secrets)
              + "; drop it by hand: DROP DATABASE "
              + quote(name)
              + (serverMajor >= 13 ? " WITH (FORCE)" : "")
              + " (a later build against this server drops it too,"
              + " once this process has ended)");
    }
  }

  /** Drops this scratch database and the roles only it used, on {@code admin}. */
  void dropOn(Connection admin, Consumer<String> problems) throws SQLException {
    dropScratch(admin, name, serverMajor);
    // Only now: the roles' objects and privileges in the scratch database went with it.
    for (String problem : ServerRoles.sweep(admin, Set.of(name)).problems()) {
      problems.accept(scrub(problem, secrets));
    }
  }

  /** Drops the scratch database {@code name}, whoever is connected to it. */
  static void dropScratch(Connection admin, String name, int serverMajor) throws SQLException {
    try (Statement statement = admin.createStatement()) {
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
    }
  }

  /** Marks the scratch database {@code name} as {@code owner}'s ({@link ScratchOwner}). */
  static void markOwned(Connection admin, String name, ScratchOwner owner) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      statement.execute("COMMENT ON DATABASE " + quote(name) + " IS '" + owner.comment() + "'");
    }
  }

  static String scratchName() {
    byte[] random = new byte[3];
    new SecureRandom().nextBytes(random);
    return NAME_PREFIX
        + LocalDateTime.now().format(STAMP)
        + "_"
        + ProcessHandle.current().pid()
        + "_"
        + HexFormat.of().formatHex(random);
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /**
   * The message without the password (as written in the URL and decoded), in case a server or
   * driver echoes it.
   */
  private static String scrub(String message, List<String> secrets) {
    String text = message == null ? "(no message)" : message;
    for (String secret : secrets) {
      if (!secret.isEmpty()) {
        text = text.replace(secret, "***");
      }
    }
    return JdbcUrls.redact(text);
  }
}
