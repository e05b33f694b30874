package dev.quarry.processor.database;

import dev.quarry.processor.ChildJavac;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TmpTimingProbeTest {
  @Test
  void probe() throws Exception {
    Path river = Path.of("/work/shared/corpora/river");
    Path project = Path.of("/tmp/keep-probe/project");
    if (!Files.exists(project)) {
      Files.createDirectories(project);
      new ProcessBuilder("cp", "-r", river.resolve("migrations").toString(), river.resolve("queries").toString(), project.toString()).inheritIO().start().waitFor();
    }
    Path q = project.resolve("queries/river_queue.sql");
    String original = Files.readString(q);
    for (int i = 0; i < 4; i++) {
      Path work = Path.of("/tmp/keep-probe/work-" + System.nanoTime());
      Files.createDirectories(work);
      if (i == 3) {
        Files.writeString(q, original.replace("WHERE name = @name::text;", "WHERE name = @name::text AND paused_at IS NULL;"));
      }
      ChildJavac.Outcome o = new ChildJavac(project, work,
          List.of("-Aquarry.database=embedded", "-Aquarry.timings=true", "-Aquarry.checks=lock-risk=off",
              System.getProperty("probe.lock", "-Aquarry.lock=off")),
          Map.of("QUARRY_PROBE", "1")).run(300);
      System.out.println("PROBE run " + i + " exit " + o.exitCode() + " wall " + o.millis() + " ms");
      o.output().lines().filter(l -> l.contains("timings") || l.contains("PROBE") || l.contains("error")).limit(30).forEach(l -> System.out.println("PROBE   " + l));
    }
    Files.writeString(q, original);
  }
}
