package dev.quarry.processor.server;

import dev.quarry.processor.codegen.GeneratedSource;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.PhaseTimings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the build server answers: the pipeline's result, as data.
 *
 * @param diagnostics every diagnostic, in order
 * @param sources the generated sources (empty on an error)
 * @param summary the summary note
 * @param phaseNanos the time of each phase ({@link PhaseTimings.Phase} names) on the server
 * @param analysedQueries how many queries were analysed against the database
 */
public record BuildReply(
    Diagnostics diagnostics,
    List<GeneratedSource> sources,
    String summary,
    Map<String, Long> phaseNanos,
    int analysedQueries) {
  public BuildReply {
    sources = List.copyOf(sources);
    phaseNanos = Map.copyOf(phaseNanos);
  }

  /** The reply for a pipeline's result and timings. */
  public static BuildReply of(
      Diagnostics diagnostics,
      List<GeneratedSource> sources,
      String summary,
      PhaseTimings timings) {
    Map<String, Long> nanos = new LinkedHashMap<>();
    for (PhaseTimings.Phase phase : PhaseTimings.Phase.values()) {
      nanos.put(phase.name(), timings.nanos(phase));
    }
    return new BuildReply(diagnostics, sources, summary, nanos, timings.analysedQueryCount());
  }

  /** Adds the server's phase times to the client's {@code timings}, marked as the server's. */
  public void addTimingsTo(PhaseTimings timings) {
    for (PhaseTimings.Phase phase : PhaseTimings.Phase.values()) {
      timings.add(phase, phaseNanos.getOrDefault(phase.name(), 0L));
    }
    timings.analysedQueries(analysedQueries);
    timings.ranOnBuildServer();
  }
}
