package dev.quarry.processor.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes files the processor keeps in the user's source tree for the team to commit (the lock file,
 * the schema snapshot, recorded queries): never half-written, and untouched when the text is
 * already there, so timestamps stay put and incremental builds stay quiet. Files another process
 * reads as soon as they appear (a build's request to the build server) are written the same way.
 */
public final class CommittedFile {
  private CommittedFile() {}

  /**
   * Writes {@code text} to {@code target} through a temporary file in the same folder moved over
   * it, unless the file already holds exactly this text. Returns whether it changed.
   */
  public static boolean writeIfChanged(Path target, String text) throws IOException {
    return writeIfChanged(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** As {@link #writeIfChanged(Path, String)}, of {@code bytes}. */
  public static boolean writeIfChanged(Path target, byte[] bytes) throws IOException {
    if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
      return false;
    }
    if (DeferredWrites.held(() -> writeIfChanged(target, bytes))) {
      return true; // written when the held-back writes are applied
    }
    Path parent =
        Objects.requireNonNull(target.toAbsolutePath().getParent(), "a file has a parent");
    Files.createDirectories(parent);
    // Not Files.createTempFile: its owner-only permissions would end up on the committed file.
    // Unique per process and thread: builds of one JVM (mvn -T) may write the same file at once.
    Path temporary =
        parent.resolve(
            "."
                + target.getFileName()
                + "."
                + ProcessHandle.current().pid()
                + "."
                + Thread.currentThread().getId()
                + ".tmp");
    try {
      Files.write(temporary, bytes);
      try {
        Files.move(
            temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
    return true;
  }
}
