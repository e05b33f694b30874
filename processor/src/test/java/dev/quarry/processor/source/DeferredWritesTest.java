package dev.quarry.processor.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeferredWritesTest {
  @TempDir Path temp;

  @Test
  void writesWhileCapturingWaitForApplyAndKeepTheirOrder() throws Exception {
    Path lock = temp.resolve("queries/quarry.lock");
    DeferredWrites writes = new DeferredWrites();
    boolean changed =
        writes.capture(
            () -> {
              try {
                CommittedFile.writeIfChanged(lock, "first\n");
                return CommittedFile.writeIfChanged(lock, "second\n");
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    assertTrue(changed, "says it would change the file, as the write would");
    assertFalse(Files.exists(lock), "nothing written while capturing");
    assertEquals(2, writes.size());
    writes.apply();
    assertEquals("second\n", Files.readString(lock));
  }

  @Test
  void aFileAlreadyHoldingTheTextIsNotAWrite() throws Exception {
    Path lock = temp.resolve("quarry.lock");
    Files.writeString(lock, "same\n");
    DeferredWrites writes = new DeferredWrites();
    boolean changed =
        writes.capture(
            () -> {
              try {
                return CommittedFile.writeIfChanged(lock, "same\n");
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    assertFalse(changed);
    assertEquals(0, writes.size());
  }

  @Test
  void onlyTheCapturingThreadIsHeldBack() throws Exception {
    Path other = temp.resolve("other.lock");
    DeferredWrites writes = new DeferredWrites();
    AtomicBoolean written = new AtomicBoolean();
    writes.capture(
        () -> {
          Thread thread =
              new Thread(
                  () -> {
                    try {
                      written.set(CommittedFile.writeIfChanged(other, "now\n"));
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  });
          thread.start();
          try {
            thread.join();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return null;
        });
    assertTrue(written.get());
    assertEquals("now\n", Files.readString(other));
    assertEquals(0, writes.size());
    // After capture, this thread writes at once again.
    assertTrue(CommittedFile.writeIfChanged(temp.resolve("after.lock"), "x"));
    assertTrue(Files.exists(temp.resolve("after.lock")));
  }
}
