package dev.quarry.processor.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.ChildJavac;
import dev.quarry.processor.server.BuildClient;
import dev.quarry.processor.server.BuildServerFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build server (the kept server's process running builds sent by javac's processor), with
 * builds in JVMs of their own as javac runs, each test with a folder of kept servers of its own
 * that it stops at the end: it gives what an in-process build gives, byte for byte; a server killed
 * mid-build, a build at once with another, and a server that is gone all leave the build as it
 * would have been.
 */
class BuildServerTest {
  private static final Path CASES = Path.of("src/test/resources/cases");
  private static final String ON_SERVER = "; on the build server";
  private static final String MADE_READY = ", made ready before the build)";

  @TempDir Path temp;

  private final AtomicInteger builds = new AtomicInteger();

  private Path keep() {
    return temp.resolve("keep");
  }

  @AfterEach
  void stopKeptServers() throws Exception {
    StopKeptServers.under(keep());
  }

  @Test
  void buildsOnTheServerGiveWhatInProcessBuildsGive() throws Exception {
    // The first build starts the kept server and, in it, the build server; it runs in-process.
    ChildJavac.Outcome first = build(CASES.resolve("blog"), List.of());
    assertEquals(0, first.exitCode(), first.output());
    assertFalse(first.output().contains(ON_SERVER), first.output());
    awaitSocket();
    for (String name :
        List.of(
            "blog",
            "dynamic",
            "nested-results",
            "lock-risk-fires",
            "error-sql",
            "error-unknown-names",
            "error-migration",
            "error-parameters")) {
      Path folder = CASES.resolve(name);
      List<String> options = caseOptions(folder);
      List<String> inProcess = new ArrayList<>(options);
      inProcess.add("-Aquarry.buildServer=false");
      // Once before, so that both builds clone the migrated schema this one caches.
      build(folder, inProcess);
      Path localWork = nextWork();
      ChildJavac.Outcome local = build(folder, inProcess, localWork);
      Path remoteWork = nextWork();
      ChildJavac.Outcome remote = build(folder, options, remoteWork);
      assertFalse(local.output().contains(ON_SERVER), name + ": " + local.output());
      assertTrue(remote.output().contains(ON_SERVER), name + ": " + remote.output());
      assertEquals(local.exitCode(), remote.exitCode(), name + ": " + remote.output());
      assertEquals(comparable(local.output()), comparable(remote.output()), name);
      assertEquals(
          files(localWork.resolve("generated")), files(remoteWork.resolve("generated")), name);
      if (!name.startsWith("error-")) {
        assertFalse(files(remoteWork.resolve("generated")).isEmpty(), name);
      }
      // Again on the server, which now takes the files it read from its read cache.
      Path againWork = nextWork();
      ChildJavac.Outcome again = build(folder, options, againWork);
      assertTrue(again.output().contains(ON_SERVER), name + ": " + again.output());
      assertEquals(local.exitCode(), again.exitCode(), name + ": " + again.output());
      assertEquals(comparable(local.output()), comparable(again.output()), name);
      assertEquals(
          files(localWork.resolve("generated")), files(againWork.resolve("generated")), name);
    }
  }

  @Test
  void aServerKilledMidBuildLeavesTheBuildToRunInProcess() throws Exception {
    ChildJavac.Outcome first = build(project("warm", "SELECT 1;\n"), List.of());
    assertEquals(0, first.exitCode(), first.output());
    Path socket = awaitSocket();
    String name = KeptServers.names(keep()).get(0);
    long server = KeptServers.read(keep(), name).orElseThrow().watchdogPid();
    ProcessHandle serverProcess = ProcessHandle.of(server).orElseThrow();

    Path slow = project("slow", "SELECT pg_sleep(5);\n");
    Path work = nextWork();
    ChildJavac child = child(slow, List.of(), work);
    Process build = child.start();
    awaitSleepingBuildOf(server, build);
    serverProcess.destroyForcibly(); // SIGKILL, mid-build
    serverProcess.onExit().get(30, TimeUnit.SECONDS);
    assertTrue(build.waitFor(180, TimeUnit.SECONDS), "the build hangs after the server died");
    String output = child.output();
    assertEquals(0, build.exitValue(), output);
    assertFalse(output.contains(ON_SERVER), output);
    assertTrue(output.contains("quarry timings:"), output);
    assertFalse(Files.exists(work.resolve("stderr.txt")) && output.contains("Exception"), output);
    assertFalse(files(work.resolve("generated")).isEmpty(), output);

    // The fallback build found the kept server without its watchdog: a new build server watches
    // it, and the next build uses it.
    long replacement = KeptServers.read(keep(), name).orElseThrow().watchdogPid();
    assertTrue(replacement != server, "the dead server is still in the state file");
    assertTrue(ProcessHandle.of(replacement).map(ProcessHandle::isAlive).orElse(false));
    // The killed server's socket file is still there: wait for the new server to listen on it.
    awaitLogLines(keep().resolve(name + ".watchdog.log"), "build server listening", 2);
    assertTrue(Files.exists(socket), "the new server listens where the old one did");
    ChildJavac.Outcome next = build(project("next", "SELECT 2;\n"), List.of());
    assertEquals(0, next.exitCode(), next.output());
    assertTrue(next.output().contains(ON_SERVER), next.output());
  }

