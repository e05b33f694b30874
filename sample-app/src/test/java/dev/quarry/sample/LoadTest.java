package dev.quarry.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.sample.BlogLoad.Figures;
import dev.quarry.sample.BlogLoad.Operation;
import dev.quarry.sample.BlogLoad.Outcome;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The app under load over real HTTP on loopback, with a small connection pool, on embedded
 * PostgreSQL that the tests stop and start again: concurrent reads and writes, pool exhaustion, a
 * transaction failing halfway, and a database restart in the middle of a run. After each, no
 * connection, session or cursor is left over and the rows match the answers.
 *
 * <p>Each test gets a database of its own in the shared server, so that its row counts and sessions
 * are its own. The bounded tests take seconds; {@link #longRun()} runs only when {@code
 * -Dquarry.load.requests=N} is given and prints its figures.
 */
@Tag("jdk-independent") // run once per CI run: see .ci/run
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LoadTest {
  /** How many queries the app has: the most server-side prepared statements a session may hold. */
  private int queryCount;

  private Path dataDirectory;
  private int port;
  private @Nullable EmbeddedPostgres postgres;
  private int databases;

  @BeforeAll
  void startPostgres() throws IOException {
    // The tests run in sample-app/; the queries are the top-level ones.
    try (Stream<Path> files = Files.list(Path.of("..", "queries"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
        queryCount +=
            (int) Files.readAllLines(file).stream().filter(l -> l.startsWith("-- name:")).count();
      }
    }
    assertTrue(queryCount > 0, "no queries found in ../queries");
    dataDirectory = Files.createTempDirectory("quarry-load-pg");
    postgres = postgresBuilder().start();
    port = postgres.getPort();
  }

  /** The same data directory every time, so a restart finds the data where it left it. */
  private EmbeddedPostgres.Builder postgresBuilder() {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false);
    return port == 0 ? builder : builder.setPort(port);
  }

  private void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }

  @AfterAll
  void removePostgres() throws IOException {
    stopPostgres();
    if (dataDirectory != null) {
      try (Stream<Path> paths = Files.walk(dataDirectory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private String url(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
  }

  private Connection admin(String database) throws SQLException {
    return DriverManager.getConnection(url(database));
  }

  /** The app on a fresh database: migrated, with the fault-injecting trigger, serving HTTP. */
  private final class App implements AutoCloseable {
    final String name;
    final Database.PoolSettings pool;
    final Database database;
    final BlogServer server;
    final BlogLoad load;
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    App(Database.PoolSettings pool) throws IOException, SQLException {
      this.name = "load_" + ++databases;
      this.pool = pool;
      try (Connection admin = admin("postgres");
          Statement statement = admin.createStatement()) {
        statement.execute("CREATE DATABASE " + name);
      }
      this.database = Database.connect(url(name), pool);
      database.migrate();
      try (Connection admin = admin(name);
          Statement statement = admin.createStatement()) {
        // A post titled "halfway" fails when its second tag is linked: after the post, its
        // tags and one link are written. The message says how far it got.
        statement.execute(
            """
            CREATE FUNCTION refuse_second_tag() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
              linked bigint;
            BEGIN
              IF (SELECT title FROM posts WHERE id = NEW.post_id) = '$TITLE' THEN
                SELECT count(*) INTO linked FROM post_tags WHERE post_id = NEW.post_id;
                IF linked >= 1 THEN
                  RAISE EXCEPTION 'test trigger refuses tag % of post % after % link(s)',
                    NEW.tag_id, NEW.post_id, linked USING ERRCODE = 'check_violation';
                END IF;
              END IF;
              RETURN NEW;
            END $$
            """
                .replace("$TITLE", BlogLoad.HALFWAY_TITLE));
        statement.execute(
            "CREATE TRIGGER refuse_second_tag BEFORE INSERT ON post_tags"
                + " FOR EACH ROW EXECUTE FUNCTION refuse_second_tag()");
      }
      this.server =
          BlogServer.start(
              new BlogService(database.dataSource()),
              new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
              new PrintStream(logBytes, true, StandardCharsets.UTF_8));
      this.load = new BlogLoad(server.uri());
    }

    String log() {
      synchronized (logBytes) {
        return logBytes.toString(StandardCharsets.UTF_8);
      }
    }

    /** The server's log has no stack trace: nothing was answered with 500. */
    void assertNothingUnexpectedLogged() {
      String log = log();
      assertTrue(
          !log.contains("unexpected failure") && !log.contains("database failure"),
          this::failuresLogged);
    }

    /** The server's log from the first unexpected failure on, shortened. */
    String failuresLogged() {
      String log = log();
      int first = log.indexOf("unexpected failure");
      int firstDatabase = log.indexOf("database failure");
      if (first < 0 || (firstDatabase >= 0 && firstDatabase < first)) {
        first = firstDatabase;
      }
      return first < 0 ? "" : log.substring(first, Math.min(log.length(), first + 6000));
    }

    long count(String sql) throws SQLException {
      try (Connection admin = admin(name);
          Statement statement = admin.createStatement();
          ResultSet rows = statement.executeQuery(sql)) {
        rows.next();
        return rows.getLong(1);
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      database.close();
    }
  }

  // ---- leaks ----

  /** What was found left over after a run; {@code leaks} is empty when nothing was. */
  record LeakReport(List<String> leaks, String state) {}

  /**
   * Checks that the pool has no connection in use or waiter, that PostgreSQL has exactly the pool's
   * idle sessions for the app and none in a transaction, and that no session holds an open cursor
   * (a result set not closed) or more prepared statements than the app has queries (statements not
   * closed pile up). Waits up to {@code settle} for the pool to settle.
   */
  private LeakReport leaks(App app, Duration settle) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + settle.toNanos();
    List<String> leaks;
    String state;
    while (true) {
      leaks = new ArrayList<>();
      Database.PoolUsage usage = app.database.poolUsage();
      List<String> sessions = sessionStates(app);
      long idle = sessions.stream().filter("idle"::equals).count();
      state = "pool " + usage + ", sessions " + sessions;
      if (usage.active() != 0) {
        leaks.add(usage.active() + " pool connection(s) still in use");
      }
      if (usage.waiting() != 0) {
        leaks.add(usage.waiting() + " thread(s) still waiting for a connection");
      }
      if (idle != sessions.size()) {
        leaks.add("sessions not idle: " + sessions);
      }
      if (sessions.size() != usage.total() || sessions.size() > app.pool.maxSize()) {
        leaks.add(
            sessions.size()
                + " session(s) for a pool of "
                + usage.total()
                + " connection(s)"
                + " (at most "
                + app.pool.maxSize()
                + ")");
      }
      if (leaks.isEmpty() || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(100);
    }
    if (leaks.isEmpty()) {
      // Only now can every connection be borrowed.
      leaks.addAll(openCursorsAndStatements(app));
    }
    return new LeakReport(leaks, state);
  }

  private List<String> sessionStates(App app) throws SQLException {
    List<String> states = new ArrayList<>();
    try (Connection admin = admin("postgres");
        PreparedStatement statement =
            admin.prepareStatement(
                "SELECT coalesce(state, 'unknown') FROM pg_stat_activity"
                    + " WHERE datname = ? AND application_name = ? ORDER BY pid")) {
      statement.setString(1, app.name);
      statement.setString(2, Database.APPLICATION_NAME);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          states.add(rows.getString(1));
        }
      }
    }
    return states;
  }

  /** Borrows every connection of the pool at once and looks inside each session. */
  private List<String> openCursorsAndStatements(App app) throws SQLException {
    List<String> leaks = new ArrayList<>();
    List<Connection> borrowed = new ArrayList<>();
    try {
      for (int i = 0; i < app.database.poolUsage().total(); i++) {
        borrowed.add(app.database.dataSource().getConnection());
      }
      for (Connection connection : borrowed) {
        try (Statement statement = connection.createStatement();
            ResultSet rows =
                statement.executeQuery(
                    "SELECT (SELECT count(*) FROM pg_cursors WHERE name <> ''),"
                        + " (SELECT count(*) FROM pg_prepared_statements), pg_backend_pid()")) {
          rows.next();
          if (rows.getLong(1) != 0) {
            leaks.add("session " + rows.getInt(3) + " has " + rows.getLong(1) + " open cursor(s)");
          }
          if (rows.getLong(2) > queryCount) {
            leaks.add(
                "session "
                    + rows.getInt(3)
                    + " holds "
                    + rows.getLong(2)
                    + " prepared statements for "
                    + queryCount
                    + " queries");
          }
        }
      }
    } finally {
      for (Connection connection : borrowed) {
        connection.close();
      }
    }
    return leaks;
  }

  private void assertNoLeaks(App app) throws SQLException, InterruptedException {
    LeakReport report = leaks(app, Duration.ofSeconds(10));
    assertEquals(List.of(), report.leaks(), report.state());
    assertEquals(0, app.database.poolUsage().active());
  }

  // ---- consistency ----

  /**
   * Compares the rows with the answers: each table holds the seed's rows plus one per successful
   * write, plus at most one per write answered 503 (the database may have committed before the
   * connection broke). Every post the mix created has both its tags; nothing of a post that failed
   * halfway is left. Returns the problems found.
   */
  private List<String> inconsistencies(App app, Figures figures) throws SQLException {
    BlogLoad.Seed seed = app.load.seedCounts();
    List<String> problems = new ArrayList<>();
    checkRows(problems, app, "users", seed.users(), figures, Operation.CREATE_USER);
    checkRows(problems, app, "posts", seed.posts(), figures, Operation.CREATE_POST);
    checkRows(problems, app, "comments", 0, figures, Operation.COMMENT);
    checkRows(problems, app, "tips", 0, figures, Operation.TIP);
    long untagged =
        app.count(
            "SELECT count(*) FROM posts p WHERE p.title = '"
                + BlogLoad.LOAD_TITLE
                + "'"
                + " AND (SELECT count(*) FROM post_tags pt WHERE pt.post_id = p.id) <> 2");
    if (untagged != 0) {
      problems.add(untagged + " post(s) without exactly their two tags");
    }
    long halfway =
        app.count("SELECT count(*) FROM posts WHERE title = '" + BlogLoad.HALFWAY_TITLE + "'")
            + app.count(
                "SELECT count(*) FROM tags WHERE name LIKE '" + BlogLoad.HALFWAY_TAG_PREFIX + "%'");
    if (halfway != 0) {
      problems.add(halfway + " row(s) left of posts that failed halfway");
    }
    return problems;
  }

  private static void checkRows(
      List<String> problems, App app, String table, int seeded, Figures figures, Operation write)
      throws SQLException {
    long rows = app.count("SELECT count(*) FROM " + table);
    long least = seeded + figures.succeeded(write);
    long most = least + figures.unavailable(write);
    if (rows < least || rows > most) {
      problems.add(
          table
              + ": "
              + rows
              + " rows, expected "
              + (least == most ? least : least + ".." + most)
              + " ("
              + seeded
              + " seeded, "
              + figures.succeeded(write)
              + " written, "
              + figures.unavailable(write)
              + " answered 503)");
    }
  }

  // ---- the tests ----

  @Test
  void mixedLoadIsAnsweredAsExpectedAndLeavesNothingBehind() throws Exception {
    try (App app = new App(new Database.PoolSettings(4, Duration.ofSeconds(5)))) {
      app.load.seed(8);

      BlogLoad.Run run = app.load.start(16, 10_000);
      List<Outcome> outcomes = run.await();
      Figures figures = Figures.of(outcomes);
      System.out.println("mixed load, 16 clients, pool of 4: " + figures.summary());

      assertEquals(10_000, figures.requests());
      assertEquals(List.of(), figures.unexpected(), figures::unexpectedSample);
      assertTrue(figures.succeeded(Operation.HALFWAY_POST) > 0, "the mix holds failing posts");
      assertNoLeaks(app);
      assertEquals(List.of(), inconsistencies(app, figures));
      app.assertNothingUnexpectedLogged();
    }
  }

  @Test
  void anExhaustedPoolIsAnswered503QuicklyAndRecovers() throws Exception {
    Duration timeout = Duration.ofMillis(500);
    try (App app = new App(new Database.PoolSettings(2, timeout))) {
      app.load.seed(1);
      String busy = "database busy: all 2 connections in use for 500ms; try again";
      List<Connection> held = new ArrayList<>();
      try {
        held.add(app.database.dataSource().getConnection());
        held.add(app.database.dataSource().getConnection());

        for (String[] request :
            new String[][] {
              {"GET", "/users?role=writer", null},
              // Through Transactions.inTransaction, which borrows the connection itself.
              {"POST", "/posts", "{\"authorId\":1,\"title\":\"t\",\"body\":\"b\"}"},
            }) {
          CompletableFuture<HttpResponse<String>> answer =
              CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return app.load.send(request[0], request[1], request[2]);
                    } catch (IOException | InterruptedException e) {
                      throw new IllegalStateException(e);
                    }
                  });
          // It waits for the pool (the event), then answers 503 while every connection is still
          // held: it gave up on the pool, it did not wait for a connection to come back.
          await(
              () -> app.database.poolUsage().waiting() == 1 || answer.isDone(),
              "the request to wait for a connection");
          HttpResponse<String> response = answer.get(CEILING.toSeconds(), TimeUnit.SECONDS);
          assertEquals(503, response.statusCode(), response.body());
          assertEquals("{\"status\":503,\"error\":\"" + busy + "\"}", response.body());
          assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
          assertEquals(0, app.database.poolUsage().waiting(), "nothing waits for the pool after");
        }
        // The leak check sees connections not given back.
        assertEquals(
            List.of("2 pool connection(s) still in use"), leaks(app, Duration.ZERO).leaks());
      } finally {
        for (Connection connection : held) {
          connection.close();
        }
      }

      HttpResponse<String> response = app.load.send("GET", "/users?role=writer", null);
      assertEquals(200, response.statusCode(), response.body());
      assertNoLeaks(app);
      app.assertNothingUnexpectedLogged();
    }
  }

  @Test
  void aTransactionFailingHalfwayLeavesNoPartialWrites() throws Exception {
    try (App app = new App(Database.PoolSettings.DEFAULT)) {
      app.load.seed(1);
      long posts = app.count("SELECT count(*) FROM posts");
      long tags = app.count("SELECT count(*) FROM tags");
      long links = app.count("SELECT count(*) FROM post_tags");

      Outcome outcome = app.load.perform(Operation.HALFWAY_POST);

      assertEquals(400, outcome.status(), outcome::toString);
      // The post, both new tags and the first link were written before the second link failed.
      assertTrue(
          outcome.message() != null && outcome.message().contains("after 1 link(s)"),
          outcome::toString);
      assertEquals(posts, app.count("SELECT count(*) FROM posts"));
      assertEquals(tags, app.count("SELECT count(*) FROM tags"));
      assertEquals(links, app.count("SELECT count(*) FROM post_tags"));
      // The connection went back to the pool usable, not stuck in the failed transaction.
      assertEquals(201, app.load.perform(Operation.CREATE_POST).status());
      assertNoLeaks(app);
    }
  }

  @Test
  void aDatabaseRestartDuringLoadIsAnswered503AndTheAppRecovers() throws Exception {
    Duration timeout = Duration.ofSeconds(1);
    try (App app = new App(new Database.PoolSettings(4, timeout))) {
      app.load.seed(4);
      Chaos chaos = new Chaos(app);

      BlogLoad.Run run = app.load.start(12, 1_000_000);
      // Load has built up once requests have been answered, not after a while.
      await(() -> run.count(Outcome::expected) >= 200, "200 requests answered before the restart");
      Outage outage = chaos.restartDatabase(run);
      long recovered = chaos.awaitRecovery(run, Duration.ofSeconds(60));
      // The pool is settled when each of its connections is a session on the restarted server:
      // the broken ones have been found and replaced.
      await(() -> poolReconnected(app), "the pool to hold only connections to the new server");
      long settled = System.nanoTime();
      await(
          () -> run.count(o -> o.startNanos() > settled) >= 200,
          "200 requests answered after the pool settled");
      run.stop();
      List<Outcome> outcomes = run.await();
      long stoppedAt = System.nanoTime();

      Figures figures = Figures.of(outcomes, Outcome::unavailable);
      System.out.println(
          "database restart during load, 12 clients, pool of 4: "
              + figures.summary()
              + "; "
              + outage.describe(recovered));
      assertEquals(
          List.of(),
          figures.unexpected(),
          () -> figures.unexpectedSample() + "\n" + app.failuresLogged());
      for (Outcome outcome : outcomes) {
        if (outcome.unavailable()) {
          assertTrue(
              outcome.message() != null
                  && outcome.message().startsWith("database ")
                  && outcome.message().endsWith("; try again"),
              outcome::toString);
          // A ceiling, not a measure: a 503 that takes longer than this waited for something.
          assertTrue(
              outcome.latencyNanos() < timeout.plus(CEILING).toNanos(),
              () -> "a 503 answered past the ceiling: " + outcome);
        }
      }
      // While the server was down nothing could succeed, and everything was answered.
      Figures down =
          Figures.of(
              started(
                  outcomes,
                  o ->
                      o.startNanos() > outage.stoppedNanos()
                          && o.endNanos() < outage.startingNanos()),
              Outcome::unavailable);
      assertTrue(down.requests() > 0 && down.unavailable() == down.requests(), down.summary());
      // Once back and settled, the same pool serves again without a restart of the app.
      Figures after =
          Figures.of(started(outcomes, o -> o.startNanos() > settled && o.endNanos() < stoppedAt));
      assertTrue(
          after.requests() >= 200 && after.unexpected().isEmpty(),
          after.summary() + " " + after.unexpectedSample());
      assertNoLeaks(app);
      assertEquals(List.of(), inconsistencies(app, figures));
      app.assertNothingUnexpectedLogged();
    }
  }

  private static List<Outcome> started(List<Outcome> outcomes, Predicate<Outcome> when) {
    return outcomes.stream().filter(when).toList();
  }

  /** One stop and start of the database server, with times from {@link System#nanoTime()}. */
  record Outage(long stoppingNanos, long stoppedNanos, long startingNanos, long startedNanos) {
    String describe(long recoveredNanos) {
      return String.format(
          Locale.ROOT,
          "database stopped in %dms, down %dms, started in %dms, first success %dms after start",
          (stoppedNanos - stoppingNanos) / 1_000_000,
          (startingNanos - stoppedNanos) / 1_000_000,
          (startedNanos - startingNanos) / 1_000_000,
          (recoveredNanos - startedNanos) / 1_000_000);
    }
  }

  /** Failures injected into a running app. */
  private final class Chaos {
    private final App app;
    int restarts;
    int poolHolds;

    Chaos(App app) {
      this.app = app;
    }

    /**
     * Stops the database server (fast shutdown), waits until the app has answered requests of
     * {@code run} that started after that with 503, and starts it again.
     */
    Outage restartDatabase(BlogLoad.Run run) throws IOException, InterruptedException {
      long stopping = System.nanoTime();
      stopPostgres();
      long stopped = System.nanoTime();
      await(
          () -> run.count(o -> o.startNanos() > stopped && o.unavailable()) >= 20,
          "20 requests answered 503 while the database is down");
      long starting = System.nanoTime();
      postgres = postgresBuilder().start();
      restarts++;
      return new Outage(stopping, stopped, starting, System.nanoTime());
    }

    /** Holds every connection of the pool until requests of {@code run} are answered "busy". */
    void holdPool(BlogLoad.Run run) throws SQLException, InterruptedException {
      List<Connection> held = new ArrayList<>();
      try {
        for (int i = 0; i < app.pool.maxSize(); i++) {
          held.add(app.database.dataSource().getConnection());
        }
        poolHolds++;
        long holding = System.nanoTime();
        await(
            () ->
                run.count(
                        o ->
                            o.startNanos() > holding
                                && o.message() != null
                                && o.message().startsWith("database busy"))
                    >= 20,
            "20 requests answered \"database busy\" while the pool is held");
      } finally {
        for (Connection connection : held) {
          connection.close();
        }
      }
    }

    /** Waits until a request through the app succeeds; returns when it started. */
    long awaitRecovery(BlogLoad.Run run, Duration limit) throws InterruptedException {
      long deadline = System.nanoTime() + limit.toNanos();
      while (System.nanoTime() < deadline) {
        long start = System.nanoTime();
        Outcome probe = app.load.perform(Operation.READ_USER);
        if (probe.expected()) {
          return start;
        }
        Thread.sleep(50);
      }
      run.stop();
      throw new AssertionError(
          "no request succeeded within " + limit + " of the restart (a ceiling)");
    }
  }

  // ---- the long run ----

  /**
   * A longer run on demand, with failures injected along the way: two database restarts, one
   * exhaustion of the pool, and posts failing halfway (1% of the mix). Prints the figures.
   *
   * <pre>
   * mvn -pl sample-app test -Dtest=LoadTest#longRun -Dquarry.load.requests=100000
   *     [-Dquarry.load.clients=16] [-Dquarry.load.poolSize=4]
   * </pre>
   */
  @Test
  @EnabledIfSystemProperty(named = "quarry.load.requests", matches = "\\d+")
  @Timeout(value = 2, unit = TimeUnit.HOURS)
  void longRun() throws Exception {
    int requests = Integer.getInteger("quarry.load.requests");
    int clients = Integer.getInteger("quarry.load.clients", 16);
    int poolSize = Integer.getInteger("quarry.load.poolSize", 4);
    Duration timeout = Duration.ofSeconds(1);
    try (App app = new App(new Database.PoolSettings(poolSize, timeout))) {
      app.load.seed(8);
      Chaos chaos = new Chaos(app);
      List<String> outages = new ArrayList<>();

      BlogLoad.Run run = app.load.start(clients, requests);
      awaitProgress(run, requests * 3 / 10);
      Outage first = chaos.restartDatabase(run);
      outages.add(first.describe(chaos.awaitRecovery(run, Duration.ofSeconds(30))));
      awaitProgress(run, requests / 2);
      chaos.holdPool(run);
      awaitProgress(run, requests * 3 / 4);
      Outage second = chaos.restartDatabase(run);
      outages.add(second.describe(chaos.awaitRecovery(run, Duration.ofSeconds(30))));
      List<Outcome> outcomes = run.await();

      Figures figures = Figures.of(outcomes, Outcome::unavailable);
      LeakReport leaks = leaks(app, Duration.ofSeconds(10));
      List<String> inconsistencies = inconsistencies(app, figures);
      int rolledBack = figures.succeeded(Operation.HALFWAY_POST);
      PrintStream out = System.out;
      out.println();
      out.printf(
          Locale.ROOT,
          "load run: %d clients, pool of %d (wait %dms), embedded PostgreSQL%n",
          clients,
          poolSize,
          timeout.toMillis());
      out.printf(
          Locale.ROOT,
          "  requests served:   %d of %d (%d unanswered)%n",
          figures.requests() - figures.noAnswer(),
          figures.requests(),
          figures.noAnswer());
      out.printf(
          Locale.ROOT,
          "  throughput:        %.0f requests/s over %.1fs%n",
          figures.throughput(),
          figures.seconds());
      out.printf(
          Locale.ROOT,
          "  latency:           p50 %.1fms, p99 %.1fms, max %.1fms%n",
          figures.p50Nanos() / 1e6,
          figures.p99Nanos() / 1e6,
          figures.maxNanos() / 1e6);
      out.printf(
          Locale.ROOT,
          "  failures injected: %d database restarts (each down until 20 requests were answered"
              + " 503), %d pool exhaustion (all connections held until 20 requests were answered"
              + " busy), %d transactions failing halfway%n",
          chaos.restarts,
          chaos.poolHolds,
          figures.succeeded(Operation.HALFWAY_POST) + figures.unavailable(Operation.HALFWAY_POST));
      for (String outage : outages) {
        out.println("                     " + outage);
      }
      out.printf(
          Locale.ROOT,
          "  failures observed: %d answered 503 (%d database busy, %d database unavailable),"
              + " %d rolled back with 400, %d unexpected answers%n",
          figures.unavailable(),
          figures.busy(),
          figures.unavailable() - figures.busy(),
          rolledBack,
          figures.unexpected().size());
      out.printf(
          Locale.ROOT,
          "  leaks found:       %d%s (%s)%n",
          leaks.leaks().size(),
          leaks.leaks().isEmpty() ? "" : " " + leaks.leaks(),
          leaks.state());
      out.printf(
          Locale.ROOT,
          "  data consistent:   %s%n",
          inconsistencies.isEmpty() ? "yes (rows match the answers)" : inconsistencies);
      out.println();

      assertEquals(requests, figures.requests());
      assertEquals(List.of(), figures.unexpected(), figures::unexpectedSample);
      assertEquals(List.of(), leaks.leaks(), leaks.state());
      assertEquals(List.of(), inconsistencies);
      app.assertNothingUnexpectedLogged();
    }
  }

  private static void awaitProgress(BlogLoad.Run run, int completed) throws InterruptedException {
    await(() -> run.completed() >= completed, completed + " requests answered");
  }

  /**
   * A generous bound on every wait for an event; reaching it fails the test, it measures nothing.
   */
  private static final Duration CEILING = Duration.ofSeconds(60);

  /** Waits until {@code condition} holds, failing after {@link #CEILING}. */
  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + CEILING.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + CEILING.toSeconds() + " s for " + what);
      }
      Thread.sleep(20);
    }
  }

  /** Whether every connection of the app's pool is a session on the (restarted) server. */
  private boolean poolReconnected(App app) {
    try {
      Database.PoolUsage usage = app.database.poolUsage();
      return usage.total() > 0 && sessionStates(app).size() == usage.total();
    } catch (SQLException e) {
      return false;
    }
  }
}
