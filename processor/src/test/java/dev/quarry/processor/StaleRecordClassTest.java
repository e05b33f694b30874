package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build whose class path holds the class files of the records the previous build generated (its
 * output folder first on the class path, not cleaned): javac before JDK 23 crashes on such a record
 * when a processor generates it again (JDK-8332297). Quarry reports that instead, with what to do;
 * on a javac with the fix the build succeeds.
 */
class StaleRecordClassTest {
  @TempDir Path temp;

  @Test
  void aStaleRecordClassIsAClearErrorWhereJavacWouldCrash() throws Exception {
    Path project = temp.resolve("project");
    Files.createDirectories(project.resolve("migrations"));
    Files.createDirectories(project.resolve("queries"));
    Files.writeString(
        project.resolve("migrations/V1__users.sql"),
        "CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);\n");
    Files.writeString(
        project.resolve("queries/users.sql"),
        "-- name: FindUser :one\nSELECT id, email FROM users WHERE id = @id;\n");
    Path work = Files.createDirectories(temp.resolve("work"));
    List<String> options =
        List.of("-Aquarry.database=embedded", "-Aquarry.keepAlive=false", "-Aquarry.lock=auto");
    ChildJavac.Outcome first = new ChildJavac(project, work, options, Map.of()).run(180);
    assertEquals(0, first.exitCode(), first.output());
    String record;
    try (var sources = Files.list(work.resolve("generated/com/example/db"))) {
      record =
          sources
              .filter(
                  source -> {
                    try {
                      return Files.readString(source).contains("public record ");
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .map(source -> source.getFileName().toString().replace(".java", ""))
              .sorted()
              .findFirst()
              .orElseThrow();
    }
    assertTrue(
        Files.exists(work.resolve("classes/com/example/db/" + record + ".class")), first.output());

    // Again, the lock file answering, with the first build's classes on the class path.
    ChildJavac.Outcome again =
        new ChildJavac(project, work, options, Map.of()).withClassesOnClassPath().run(180);
    assertFalse(
        again.output().contains("An exception has occurred in the compiler"), again.output());
    if (Runtime.version().feature() < 23) {
      assertNotEquals(0, again.exitCode(), again.output());
      assertTrue(
          again.output().contains("the class file of the record com.example.db."), again.output());
      assertTrue(again.output().contains("JDK-8332297"), again.output());
    } else {
      assertEquals(0, again.exitCode(), again.output());
    }
  }
}