  @Test
  void twoBuildsAtOnceRunOnTheServerTogether() throws Exception {
    ChildJavac.Outcome first = build(project("warm", "SELECT 1;\n"), List.of());
    assertEquals(0, first.exitCode(), first.output());
    awaitSocket();
    Path workA = nextWork();
    Path workB = nextWork();
    // Longer than a client waits for a sign of life: builds run one after the other would leave
    // the second waiting without heartbeats, and it would build in-process.
    String slow = "SELECT pg_sleep(" + (BuildClient.SILENCE.toSeconds() + 2) + ");\n";
    ChildJavac a = child(project("a", slow), List.of(), workA);
    ChildJavac b = child(project("b", slow), List.of(), workB);
    Process pa = a.start();
    Process pb = b.start();
    assertTrue(pa.waitFor(180, TimeUnit.SECONDS) && pb.waitFor(180, TimeUnit.SECONDS));
    assertEquals(0, pa.exitValue(), a.output());
    assertEquals(0, pb.exitValue(), b.output());
    assertTrue(a.output().contains(ON_SERVER), a.output());
    assertTrue(b.output().contains(ON_SERVER), b.output());
    assertEquals(files(workA.resolve("generated")), files(workB.resolve("generated")));
    assertEquals(1, KeptServers.names(keep()).size(), KeptServers.names(keep()).toString());
  }

  @Test
  void theNextBuildTakesTheSpareAndAKilledServersSpareIsDroppedByTheNextBuild() throws Exception {
    Path project = project("spare", "SELECT 1;\n");
    ChildJavac.Outcome first = build(project, List.of()); // in-process; caches the schema
    assertEquals(0, first.exitCode(), first.output());
    awaitSocket();
    String name = KeptServers.names(keep()).get(0);
    KeptServers.State state = KeptServers.read(keep(), name).orElseThrow();
    long server = state.watchdogPid();
    // The first build on the server clones as before; a spare is made after it.
    ChildJavac.Outcome second = build(project, List.of());
    assertEquals(0, second.exitCode(), second.output());
    assertTrue(second.output().contains(ON_SERVER), second.output());
    assertFalse(second.output().contains(MADE_READY), second.output());
    String spare = awaitSpare(state, server);
    ChildJavac.Outcome third = build(project, List.of());
    assertEquals(0, third.exitCode(), third.output());
    assertTrue(third.output().contains(ON_SERVER), third.output());
    assertTrue(
        third.output().contains("scratch database " + spare + " (cloned from the cached"),
        third.output());
    assertTrue(third.output().contains(MADE_READY), third.output());
    assertEquals(comparable(second.output()), comparable(third.output()));

    // kill -9 of the server with a spare: the next build (in-process) drops it.
    String left = awaitSpare(state, server);
    ProcessHandle serverProcess = ProcessHandle.of(server).orElseThrow();
    serverProcess.destroyForcibly();
    serverProcess.onExit().get(30, TimeUnit.SECONDS);
    // Its session on the spare ends a moment after the process; until then the sweep rightly
    // leaves the spare alone.
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (sessions(state, left) > 0) {
      assertTrue(System.nanoTime() < deadline, "the killed server's session never ended");
      Thread.sleep(100);
    }
    ChildJavac.Outcome fourth = build(project, List.of());
    assertEquals(0, fourth.exitCode(), fourth.output());
    assertFalse(fourth.output().contains(ON_SERVER), fourth.output());
    assertTrue(fourth.output().contains(left), fourth.output());
    assertEquals(List.of(), scratchDatabasesOf(state, server));
  }

