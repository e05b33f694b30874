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
      BuildTimes.Corpus corpus = times.river(river);
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("database", times.describeDatabase());
      one.put("loadBefore", load());
      one.put("scenarios", measure(times, corpus, database, repetitions));
      one.put("loadAfter", load());
      rows.add(one);
    }
    result.put("databases", rows);
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
    for (String scenario : List.of("cold", "edited query", "no change")) {
      runs.put(scenario, new ArrayList<>());
    }
    for (int i = 1; i <= repetitions; i++) {
      System.out.println("[" + database + "] repetition " + i + " of " + repetitions);
      Files.deleteIfExists(lock);
      caches.put("cold", cacheState(database, false));
      runs.get("cold").add(times.compileWithQuarry(corpus));

      Files.copy(saved, lock, StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(
          corpus.queryFile(), original.replace(corpus.queryBefore(), corpus.queryAfter()));
      caches.put("edited query", cacheState(database, true));
      runs.get("edited query").add(times.compileWithQuarry(corpus));
      Files.writeString(corpus.queryFile(), original);

      Files.copy(saved, lock, StandardCopyOption.REPLACE_EXISTING);
      caches.put("no change", "lock file fresh: no database is started");
      runs.get("no change").add(times.compileWithQuarry(corpus));
    }
    Map<String, Object> scenarios = new LinkedHashMap<>();
    for (Map.Entry<String, List<BuildTimes.Run>> scenario : runs.entrySet()) {
      List<BuildTimes.Run> list = scenario.getValue();
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("cacheState", caches.get(scenario.getKey()));
      summary.put(
          "serverKeptAlive",
          database.startsWith("jdbc:")
              ? "the server runs independently of the builds; each build creates and drops a"
                  + " scratch database"
              : "yes: the kept embedded PostgreSQL (-Aquarry.keepAlive, the default) that the"
                  + " first build started; each build creates and drops a scratch database on"
                  + " it");
      summary.put("wallMsRuns", list.stream().map(BuildTimes.Run::wallMs).toList());
      summary.put(
          "wallMsMedian", BuildTimes.median(list.stream().map(BuildTimes.Run::wallMs).toList()));
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

  /** What the processor can reuse before this build, as far as the files tell. */
  private static String cacheState(String database, boolean lockFile) throws IOException {
    String lock = lockFile ? "lock file present (one query's text changed)" : "no lock file";
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
