package dev.quarry.bench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * RESULTS.md is exactly what the report code writes from the raw results committed beside it
 * ({@code benchmarks/results/}), so no figure in it can be typed in, kept from an older run, or
 * come from files nobody can see. CI runs this (.ci/run).
 */
class ResultsReportTest {
  @Test
  void resultsPageIsWhatTheCommittedRawResultsGive() throws IOException {
    Path results = Path.of("results");
    Path page = Path.of("RESULTS.md");
    assertTrue(
        Files.isRegularFile(results.resolve("run.properties")),
        "no raw results in benchmarks/results/: RESULTS.md must be written from committed raw files");
    String rendered = ResultsReport.render(results);
    String committed = Files.readString(page, StandardCharsets.UTF_8);
    if (!rendered.equals(committed)) {
      fail(ResultsReport.difference(page, committed, rendered));
    }
  }
}
