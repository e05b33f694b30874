package dev.quarry.bench.runtime;

import dev.quarry.runtime.QueryEvent;
import dev.quarry.runtime.QueryRunner;

/**
 * {@link QuarryBenchmark} with a {@code QueryListener} on its runner: what observing every call
 * costs. The listener keeps the last event and sums the durations and rows, as a metrics listener
 * does at the least, so that the JIT cannot drop the events.
 */
public class QuarryListenerBenchmark extends QuarryBenchmark {
  /** Read by nothing; written so that the events are used. */
  public long totalNanos;

  public long totalRows;
  public QueryEvent last;

  @Override
  protected QueryRunner runner() {
    return QueryRunner.of(connection)
        .withListener(
            event -> {
              totalNanos += event.nanos();
              totalRows += event.rows();
              last = event;
            });
  }
}
