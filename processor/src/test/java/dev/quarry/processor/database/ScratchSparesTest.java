package dev.quarry.processor.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.LocalServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spare scratch databases as the build server keeps them ({@link ScratchSpares}), on the server at
 * 127.0.0.1:5432 standing in for the kept embedded PostgreSQL (a lease in a temporary folder makes
 * {@link ServerDatabase} treat it as one); skipped when that server does not answer. Each test uses
 * a schema key of its own, so its template is its own.
 */
class ScratchSparesTest {
  private static final String URL = LocalServer.URL;
  private static final String RECORD = "c3BhcmU=";

  @TempDir Path temp;

  private final String key =
      "spare-test-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  private final List<String> templates = new ArrayList<>();

  @BeforeEach
  void enable() {
    LocalServer.assumeAnswers();
    ScratchSpares.enable();
  }

  @AfterEach
  void cleanUp() throws Exception {
    // A build's close queued a drop, a sweep and a new spare: let them end first, or disabling
    // (which waits only briefly) could leave the worker making a spare that later tests would see.
    ScratchSpares active = ScratchSpares.active();
    if (active != null) {
      active.awaitIdle();
    }
    ScratchSpares.disable();
    for (String template : templates) {
      LocalServer.dropIfExists(template);
    }
  }

  @Test
  void aSpareIsMadeAfterABuildAndTheNextBuildTakesIt() throws Exception {
    cacheTemplate(key);
    String spare = spareName();
    assertTrue(LocalServer.exists(spare), spare);
    assertEquals(List.of(spare), LocalServer.ourScratchDatabases());
    assertTrue(
        comment(spare).startsWith("quarry scratch: ")
            && comment(spare).contains(" pid=" + ProcessHandle.current().pid() + " "),
        comment(spare));

    ServerDatabase second = ServerDatabase.start(URL, key, null, lease());
    try {
      assertEquals(spare, second.name());
      assertTrue(
          second.description().contains("made ready before the build"), second.description());
      assertEquals(Optional.of(RECORD), second.cachedMigrations());
      assertFalse(second.cachesSchema());
      try (Connection first = second.connect();
          Statement s = first.createStatement();
          ResultSet rows =
              s.executeQuery("SELECT current_database(), count(*) FROM spare_test_table")) {
        rows.next();
        assertEquals(spare, rows.getString(1));
      }
      assertEquals(Optional.empty(), spares().spareName());
    } finally {
      second.close();
    }
    spares().awaitIdle();
    // The used one is dropped and the next spare is ready.
    String next = spareName();
    assertNotEquals(spare, next);
    assertFalse(LocalServer.exists(spare));
    assertEquals(List.of(next), LocalServer.ourScratchDatabases());
  }

  @Test
  void aBuildOfAnotherSchemaMakesItsOwnDatabaseAndTheSpareIsDropped() throws Exception {
    cacheTemplate(key);
    String spare = spareName();
    ServerDatabase other = ServerDatabase.start(URL, key + "-other", null, lease());
    try {
      assertNotEquals(spare, other.name());
      assertFalse(other.description().contains("made ready"), other.description());
      assertTrue(other.cachesSchema()); // no template for that key: it migrates
    } finally {
      other.close();
    }
    spares().awaitIdle();
    assertFalse(LocalServer.exists(spare));
    assertEquals(Optional.empty(), spares().spareName()); // nothing cached: no spare
    assertEquals(List.of(), LocalServer.ourScratchDatabases());
  }

