package dev.quarry.bench.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.quarry.bench.BenchDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures how long {@code javac} takes with Quarry's processor on two projects (river's 55
 * queries, and {@link GeneratedCorpus}'s 1,000 queries over 100 migrations) in the scenarios a
 * developer meets: cold (no lock file), warm (nothing changed, the lock file answers), one query
 * edited, one migration added; and the same sources compiled without the processor ({@code
 * -proc:none}), alone and together with the sources Quarry generates. Every compilation is a fresh
 * {@code javac} process (a new JVM), timed from start to exit; the processor's own phases come from
 * its {@code -Aquarry.timings=true} note. The repetitions go round the scenarios in turn, so that a
 * burst of load on a shared machine spreads over all of them; results are medians.
 *
 * <p>Arguments: {@code <work dir> <output json> <processor classpath file> <compile classpath file>
 * <river dir> <database> <repetitions>}; database is a {@code jdbc:postgresql:} URL, {@code
 * embedded}, or {@code auto} (the local server when it answers, else embedded).
 */
public final class BuildTimes {
  private static final Pattern PHASE = Pattern.compile("([a-z][a-z ]*?) (\\d+) ms");
  private static final Pattern QUERIES = Pattern.compile("analysis \\d+ ms \\((\\d+) quer");

  private final Path work;
  private final String processorPath;
  private final String classpath;
  private final String database;
  private final Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");

  /**
   * Whether the class and generated-source folders are kept from one compile to the next, as Maven
   * and Gradle keep them (then the processor may reuse what it generated last time); else every
   * compile starts with empty ones.
   */
  boolean keepOutputs;

  /** More javac options for every build with the processor (e.g. -Aquarry.buildServer=false). */
  List<String> extraOptions = List.of();

  String processorPath() {
    return processorPath;
  }

  String classpath() {
    return classpath;
  }

  BuildTimes(Path work, String processorPath, String classpath, String database) {
    this.work = work;
    this.processorPath = processorPath;
    this.classpath = classpath;
    this.database = database;
  }

  /** One project and how to change it. */
  record Corpus(
      String name,
      String description,
      Path project,
      List<String> options,
      Path queryFile,
      String queryBefore,
      String queryAfter,
      Path newMigration,
      String migrationSql) {}

  /**
   * One timed compilation: wall-clock time, and the CPU time (user + system, all threads: javac's,
   * the JIT compiler's, the garbage collector's) when {@code /usr/bin/time} can tell it, else -1.
   * The CPU time is less sensitive than the wall-clock time to other work on a shared machine.
   */
  /**
   * One javac run: wall and CPU time, the timings note's phases, the queries analysed, and whether
   * the build ran on the build server (the note ends with "; on the build server").
   */
  record Run(
      long wallMs,
      long cpuMs,
      Map<String, Long> phases,
      int analysedQueries,
      boolean buildServer) {}

