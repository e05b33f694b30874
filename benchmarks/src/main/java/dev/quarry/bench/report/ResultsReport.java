package dev.quarry.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Writes {@code benchmarks/RESULTS.md} from what {@code run.sh} left in its results folder: JMH's
 * JSON ({@code jmh.json}), the build-time measurements ({@code build-times.json}), the run's facts
 * ({@code run.properties}) and this machine's description. Every figure and every verdict on the
 * targets is computed here from those files; nothing is typed in by hand.
 *
 * <p>Arguments: {@code <results folder> <RESULTS.md path>}.
 */
public final class ResultsReport {
  private static final List<String> IMPLEMENTATIONS =
      List.of("Jdbc", "Quarry", "QuarryListener", "JdbcTemplate", "Jdbi", "Jooq");
  private static final Map<String, String> LABELS =
      Map.of(
          "Jdbc",
          "hand-written JDBC",
          "Quarry",
          "Quarry",
          "QuarryListener",
          "Quarry + listener",
          "JdbcTemplate",
          "JdbcTemplate",
          "Jdbi",
          "JDBI",
          "Jooq",
          "jOOQ",
          "Copy",
          "hand-written COPY");
  private static final List<String> BENCHMARKS =
      List.of("pointLookup", "list100", "insertOne", "batchInsert1000", "bulkLoad100k");
  private static final Map<String, String> BENCHMARK_LABELS =
      Map.of(
          "pointLookup", "point lookup by primary key",
          "list100", "list of 100 rows",
          "insertOne", "insert one row",
          "batchInsert1000", "batch insert of 1,000 rows",
          "bulkLoad100k", "bulk load of 100,000 rows");

  /**
   * A JMH result: mean time per operation, the half-width of its 99.9% confidence interval, the
   * JVM's CPU time per operation ({@code cpu.time/op}, NaN when not measured) and the bytes
   * allocated per operation ({@code gc.alloc.rate.norm}, NaN when not measured).
   */
  record Score(double score, double error, String unit, int samples, double cpu, double alloc) {
    double relativeError() {
      return Double.isNaN(error) || score == 0 ? 0 : error / score;
    }
  }

  private final Path results;
  private final StringBuilder md = new StringBuilder();
  private final List<String[]> targets = new ArrayList<>();

  private ResultsReport(Path results) {
    this.results = results;
  }

  /** The raw results committed beside RESULTS.md, relative to the repository. */
  public static final String RAW = "benchmarks/results";

  /**
   * {@code ResultsReport <results folder> <RESULTS.md>} writes the page; {@code ResultsReport
   * --check <results folder> <RESULTS.md>} fails (exit status 1) when the page is not what the raw
   * files give.
   */
  public static void main(String[] args) throws IOException {
    boolean check = args.length == 3 && args[0].equals("--check");
    if (args.length != 2 && !check) {
      System.err.println("usage: ResultsReport [--check] <results folder> <RESULTS.md>");
      System.exit(2);
    }
    Path results = Path.of(args[check ? 1 : 0]);
    Path page = Path.of(args[check ? 2 : 1]);
    String text = render(results);
    if (check) {
      String committed = Files.readString(page, StandardCharsets.UTF_8);
      if (!committed.equals(text)) {
        System.err.println(difference(page, committed, text));
        System.exit(1);
      }
      System.out.println(page + " is what " + results + " gives");
      return;
    }
    Files.writeString(page, text, StandardCharsets.UTF_8);
    System.out.println("wrote " + page);
  }

  /** RESULTS.md's text for the raw files in {@code results}; reads nothing else. */
  public static String render(Path results) throws IOException {
    return new ResultsReport(results).write();
  }

  /** Why {@code committed} is not {@code rendered}: the first line that differs, what to do. */
  public static String difference(Path page, String committed, String rendered) {
    String[] a = committed.split("\n", -1);
    String[] b = rendered.split("\n", -1);
    int line = 0;
    while (line < Math.min(a.length, b.length) && a[line].equals(b[line])) {
      line++;
    }
    return page
        + " is not what the raw results give: line "
        + (line + 1)
        + " is\n  "
        + (line < a.length ? a[line] : "(end of file)")
        + "\nbut the raw files give\n  "
        + (line < b.length ? b[line] : "(end of file)")
        + "\nRESULTS.md is written only by ResultsReport from the raw files in "
        + RAW
        + ": rerun benchmarks/run.sh (which commits nothing, but writes both), or regenerate the"
        + " page with: mvn -B -Pbenchmarks -pl benchmarks compile exec:java"
        + " -Dexec.mainClass=dev.quarry.bench.report.ResultsReport"
        + " -Dexec.args=\"benchmarks/results benchmarks/RESULTS.md\" (from the repository root)";
  }

