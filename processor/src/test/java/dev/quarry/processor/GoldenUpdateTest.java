package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * A golden update run ({@code -Dquarry.updateGolden=true}) can never pass for a check: a case whose
 * {@code expected/} folder it rewrote fails, naming every file it added, changed or deleted; a case
 * already current is checked as usual. Runs on a copy of the {@code blog} case.
 */
class GoldenUpdateTest {
  @TempDir Path copy;

  @Test
  void anUpdateThatRewritesFilesFailsAndNamesThem() throws IOException {
    copyCase(CompileCaseTest.CASES.resolve("blog"), copy);
    Path expected = copy.resolve("expected");
    Path users = expected.resolve("UsersQueries.java");
    Files.writeString(users, Files.readString(users) + "// stale\n", StandardCharsets.UTF_8);
    Files.delete(expected.resolve("User.java"));
    Files.writeString(expected.resolve("Gone.java"), "class Gone {}\n", StandardCharsets.UTF_8);

    AssertionFailedError update =
        assertThrows(AssertionFailedError.class, () -> CompileCaseTest.check(copy, true));
    String message = update.getMessage();
    assertTrue(message.contains("rewrote golden files, so this case was not checked"), message);
    assertTrue(message.contains("Gone.java (deleted)"), message);
    assertTrue(message.contains("User.java (new)"), message);
    assertTrue(message.contains("UsersQueries.java (changed)"), message);
    assertTrue(message.contains("run again without -Dquarry.updateGolden"), message);
    assertEquals(
        List.of("Gone.java (deleted)", "User.java (new)", "UsersQueries.java (changed)"),
        List.of(message.substring(message.indexOf(": ") + 2, message.indexOf(" in ")).split(", ")),
        "exactly the files that differed");

    // Now current: another update run rewrites nothing and checks the case; so does a plain run.
    CompileCaseTest.check(copy, true);
    CompileCaseTest.check(copy, false);
    assertEquals(
        Files.readString(CompileCaseTest.CASES.resolve("blog/expected/UsersQueries.java")),
        Files.readString(users));
  }

  private static void copyCase(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
