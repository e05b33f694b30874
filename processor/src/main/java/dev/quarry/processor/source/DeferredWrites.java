package dev.quarry.processor.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The files a build writes into the project (the lock file, the schema snapshot, recorded queries,
 * the generation cache), held back instead of written while {@link #capture} runs on the calling
 * thread, and written later by {@link #apply}, in the same order. The build server's prepared
 * builds use it: a build run before javac asked for it must not touch the project, and its writes
 * happen only once a build with byte for byte the same inputs asks for its result. A rehearsal
 * ({@code Pipeline.rehearsal}) drops what it held back.
 *
 * <p>Only the thread that runs {@link #capture} is affected: the build's file writes all happen on
 * the thread that runs the pipeline.
 */
public final class DeferredWrites {
  private static final ThreadLocal<@Nullable DeferredWrites> CURRENT = new ThreadLocal<>();

  /** One held-back write. */
  @FunctionalInterface
  public interface Write {
    void run() throws IOException;
  }

  private final List<Write> writes = new ArrayList<>();

  /** Runs {@code work} with this thread's project writes held back in this object. */
  public <T> T capture(Supplier<T> work) {
    DeferredWrites previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return work.get();
    } finally {
      CURRENT.set(previous);
    }
  }

  /**
   * Holds {@code write} back when this thread is capturing and returns true; otherwise returns
   * false and the caller writes now. {@code write} is run later on a thread that is not capturing,
   * so it may call the method that called this one.
   */
  public static boolean held(Write write) {
    DeferredWrites current = CURRENT.get();
    if (current == null) {
      return false;
    }
    current.writes.add(write);
    return true;
  }

  /** How many writes are held back. */
  public int size() {
    return writes.size();
  }

  /** Writes what was held back, in order; stops at the first failure and throws it. */
  public void apply() throws IOException {
    for (Write write : writes) {
      write.run();
    }
  }
}
