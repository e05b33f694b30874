package dev.quarry.bench.runtime;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes allocated per operation by the thread that calls the library, and by nothing else: the
 * library layer's own allocation, beside JMH's {@code gc.alloc.rate.norm}.
 *
 * <p>JMH's GC profiler divides what every thread of the fork allocated during an iteration by the
 * operations of that iteration. The harness's own threads allocate at a rate per second, so their
 * share per operation grows with the time an operation takes, and on a loaded machine that time
 * varies by forks and iterations: the {@code insertOne} iterations of every implementation, hand
 * written JDBC's too, vary by up to 500 B/op. Here one thread runs the same benchmark methods the
 * JMH forks run ({@link RuntimeBenchmark#pointLookup}, {@link RuntimeBenchmark#list100}, {@link
 * RuntimeBenchmark#insertOne}), on the same database and connection, and {@code
 * ThreadMXBean.getCurrentThreadAllocatedBytes} counts only its own allocation: after {@value
 * #WARM_UP} calls (the JIT compiler has compiled the path), {@value #REPETITIONS} times {@value
 * #CALLS} calls, the median of the repetitions; that in {@value #JVMS} JVMs, and the median of the
 * JVMs is the figure (the JIT compiler does not inline the same way in every JVM: hand-written
 * JDBC's point lookup measured 2,044, 2,052 and 2,100 B in three JVMs, one figure each). Inserts
 * run with {@code synchronous_commit = off} on that connection, which changes the server's wait for
 * its disk and not what the client allocates.
 *
 * <p>Arguments: {@code <output json>}; the system properties {@code quarry.bench.benchmarks} and
 * {@code quarry.bench.implementations} select a subset, as for {@link Rounds}.
 */
public final class CallingThreadAllocation {
  static final List<String> BENCHMARKS = List.of("pointLookup", "list100", "insertOne");
  static final int WARM_UP = 30_000;
  static final int CALLS = 10_000;
  static final int REPETITIONS = 5;
  static final int JVMS = 3;

  private interface Call {
    void run() throws Exception;
  }

  private CallingThreadAllocation() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("--one")) {
      System.out.println(RESULT + measure(args[1], args[2]));
      return;
    }
    if (args.length != 1) {
      System.err.println("usage: CallingThreadAllocation <output json>");
      System.exit(2);
    }
    Map<String, Map<String, Double>> results = new LinkedHashMap<>();
    for (String benchmark : BENCHMARKS) {
      if (!Rounds.BENCHMARKS.contains(benchmark)) {
        continue;
      }
      for (String implementation : Rounds.IMPLEMENTATIONS) {
        List<Double> perJvm = new ArrayList<>();
        for (int jvm = 0; jvm < JVMS; jvm++) {
          perJvm.add(inNewJvm(benchmark, implementation));
        }
        double bytes = perJvm.stream().sorted().toList().get(JVMS / 2);
        results.computeIfAbsent(benchmark, b -> new LinkedHashMap<>()).put(implementation, bytes);
        System.out.printf(Locale.ROOT, "%s %s: %.1f B/op%n", benchmark, implementation, bytes);
      }
    }
    StringBuilder json = new StringBuilder();
    json.append("{\n  \"warmUpCalls\": ").append(WARM_UP);
    json.append(",\n  \"calls\": ").append(CALLS);
    json.append(",\n  \"repetitions\": ").append(REPETITIONS);
    json.append(",\n  \"jvms\": ").append(JVMS);
    json.append(",\n  \"bytesPerCall\": {");
    String benchmarkSeparator = "\n";
    for (var benchmark : results.entrySet()) {
      json.append(benchmarkSeparator).append("    \"").append(benchmark.getKey()).append("\": {");
      String separator = "";
      for (var implementation : benchmark.getValue().entrySet()) {
        json.append(separator)
            .append('"')
            .append(implementation.getKey())
            .append("\": ")
            .append(String.format(Locale.ROOT, "%.1f", implementation.getValue()));
        separator = ", ";
      }
      json.append('}');
      benchmarkSeparator = ",\n";
    }
    json.append("\n  }\n}\n");
    Path output = Path.of(args[0]);
    Files.createDirectories(output.toAbsolutePath().getParent());
    Files.writeString(output, json);
  }

  private static final String RESULT = "bytes per call: ";

  /**
   * Runs one benchmark of one implementation in a JVM of its own, as a JMH fork does: code that ran
   * before in the same JVM would leave its profile behind, and the JIT compiler would inline the
   * later implementations' paths differently.
   */
  private static double inNewJvm(String benchmark, String implementation) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString()));
    for (String property : List.of("quarry.bench.database")) {
      String value = System.getProperty(property);
      if (value != null) {
        command.add("-D" + property + "=" + value);
      }
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            CallingThreadAllocation.class.getName(),
            "--one",
            benchmark,
            implementation));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    int exit = process.waitFor();
    for (String line : output.split("\\R")) {
      if (line.startsWith(RESULT)) {
        System.out.println("  " + line.substring(RESULT.length()));
        return Double.parseDouble(line.substring(RESULT.length()).strip().split(" ")[0]);
      }
    }
    throw new IllegalStateException(
        benchmark + " of " + implementation + " failed (exit " + exit + "):\n" + output);
  }

  /** The median bytes per call of {@code benchmark} in {@code implementation}, in this JVM. */
  private static String measure(String benchmark, String implementation) throws Exception {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    RuntimeBenchmark subject =
        (RuntimeBenchmark)
            Class.forName("dev.quarry.bench.runtime." + implementation + "Benchmark")
                .getConstructor()
                .newInstance();
    subject.open();
    try {
      try (Statement statement = subject.connection.createStatement()) {
        statement.execute("SET synchronous_commit = off");
      }
      Call call =
          switch (benchmark) {
            case "pointLookup" -> subject::pointLookup;
            case "list100" -> subject::list100;
            case "insertOne" -> subject::insertOne;
            default -> throw new IllegalArgumentException("not measured here: " + benchmark);
          };
      subject.emptyLedger();
      for (int i = 0; i < WARM_UP; i++) {
        call.run();
      }
      List<Double> perCall = new ArrayList<>();
      for (int r = 0; r < REPETITIONS; r++) {
        subject.emptyLedger();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < CALLS; i++) {
          call.run();
        }
        long after = threads.getCurrentThreadAllocatedBytes();
        perCall.add((after - before) / (double) CALLS);
      }
      List<Double> sorted = perCall.stream().sorted().toList();
      return String.format(
          Locale.ROOT, "%.1f (repetitions: %s)", sorted.get(REPETITIONS / 2), perCall);
    } finally {
      subject.close();
    }
  }
}
