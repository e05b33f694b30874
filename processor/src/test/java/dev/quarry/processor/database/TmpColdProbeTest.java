package dev.quarry.processor.database;

import dev.quarry.processor.ChildJavac;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TmpColdProbeTest {
  @Test
  void probe() throws Exception {
    Path river = Path.of("/work/shared/corpora/river");
    Path project = Path.of("/tmp/keep-probe2/project");
    if (!Files.exists(project)) {
      Files.createDirectories(project);
      new ProcessBuilder("cp", "-r", river.resolve("migrations").toString(), river.resolve("queries").toString(), project.toString()).inheritIO().start().waitFor();
    }
    Path keep = Path.of("/tmp/keep-probe2/keep-" + System.nanoTime());
    for (int i = 0; i < 4; i++) {
      Path work = Path.of("/tmp/keep-probe2/work-" + System.nanoTime());
      Files.createDirectories(work);
      List<String> opts = i == 3
          ? List.of("-Aquarry.database=embedded", "-Aquarry.timings=true", "-Aquarry.checks=lock-risk=off", "-Aquarry.lock=off", "-Aquarry.keepAlive=false")
          : List.of("-Aquarry.database=embedded", "-Aquarry.timings=true", "-Aquarry.checks=lock-risk=off", "-Aquarry.lock=off");
      ChildJavac.Outcome o = new ChildJavac(project, work, opts, Map.of()).withKeepDir(keep).run(300);
      System.out.println("PROBE run " + i + (i == 0 ? " (no kept server)" : i == 3 ? " (keepAlive=false)" : " (kept server, cached schema)") + " exit " + o.exitCode() + " wall " + o.millis() + " ms");
      o.output().lines().filter(l -> l.contains("timings")).forEach(l -> System.out.println("PROBE   " + l.replaceFirst("^.*Note: ", "")));
    }
    for (String name : KeptServers.names(keep)) {
      KeptServers.stop(keep, name, Duration.ofSeconds(5));
    }
  }
}