  @Test
  void aBuildTheLockFileAnsweredReadiesASpareForTheNextEdit() throws Exception {
    Path project = project("anticipate", "SELECT 1;\n");
    List<String> lock = List.of("-Aquarry.lock=auto");
    ChildJavac.Outcome first = build(project, lock); // in-process; caches the schema
    assertEquals(0, first.exitCode(), first.output());
    assertTrue(Files.exists(project.resolve("queries/quarry.lock")), first.output());
    awaitSocket();
    String name = KeptServers.names(keep()).get(0);
    KeptServers.State state = KeptServers.read(keep(), name).orElseThrow();
    long server = state.watchdogPid();
    // Answered by the lock file on the server: no database, but one is readied for the next.
    Path work = nextWork();
    ChildJavac.Outcome second = build(project, lock, work);
    assertEquals(0, second.exitCode(), second.output());
    assertTrue(second.output().contains(ON_SERVER), second.output());
    assertTrue(second.output().contains("from the lock file"), second.output());
    String spare = awaitSpare(state, server);
    awaitLogLines(keep().resolve(name + ".watchdog.log"), "to prepare its next build", 1);

    Path queries = project.resolve("queries/users.sql");
    edit(queries, text -> text.replace("WHERE id = @id", "WHERE id = @id AND email <> ''"));
    // The edit is built at once (the build is prepared), on the spare.
    ChildJavac.Outcome edited = build(project, lock, work);
    assertEquals(0, edited.exitCode(), edited.output());
    assertTrue(edited.output().contains(ON_SERVER), edited.output());
    assertTrue(
        edited.output().contains("scratch database " + spare + " (cloned from the cached"),
        edited.output());
    assertTrue(edited.output().contains(MADE_READY), edited.output());
  }

  @Test
  void aBuildWithUnchangedInputsIsAnsweredWithoutTheServerAndKeepsItAlive() throws Exception {
    List<String> lock = List.of("-Aquarry.lock=auto");
    Path work = nextWork();
    Path project = builtOnTheServer("unchanged", lock, work); // which recorded what it did
    String name = KeptServers.names(keep()).get(0);
    Path lastUsed = keep().resolve(name + ".last-used");
    FileTime minuteAgo = FileTime.from(Instant.now().minusSeconds(60));
    Files.setLastModifiedTime(lastUsed, minuteAgo);

    // Same inputs: javac's process replays the record without reaching the server, and counts as
    // a use of it, as a build it served would.
    ChildJavac.Outcome again = build(project, lock, work);
    assertEquals(0, again.exitCode(), again.output());
    assertFalse(again.output().contains(ON_SERVER), again.output());
    assertTrue(again.output().contains("its sources and messages replayed"), again.output());
    assertTrue(
        Files.getLastModifiedTime(lastUsed).compareTo(minuteAgo) > 0,
        "last use " + Files.getLastModifiedTime(lastUsed));
    assertEquals(files(work.resolve("generated")), inProcessSources(project, lock));
  }