  @Test
  void twoBuildsAtOnceNeverGetTheSameSpare() throws Exception {
    cacheTemplate(key);
    String spare = spareName();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService builds = Executors.newFixedThreadPool(2);
    List<ServerDatabase> started = new ArrayList<>();
    try {
      List<Future<ServerDatabase>> starts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        starts.add(
            builds.submit(
                () -> {
                  go.await();
                  return ServerDatabase.start(URL, key, null, lease());
                }));
      }
      go.countDown();
      for (Future<ServerDatabase> start : starts) {
        started.add(start.get(60, TimeUnit.SECONDS));
      }
      assertNotEquals(started.get(0).name(), started.get(1).name());
      assertEquals(
          1, started.stream().filter(database -> database.name().equals(spare)).count(), spare);
      for (ServerDatabase database : started) {
        assertEquals(Optional.of(RECORD), database.cachedMigrations());
        try (Connection c = database.connect()) {
          assertTrue(c.isValid(2));
        }
      }
    } finally {
      started.forEach(ServerDatabase::close);
      builds.shutdownNow();
    }
    spares().awaitIdle();
    assertEquals(List.of(spareName()), LocalServer.ourScratchDatabases());
  }

  @Test
  void aSpareWhoseConnectionDiedIsDroppedAndTheBuildGoesTheUsualWay() throws Exception {
    cacheTemplate(key);
    String spare = spareName();
    LocalServer.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + spare + "'");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (LocalServer.sessions(spare) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    ServerDatabase next = ServerDatabase.start(URL, key, null, lease());
    try {
      assertNotEquals(spare, next.name());
      assertEquals(Optional.of(RECORD), next.cachedMigrations());
      try (Connection c = next.connect()) {
        assertTrue(c.isValid(2));
      }
    } finally {
      next.close();
    }
    spares().awaitIdle();
    assertFalse(LocalServer.exists(spare));
  }

  @Test
  void whatTheBackgroundSweepDroppedIsInTheNextBuildsNotes() throws Exception {
    cacheTemplate(key);
    String stale = staleScratchDatabase();
    // After this build the worker sweeps before it makes the next spare.
    ServerDatabase second = ServerDatabase.start(URL, key, null, lease());
    second.close();
    spares().awaitIdle();
    assertFalse(LocalServer.exists(stale));
    ServerDatabase third = ServerDatabase.start(URL, key, null, lease());
    try {
      assertTrue(
          third.startupNotes().stream().anyMatch(note -> note.contains(stale)),
          third.startupNotes().toString());
    } finally {
      third.close();
    }
  }

  @Test
  void endingTheServerDropsTheSpare() throws Exception {
    cacheTemplate(key);
    String spare = spareName();
    ScratchSpares.disable();
    assertFalse(LocalServer.exists(spare));
  }

  @Test
  void withoutTheBuildServerNoSpareIsMade() throws Exception {
    ScratchSpares.disable();
    cacheTemplate(key);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!LocalServer.ourScratchDatabases().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50); // the used database is dropped on a daemon thread
    }
    assertEquals(List.of(), LocalServer.ourScratchDatabases());
  }

  @Test
  void aSpareOfAKilledBuildServerIsDroppedByTheNextSweep() throws Exception {
    cacheTemplate(key);
    ScratchSpares.disable();
    Process owner =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SpareOwner.class.getName(),
                URL,
                key,
                temp.toString())
            .redirectErrorStream(true)
            .start();
    String spare;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      spare = line == null ? "" : line.strip();
      assertTrue(spare.startsWith("spare quarry_scratch_"), spare);
      spare = spare.substring("spare ".length());
      assertTrue(LocalServer.exists(spare), spare);
      assertTrue(comment(spare).contains(" pid=" + owner.pid() + " "), comment(spare));
    } finally {
      owner.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    List<StaleScratchDatabases.Dropped> dropped = new ArrayList<>();
    try (Connection admin = PgDriver.connect(URL, new Properties())) {
      // Its session ends a moment after the process: until then the sweep leaves it alone.
      while (LocalServer.exists(spare) && System.nanoTime() < deadline) {
        dropped.addAll(
            StaleScratchDatabases.drop(
                admin, ScratchOwner.current(), StaleScratchDatabases::processAlive, Instant.now()));
        Thread.sleep(100);
      }
    } finally {
      if (LocalServer.exists(spare)) {
        LocalServer.dropIfExists(spare);
        throw new AssertionError("the killed server's spare " + spare + " was not swept");
      }
    }
    String name = spare;
    assertTrue(dropped.stream().anyMatch(d -> d.name().equals(name)), dropped.toString());
  }

  /** Runs a build on {@code key} that migrates and keeps its schema as the template. */
  private void cacheTemplate(String schemaKey) throws Exception {
    ServerDatabase first = ServerDatabase.start(URL, schemaKey, null, lease());
    try {
      try (Connection c = first.connect();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE spare_test_table (id int)");
      }
      assertTrue(first.cachesSchema());
      assertTrue(first.cacheMigrated(RECORD));
    } finally {
      first.close();
    }
    templates.add(first.templateName().orElseThrow());
    ScratchSpares spares = ScratchSpares.active();
    if (spares != null) {
      spares.awaitIdle();
    }
  }

  private KeptServers.Lease lease() {
    return new KeptServers.Lease(
        temp, "spare-test", new KeptServers.State("", 0, 5432, "", 0, 0, ""), false, List.of());
  }

  private static ScratchSpares spares() {
    ScratchSpares spares = ScratchSpares.active();
    if (spares == null) {
      throw new AssertionError("spares are not enabled");
    }
    return spares;
  }

  private static String spareName() {
    return spares().spareName().orElseThrow(() -> new AssertionError("no spare was made"));
  }

  private static String comment(String database) throws Exception {
    try (Connection c = LocalServer.connect();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '"
                    + database
                    + "'")) {
      return rows.next() && rows.getString(1) != null ? rows.getString(1) : "";
    }
  }

  /** A scratch database marked as a build's that no longer runs, as a killed build leaves. */
  private static String staleScratchDatabase() throws Exception {
    long pid = DeadPid.get();
    ScratchOwner me = ScratchOwner.current();
    String name =
        ServerDatabase.NAME_PREFIX
            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
            + "_"
            + pid
            + "_0a1b2c";
    LocalServer.execute("CREATE DATABASE \"" + name + "\" TEMPLATE template0");
    LocalServer.execute(
        "COMMENT ON DATABASE \""
            + name
            + "\" IS '"
            + new ScratchOwner(me.host(), me.pidNamespace(), me.user(), pid, me.started()).comment()
            + "'");
    return name;
  }
}
