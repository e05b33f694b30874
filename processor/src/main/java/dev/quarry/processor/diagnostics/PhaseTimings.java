package dev.quarry.processor.diagnostics;

import java.util.Locale;

/**
 * How long each phase of one {@code @GenerateQueries} build took, for the note the option {@code
 * -Aquarry.timings=true} prints: where a slow build spends its time (starting the database,
 * applying migrations, analysing queries, generating code). Phases that did not run (no database
 * when the lock file answers for every query) stay at zero.
 */
public final class PhaseTimings {
  /** The phases, in the order the note lists them. */
  public enum Phase {
    /** Reading migration and query files, finding parameters. */
    READING("reading"),
    /** Checking the lock file against the inputs, and rewriting it. */
    LOCK_FILE("lock file"),
    /** Starting the schema database (embedded, container, or a scratch database on a server). */
    DATABASE_START("database start"),
    /** Applying the migrations. */
    MIGRATIONS("migrations"),
    /** Reading the catalog (tables, types) after the migrations. */
    CATALOG("catalog"),
    /** Describing each query to PostgreSQL and inferring nullability. */
    ANALYSIS("analysis"),
    /** The migration safety checks, the down round trip and the schema snapshot. */
    CHECKS("migration checks"),
    /** Stopping the embedded database or dropping the scratch database. */
    DATABASE_STOP("database stop"),
    /** Building the model, generating the sources and writing them. */
    GENERATION("generation");

    private final String label;

    Phase(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final long[] nanos = new long[Phase.values().length];
  private final long started = System.nanoTime();
  private long finished;
  private int analysedQueries;
  private boolean onBuildServer;

  /** Adds the time from {@code startNanos} (a {@link System#nanoTime()} reading) to now. */
  public void record(Phase phase, long startNanos) {
    nanos[phase.ordinal()] += System.nanoTime() - startNanos;
  }

  /** The number of queries analysed against the database (not those taken from the lock file). */
  public void analysedQueries(int count) {
    analysedQueries = count;
  }

  /** Marks the end of the build; {@link #render()} reports the total up to here. */
  public void finish() {
    finished = System.nanoTime();
  }

  /** The time recorded for {@code phase}, in nanoseconds. */
  public long nanos(Phase phase) {
    return nanos[phase.ordinal()];
  }

  /** Adds {@code nanos} to {@code phase}: the phases a build server timed for this build. */
  public void add(Phase phase, long nanos) {
    this.nanos[phase.ordinal()] += nanos;
  }

  /** The number set by {@link #analysedQueries(int)}. */
  public int analysedQueryCount() {
    return analysedQueries;
  }

  /** Marks the build as run by the build server; the note then says so after the total. */
  public void ranOnBuildServer() {
    onBuildServer = true;
  }

  public long millis(Phase phase) {
    return nanos[phase.ordinal()] / 1_000_000;
  }

  /**
   * The note's text: {@code quarry timings: reading 12 ms, ..., analysis 950 ms (1000 queries, 0.95
   * ms/query), ..., total 2100 ms}.
   */
  public String render() {
    StringBuilder text = new StringBuilder("quarry timings: ");
    for (Phase phase : Phase.values()) {
      text.append(phase.label()).append(' ').append(millis(phase)).append(" ms");
      if (phase == Phase.ANALYSIS) {
        text.append(" (")
            .append(analysedQueries)
            .append(analysedQueries == 1 ? " query" : " queries");
        if (analysedQueries > 0) {
          double perQuery = nanos[phase.ordinal()] / 1_000_000.0 / analysedQueries;
          text.append(", ")
              .append(String.format(Locale.ROOT, "%.2f", perQuery))
              .append(" ms/query");
        }
        text.append(')');
      }
      text.append(", ");
    }
    long end = finished == 0 ? System.nanoTime() : finished;
    text.append("total ").append((end - started) / 1_000_000).append(" ms");
    return (onBuildServer ? text.append("; on the build server") : text).toString();
  }
}