  @Test
  void aServerThatNeverServedAProjectWatchesItAfterABuildItsReplayAnswered() throws Exception {
    List<String> lock = List.of("-Aquarry.lock=auto");
    Path work = nextWork();
    Path project = builtOnTheServer("replayed", lock, work); // which recorded what it did
    stopKeptServers();
    // A new build server, started by another project's build, has never served this project.
    assertEquals(0, build(project("other", "SELECT 1;\n"), lock).exitCode());
    awaitSocket();
    String name = KeptServers.names(keep()).get(0);
    Path log = keep().resolve(name + ".watchdog.log");
    long watching = lines(log, "to prepare its next build");

    ChildJavac.Outcome again = build(project, lock, work);
    assertEquals(0, again.exitCode(), again.output());
    assertFalse(again.output().contains(ON_SERVER), again.output());
    assertTrue(again.output().contains("its sources and messages replayed"), again.output());
    // The server is asked to watch it, and then prepares its next edit.
    awaitLogLines(log, "to prepare its next build", watching + 1);
    long prepared = lines(log, "prepared the build of");
    Path queries = project.resolve("queries/users.sql");
    edit(queries, text -> text.replace("WHERE id = @id", "WHERE id = @id AND email <> ''"));
    awaitLogLines(log, "prepared the build of", prepared + 1);
    ChildJavac.Outcome edited = build(project, lock, work);
    assertEquals(0, edited.exitCode(), edited.output());
    assertTrue(
        edited.output().contains("built by the build server when queries/users.sql changed"),
        edited.output());
    // Its request was taken, and a mark says the project is watched: later replays ask nothing.
    try (Stream<Path> files = Files.list(BuildServerFiles.watchFolder(keep(), name))) {
      List<String> left = files.map(f -> f.getFileName().toString()).toList();
      assertEquals(1, left.size(), left.toString());
      assertTrue(left.get(0).endsWith(BuildServerFiles.WATCHED), left.toString());
    }
  }

  private static long lines(Path log, String text) throws Exception {
    return Files.exists(log)
        ? Files.readAllLines(log).stream().filter(l -> l.contains(text)).count()
        : 0;
  }

  /**
   * A new project built in javac's process (which starts the build server) and then on the server,
   * into {@code work}.
   */
  private Path builtOnTheServer(String name, List<String> options, Path work) throws Exception {
    Path project = project(name, "SELECT 1;\n");
    assertEquals(0, build(project, options).exitCode());
    awaitSocket();
    ChildJavac.Outcome served = build(project, options, work);
    assertEquals(0, served.exitCode(), served.output());
    assertTrue(served.output().contains(ON_SERVER), served.output());
    return project;
  }

  /** The sources an in-process build of {@code project} writes into a new folder. */
  private Map<String, String> inProcessSources(Path project, List<String> options)
      throws Exception {
    List<String> inProcess = new ArrayList<>(options);
    inProcess.add("-Aquarry.buildServer=false");
    Path work = nextWork();
    ChildJavac.Outcome local = build(project, inProcess, work);
    assertEquals(0, local.exitCode(), local.output());
    return files(work.resolve("generated"));
  }

  @Test
  void anEditIsBuiltBeforeJavacAsksAndItsWritesWaitForThatBuild() throws Exception {
    List<String> lock = List.of("-Aquarry.lock=auto");
    Path work = nextWork();
    Path project = builtOnTheServer("prepared", lock, work); // which now watches it
    String name = KeptServers.names(keep()).get(0);
    Path log = keep().resolve(name + ".watchdog.log");
    Path lockFile = project.resolve("queries/quarry.lock");
    String lockBefore = Files.readString(lockFile);
    awaitLogLines(log, "to prepare its next build", 1);

    Path queries = project.resolve("queries/users.sql");
    edit(queries, text -> text.replace("WHERE id = @id", "WHERE id = @id AND email <> ''"));
    awaitLogLines(log, "prepared the build of", 1);
    // Prepared, but nothing of the project's written yet.
    assertEquals(lockBefore, Files.readString(lockFile));
    ChildJavac.Outcome edited = build(project, lock, work);
    assertEquals(0, edited.exitCode(), edited.output());
    assertTrue(edited.output().contains(ON_SERVER), edited.output());
    assertTrue(
        edited.output().contains("built by the build server when queries/users.sql changed"),
        edited.output());
    String lockAfter = Files.readString(lockFile);
    assertFalse(lockAfter.equals(lockBefore), lockAfter);
    // The same sources and lock file as a build in javac's process of the same inputs.
    assertEquals(inProcessSources(project, lock), files(work.resolve("generated")));
    assertEquals(lockAfter, Files.readString(lockFile));

    // An input changed after the build was prepared (here the lock file, whose own changes start
    // nothing): the build runs again instead.
    edit(queries, text -> text.replace("email <> ''", "email <> 'x'"));
    awaitLogLines(log, "prepared the build of", 2);
    edit(lockFile, text -> text + "\n");
    ChildJavac.Outcome stale = build(project, lock, work);
    assertEquals(0, stale.exitCode(), stale.output());
    assertTrue(stale.output().contains(ON_SERVER), stale.output());
    assertFalse(stale.output().contains("built by the build server when"), stale.output());
    assertTrue(
        Files.readString(log).contains("an input changed after the prepared build"),
        Files.readString(log));
    String lockRebuilt = Files.readString(lockFile);
    assertFalse(lockRebuilt.equals(lockAfter) || lockRebuilt.endsWith("\n\n"), lockRebuilt);
  }

