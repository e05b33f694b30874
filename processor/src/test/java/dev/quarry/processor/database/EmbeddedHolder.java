package dev.quarry.processor.database;

import java.nio.file.Path;

/**
 * A build stand-in for {@link StaleInstancesTest}: starts embedded PostgreSQL in the temp and cache
 * folders given as arguments, prints its folder, and waits to be killed.
 */
public final class EmbeddedHolder {
  private EmbeddedHolder() {}

  public static void main(String[] args) throws Exception {
    EmbeddedDatabase database =
        EmbeddedDatabase.start(
            17, EmbeddedHolder.class.getClassLoader(), Path.of(args[0]), Path.of(args[1]));
    System.out.println(
        "started " + database.directory() + " " + database.postmasterPid().orElseThrow());
    System.out.flush();
    Thread.sleep(600_000);
  }
}
