package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.lock.AnalyserVersion;
import dev.quarry.processor.lock.LockFile;
import dev.quarry.processor.lock.Resolution;
import dev.quarry.processor.lock.ResolvedQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lock files committed in this repository are what this Quarry writes for their migrations and
 * queries, byte for byte: each project's SQL is copied without its lock file and built with a
 * database, and the lock file written is compared with the committed one.
 *
 * <p>A build with {@code -Dquarry.lock=offline} (CI's) checks a committed lock file against the SQL
 * only; this test checks it against the analysis too, so a change to the analysis cannot hide
 * behind an old lock file. When the inputs are unchanged but the facts differ, the analysis changed
 * and {@link AnalyserVersion#ANALYSIS} must be bumped, so that users' lock files written before
 * count as stale as well; the failure says so.
 */
class CommittedLockFilesTest {
  @TempDir Path copy;

  /** Folders, relative to the repository, holding migrations/, queries/ and a committed lock. */
  @ParameterizedTest
  @ValueSource(strings = {".", "benchmarks"})
  void committedLockFileIsWhatThisQuarryWrites(String project) throws IOException {
    Path repository =
        Path.of(System.getProperty("quarry.repoRoot", "..")).toAbsolutePath().normalize();
    Path root = repository.resolve(project).normalize();
    String shown = repository.relativize(root.resolve("queries/" + LockFile.NAME)).toString();
    for (String folder : List.of("migrations", "queries")) {
      Files.createDirectories(copy.resolve(folder));
      try (Stream<Path> files = Files.list(root.resolve(folder))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
          Files.copy(file, copy.resolve(folder).resolve(file.getFileName()));
        }
      }
    }
    Compilation build =
        CompileCaseTest.compileWith(
            List.of(
                "-Aquarry.projectDir=" + copy.toAbsolutePath(),
                "-Aquarry.database=" + TestDatabases.option(),
                "-Aquarry.lock=auto"),
            "migrations",
            "queries");
    assertEquals(Compilation.Status.SUCCESS, build.status(), build.diagnostics()::toString);
    String written = Files.readString(copy.resolve("queries/" + LockFile.NAME));
    String committed =
        Files.readString(root.resolve("queries/" + LockFile.NAME), StandardCharsets.UTF_8);
    if (written.equals(committed)) {
      return;
    }
    String difference = firstDifference(committed, written);
    Resolution before = parse(committed, shown);
    Resolution now = parse(written, shown);
    if (before.schema().hash().equals(now.schema().hash())
        && textHashes(before).equals(textHashes(now))) {
      fail(
          "the analysis changed: for the same migrations and queries, this Quarry ("
              + AnalyserVersion.current()
              + ") resolves other facts than "
              + shown
              + " holds ("
              + difference
              + "). Bump AnalyserVersion.ANALYSIS (now "
              + AnalyserVersion.ANALYSIS
              + "), so that lock files written before count as stale, then refresh the committed"
              + " lock files: mvn -B -pl sample-app clean compile, and mvn -B -Pbenchmarks -pl benchmarks clean compile;"
              + " review and commit them");
    }
    fail(
        shown
            + " is stale ("
            + difference
            + "): refresh it with a build that may use a database (mvn -B -pl sample-app clean compile for queries/,"
            + " mvn -B -Pbenchmarks -pl benchmarks clean compile for benchmarks/), review and commit it");
  }

  private static Resolution parse(String text, String shown) {
    try {
      return LockFile.parse(text);
    } catch (LockFile.MalformedLockFileException e) {
      throw new AssertionError(shown + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> textHashes(Resolution resolution) {
    Map<String, String> hashes = new TreeMap<>();
    for (ResolvedQuery query : resolution.queries().values()) {
      hashes.put(query.name(), query.textHash());
    }
    return hashes;
  }

  /** The first line that differs, for the message. */
  static String firstDifference(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String left = i < a.length ? a[i] : "(end of file)";
      String right = i < b.length ? b[i] : "(end of file)";
      if (!left.equals(right)) {
        return "line "
            + (i + 1)
            + " is \""
            + left.strip()
            + "\", this Quarry writes \""
            + right.strip()
            + "\"";
      }
    }
    return "the same lines";
  }
}