  /** Waits until {@code log} has {@code count} lines containing {@code text}. */
  private static void awaitLogLines(Path log, String text, long count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)
          && Files.readAllLines(log).stream().filter(l -> l.contains(text)).count() >= count) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(count + " lines with '" + text + "' expected in " + log);
  }

  @Test
  void turnedOffTheProcessIsThePlainWatchdog() throws Exception {
    ChildJavac.Outcome first =
        build(project("off", "SELECT 1;\n"), List.of("-Aquarry.buildServer=false"));
    assertEquals(0, first.exitCode(), first.output());
    String name = KeptServers.names(keep()).get(0);
    long watchdog = KeptServers.read(keep(), name).orElseThrow().watchdogPid();
    String command =
        KeptServers.commandLine(ProcessHandle.of(watchdog).orElseThrow()).orElseThrow();
    assertTrue(command.contains(KeptServers.class.getName() + " watch"), command);
    assertTrue(sockets().isEmpty(), sockets().toString());

    // A build that wants the build server replaces the plain watchdog with one.
    ChildJavac.Outcome second = build(project("on", "SELECT 1;\n"), List.of());
    assertEquals(0, second.exitCode(), second.output());
    long server = KeptServers.read(keep(), name).orElseThrow().watchdogPid();
    assertTrue(server != watchdog);
    assertFalse(ProcessHandle.of(watchdog).map(ProcessHandle::isAlive).orElse(false));
    awaitSocket();
  }

  @Test
  void listShowsTheBuildServerAndAnIdleOneStopsWithItsSocket() throws Exception {
    ChildJavac.Outcome outcome =
        build(project("idle", "SELECT 1;\n"), List.of("-Aquarry.keepAlive.idleSeconds=15"));
    assertEquals(0, outcome.exitCode(), outcome.output());
    Path socket = awaitSocket();
    String name = KeptServers.names(keep()).get(0);
    KeptServers.State state = KeptServers.read(keep(), name).orElseThrow();
    ByteArrayOutputStream listed = new ByteArrayOutputStream();
    KeptServers.list(keep(), new PrintStream(listed, true, StandardCharsets.UTF_8));
    String list = listed.toString(StandardCharsets.UTF_8);
    assertTrue(list.contains("build server " + socket), list);

    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline
        && (ProcessHandle.of(state.watchdogPid()).map(ProcessHandle::isAlive).orElse(false)
            || Files.exists(socket))) {
      Thread.sleep(200);
    }
    assertFalse(KeptServers.alive(state), "the idle server still runs");
    assertFalse(
        ProcessHandle.of(state.watchdogPid()).map(ProcessHandle::isAlive).orElse(false),
        "the build server still runs");
    assertFalse(Files.exists(socket), "its socket is left");
    assertEquals(List.of(), KeptServers.names(keep()));
  }

  // ---- helpers

  private Path awaitSocket() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      List<Path> found = sockets();
      if (!found.isEmpty()) {
        return found.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no build server socket under " + keep());
  }

  private List<Path> sockets() throws Exception {
    if (!Files.isDirectory(keep())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(keep())) {
      return files.filter(p -> p.toString().endsWith(".sock")).sorted().toList();
    }
  }

  /**
   * Waits until the only scratch database of {@code server} on the kept server is a spare (with its
   * connection open, and the one the last build used dropped): its name.
   */
  private static String awaitSpare(KeptServers.State state, long server) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    List<String> found = List.of();
    while (System.nanoTime() < deadline) {
      found = scratchDatabasesOf(state, server);
      if (found.size() == 1 && sessions(state, found.get(0)) == 1) {
        return found.get(0);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no spare scratch database of " + server + ": " + found);
  }

  private static List<String> scratchDatabasesOf(KeptServers.State state, long pid)
      throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = kept(state);
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE 'quarry\\_scratch\\_%\\_"
                    + pid
                    + "\\_%' ORDER BY 1")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  private static int sessions(KeptServers.State state, String database) throws Exception {
    try (Connection c = kept(state);
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database + "'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static Connection kept(KeptServers.State state) throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + state.port() + "/postgres?user=postgres");
  }

  /** Waits until the server runs {@code build}'s slow migration (its session names the server). */
  private void awaitSleepingBuildOf(long server, Process build) throws Exception {
    String name = KeptServers.names(keep()).get(0);
    KeptServers.State state = KeptServers.read(keep(), name).orElseThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(build.isAlive(), "the build ended before its migration ran");
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:postgresql://localhost:" + state.port() + "/postgres?user=postgres");
          Statement s = c.createStatement();
          ResultSet rows =
              s.executeQuery(
                  "SELECT datname FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'"
                      + " AND datname LIKE '%\\_"
                      + server
                      + "\\_%'")) {
        if (rows.next()) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the server never ran the build's slow migration");
  }

  /**
   * The output without what differs between any two builds: times, folder and scratch database
   * names, notes about what earlier builds left.
   */
  private static List<String> comparable(String output) {
    return output
        .lines()
        .filter(line -> !line.contains("quarry timings:"))
        // What earlier builds left (a scratch database a javac that exited early did not drop).
        .filter(line -> !line.contains("[quarry:leftovers]"))
        // javac's echo of the annotation under each message (the same for every message).
        .filter(line -> !line.strip().startsWith("@dev.quarry.GenerateQueries("))
        .filter(line -> !line.strip().equals("^"))
        .map(line -> line.replaceAll(" in \\d+ ms", " in N ms"))
        .map(line -> line.replaceAll("work-\\d+", "work-N"))
        .map(line -> line.replaceAll("quarry_scratch_\\w+", "quarry_scratch_X"))
        // A spare scratch database the build server made ahead says so.
        .map(line -> line.replace(MADE_READY, ")"))
        .toList();
  }

  private static Map<String, String> files(Path folder) throws Exception {
    Map<String, String> texts = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return texts;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        texts.put(
            folder.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return texts;
  }

  private static List<String> caseOptions(Path folder) throws Exception {
    List<String> options = new ArrayList<>();
    Path file = folder.resolve("options.txt");
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          options.add(line.strip());
        }
      }
    }
    return options;
  }

  private Path nextWork() throws Exception {
    return Files.createDirectories(temp.resolve("work-" + builds.incrementAndGet()));
  }

  private ChildJavac.Outcome build(Path project, List<String> options) throws Exception {
    return build(project, options, nextWork());
  }

  private ChildJavac.Outcome build(Path project, List<String> options, Path work) throws Exception {
    return child(project, options, work).run(180);
  }

  private ChildJavac child(Path project, List<String> options, Path work) {
    List<String> all =
        new ArrayList<>(
            List.of("-Aquarry.database=embedded", "-Aquarry.lock=off", "-Aquarry.timings=true"));
    all.addAll(options);
    return new ChildJavac(project.toAbsolutePath(), work, all, Map.of()).withKeepDir(keep());
  }

  /**
   * Changes {@code file} as an editor's safe write does (a whole new file moved over it), so that
   * the build server never sees it half-written: a pause between emptying a file and writing it
   * would let the server prepare a build of the empty file first, with the spare database the test
   * expects the edit's build to take.
   */
  private void edit(Path file, UnaryOperator<String> change) throws IOException {
    Path next = Files.createTempFile(temp, "edit-", ".tmp");
    Files.writeString(next, change.apply(Files.readString(file)));
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private Path project(String name, String secondMigration) throws Exception {
    Path root = temp.resolve(name);
    Files.createDirectories(root.resolve("migrations"));
    Files.createDirectories(root.resolve("queries"));
    Files.writeString(
        root.resolve("migrations/V1__users.sql"),
        "CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        root.resolve("migrations/V2__second.sql"), secondMigration, StandardCharsets.UTF_8);
    Files.writeString(
        root.resolve("queries/users.sql"),
        "-- name: FindUser :one\nSELECT id, email FROM users WHERE id = @id;\n",
        StandardCharsets.UTF_8);
    return root;
  }
}