  private static final Path TIME = Path.of("/usr/bin/time");

  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      System.err.println(
          "usage: BuildTimes <work dir> <output json> <processor classpath file> <compile classpath file>"
              + " <river dir> <database: jdbc URL, embedded or auto> <repetitions>");
      System.exit(2);
    }
    Path work = Path.of(args[0]).toAbsolutePath();
    Path output = Path.of(args[1]);
    String processorPath = Files.readString(Path.of(args[2])).strip();
    String classpath = Files.readString(Path.of(args[3])).strip();
    Path river = Path.of(args[4]);
    // auto: the local server when it answers (as the runtime benchmarks), else embedded.
    String database =
        args[5].equals("auto")
            ? (BenchDatabase.answers(BenchDatabase.LOCAL) ? BenchDatabase.LOCAL : "embedded")
            : args[5];
    int repetitions = Integer.parseInt(args[6]);

    deleteTree(work);
    BuildTimes times = new BuildTimes(work, processorPath, classpath, database);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("database", times.describeDatabase());
    result.put("repetitions", repetitions);
    result.put("generatedCorpusFingerprint", GeneratedCorpus.fingerprint());
    List<Map<String, Object>> corpora = new ArrayList<>();
    List<Corpus> list = new ArrayList<>();
    if (Files.isDirectory(river)) {
      list.add(times.river(river));
    } else {
      System.out.println("no river corpus at " + river + "; measuring the generated corpus only");
    }
    list.add(times.generated());
    for (Corpus corpus : list) {
      corpora.add(times.measure(corpus, repetitions));
    }
    result.put("corpora", corpora);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(output.toFile(), result);
    System.out.println("wrote " + output);
  }

  Corpus river(Path river) throws IOException {
    Path project = work.resolve("river/project");
    copyTree(river.resolve("migrations"), project.resolve("migrations"));
    copyTree(river.resolve("queries"), project.resolve("queries"));
    String before = "-- name: QueueGet :one\nSELECT *\nFROM river_queue\nWHERE name = @name::text;";
    String after =
        "-- name: QueueGet :one\nSELECT *\nFROM river_queue\nWHERE name = @name::text AND paused_at IS NULL;";
    return new Corpus(
        "river",
        "river's job queue: 55 queries in 7 files, 7 golang-migrate migrations",
        project,
        // As RiverCorpusTest: river's own migrations trip the lock-risk check (warnings only).
        List.of("-Aquarry.checks=lock-risk=off"),
        project.resolve("queries/river_queue.sql"),
        before,
        after,
        project.resolve("migrations/008_bench_extra.up.sql"),
        "CREATE TABLE bench_extra (id bigint PRIMARY KEY, label text);\n");
  }

  private Corpus generated() throws IOException {
    return generated(GeneratedCorpus.TABLES);
  }

  /**
   * The generated corpus with the queries of its first {@code tables} tables only ({@link
   * GeneratedCorpus#QUERIES_PER_TABLE} each), over all its migrations.
   */
  Corpus generated(int tables) throws IOException {
    String name = tables == GeneratedCorpus.TABLES ? "generated" : "generated" + tables;
    Path project = work.resolve(name + "/project");
    GeneratedCorpus.write(project);
    for (int k = tables + 1; k <= GeneratedCorpus.TABLES; k++) {
      Files.delete(project.resolve("queries/" + GeneratedCorpus.table(k) + ".sql"));
    }
    if (tables != GeneratedCorpus.TABLES) {
      return new Corpus(
          name,
          "generated: "
              + tables * GeneratedCorpus.QUERIES_PER_TABLE
              + " queries in "
              + tables
              + " files over 50 tables, 100 Flyway migrations (fingerprint "
              + GeneratedCorpus.fingerprint()
              + ")",
          project,
          List.of(),
          project.resolve("queries/item01.sql"),
          "",
          "",
          project.resolve("migrations/V101__bench_extra.sql"),
          "");
    }
    String before = "-- name: GetItem01 :one\nSELECT * FROM item01 WHERE id = @id;";
    String after = "-- name: GetItem01 :one\nSELECT * FROM item01 WHERE id = @id AND active;";
    return new Corpus(
        "generated",
        "generated: 1,000 queries in 50 files over 50 tables, 100 Flyway migrations (fingerprint "
            + GeneratedCorpus.fingerprint()
            + ")",
        project,
        List.of(),
        project.resolve("queries/item01.sql"),
        before,
        after,
        project.resolve("migrations/V101__bench_extra.sql"),
        "CREATE TABLE bench_extra (id bigint PRIMARY KEY, label text);\n");
  }

  /** The project's one Java source, which holds {@code @GenerateQueries}. */
  Path writePackageInfo(Corpus corpus) throws IOException {
    Path packageInfo = corpus.project().resolve("src/com/example/db/package-info.java");
    Files.createDirectories(packageInfo.getParent());
    Files.writeString(
        packageInfo,
        "@dev.quarry.GenerateQueries(migrations = \"migrations\", queries = \"queries\")\npackage com.example.db;\n");
    return packageInfo;
  }

  /** The SHA-256 of the processor jar (the first entry of the processor path), for the record. */
  static String processorJarHash(String processorPath) throws Exception {
    Path jar = Path.of(processorPath.split(java.io.File.pathSeparator)[0]);
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar));
    return java.util.HexFormat.of().formatHex(digest, 0, 8);
  }

  private Map<String, Object> measure(Corpus corpus, int repetitions) throws Exception {
    Path project = corpus.project();
    Path packageInfo = writePackageInfo(corpus);
    Path lock = project.resolve("queries/quarry.lock");
    Path saved = work.resolve(corpus.name() + "/saved");
    Files.createDirectories(saved);
    String originalQueries = Files.readString(corpus.queryFile());
    if (!originalQueries.contains(corpus.queryBefore())) {
      throw new IllegalStateException("the query to edit is not in " + corpus.queryFile());
    }

    // A first cold build writes the lock file and the generated sources the later scenarios use.
    System.out.println("[" + corpus.name() + "] first build");
    compileWithQuarry(corpus);
    Files.copy(lock, saved.resolve("quarry.lock"), StandardCopyOption.REPLACE_EXISTING);
    Path generatedSources = saved.resolve("generated");
    deleteTree(generatedSources);
    copyTree(work.resolve(corpus.name() + "/gen"), generatedSources);
    List<Path> generatedFiles;
    try (Stream<Path> files = Files.walk(generatedSources)) {
      generatedFiles = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }

    Map<String, List<Run>> runs = new LinkedHashMap<>();
    for (String scenario :
        List.of("javac", "javac+generated", "cold", "warm", "edited query", "added migration")) {
      runs.put(scenario, new ArrayList<>());
    }
    for (int i = 1; i <= repetitions; i++) {
      System.out.println("[" + corpus.name() + "] repetition " + i + " of " + repetitions);
      runs.get("javac").add(compilePlain(corpus, List.of(packageInfo)));
      List<Path> all = new ArrayList<>(List.of(packageInfo));
      all.addAll(generatedFiles);
      runs.get("javac+generated").add(compilePlain(corpus, all));

      Files.deleteIfExists(lock);
      runs.get("cold").add(compileWithQuarry(corpus));

      Files.copy(saved.resolve("quarry.lock"), lock, StandardCopyOption.REPLACE_EXISTING);
      runs.get("warm").add(compileWithQuarry(corpus));

      Files.writeString(
          corpus.queryFile(), originalQueries.replace(corpus.queryBefore(), corpus.queryAfter()));
      runs.get("edited query").add(compileWithQuarry(corpus));
      Files.writeString(corpus.queryFile(), originalQueries);
      Files.copy(saved.resolve("quarry.lock"), lock, StandardCopyOption.REPLACE_EXISTING);

      Files.writeString(corpus.newMigration(), corpus.migrationSql());
      runs.get("added migration").add(compileWithQuarry(corpus));
      Files.delete(corpus.newMigration());
      Files.copy(saved.resolve("quarry.lock"), lock, StandardCopyOption.REPLACE_EXISTING);
    }

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("name", corpus.name());
    result.put("description", corpus.description());
    result.put("generatedSourceFiles", generatedFiles.size());
    Map<String, Object> scenarios = new LinkedHashMap<>();
    for (Map.Entry<String, List<Run>> scenario : runs.entrySet()) {
      Map<String, Object> summary = new LinkedHashMap<>();
      List<Run> list = scenario.getValue();
      summary.put("wallMsRuns", list.stream().map(Run::wallMs).toList());
      summary.put("wallMsMedian", median(list.stream().map(Run::wallMs).toList()));
      summary.put("cpuMsRuns", list.stream().map(Run::cpuMs).toList());
      summary.put("cpuMsMedian", median(list.stream().map(Run::cpuMs).toList()));
      if (!list.get(0).phases().isEmpty()) {
        Map<String, Long> phases = new LinkedHashMap<>();
        for (String phase : list.get(0).phases().keySet()) {
          phases.put(
              phase, median(list.stream().map(r -> r.phases().getOrDefault(phase, 0L)).toList()));
        }
        summary.put("phaseMsMedian", phases);
        summary.put("analysedQueries", list.get(0).analysedQueries());
      }
      scenarios.put(scenario.getKey(), summary);
    }
    result.put("scenarios", scenarios);
    return result;
  }

  Run compilePlain(Corpus corpus, List<Path> sources) throws Exception {
    List<String> command = new ArrayList<>(List.of("-proc:none"));
    for (Path source : sources) {
      command.add(source.toString());
    }
    return javac(corpus, command);
  }

  Run compileWithQuarry(Corpus corpus) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("-processorpath");
    command.add(processorPath);
    command.add("-Aquarry.projectDir=" + corpus.project());
    command.add("-Aquarry.database=" + database);
    command.add("-Aquarry.timings=true");
    command.addAll(corpus.options());
    command.addAll(extraOptions);
    command.add(corpus.project().resolve("src/com/example/db/package-info.java").toString());
    Run run = javac(corpus, command);
    if (run.phases().isEmpty()) {
      throw new IllegalStateException(
          "no quarry timings note in the output of a build with the processor");
    }
    return run;
  }

  /**
   * javac with {@link FloorProcessor} (from this benchmark's own jar or classes) on the
   * package-info, writing the sources saved in {@code sources}; the run's "total" phase is the
   * floor processor's own total.
   */
  Run compileWithFloor(Corpus corpus, Path sources) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("-processorpath");
    command.add(
        Path.of(FloorProcessor.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString());
    command.add("-processor");
    command.add(FloorProcessor.class.getName());
    command.add("-A" + FloorProcessor.SOURCES + "=" + sources);
    command.add(corpus.project().resolve("src/com/example/db/package-info.java").toString());
    Run run = javac(corpus, command);
    String output =
        Files.readString(work.resolve(corpus.name() + "/javac.log"), StandardCharsets.UTF_8);
    long total = FloorProcessor.total(output);
    if (total < 0) {
      throw new IllegalStateException("no floor timings note in:\n" + output);
    }
    return new Run(run.wallMs(), run.cpuMs(), Map.of("total", total), 0, false);
  }

  /** Runs javac in a new process with fresh output folders and times it. */
  private Run javac(Corpus corpus, List<String> arguments) throws Exception {
    Path classes = work.resolve(corpus.name() + "/classes");
    Path generated = work.resolve(corpus.name() + "/gen");
    if (!keepOutputs) {
      deleteTree(classes);
      deleteTree(generated);
    }
    Files.createDirectories(classes);
    Files.createDirectories(generated);
    List<String> command = new ArrayList<>();
    Path cpuFile = work.resolve(corpus.name() + "/cpu.txt");
    Files.deleteIfExists(cpuFile);
    boolean timeCpu = Files.isExecutable(TIME);
    if (timeCpu) {
      command.addAll(List.of(TIME.toString(), "-f", "%U %S", "-o", cpuFile.toString()));
    }
    command.add(javac.toString());
    command.add("-d");
    command.add(classes.toString());
    command.add("-s");
    command.add(generated.toString());
    command.add("-classpath");
    command.add(classpath);
    command.add("-encoding");
    command.add("UTF-8");
    command.addAll(arguments);
    Path log = work.resolve(corpus.name() + "/javac.log");
    long started = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .directory(corpus.project().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    int exit = process.waitFor();
    long wallMs = (System.nanoTime() - started) / 1_000_000;
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (exit != 0) {
      throw new IllegalStateException("javac failed (exit " + exit + "):\n" + output);
    }
    Run parsed = parse(output);
    long cpuMs = -1;
    if (timeCpu && Files.exists(cpuFile)) {
      String[] cpu = Files.readString(cpuFile).strip().split("\\s+");
      cpuMs =
          Math.round(
              (Double.parseDouble(cpu[cpu.length - 2]) + Double.parseDouble(cpu[cpu.length - 1]))
                  * 1000);
    }
    return new Run(wallMs, cpuMs, parsed.phases(), parsed.analysedQueries(), parsed.buildServer());
  }

  /** The phases of the {@code quarry timings} note in javac's output (none when there is none). */
  static Run parse(String output) {
    Map<String, Long> phases = new LinkedHashMap<>();
    int analysed = 0;
    boolean buildServer = false;
    for (String line : output.split("\n")) {
      int at = line.indexOf("quarry timings: ");
      if (at >= 0) {
        buildServer |= line.contains("; on the build server");
        String note = line.substring(at + "quarry timings: ".length());
        Matcher phase = PHASE.matcher(note);
        while (phase.find()) {
          phases.put(phase.group(1).strip(), Long.parseLong(phase.group(2)));
        }
        Matcher queries = QUERIES.matcher(note);
        if (queries.find()) {
          analysed = Integer.parseInt(queries.group(1));
        }
      }
    }
    return new Run(-1, -1, phases, analysed, buildServer);
  }

  String describeDatabase() throws SQLException {
    if (!database.startsWith("jdbc:")) {
      return "embedded PostgreSQL (zonky; the processor's default binaries)";
    }
    try (Connection connection = DriverManager.getConnection(database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW server_version")) {
      rows.next();
      String url = database.replaceAll("password=[^&]*", "password=...");
      return "PostgreSQL " + rows.getString(1) + " server, " + url;
    }
  }

  static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
