package dev.quarry.processor.lock;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which Quarry resolved a lock file: the processor's version and the number of its analysis. A lock
 * file written by another one is stale, so that facts resolved by an older analysis never pass as
 * current.
 *
 * <p>The version is the processor's Maven version (filled in by the build), so every release makes
 * the lock files of the one before stale. Between releases the version stays {@code -SNAPSHOT} for
 * every commit, so that commits that do not change the analysis leave lock files alone; {@link
 * #ANALYSIS} marks the commits that do. {@code CommittedLockFilesTest} regenerates the lock files
 * committed in Quarry's repository and fails when they differ from what the current analysis
 * writes, saying to bump {@link #ANALYSIS}.
 *
 * @param quarry the processor's version, e.g. {@code 0.1.0} ({@value #UNKNOWN} when the processor
 *     was built without its version, e.g. by an IDE from the sources)
 * @param analysis {@link #ANALYSIS} of the processor that resolved the facts
 */
public record AnalyserVersion(String quarry, int analysis) {
  /**
   * Bump this when the same migrations and queries resolve to different facts (parameters, columns,
   * types, nullability, or how they are written): lock files written before then count as stale.
   */
  public static final int ANALYSIS = 4;

  static final String UNKNOWN = "unknown";

  private static final AnalyserVersion CURRENT = new AnalyserVersion(buildVersion(), ANALYSIS);

  /** This processor's. */
  public static AnalyserVersion current() {
    return CURRENT;
  }

  /** As the lock file and messages write it: {@code 0.1.0-SNAPSHOT analysis 1}. */
  @Override
  public String toString() {
    return quarry + " analysis " + analysis;
  }

  private static String buildVersion() {
    Properties properties = new Properties();
    try (InputStream in = AnalyserVersion.class.getResourceAsStream("analyser.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return UNKNOWN;
    }
    String version = properties.getProperty("version", "");
    // Unfiltered (${project.version}) or empty: built without Maven's resource filtering.
    return version.isBlank() || version.contains("${") ? UNKNOWN : version.strip();
  }
}
