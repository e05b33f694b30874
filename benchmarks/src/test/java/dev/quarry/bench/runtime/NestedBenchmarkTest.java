package dev.quarry.bench.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The nested-results benchmark's three implementations read the same 10,000 posts and 100,000
 * comments (its setup compares them and throws otherwise), so that its timings compare like with
 * like.
 */
class NestedBenchmarkTest {
  @Test
  void quarryHandWrittenGroupingAndJooqMultisetReadTheSameRows() throws Exception {
    NestedBenchmark benchmark = new NestedBenchmark();
    benchmark.open();
    try {
      assertEquals(10_000, benchmark.quarryNested().size());
      assertEquals(10, benchmark.quarryNested().get(0).comments().size());
    } finally {
      benchmark.close();
    }
  }
}