  private String write() throws IOException {
    Properties run = new Properties();
    try (var in = Files.newBufferedReader(results.resolve("run.properties"))) {
      run.load(in);
    }
    Map<String, Map<String, Rounds>> jmh = readJmh(results.resolve("jmh"));
    JsonNode build = new ObjectMapper().readTree(results.resolve("build-times.json").toFile());
    String runtimeDatabase =
        recorded(run, "runtimeDatabase") + " (a new database per JMH fork, dropped after it)";

    line("# Quarry benchmarks: results");
    line();
    line(
        "Written by `dev.quarry.bench.report.ResultsReport` from the raw results committed beside it in");
    line(
        "`benchmarks/results/` (JMH's JSON per round, the build-time harness's JSON, and `run.properties`: the");
    line(
        "machine, the commit measured, whether the tree was clean) and from nothing else; `benchmarks/run.sh`");
    line(
        "writes both. CI regenerates this page from those files and fails when it differs (`ResultsReportTest`),");
    line(
        "so edit neither by hand. How the benchmarks are built, and what was found when reading these numbers:");
    line("`benchmarks/README.md`.");
    if (run.getProperty("only") != null) {
      line();
      line(
          "This run measured the "
              + run.getProperty("only")
              + " half only (`--only`); the other half's raw files are those of an earlier run.");
    }
    if (run.getProperty("benchmarks") != null || run.getProperty("implementations") != null) {
      line();
      line(
          "This run measured a subset (`RUNTIME_BENCHMARKS`, `RUNTIME_IMPLEMENTATIONS`): benchmarks "
              + run.getProperty("benchmarks", "all")
              + "; implementations "
              + run.getProperty("implementations", "all")
              + ". Figures of the others are not on this page.");
    }
    if ("true".equals(run.getProperty("quick"))) {
      line();
      line(
          "**This is a quick smoke run (`--quick`): one short iteration per benchmark, one round, one build. Its figures mean little.**");
    }
    line();
    machine(run, runtimeDatabase, build);
    reproduce();
    runtime(jmh, run.getProperty("rounds", "?"), iterations(results.resolve("jmh")));
    buildTimes(build);
    Path phases = results.resolve("build-phases.json");
    if (Files.isRegularFile(phases)) {
      buildPhases(new ObjectMapper().readTree(phases.toFile()));
    }
    targetsSection();
    return md.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Machine

  private void machine(Properties run, String runtimeDatabase, JsonNode build) throws IOException {
    line("## Machine and run");
    line();
    line("| | |");
    line("|---|---|");
    line("| CPU | " + recorded(run, "cpu") + " |");
    line("| cores | " + recorded(run, "cores") + " |");
    line("| RAM | " + recorded(run, "ram") + " |");
    line("| OS | " + recorded(run, "os") + " |");
    line("| JDK | " + recorded(run, "jdk") + " |");
    line("| PostgreSQL, runtime benchmarks | " + runtimeDatabase + " |");
    line("| PostgreSQL, build times | " + build.path("database").asText() + " |");
    line(
        "| date | "
            + run.getProperty("started", "?")
            + " to "
            + run.getProperty("finished", "?")
            + duration(run)
            + " |");
    line("| commit measured | `" + run.getProperty("commit", "?") + "` |");
    line("| working tree | " + tree(run) + " |");
    line(
        "| load average (1, 5, 15 min) | before: "
            + run.getProperty("loadBefore", "?")
            + "; after: "
            + run.getProperty("loadAfter", "?")
            + " |");
    line();
    line(
        "The machine is shared with other builds and test runs, so every figure here is noisy: a load average above");
    line(
        "the number of cores means the benchmarks competed for CPU, and the PostgreSQL server competed with them.");
    line(
        "Ratios between implementations measured minutes apart carry that noise; differences of a few percent are");
    line(
        "within it. JMH's confidence intervals describe the iterations of one fork, not load that changed between");
    line("forks; the spread of the per-round ratios below shows that.");
    line();
  }

  private static String duration(Properties run) {
    try {
      Duration d =
          Duration.between(
              Instant.parse(run.getProperty("started")),
              Instant.parse(run.getProperty("finished")));
      return " (" + d.toMinutes() + " min " + d.toSecondsPart() + " s)";
    } catch (RuntimeException e) {
      return "";
    }
  }

  /** A fact run.sh recorded about the machine or the run, or says that it did not. */
  private static String recorded(Properties run, String key) {
    String value = run.getProperty(key);
    return value == null || value.isBlank() ? "not recorded" : value;
  }

  private static String tree(Properties run) {
    String clean = run.getProperty("treeClean");
    if ("true".equals(clean)) {
      return "clean: the figures are those of the commit above";
    }
    if ("false".equals(clean)) {
      return "**not clean**: "
          + recorded(run, "treeChanges")
          + " uncommitted change(s) were measured along with the commit above";
    }
    return "not recorded";
  }

  private void reproduce() {
    line("## How to reproduce");
    line();
    line("```");
    line(
        "benchmarks/run.sh                  # everything, about 15 minutes on an idle 2-core machine");
    line("benchmarks/run.sh --quick          # a smoke run of the same code");
    line(
        "benchmarks/run.sh --only runtime   # or build: rerun one half, keep the other's last results");
    line(
        "MVN_ARGS=-Dmaven.repo.local=/path/to/repo QUARRY_BENCH_DATABASE=embedded benchmarks/run.sh");
    line("```");
    line();
    line(
        "It builds the project with `-Pbenchmarks` (a plain `mvn install` does not build the `benchmarks` module),");
    line(
        "runs the JMH benchmarks in rounds (`benchmarks/target/benchmarks.jar`, JSON in `benchmarks/target/results/jmh/`), runs");
    line(
        "the build-time harness (`dev.quarry.bench.build.BuildTimes`, `build-times.json`), then writes this file.");
    line(
        "PostgreSQL: the server on 127.0.0.1:5432 (user `postgres`) when it answers, else embedded PostgreSQL;");
    line(
        "`QUARRY_BENCH_DATABASE` can name another server's JDBC URL. The river corpus is read from");
    line(
        "`../shared/corpora/river` beside the checkout; without it only the generated corpus is measured.");
    line();
  }

  // ---------------------------------------------------------------------------------------------
  // Runtime

  /** The scores of one benchmark and implementation, one per round, in round order. */
  record Rounds(List<Score> scores) {
    double median() {
      return ResultsReport.median(scores.stream().map(Score::score).toList());
    }

    double cpuMedian() {
      return ResultsReport.median(scores.stream().map(Score::cpu).toList());
    }

    boolean hasCpu() {
      return scores.stream().noneMatch(s -> Double.isNaN(s.cpu()));
    }

    /** The same rounds with the CPU time per operation as the score. */
    Rounds cpu() {
      return new Rounds(
          scores.stream()
              .map(s -> new Score(s.cpu(), Double.NaN, s.unit(), s.samples(), s.cpu(), s.alloc()))
              .toList());
    }

    double allocMedian() {
      return ResultsReport.median(scores.stream().map(Score::alloc).toList());
    }

    boolean hasAlloc() {
      return scores.stream().noneMatch(s -> Double.isNaN(s.alloc()));
    }

    String unit() {
      return scores.get(0).unit();
    }
  }

  /** benchmark, then implementation, then its scores by round; from every round's JMH JSON. */
  private static Map<String, Map<String, Rounds>> readJmh(Path folder) throws IOException {
    Map<String, Map<String, Map<Integer, Score>>> byRound = new LinkedHashMap<>();
    List<Path> files;
    try (var walk = Files.walk(folder)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      int round = Integer.parseInt(file.getParent().getFileName().toString().replace("round-", ""));
      for (JsonNode result : new ObjectMapper().readTree(file.toFile())) {
        String name = result.path("benchmark").asText();
        String[] parts = name.split("\\.");
        String implementation = parts[parts.length - 2].replace("Benchmark", "");
        String benchmark = parts[parts.length - 1];
        JsonNode metric = result.path("primaryMetric");
        int samples = 0;
        for (JsonNode fork : metric.path("rawData")) {
          samples += fork.size();
        }
        JsonNode cpu = result.path("secondaryMetrics").path("cpu.time/op");
        JsonNode alloc = result.path("secondaryMetrics").path("gc.alloc.rate.norm");
        Score score =
            new Score(
                metric.path("score").asDouble(),
                metric.path("scoreError").asDouble(Double.NaN),
                metric.path("scoreUnit").asText(),
                samples,
                cpu.isMissingNode() ? Double.NaN : cpu.path("score").asDouble(Double.NaN),
                alloc.isMissingNode() ? Double.NaN : alloc.path("score").asDouble(Double.NaN));
        byRound
            .computeIfAbsent(benchmark, b -> new LinkedHashMap<>())
            .computeIfAbsent(implementation, i -> new java.util.TreeMap<>())
            .put(round, score);
      }
    }
    Map<String, Map<String, Rounds>> result = new LinkedHashMap<>();
    byRound.forEach(
        (benchmark, implementations) -> {
          Map<String, Rounds> rounds = new LinkedHashMap<>();
          implementations.forEach(
              (implementation, scores) ->
                  rounds.put(implementation, new Rounds(new ArrayList<>(scores.values()))));
          result.put(benchmark, rounds);
        });
    return result;
  }

  /** The implementations other than JDBC that have a result for some benchmark, in order. */
  private static List<String> measured(Map<String, Map<String, Rounds>> jmh) {
    return IMPLEMENTATIONS.subList(1, IMPLEMENTATIONS.size()).stream()
        .filter(i -> jmh.values().stream().anyMatch(scores -> scores.containsKey(i)))
        .toList();
  }

  private void ratioTable(Map<String, Map<String, Rounds>> jmh) {
    List<String> others = measured(jmh);
    line(
        "| benchmark | hand-written JDBC | "
            + String.join(" | ", others.stream().map(LABELS::get).toList())
            + " |");
    line("|---|---:|" + "---:|".repeat(others.size()));
    for (String benchmark : BENCHMARKS) {
      Map<String, Rounds> scores = jmh.get(benchmark);
      if (scores == null || !scores.containsKey("Jdbc")) {
        continue;
      }
      Rounds jdbc = scores.get("Jdbc");
      StringBuilder row =
          new StringBuilder("| " + BENCHMARK_LABELS.get(benchmark) + " | " + time(jdbc) + " |");
      for (String implementation : others) {
        Rounds score = scores.get(implementation);
        row.append(' ').append(score == null ? "–" : ratio(score, jdbc)).append(" |");
      }
      line(row.toString());
    }
    line();
  }

  /**
   * Bytes allocated per operation ({@code -prof gc}'s {@code gc.alloc.rate.norm}), median over the
   * rounds, and each implementation's difference to hand-written JDBC: unlike time, allocation
   * hardly moves with the machine's load.
   */
  private void allocationTable(Map<String, Map<String, Rounds>> jmh) {
    List<String> others =
        measured(jmh).stream()
            .filter(
                i ->
                    jmh.values().stream()
                        .anyMatch(scores -> scores.containsKey(i) && scores.get(i).hasAlloc()))
            .toList();
    line(
        "| benchmark | hand-written JDBC | "
            + String.join(" | ", others.stream().map(LABELS::get).toList())
            + " |");
    line("|---|---:|" + "---:|".repeat(others.size()));
    for (String benchmark : BENCHMARKS) {
      Map<String, Rounds> scores = jmh.get(benchmark);
      if (scores == null || !scores.containsKey("Jdbc") || !scores.get("Jdbc").hasAlloc()) {
        continue;
      }
      double jdbc = scores.get("Jdbc").allocMedian();
      StringBuilder row =
          new StringBuilder("| " + BENCHMARK_LABELS.get(benchmark) + " | " + bytes(jdbc) + " |");
      for (String implementation : others) {
        Rounds score = scores.get(implementation);
        row.append(' ')
            .append(
                score == null || !score.hasAlloc()
                    ? "–"
                    : bytes(score.allocMedian())
                        + " ("
                        + signedBytes(score.allocMedian() - jdbc)
                        + ")")
            .append(" |");
      }
      line(row.toString());
    }
    line();
  }

  /** {@code allocation.json}: bytes per call on the calling thread, by benchmark, then library. */
  private @org.jspecify.annotations.Nullable JsonNode callingThread() {
    Path file = results.resolve("allocation.json");
    try {
      return Files.isRegularFile(file) ? new ObjectMapper().readTree(file.toFile()) : null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The allocation of the calling thread alone ({@code CallingThreadAllocation}), which JMH's
   * figures above include along with the harness's own threads.
   */
  private void callingThreadAllocation() {
    JsonNode allocation = callingThread();
    if (allocation == null) {
      return;
    }
    JsonNode perCall = allocation.path("bytesPerCall");
    line("### Allocation per operation, calling thread only");
    line();
    line(
        "JMH's figure above divides what every thread of the fork allocated by the operations, so the harness's own");
    line(
        "threads add a share that grows with the time an operation takes, which a loaded machine makes vary (hand-written");
    line(
        "JDBC's `insertOne` iterations differ by up to 500 B/op). `CallingThreadAllocation` runs the same benchmark");
    line(
        "methods on one thread, each library in a JVM of its own, and counts that thread's allocation only: after "
            + String.format(Locale.ROOT, "%,d", allocation.path("warmUpCalls").asInt())
            + " calls,");
    line(
        allocation.path("repetitions").asInt()
            + " times "
            + String.format(Locale.ROOT, "%,d", allocation.path("calls").asInt())
            + " calls, the median; that in "
            + allocation.path("jvms").asInt(1)
            + " JVMs, and the median of those. The JIT compiler does not inline alike in every JVM:");
    line(
        "hand-written JDBC's point lookup measured from 2,020 to 2,100 B in different JVMs, as more or less of the");
    line(
        "driver's work was inlined into the caller and its temporary objects removed; Quarry's shared runner, compiled");
    line("once for every query, got that less often (2,116 to 2,140 B).");
    line();
    List<String> implementations = new ArrayList<>();
    perCall
        .fields()
        .forEachRemaining(
            b ->
                b.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        i -> {
                          if (!i.equals("Jdbc") && !implementations.contains(i)) {
                            implementations.add(i);
                          }
                        }));
    line(
        "| benchmark | hand-written JDBC | "
            + String.join(" | ", implementations.stream().map(LABELS::get).toList())
            + " |");
    line("|---|---:|" + "---:|".repeat(implementations.size()));
    for (String benchmark : BENCHMARKS) {
      JsonNode scores = perCall.path(benchmark);
      if (!scores.has("Jdbc")) {
        continue;
      }
      double jdbc = scores.path("Jdbc").asDouble();
      StringBuilder row =
          new StringBuilder("| " + BENCHMARK_LABELS.get(benchmark) + " | " + bytes(jdbc) + " |");
      for (String implementation : implementations) {
        row.append(' ')
            .append(
                scores.has(implementation)
                    ? bytes(scores.path(implementation).asDouble())
                        + " ("
                        + signedBytes(scores.path(implementation).asDouble() - jdbc)
                        + ")"
                    : "–")
            .append(" |");
      }
      line(row.toString());
    }
    line();
  }

  /**
   * The calling thread's differences for the target row, which are not its measure: hand-written
   * JDBC's own figure there moves with how much of the driver the JIT compiler inlines into it.
   */
  private String callingThreadDifferences() {
    JsonNode allocation = callingThread();
    if (allocation == null) {
      return "";
    }
    List<String> found = new ArrayList<>();
    for (String benchmark : BENCHMARKS) {
      JsonNode scores = allocation.path("bytesPerCall").path(benchmark);
      if (scores.has("Jdbc") && scores.has("Quarry")) {
        found.add(
            BENCHMARK_LABELS.get(benchmark)
                + " "
                + signedBytes(scores.path("Quarry").asDouble() - scores.path("Jdbc").asDouble()));
      }
    }
    return found.isEmpty()
        ? ""
        : ". On the calling thread alone (see the runtime section): " + String.join("; ", found);
  }

  /** Quarry's allocation per operation at most hand-written JDBC's plus 48 bytes. */
  private void allocationTarget(Map<String, Map<String, Rounds>> jmh) {
    List<String> found = new ArrayList<>();
    boolean within = true;
    for (String benchmark : BENCHMARKS) {
      Map<String, Rounds> scores = jmh.get(benchmark);
      if (scores == null || !scores.containsKey("Jdbc") || !scores.get("Jdbc").hasAlloc()) {
        continue;
      }
      double jdbc = scores.get("Jdbc").allocMedian();
      for (String implementation : List.of("Quarry", "QuarryListener")) {
        Rounds score = scores.get(implementation);
        if (score == null || !score.hasAlloc()) {
          continue;
        }
        double extra = score.allocMedian() - jdbc;
        if (implementation.equals("Quarry")) {
          within &= extra <= 48;
        }
        found.add(
            BENCHMARK_LABELS.get(benchmark)
                + ", "
                + LABELS.get(implementation)
                + " "
                + signedBytes(extra));
      }
    }
    if (!found.isEmpty()) {
      target(
          "Generated code (no listener) allocates at most hand-written JDBC + 48 B per operation",
          within,
          "difference to hand-written JDBC in JMH's `gc.alloc.rate.norm` (the measure the target"
              + " names), median over the rounds: "
              + String.join("; ", found)
              + callingThreadDifferences());
    }
  }

  private static String bytes(double value) {
    return String.format(Locale.ROOT, "%,.0f B", value);
  }

  private static String signedBytes(double value) {
    long rounded = Math.round(value);
    return (rounded > 0 ? "+" : rounded < 0 ? "−" : "±")
        + String.format(Locale.ROOT, "%,d B", Math.abs(rounded));
  }

  /** The same results with CPU time as the score, for those that measured it. */
  private static Map<String, Map<String, Rounds>> cpuOnly(Map<String, Map<String, Rounds>> jmh) {
    Map<String, Map<String, Rounds>> cpu = new LinkedHashMap<>();
    jmh.forEach(
        (benchmark, implementations) ->
            implementations.forEach(
                (implementation, rounds) -> {
                  if (rounds.hasCpu()) {
                    cpu.computeIfAbsent(benchmark, b -> new LinkedHashMap<>())
                        .put(implementation, rounds.cpu());
                  }
                }));
    return cpu;
  }

  /** Per round, {@code a}'s score divided by {@code b}'s (rounds both have). */
  private static List<Double> ratios(Rounds a, Rounds b) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < Math.min(a.scores().size(), b.scores().size()); i++) {
      ratios.add(a.scores().get(i).score() / b.scores().get(i).score());
    }
    return ratios;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /**
   * How many warm-up and measured iterations the forks ran, as JMH recorded them: {@code "3 warm-up
   * and 3 measured iterations of 1 s"} for the timed benchmarks and {@code "8 warm-up, 4 measured"}
   * for the single shots, each from the raw files (a mix of settings is listed).
   */
  private static Map<String, String> iterations(Path folder) throws IOException {
    Map<String, java.util.Set<String>> byMode = new LinkedHashMap<>();
    if (Files.isDirectory(folder)) {
      List<Path> files;
      try (var walk = Files.walk(folder)) {
        files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      }
      for (Path file : files) {
        for (JsonNode result : new ObjectMapper().readTree(file.toFile())) {
          String mode = result.path("mode").asText();
          String text =
              mode.equals("ss")
                  ? result.path("warmupIterations").asInt()
                      + " warm-up, "
                      + result.path("measurementIterations").asInt()
                      + " measured"
                  : result.path("warmupIterations").asInt()
                      + " warm-up and "
                      + result.path("measurementIterations").asInt()
                      + " measured iterations of "
                      + result.path("measurementTime").asText();
          byMode.computeIfAbsent(mode, m -> new java.util.TreeSet<>()).add(text);
        }
      }
    }
    Map<String, String> result = new LinkedHashMap<>();
    byMode.forEach((mode, texts) -> result.put(mode, String.join(" or ", texts)));
    return result;
  }

  private void runtime(
      Map<String, Map<String, Rounds>> jmh, String roundCount, Map<String, String> iterations) {
    line("## Runtime (JMH)");
    line();
    line(
        "The benchmarks run in "
            + roundCount
            + " rounds (`dev.quarry.bench.runtime.Rounds`): in each round, every");
    line(
        "benchmark runs for every implementation back to back, one JMH fork each, starting with a different");
    line(
        "implementation each round, so that the implementations compared are measured minutes apart at most and");
    line(
        "load that drifts over the run spreads over all of them. A fork: "
            + iterations.getOrDefault("avgt", "3 warm-up and 3 measured iterations of 1 s")
            + ",");
    line(
        "average time per operation; the 100,000-row bulk load as single shots ("
            + iterations.getOrDefault("ss", "8 warm-up, 4 measured")
            + "). The ledger");
    line(
        "table is emptied before each iteration. Every implementation runs the same SQL on one connection held for the");
    line(
        "whole fork, in autocommit mode; batches and bulk loads each run in one transaction. The bulk load is");
    line(
        "`:copyfrom` (COPY) for Quarry and a JDBC batch for the others; hand-written COPY is the floor for `:copyfrom`.");
    line();
    line("### Ratios to hand-written JDBC: wall-clock time");
    line();
    line(
        "Time per operation divided by hand-written JDBC's in the same round; the median over the rounds, then the");
    line("lowest and highest round in brackets. Below 1.00 is faster than the hand-written code.");
    line();
    ratioTable(jmh);
    Map<String, Map<String, Rounds>> cpu = cpuOnly(jmh);
    if (!cpu.isEmpty()) {
      line("### Ratios to hand-written JDBC: client CPU time");
      line();
      line(
          "The benchmark JVM's CPU time per operation (`CpuTimeProfiler`: the library, the driver's encoding and");
      line(
          "decoding, the garbage collector; not PostgreSQL's work, not the time spent waiting for it or for a free");
      line(
          "core), divided by hand-written JDBC's in the same round; median, then the range over the rounds. This is");
      line(
          "the cost of the library layer itself, and far less disturbed by other work on a shared machine than");
      line("wall-clock time; the first column is JDBC's CPU time per operation.");
      line();
      ratioTable(cpu);
    }
    if (jmh.values().stream().anyMatch(s -> s.containsKey("Jdbc") && s.get("Jdbc").hasAlloc())) {
      line("### Allocation per operation");
      line();
      line(
          "Bytes the benchmark JVM allocates per operation (JMH's `-prof gc`, `gc.alloc.rate.norm`), median over");
      line(
          "the rounds, and in brackets the difference to hand-written JDBC. It moves far less with the machine's load");
      line(
          "than time does, but not to the byte: see the calling thread's figures below. \"Quarry + listener\"");
      line(
          "is Quarry's generated code with a `QueryListener` on its `QueryRunner`; \"Quarry\" has none.");
      line();
      allocationTable(jmh);
    }
    callingThreadAllocation();
    Map<String, Rounds> bulk = jmh.get("bulkLoad100k");
    if (bulk != null
        && bulk.containsKey("Copy")
        && bulk.containsKey("Quarry")
        && bulk.containsKey("Jdbc")) {
      line(
          "Bulk load: Quarry's `:copyfrom` takes "
              + ratio(bulk.get("Quarry"), bulk.get("Copy"))
              + " the time of hand-written COPY ("
              + time(bulk.get("Copy"))
              + "), and "
              + ratio(bulk.get("Quarry"), bulk.get("Jdbc"))
              + " that of a hand-written JDBC batch: "
              + speedup(bulk.get("Jdbc"), bulk.get("Quarry"))
              + " faster."
              + (bulk.get("Quarry").hasCpu() && bulk.get("Copy").hasCpu()
                  ? " Client CPU: "
                      + ratio(bulk.get("Quarry").cpu(), bulk.get("Copy").cpu())
                      + " of hand-written COPY's."
                  : ""));
      line();
    }
    line("### Time per operation");
    line();
    line(
        "Median over the rounds of each fork's mean, µs per operation except the bulk load (ms); then each round's");
    line(
        "mean ± JMH's 99.9% confidence half-width, in round order; then the client CPU time per operation.");
    line();
    line(
        "| benchmark | implementation | median | rounds | CPU, median | CPU, rounds | allocated per op |");
    line("|---|---|---:|---|---:|---|---:|");
    List<String> columns = new ArrayList<>(IMPLEMENTATIONS);
    columns.add("Copy");
    for (String benchmark : BENCHMARKS) {
      Map<String, Rounds> scores = jmh.getOrDefault(benchmark, Map.of());
      for (String implementation : columns) {
        Rounds rounds = scores.get(implementation);
        if (rounds == null) {
          continue;
        }
        List<String> each = new ArrayList<>();
        for (Score score : rounds.scores()) {
          each.add(
              number(score.score())
                  + (Double.isNaN(score.error()) ? "" : " ± " + number(score.error())));
        }
        String cpuText =
            rounds.hasCpu()
                ? number(rounds.cpuMedian())
                    + " | "
                    + String.join("; ", rounds.scores().stream().map(s -> number(s.cpu())).toList())
                : "– | –";
        line(
            "| "
                + BENCHMARK_LABELS.get(benchmark)
                + " | "
                + LABELS.get(implementation)
                + " | "
                + time(rounds)
                + " | "
                + String.join("; ", each)
                + " | "
                + cpuText
                + " | "
                + (rounds.hasAlloc() ? bytes(rounds.allocMedian()) : "–")
                + " |");
      }
    }
    line();
    runtimeTargets(jmh, "wall-clock time");
    if (!cpu.isEmpty()) {
      runtimeTargets(cpu, "client CPU time");
    }
    allocationTarget(jmh);
    bulkTarget(jmh);
  }

  private void runtimeTargets(Map<String, Map<String, Rounds>> jmh, String measure) {
    List<String> within = new ArrayList<>();
    boolean allWithin = true;
    List<String> behind = new ArrayList<>();
    int compared = 0;
    for (String benchmark : BENCHMARKS) {
      Map<String, Rounds> scores = jmh.get(benchmark);
      if (scores == null || !scores.containsKey("Quarry")) {
        continue;
      }
      Rounds quarry = scores.get("Quarry");
      String floorName = benchmark.equals("bulkLoad100k") ? "Copy" : "Jdbc";
      Rounds floor = scores.get(floorName);
      if (floor != null) {
        allWithin &= median(ratios(quarry, floor)) <= 1.03;
        within.add(
            BENCHMARK_LABELS.get(benchmark)
                + " "
                + ratio(quarry, floor)
                + (floorName.equals("Copy") ? " (of hand-written COPY)" : ""));
      }
      if (!benchmark.equals("bulkLoad100k")) {
        for (String other : List.of("JdbcTemplate", "Jdbi", "Jooq")) {
          Rounds score = scores.get(other);
          if (score != null) {
            compared++;
            if (median(ratios(quarry, score)) >= 1) {
              behind.add(
                  BENCHMARK_LABELS.get(benchmark)
                      + ": Quarry ÷ "
                      + LABELS.get(other)
                      + " "
                      + ratio(quarry, score));
            }
          }
        }
      }
    }
    if (!within.isEmpty()) {
      target(
          "Generated code within 3% of hand-written JDBC on every runtime benchmark, by " + measure,
          allWithin,
          "Quarry ÷ hand-written, median (range) over the rounds: " + String.join("; ", within));
    }
    if (compared > 0) {
      target(
          "Generated code ahead of JdbcTemplate, JDBI and jOOQ (point lookup, list, insert, batch), by "
              + measure,
          behind.isEmpty(),
          behind.isEmpty()
              ? "Quarry's time is below each of theirs on all four (median of per-round ratios)"
              : "not ahead on " + String.join("; ", behind));
    }
  }

  private void bulkTarget(Map<String, Map<String, Rounds>> jmh) {
    Map<String, Rounds> bulk = jmh.get("bulkLoad100k");
    if (bulk != null && bulk.containsKey("Quarry") && bulk.containsKey("Jdbc")) {
      double speedup = median(ratios(bulk.get("Jdbc"), bulk.get("Quarry")));
      target(
          "`:copyfrom` at least 5x faster than a JDBC batch for 100,000 rows",
          speedup >= 5,
          "JDBC batch "
              + time(bulk.get("Jdbc"))
              + ", Quarry `:copyfrom` "
              + time(bulk.get("Quarry"))
              + ": "
              + speedup(bulk.get("Jdbc"), bulk.get("Quarry")));
    }
  }

  private static String time(Rounds rounds) {
    String unit = rounds.unit().replace("us/op", "µs").replace("ms/op", "ms");
    return number(rounds.median()) + " " + unit;
  }

  private static String number(double value) {
    if (value >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (value >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** Median of the per-round ratios, and the lowest and highest: "1.01 (0.97–1.04)". */
  private static String ratio(Rounds score, Rounds base) {
    List<Double> ratios = ratios(score, base);
    String text = String.format(Locale.ROOT, "%.2f", median(ratios));
    if (ratios.size() > 1) {
      text +=
          String.format(
              Locale.ROOT,
              " (%.2f–%.2f)",
              ratios.stream().min(Double::compare).orElseThrow(),
              ratios.stream().max(Double::compare).orElseThrow());
    }
    return text;
  }

  /**
   * How many times faster {@code fast} is than {@code slow}: the median of the per-round quotients.
   */
  private static String speedup(Rounds slow, Rounds fast) {
    return String.format(Locale.ROOT, "%.1fx", median(ratios(slow, fast)));
  }

  // ---------------------------------------------------------------------------------------------
  // Build times

  private void buildTimes(JsonNode build) {
    line("## Build time");
    line();
    line(
        "Each figure is the median of "
            + build.path("repetitions").asInt()
            + " `javac` runs, each a new process (a fresh");
    line(
        "JVM, as Maven's forked compiler or a CI build runs it), timed from start to exit. `javac` compiles the");
    line(
        "project's one Java source (`package-info.java` with `@GenerateQueries`) with the processor; the baselines");
    line(
        "compile it with `-proc:none`, alone and together with the sources Quarry generates (the same output as a build");
    line(
        "with the processor, so the difference to it is what the processor adds). Scenarios: **cold**, no lock file");
    line(
        "(the database is started, every migration applied, every query analysed); **warm**, nothing changed since the");
    line(
        "last build, whose lock file answers for every query (no database); **edited query**, one query's text");
    line(
        "changed (the database is started, the migrations applied, that query analysed); **added migration**, one");
    line("new migration (every query analysed again). The phase columns come from the processor's");
    line(
        "`-Aquarry.timings=true` note (medians of each phase, so they need not add up to the median total);");
    line(
        "\"adds\" is the scenario's median minus the median of `javac` with the generated sources and no processor.");
    line(
        "CPU is the process's user + system time over all its threads (javac, JIT compiler, garbage collector; not");
    line(
        "PostgreSQL's), from `/usr/bin/time`: less disturbed than wall-clock time by other work on a shared machine,");
    line("but larger than it where the JVM works on both cores at once.");
    line();
    for (JsonNode corpus : build.path("corpora")) {
      JsonNode scenarios = corpus.path("scenarios");
      long plain = scenarios.path("javac").path("wallMsMedian").asLong();
      long withGenerated = scenarios.path("javac+generated").path("wallMsMedian").asLong();
      long withGeneratedCpu = scenarios.path("javac+generated").path("cpuMsMedian").asLong(-1);
      line("### " + corpus.path("description").asText());
      line();
      line(
          "Generated: "
              + corpus.path("generatedSourceFiles").asInt()
              + " source files. `javac -proc:none` of the");
      line(
          "package-info alone: "
              + plain
              + " ms (CPU "
              + scenarios.path("javac").path("cpuMsMedian").asLong(-1)
              + " ms); with the generated sources: "
              + withGenerated
              + " ms (CPU "
              + withGeneratedCpu
              + " ms).");
      line();
      line(
          "| scenario | javac, median | adds | CPU | adds, CPU | Quarry total | database start | migrations | catalog | analysis | per query | generation | other |");
      line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
      for (String name : List.of("cold", "warm", "edited query", "added migration")) {
        JsonNode scenario = scenarios.path(name);
        if (scenario.isMissingNode()) {
          continue;
        }
        JsonNode phases = scenario.path("phaseMsMedian");
        long wall = scenario.path("wallMsMedian").asLong();
        int analysed = scenario.path("analysedQueries").asInt();
        long analysis = phases.path("analysis").asLong();
        long other =
            phases.path("reading").asLong()
                + phases.path("lock file").asLong()
                + phases.path("migration checks").asLong()
                + phases.path("database stop").asLong();
        long cpu = scenario.path("cpuMsMedian").asLong(-1);
        String cpuColumns =
            cpu < 0 || withGeneratedCpu < 0
                ? "– | –"
                : cpu + " ms | " + signed(cpu - withGeneratedCpu) + " ms";
        line(
            "| "
                + name
                + " | "
                + wall
                + " ms | "
                + signed(wall - withGenerated)
                + " ms | "
                + cpuColumns
                + " | "
                + phases.path("total").asLong()
                + " ms | "
                + phases.path("database start").asLong()
                + " ms | "
                + phases.path("migrations").asLong()
                + " ms | "
                + phases.path("catalog").asLong()
                + " ms | "
                + analysis
                + " ms ("
                + analysed
                + ") | "
                + (analysed == 0
                    ? "–"
                    : String.format(Locale.ROOT, "%.2f ms", (double) analysis / analysed))
                + " | "
                + phases.path("generation").asLong()
                + " ms | "
                + other
                + " ms |");
      }
      line();
      line(
          "\"other\": reading and parsing the SQL files, checking and writing the lock file, migration checks, and stopping");
      line(
          "the database (dropping the scratch database on a server). Runs, in ms: "
              + runs(scenarios)
              + ".");
      line();
      buildTargets(corpus, withGenerated);
    }
  }

  private static String runs(JsonNode scenarios) {
    List<String> parts = new ArrayList<>();
    scenarios
        .fields()
        .forEachRemaining(
            e ->
                parts.add(
                    e.getKey()
                        + " "
                        + e.getValue().path("wallMsRuns")
                        + " (CPU "
                        + e.getValue().path("cpuMsRuns")
                        + ")"));
    return String.join("; ", parts);
  }

  private void buildTargets(JsonNode corpus, long baseline) {
    JsonNode scenarios = corpus.path("scenarios");
    String name = corpus.path("name").asText();
    long warm = scenarios.path("warm").path("wallMsMedian").asLong();
    long warmCpu = scenarios.path("warm").path("cpuMsMedian").asLong(-1);
    long baselineCpu = scenarios.path("javac+generated").path("cpuMsMedian").asLong(-1);
    long warmTotal = scenarios.path("warm").path("phaseMsMedian").path("total").asLong();
    // Met only when both say so: the wall-clock difference of two noisy medians can come out
    // small or negative while the processor's own note says it worked for seconds.
    target(
        "Warm build: the processor adds < 150 ms to javac (" + name + ")",
        warm - baseline < 150 && warmTotal < 150,
        "warm "
            + warm
            + " ms vs javac with the generated sources "
            + baseline
            + " ms: adds "
            + signed(warm - baseline)
            + " ms"
            + (warmCpu < 0 ? "" : " (CPU: adds " + signed(warmCpu - baselineCpu) + " ms)")
            + "; Quarry's own total "
            + scenarios.path("warm").path("phaseMsMedian").path("total").asLong()
            + " ms");
    long edited = scenarios.path("edited query").path("wallMsMedian").asLong();
    long editedTotal = scenarios.path("edited query").path("phaseMsMedian").path("total").asLong();
    target(
        "One edited query: < 1 s (" + name + ")",
        edited - baseline < 1000 && editedTotal < 1000,
        "adds "
            + signed(edited - baseline)
            + " ms to javac ("
            + edited
            + " ms vs "
            + baseline
            + " ms); Quarry's own total "
            + editedTotal
            + " ms, of which database start "
            + scenarios.path("edited query").path("phaseMsMedian").path("database start").asLong()
            + " ms and migrations "
            + scenarios.path("edited query").path("phaseMsMedian").path("migrations").asLong()
            + " ms");
    if (name.equals("generated")) {
      JsonNode cold = scenarios.path("cold");
      int analysed = cold.path("analysedQueries").asInt();
      double perQuery =
          (double) cold.path("phaseMsMedian").path("analysis").asLong() / Math.max(1, analysed);
      target(
          "Cold build of 1,000 queries: analysis < 2 ms/query on a local database",
          perQuery < 2,
          String.format(
              Locale.ROOT,
              "%.2f ms/query (%d ms for %d queries)",
              perQuery,
              cold.path("phaseMsMedian").path("analysis").asLong(),
              analysed));
    }
  }

  private static String signed(long value) {
    return (value >= 0 ? "+" : "") + value;
  }

  // ---------------------------------------------------------------------------------------------
  // Targets

  private void target(String target, boolean met, String numbers) {
    targets.add(new String[] {target, met ? "met" : "**not met**", numbers});
  }

  /** The database's share of the build, from {@code benchmarks/phases.sh} (issue 14). */
  private void buildPhases(JsonNode phases) {
    line(
        "## The database's share of the build: `-Aquarry.timings` phases (`benchmarks/phases.sh`)");
    line();
    line(
        "river's 55 queries, javac with the processor as a new process (a command-line build), medians of "
            + phases.path("repetitions").asInt()
            + " runs; run "
            + phases.path("started").asText()
            + " to "
            + phases.path("finished").asText()
            + ", processor jar SHA-256 `"
            + phases.path("processorJarSha256").asText()
            + "…`, load average (1, 5, 15 min) before: "
            + phases.path("loadBefore").asText()
            + "; after: "
            + phases.path("loadAfter").asText()
            + ". **cold**: no lock file, every query analysed; **edited query**: one query's text changed,"
            + " that query analysed; **no change**: the lock file answers for every query.");
    line();
    line(
        "| database | scenario | cached before the build | server kept alive | javac | Quarry total | database start | migrations | catalog | analysis | database stop | generation | reading | lock file |");
    line("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (JsonNode database : phases.path("databases")) {
      String name = database.path("database").asText();
      database
          .path("scenarios")
          .fields()
          .forEachRemaining(
              e -> {
                JsonNode row = e.getValue();
                JsonNode p = row.path("phaseMsMedian");
                line(
                    "| "
                        + name
                        + " (load "
                        + database.path("loadBefore").asText()
                        + ") | "
                        + e.getKey()
                        + " | "
                        + row.path("cacheState").asText()
                        + " | "
                        + row.path("serverKeptAlive").asText()
                        + " | "
                        + row.path("wallMsMedian").asLong()
                        + " ms"
                        + cpu(row)
                        + " | "
                        + p.path("total").asLong()
                        + " ms | "
                        + p.path("database start").asLong()
                        + " | "
                        + p.path("migrations").asLong()
                        + " | "
                        + p.path("catalog").asLong()
                        + " | "
                        + p.path("analysis").asLong()
                        + " ("
                        + row.path("analysedQueries").asInt()
                        + ") | "
                        + p.path("database stop").asLong()
                        + " | "
                        + p.path("generation").asLong()
                        + " | "
                        + p.path("reading").asLong()
                        + " | "
                        + p.path("lock file").asLong()
                        + " |");
              });
    }
    line();
    line(
        "Phases in ms. The goals of issue 14 and how this run compares are discussed in `benchmarks/README.md`.");
    line();
    JsonNode loop = phases.path("javacLoop");
    if (!loop.isMissingNode()) {
      line("### The lock-fresh build: javac alone, and javac with Quarry in a new or a warm JVM");
      line();
      line(
          loop.path("corpus").asText()
              + "; "
              + loop.path("generatedSourceFiles").asInt()
              + " generated sources. Cached before each compile: "
              + loop.path("cacheState").asText()
              + ". Server kept alive: "
              + loop.path("serverKeptAlive").asText()
              + ". Load average before: "
              + loop.path("loadBefore").asText()
              + "; after: "
              + loop.path("loadAfter").asText()
              + ".");
      line();
      line(
          "| compile | JVM | wall (median) | processor total (its note) | added to javac alone | ratio to javac alone |");
      line("|---|---|---:|---:|---:|---:|");
      for (JsonNode row : loop.path("rows")) {
        line(
            "| "
                + row.path("compile").asText()
                + " | "
                + row.path("jvm").asText()
                + " | "
                + row.path("wallMsMedian").asDouble()
                + " ms | "
                + (row.has("quarryTotalMsMedian")
                    ? row.path("quarryTotalMsMedian").asDouble() + " ms"
                    : "")
                + " | "
                + (row.has("quarryTotalMsMedian")
                    ? "+" + row.path("addedToJavacAloneMs").asDouble() + " ms"
                    : "")
                + " | "
                + row.path("ratioToJavacAlone").asDouble()
                + " |");
      }
      JsonNode cpu = loop.path("newJvmCpuMsMedian");
      if (!cpu.isMissingNode()) {
        line();
        line(
            "CPU time (user + system) of the new-JVM compiles, median: javac alone "
                + cpu.path("javacAlone").asLong()
                + " ms, javac + Quarry "
                + cpu.path("javacWithQuarry").asLong()
                + " ms.");
      }
      line();
    }
    JsonNode large = phases.path("largeCorpusCold");
    if (!large.isMissingNode()) {
      line("### A 500-query project, cold: no lock file, database bring-up included");
      line();
      line(
          "| database | corpus | cached before the build | server kept alive | javac | Quarry total | database start | migrations | catalog | analysis | database stop | generation | reading |");
      line("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
      for (JsonNode row : large) {
        JsonNode p = row.path("phaseMsMedian");
        long analysed = row.path("analysedQueries").asLong();
        line(
            "| "
                + row.path("database").asText()
                + " (load "
                + row.path("loadBefore").asText()
                + ") | "
                + row.path("corpus").asText()
                + " | "
                + row.path("cacheState").asText()
                + " | "
                + row.path("serverKeptAlive").asText()
                + " | "
                + row.path("wallMsMedian").asLong()
                + " ms"
                + cpu(row)
                + " | "
                + p.path("total").asLong()
                + " ms | "
                + p.path("database start").asLong()
                + " | "
                + p.path("migrations").asLong()
                + " | "
                + p.path("catalog").asLong()
                + " | "
                + p.path("analysis").asLong()
                + " ("
                + analysed
                + (analysed > 0
                    ? String.format(
                        java.util.Locale.ROOT,
                        ", %.2f ms/query",
                        p.path("analysis").asDouble() / analysed)
                    : "")
                + ") | "
                + p.path("database stop").asLong()
                + " | "
                + p.path("generation").asLong()
                + " | "
                + p.path("reading").asLong()
                + " |");
      }
      line();
    }
  }

  /** ", CPU 1234 ms" when the row has the javac process's CPU time (user + system). */
  private static String cpu(JsonNode row) {
    return row.path("cpuMsMedian").asLong(-1) >= 0
        ? " (CPU " + row.path("cpuMsMedian").asLong() + " ms)"
        : "";
  }

  private void targetsSection() {
    line("## Targets");
    line();
    line(
        "Verdicts computed from the figures above, on this run, on this shared machine. A build-time target is");
    line(
        "met only when both the wall-clock difference to `javac` and the processor's own total are under it.");
    line();
    line("| target | verdict | figures |");
    line("|---|---|---|");
    for (String[] target : targets) {
      line("| " + target[0] + " | " + target[1] + " | " + target[2] + " |");
    }
    line();
  }

  private void line(String text) {
    md.append(text).append('\n');
  }

  private void line() {
    md.append('\n');
  }
}
