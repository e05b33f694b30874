package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.syntax.LexerRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No stage lexes a file again: in a whole build, the lexer runs once over each query file and once
 * over each migration file, and over no other text (no statement, no rewritten statement). Later
 * stages read the tokens kept from that one run.
 */
class LexOnceTest {

  @ParameterizedTest
  @ValueSource(strings = {"blog", "dynamic", "patch", "lock-risk-fires", "embed-views"})
  void eachFileIsLexedOnceAndNothingElseIs(String name) throws Exception {
    Path folder = Path.of("src/test/resources/cases", name);
    LexerRuns.Seen<JavacRun> seen =
        // In javac's process: a build on the kept server's build server lexes in that process.
        LexerRuns.during(
            () ->
                JavacRun.compile(
                    folder,
                    "com.example.db",
                    ToolProvider.getSystemJavaCompiler(),
                    List.of("-Aquarry.buildServer=false")));
    // lock-risk-fires warns, as it should, and -Werror makes that fail the compilation.
    assertTrue(
        seen.result().succeeded() || name.equals("lock-risk-fires"),
        () -> name + ": " + seen.result().diagnostics());

    Map<String, String> files = new TreeMap<>();
    for (String kind : List.of("queries", "migrations")) {
      for (Path file : sqlFiles(folder.resolve(kind))) {
        files.put(
            folder.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    assertTrue(files.size() >= 2, name + " has query and migration files");
    for (Map.Entry<String, String> file : files.entrySet()) {
      assertEquals(
          1,
          seen.runs().getOrDefault(file.getValue(), 0),
          name + ": lexer runs over " + file.getKey() + seen.callers().get(file.getValue()));
    }
    List<String> others = new ArrayList<>();
    for (String text : seen.runs().keySet()) {
      if (!files.containsValue(text)) {
        others.add(text + seen.callers().get(text));
      }
    }
    assertEquals(List.of(), others, name + ": texts lexed that are no file");
  }

  private static List<Path> sqlFiles(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
  }
}
