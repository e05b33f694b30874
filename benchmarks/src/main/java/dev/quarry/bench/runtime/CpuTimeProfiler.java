package dev.quarry.bench.runtime;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports the benchmark JVM's CPU time per operation ({@code cpu.time/op}, in the benchmark's time
 * unit) beside JMH's wall-clock time: what the client side (the library, the driver's encoding and
 * decoding, the garbage collector) spends on each operation, without the time spent waiting for
 * PostgreSQL. On a machine shared with other work, waiting for a CPU inflates wall-clock time but
 * not CPU time, so this is the steadier measure of the library layer. It is the whole process's CPU
 * time, so it also counts the JIT compiler, which is quiet after warm-up.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long startNanos;

  @Override
  public String getDescription() {
    return "the JVM's CPU time per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    startNanos = os.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long cpuNanos = os.getProcessCpuTime() - startNanos;
    long ops = result.getMetadata().getMeasuredOps();
    double perOp = ops == 0 ? Double.NaN : (double) cpuNanos / ops;
    double inUnit = perOp / benchmarkParams.getTimeUnit().toNanos(1);
    String unit =
        switch (benchmarkParams.getTimeUnit()) {
          case MILLISECONDS -> "ms/op";
          case MICROSECONDS -> "us/op";
          default -> benchmarkParams.getTimeUnit() + "/op";
        };
    return List.of(new ScalarResult("cpu.time/op", inUnit, unit, AggregationPolicy.AVG));
  }
}
