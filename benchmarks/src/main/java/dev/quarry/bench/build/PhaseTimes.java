package dev.quarry.bench.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.quarry.bench.BenchDatabase;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database's share of the build (issue 14, "How it is measured"): the processor's {@code
 * -Aquarry.timings=true} phases on river's 55 queries for the cold (no lock file), edited query and
 * no change (lock file fresh) scenarios, on embedded PostgreSQL and on the server at 127.0.0.1:5432
 * (when it answers), each javac a new process. Each row records what was cached before it ran and
 * whether a PostgreSQL server was kept alive between builds; the load average is read before and
 * after each database's runs.
 *
 * <p>Arguments: {@code <work dir> <output json> <processor classpath file> <compile classpath file>
 * <river dir> <repetitions>}.
 */
public final class PhaseTimes {
  private PhaseTimes() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      System.err.println(
          "usage: PhaseTimes <work dir> <output json> <processor classpath file>"
              + " <compile classpath file> <river dir> <repetitions>");
      System.exit(2);
    }
    Path work = Path.of(args[0]).toAbsolutePath();
    Path output = Path.of(args[1]);
    String processorPath = Files.readString(Path.of(args[2])).strip();
    String classpath = Files.readString(Path.of(args[3])).strip();
    Path river = Path.of(args[4]);
    int repetitions = Integer.parseInt(args[5]);
    List<String> databases = new ArrayList<>(List.of("embedded"));
    if (BenchDatabase.answers(BenchDatabase.LOCAL)) {
      databases.add(BenchDatabase.LOCAL);
    } else {
      System.out.println("no server answers at " + BenchDatabase.LOCAL + ": embedded only");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("started", Instant.now().toString());
    result.put("loadBefore", load());
    result.put("repetitions", repetitions);
    result.put("processorJarSha256", BuildTimes.processorJarHash(processorPath));
    List<Object> rows = new ArrayList<>();
    for (String database : databases) {
      BuildTimes times =
          new BuildTimes(
              work.resolve(database.startsWith("jdbc:") ? "server" : "embedded"),
              processorPath,
              classpath,
              database);
      times.keepOutputs = true;
      BuildTimes.Corpus corpus = times.river(river);
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("database", times.describeDatabase());
      one.put("loadBefore", load());
      one.put("scenarios", measure(times, corpus, database, repetitions));
      one.put("loadAfter", load());
      rows.add(one);
    }
    result.put("databases", rows);
    if ("1".equals(System.getenv("ONLY_PHASES"))) {
      // The scenarios above only (a quicker run while working on them); not for RESULTS.md.
      result.put("loadAfter", load());
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(output.toFile(), result);
      System.out.println("wrote " + output + " (ONLY_PHASES=1: no javac loop, no large corpus)");
      return;
    }

    // No database: the lock file answers. javac alone against javac with the processor, as a new
    // JVM per compile and inside one JVM (fresh class loader, or classes kept loaded).
    BuildTimes loopTimes =
        new BuildTimes(work.resolve("loop"), processorPath, classpath, "embedded");
    loopTimes.keepOutputs = true;
    result.put("javacLoop", javacLoop(loopTimes, loopTimes.river(river), repetitions));

    // A larger project, cold: database bring-up, migrations and every query analysed.
    List<Object> large = new ArrayList<>();
    for (String database : databases) {
      BuildTimes times =
          new BuildTimes(
              work.resolve(database.startsWith("jdbc:") ? "large-server" : "large-embedded"),
              processorPath,
              classpath,
              database);
      times.keepOutputs = true;
      large.add(coldLarge(times, database, repetitions));
    }
    result.put("largeCorpusCold", large);
    result.put("loadAfter", load());
    result.put("finished", Instant.now().toString());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(output.toFile(), result);
    System.out.println("wrote " + output);
  }

  private static Map<String, Object> measure(
      BuildTimes times, BuildTimes.Corpus corpus, String database, int repetitions)
      throws Exception {
    times.writePackageInfo(corpus);
    Path lock = corpus.project().resolve("queries/quarry.lock");
    Path saved = corpus.project().resolveSibling("saved-quarry.lock");
    String original = Files.readString(corpus.queryFile());
    System.out.println("[" + database + "] first build (fills the caches, writes the lock file)");
    times.compileWithQuarry(corpus);
    Files.copy(lock, saved, StandardCopyOption.REPLACE_EXISTING);
    Map<String, List<BuildTimes.Run>> runs = new LinkedHashMap<>();
    Map<String, String> caches = new LinkedHashMap<>();
    boolean embedded = !database.startsWith("jdbc:");
    List<String> names = new ArrayList<>(List.of("cold", "no change", "edited query"));
    if (embedded) {
      names.addAll(
          List.of("cold, build server", "no change, build server", "edited query, build server"));
    }
    for (String scenario : names) {
      runs.put(scenario, new ArrayList<>());
    }
    // The rows without "build server" run in javac's process (-Aquarry.buildServer=false); the
    // kept embedded PostgreSQL's build server runs the others (docs/databases.md).
    List<String> inProcess = List.of("-Aquarry.buildServer=false");
    times.extraOptions = inProcess;
    for (int i = 1; i <= repetitions; i++) {
      System.out.println("[" + database + "] repetition " + i + " of " + repetitions);
      Files.deleteIfExists(lock);
      caches.put("cold", cacheState(database, false));
      runs.get("cold").add(times.compileWithQuarry(corpus));

      // Right after the cold build, which resolved the same facts: nothing changed since.
      Files.copy(saved, lock, StandardCopyOption.REPLACE_EXISTING);
      caches.put(
          "no change",
          "lock file fresh: no database is started; the previous build (same inputs) left its"
              + " generated sources on disk");
      runs.get("no change").add(times.compileWithQuarry(corpus));

      Files.copy(saved, lock, StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(
          corpus.queryFile(), original.replace(corpus.queryBefore(), corpus.queryAfter()));
      caches.put("edited query", cacheState(database, true));
      runs.get("edited query").add(times.compileWithQuarry(corpus));
      Files.writeString(corpus.queryFile(), original);

      if (embedded) {
        times.extraOptions = List.of();
        Files.copy(saved, lock, StandardCopyOption.REPLACE_EXISTING);
        // One build to start the build server (the kept server's watchdog is replaced by it) and
        // to bring the generated sources up to date; not measured.
        times.compileWithQuarry(corpus);
        caches.put(
            "no change, build server",
            "lock file fresh, generated sources on disk; the build runs on the kept server's"
                + " build server (a warm JVM)");
        runs.get("no change, build server").add(times.compileWithQuarry(corpus));
        Files.deleteIfExists(lock);
        caches.put("cold, build server", cacheState(database, false) + "; build server");
        runs.get("cold, build server").add(times.compileWithQuarry(corpus));
        Files.copy(saved, lock, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(
            corpus.queryFile(), original.replace(corpus.queryBefore(), corpus.queryAfter()));
        caches.put(
            "edited query, build server",
            cacheState(database, true)
                + "; build server, which watches the query folder since its last build: the"
                + " edit, saved just before javac starts, is built as soon as it is saved, with"
                + " its writes held back until javac asks");
        runs.get("edited query, build server").add(times.compileWithQuarry(corpus));
        Files.writeString(corpus.queryFile(), original);
        // Back to the state the in-process rows start from.
        times.compileWithQuarry(corpus);
        times.extraOptions = inProcess;
      }
    }
    times.extraOptions = List.of();
    Map<String, Object> scenarios = new LinkedHashMap<>();
    for (Map.Entry<String, List<BuildTimes.Run>> scenario : runs.entrySet()) {
      List<BuildTimes.Run> list = scenario.getValue();
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("cacheState", caches.get(scenario.getKey()));
      summary.put("serverKeptAlive", keptAlive(database));
      long onServer = list.stream().filter(BuildTimes.Run::buildServer).count();
      summary.put(
          "buildServer",
          scenario.getKey().endsWith("build server")
              ? "used in " + onServer + " of " + list.size() + " runs"
              : "off (-Aquarry.buildServer=false)");
      summary.put("wallMsRuns", list.stream().map(BuildTimes.Run::wallMs).toList());
      summary.put(
          "wallMsMedian", BuildTimes.median(list.stream().map(BuildTimes.Run::wallMs).toList()));
      summary.put(
          "cpuMsMedian", BuildTimes.median(list.stream().map(BuildTimes.Run::cpuMs).toList()));
      Map<String, Long> phases = new LinkedHashMap<>();
      for (String phase : list.get(0).phases().keySet()) {
        phases.put(
            phase,
            BuildTimes.median(list.stream().map(r -> r.phases().getOrDefault(phase, 0L)).toList()));
      }
      summary.put("phaseMsMedian", phases);
      summary.put("analysedQueries", list.get(0).analysedQueries());
      scenarios.put(scenario.getKey(), summary);
    }
    return scenarios;
  }

  private static final int WARMUP = 5;
  private static final int IN_PROCESS_RUNS = 10;

  /**
   * The lock-fresh build of river four ways: javac alone on the package-info and the sources Quarry
   * generates ({@code -proc:none}) and javac with the processor on the package-info, each as a new
   * JVM (a command-line build) and inside this JVM after warm-up (fresh class loader per compile,
   * or one class loader kept with a new processor instance per compile).
   */
  private static Map<String, Object> javacLoop(
      BuildTimes times, BuildTimes.Corpus corpus, int repetitions) throws Exception {
    Path packageInfo = times.writePackageInfo(corpus);
    System.out.println("[javac loop] first build (writes the lock file and the sources)");
    times.compileWithQuarry(corpus);
    Path generated = corpus.project().resolveSibling("gen");
    Path savedGenerated = corpus.project().resolveSibling("saved-gen");
    BuildTimes.deleteTree(savedGenerated);
    BuildTimes.copyTree(generated, savedGenerated);
    List<Path> sources = new ArrayList<>(List.of(packageInfo));
    try (var walk = Files.walk(savedGenerated)) {
      walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
    }
    Map<String, Object> loop = new LinkedHashMap<>();
    loop.put("corpus", corpus.description());
    loop.put(
        "cacheState",
        "lock file fresh (no database started); the generated sources and classes of the previous"
            + " build are on disk");
    loop.put("serverKeptAlive", "no database used");
    loop.put("generatedSourceFiles", sources.size() - 1);
    loop.put("loadBefore", load());

    // A new JVM per compile.
    List<Long> aloneNew = new ArrayList<>();
    List<Long> quarryNew = new ArrayList<>();
    List<Long> quarryNewTotal = new ArrayList<>();
    List<Long> aloneNewCpu = new ArrayList<>();
    List<Long> quarryNewCpu = new ArrayList<>();
    List<Long> floorNew = new ArrayList<>();
    List<Long> floorNewTotal = new ArrayList<>();
    for (int i = 1; i <= Math.max(3, repetitions); i++) {
      System.out.println("[javac loop] new JVM, repetition " + i);
      BuildTimes.Run alone = times.compilePlain(corpus, sources);
      aloneNew.add(alone.wallMs());
      aloneNewCpu.add(alone.cpuMs());
      BuildTimes.Run run = times.compileWithQuarry(corpus);
      quarryNew.add(run.wallMs());
      quarryNewCpu.add(run.cpuMs());
      quarryNewTotal.add(run.phases().getOrDefault("total", -1L));
      BuildTimes.Run floor = times.compileWithFloor(corpus, savedGenerated);
      floorNew.add(floor.wallMs());
      floorNewTotal.add(floor.phases().get("total"));
    }

    // Inside this JVM.
    InProcessJavac inProcess =
        new InProcessJavac(times.processorPath(), times.classpath()).floorSources(savedGenerated);
    Path classes = corpus.project().resolveSibling("in-process-classes");
    Path gen = corpus.project().resolveSibling("in-process-gen");
    Map<InProcessJavac.Loading, List<Double>> wall = new LinkedHashMap<>();
    Map<InProcessJavac.Loading, List<Double>> total = new LinkedHashMap<>();
    for (InProcessJavac.Loading loading : InProcessJavac.Loading.values()) {
      wall.put(loading, new ArrayList<>());
      total.put(loading, new ArrayList<>());
    }
    for (int i = 0; i < WARMUP + IN_PROCESS_RUNS; i++) {
      for (InProcessJavac.Loading loading : InProcessJavac.Loading.values()) {
        List<Path> input = loading == InProcessJavac.Loading.NONE ? sources : List.of(packageInfo);
        InProcessJavac.Result result =
            inProcess.compile(loading, corpus.project(), input, corpus.options(), classes, gen);
        if (i >= WARMUP) {
          wall.get(loading).add(result.millis());
          if (loading != InProcessJavac.Loading.NONE) {
            Long quarry =
                loading == InProcessJavac.Loading.FLOOR
                    ? Long.valueOf(FloorProcessor.total(result.output()))
                    : BuildTimes.parse(result.output()).phases().get("total");
            if (quarry == null) {
              throw new IllegalStateException("no quarry timings note:\n" + result.output());
            }
            total.get(loading).add(quarry.doubleValue());
          }
        }
      }
    }
    long aloneNewMs = BuildTimes.median(aloneNew);
    double aloneWarm = medianD(wall.get(InProcessJavac.Loading.NONE));
    List<Object> rows = new ArrayList<>();
    rows.add(
        loopRow(
            "javac alone (-proc:none) on the package-info and the generated sources",
            "new JVM per compile",
            aloneNewMs,
            aloneNew,
            null,
            aloneNewMs));
    rows.add(
        loopRow(
            "javac + Quarry on the package-info (processor path loaded by javac)",
            "new JVM per compile (a command-line build)",
            BuildTimes.median(quarryNew),
            quarryNew,
            (double) BuildTimes.median(quarryNewTotal),
            aloneNewMs));
    rows.add(
        loopRow(
            "javac alone (-proc:none) on the package-info and the generated sources",
            "one JVM, warmed by " + WARMUP + " compiles",
            aloneWarm,
            wall.get(InProcessJavac.Loading.NONE),
            null,
            aloneWarm));
    rows.add(
        loopRow(
            "javac + Quarry, a new class loader for the processor path per compile",
            "one JVM, warmed by " + WARMUP + " compiles",
            medianD(wall.get(InProcessJavac.Loading.FRESH_LOADER)),
            wall.get(InProcessJavac.Loading.FRESH_LOADER),
            medianD(total.get(InProcessJavac.Loading.FRESH_LOADER)),
            aloneWarm));
    rows.add(
        loopRow(
            "javac + Quarry, the processor's classes kept loaded, a new processor per compile",
            "one JVM, warmed by " + WARMUP + " compiles",
            medianD(wall.get(InProcessJavac.Loading.KEPT_LOADED)),
            wall.get(InProcessJavac.Loading.KEPT_LOADED),
            medianD(total.get(InProcessJavac.Loading.KEPT_LOADED)),
            aloneWarm));
    rows.add(
        loopRow(
            "javac + a processor that only writes the same sources through the Filer (the floor:"
                + " what javac charges any processor that creates them)",
            "new JVM per compile",
            BuildTimes.median(floorNew),
            floorNew,
            (double) BuildTimes.median(floorNewTotal),
            aloneNewMs));
    rows.add(
        loopRow(
            "javac + a processor that only writes the same sources through the Filer (the floor),"
                + " loaded once, a new instance per compile",
            "one JVM, warmed by " + WARMUP + " compiles",
            medianD(wall.get(InProcessJavac.Loading.FLOOR)),
            wall.get(InProcessJavac.Loading.FLOOR),
            medianD(total.get(InProcessJavac.Loading.FLOOR)),
            aloneWarm));
    loop.put("rows", rows);
    loop.put(
        "newJvmCpuMsMedian",
        Map.of(
            "javacAlone", BuildTimes.median(aloneNewCpu),
            "javacWithQuarry", BuildTimes.median(quarryNewCpu)));
    loop.put("loadAfter", load());
    return loop;
  }

  private static Map<String, Object> loopRow(
      String compile,
      String jvm,
      double wallMs,
      List<? extends Number> runs,
      Double quarryTotalMs,
      double javacAloneMs) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("compile", compile);
    row.put("jvm", jvm);
    row.put("wallMsMedian", Math.round(wallMs * 10) / 10.0);
    row.put("wallMsRuns", runs.stream().map(n -> Math.round(n.doubleValue() * 10) / 10.0).toList());
    if (quarryTotalMs != null) {
      row.put("quarryTotalMsMedian", quarryTotalMs);
    }
    row.put("addedToJavacAloneMs", Math.round((wallMs - javacAloneMs) * 10) / 10.0);
    row.put("ratioToJavacAlone", Math.round(wallMs / javacAloneMs * 100) / 100.0);
    return row;
  }

  private static double medianD(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /**
   * 500 generated queries, no lock file: the database brought up, migrated, every query analysed.
   */
  private static Map<String, Object> coldLarge(BuildTimes times, String database, int repetitions)
      throws Exception {
    BuildTimes.Corpus corpus = times.generated(25);
    times.writePackageInfo(corpus);
    Path lock = corpus.project().resolve("queries/quarry.lock");
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("database", times.describeDatabase());
    row.put("corpus", corpus.description());
    row.put("loadBefore", load());
    List<BuildTimes.Run> runs = new ArrayList<>();
    for (int i = 1; i <= repetitions; i++) {
      System.out.println("[" + database + "] 500 queries, cold, repetition " + i);
      Files.deleteIfExists(lock);
      row.put("cacheState", cacheState(database, false));
      runs.add(times.compileWithQuarry(corpus));
    }
    row.put("serverKeptAlive", keptAlive(database));
    row.put("wallMsRuns", runs.stream().map(BuildTimes.Run::wallMs).toList());
    row.put("wallMsMedian", BuildTimes.median(runs.stream().map(BuildTimes.Run::wallMs).toList()));
    row.put("cpuMsMedian", BuildTimes.median(runs.stream().map(BuildTimes.Run::cpuMs).toList()));
    Map<String, Long> phases = new LinkedHashMap<>();
    for (String phase : runs.get(0).phases().keySet()) {
      phases.put(
          phase,
          BuildTimes.median(runs.stream().map(r -> r.phases().getOrDefault(phase, 0L)).toList()));
    }
    row.put("phaseMsMedian", phases);
    row.put("analysedQueries", runs.get(0).analysedQueries());
    row.put("loadAfter", load());
    return row;
  }

  private static String keptAlive(String database) {
    return database.startsWith("jdbc:")
        ? "the server runs independently of the builds; each build creates and drops a"
            + " scratch database"
        : "yes: the kept embedded PostgreSQL (-Aquarry.keepAlive, the default) that the"
            + " first build started; each build creates and drops a scratch database on it";
  }

  /** What the processor can reuse before this build, as far as the files tell. */
  private static String cacheState(String database, boolean lockFile) throws IOException {
    String lock =
        (lockFile ? "lock file present (one query's text changed)" : "no lock file")
            + "; the previous build's generated sources on disk";
    if (database.startsWith("jdbc:")) {
      return lock
          + "; server: the migrated schema is cached as a template database by the first build"
          + " (the scratch database is cloned from it, no migration runs)";
    }
    if (Files.isDirectory(Path.of(System.getProperty("java.io.tmpdir"), "quarry-keep"))) {
      return lock
          + "; kept embedded PostgreSQL running, the migrated schema cached on it as a template"
          + " database by the first build (no start, no migration runs)";
    }
    Path cache = Path.of(System.getProperty("java.io.tmpdir"), "quarry-cache");
    boolean cluster = false;
    boolean schema = false;
    if (Files.isDirectory(cache)) {
      try (DirectoryStream<Path> children = Files.newDirectoryStream(cache)) {
        for (Path child : children) {
          String name = child.getFileName().toString();
          boolean complete = Files.isRegularFile(child.resolve("quarry-cluster-complete"));
          cluster |= complete && name.startsWith("cluster-");
          schema |= complete && name.startsWith("schema-");
        }
      }
    }
    return lock
        + "; initdb cluster "
        + (cluster ? "cached" : "not cached")
        + "; migrated schema "
        + (schema ? "cached" : "not cached");
  }

  private static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }
}
