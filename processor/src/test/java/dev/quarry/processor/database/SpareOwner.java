package dev.quarry.processor.database;

import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in build server for {@link ScratchSparesTest}: runs one build on a cached schema with
 * spares on, prints the spare made after it ({@code spare <name>}) and waits to be killed.
 *
 * <pre>
 * java -cp ... dev.quarry.processor.database.SpareOwner URL SCHEMA-KEY LEASE-FOLDER
 * </pre>
 */
public final class SpareOwner {
  private SpareOwner() {}

  public static void main(String[] args) throws Exception {
    ScratchSpares.enable();
    KeptServers.Lease lease =
        new KeptServers.Lease(
            Path.of(args[2]),
            "spare-owner",
            new KeptServers.State("", 0, 5432, "", 0, 0, ""),
            false,
            List.of());
    ServerDatabase.start(args[0], args[1], null, lease).close();
    ScratchSpares spares = ScratchSpares.active();
    if (spares == null) {
      throw new IllegalStateException("spares are on");
    }
    spares.awaitIdle();
    System.out.println("spare " + spares.spareName().orElse("(none)"));
    System.out.flush();
    Thread.sleep(300_000);
  }
}
