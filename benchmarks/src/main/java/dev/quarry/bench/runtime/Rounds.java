package dev.quarry.bench.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the runtime benchmarks in rounds: in each round, every benchmark runs for every
 * implementation back to back (one JMH fork each), starting with a different implementation each
 * round. On a machine shared with other work, the load changes from minute to minute; running the
 * implementations of one benchmark within a minute or two of each other, several times, keeps that
 * drift out of the comparison better than one long run per implementation would. Each fork writes
 * JMH's JSON to {@code <output>/round-<n>/<benchmark>-<implementation>.json}, with the JVM's CPU
 * time per operation ({@link CpuTimeProfiler}) as a secondary metric.
 *
 * <p>Arguments: {@code <output folder> <rounds> [--quick]}; {@code --quick} runs one short
 * iteration of each instead of the iterations the benchmarks declare. The system properties {@code
 * quarry.bench.benchmarks} and {@code quarry.bench.implementations} (comma-separated) run a subset.
 */
public final class Rounds {
  static final List<String> BENCHMARKS =
      selected(
          "quarry.bench.benchmarks",
          List.of("pointLookup", "list100", "insertOne", "batchInsert1000", "bulkLoad100k"));
  static final List<String> IMPLEMENTATIONS =
      selected(
          "quarry.bench.implementations",
          List.of("Jdbc", "Quarry", "QuarryListener", "JdbcTemplate", "Jdbi", "Jooq"));

  /** The comma-separated list in system property {@code key}, else {@code all}. */
  private static List<String> selected(String key, List<String> all) {
    String value = System.getProperty(key, "").strip();
    return value.isEmpty() ? all : List.of(value.split("\\s*,\\s*"));
  }

  private Rounds() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Rounds <output folder> <rounds> [--quick]");
      System.exit(2);
    }
    Path output = Path.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    boolean quick = args.length > 2 && args[2].equals("--quick");
    for (int round = 1; round <= rounds; round++) {
      Path folder = Files.createDirectories(output.resolve("round-" + round));
      for (String benchmark : BENCHMARKS) {
        List<String> implementations = new ArrayList<>(IMPLEMENTATIONS);
        if (benchmark.equals("bulkLoad100k") && IMPLEMENTATIONS.contains("Jdbc")) {
          implementations.add("Copy");
        }
        for (int i = 0; i < implementations.size(); i++) {
          String implementation = implementations.get((i + round - 1) % implementations.size());
          System.out.println(
              "== round " + round + " of " + rounds + ": " + implementation + " " + benchmark);
          ChainedOptionsBuilder options =
              new OptionsBuilder()
                  .include(
                      "^dev\\.quarry\\.bench\\.runtime\\."
                          + implementation
                          + "Benchmark\\."
                          + benchmark
                          + "$")
                  .addProfiler(CpuTimeProfiler.class)
                  // Bytes allocated per operation (gc.alloc.rate.norm): steady on a loaded machine.
                  .addProfiler(GCProfiler.class)
                  .resultFormat(ResultFormatType.JSON)
                  .result(folder.resolve(benchmark + "-" + implementation + ".json").toString());
          if (quick) {
            options
                .warmupIterations(1)
                .measurementIterations(1)
                .warmupTime(TimeValue.seconds(1))
                .measurementTime(TimeValue.seconds(1));
          }
          new Runner(options.build()).run();
        }
      }
    }
  }
}
