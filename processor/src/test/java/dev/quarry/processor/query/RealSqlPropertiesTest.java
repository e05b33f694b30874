package dev.quarry.processor.query;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link QueryFileProperties} for every SQL file at hand, read as a query file: the test cases
 * (good and broken), the sample app's queries and migrations, and the real-world corpora in {@code
 * ../shared/corpora} when present. The fuzz test starts from a few of these; this checks them all,
 * each within a time bound.
 */
@Tag("jdk-independent") // run once per CI run: see .ci/run
class RealSqlPropertiesTest {

  @TestFactory
  Stream<DynamicTest> everySqlFile() throws IOException {
    List<Path> roots =
        new ArrayList<>(
            List.of(
                Path.of("src/test/resources"), Path.of("../queries"), Path.of("../migrations")));
    String repoRoot = System.getProperty("quarry.repoRoot");
    Path corpora =
        repoRoot != null
            ? Path.of(repoRoot).resolve("../shared/corpora").normalize()
            : Path.of("/work/shared/corpora");
    if (Files.isDirectory(corpora)) {
      roots.add(corpora);
    } else if (Files.isDirectory(Path.of("/work/shared/corpora"))) {
      roots.add(Path.of("/work/shared/corpora"));
    }
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p))
            .sorted()
            .forEach(files::add);
      }
    }
    assertTrue(files.size() > 100, "SQL files found: " + files.size());
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.toString(),
                    () -> {
                      byte[] bytes = Files.readAllBytes(file);
                      assertTimeoutPreemptively(
                          Duration.ofSeconds(10),
                          () -> QueryFileProperties.check(bytes),
                          file::toString);
                    }));
  }
}
