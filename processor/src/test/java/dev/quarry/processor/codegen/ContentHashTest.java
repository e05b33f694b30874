package dev.quarry.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentHashTest {
  /** Guava's MurmurHash3 x64 128-bit (seed 0) is the reference: same bytes, same hex. */
  private static String reference(byte[] bytes) {
    return Hashing.murmur3_128().hashBytes(bytes).toString();
  }

  @Test
  void matchesTheReferenceForEveryLengthAroundTheBlockSize() {
    Random random = new Random(42);
    for (int length = 0; length <= 80; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      assertEquals(reference(bytes), new ContentHash().update(bytes).hex(), "length " + length);
    }
    byte[] large = new byte[200_003];
    random.nextBytes(large);
    assertEquals(reference(large), new ContentHash().update(large).hex());
  }

  @Test
  void theSameBytesInAnyPiecesGiveTheSameHash() {
    Random random = new Random(7);
    byte[] bytes = new byte[1_000];
    random.nextBytes(bytes);
    String whole = reference(bytes);
    for (int trial = 0; trial < 200; trial++) {
      ContentHash hash = new ContentHash();
      int at = 0;
      while (at < bytes.length) {
        int piece = Math.min(bytes.length - at, random.nextInt(40));
        if (piece == 1 && random.nextBoolean()) {
          hash.update(bytes[at]);
        } else {
          hash.update(bytes, at, piece);
        }
        at += piece;
      }
      assertEquals(whole, hash.hex(), "trial " + trial);
    }
  }

  @Test
  void aTextIsHashedAsItsUtf8Bytes() {
    String text = "SELECT 'é' -- ünïcode ✓";
    assertEquals(reference(text.getBytes(StandardCharsets.UTF_8)), ContentHash.of(text));
    assertEquals(32, ContentHash.of("").length());
  }

  @Test
  void everyOneBitChangeChangesTheHash() {
    byte[] bytes = "CREATE TABLE t (id bigint primary key);\n".getBytes(StandardCharsets.UTF_8);
    Set<String> seen = new HashSet<>();
    seen.add(ContentHash.of(new String(bytes, StandardCharsets.UTF_8)));
    for (int i = 0; i < bytes.length * 8; i++) {
      byte[] flipped = bytes.clone();
      flipped[i / 8] ^= (byte) (1 << (i % 8));
      assertNotEquals(
          reference(bytes), new ContentHash().update(flipped).hex(), "bit " + i + " flipped");
      seen.add(new ContentHash().update(flipped).hex());
    }
    assertEquals(bytes.length * 8 + 1, seen.size());
  }
}
