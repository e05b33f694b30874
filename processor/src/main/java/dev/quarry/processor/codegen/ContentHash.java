package dev.quarry.processor.codegen;

import java.nio.charset.StandardCharsets;

/**
 * A 128-bit hash of a stream of bytes (MurmurHash3, x64 128-bit variant, seed 0: the same value as
 * Guava's {@code Hashing.murmur3_128()}), for telling whether the generation cache's inputs and
 * outputs changed.
 *
 * <p>It replaces SHA-256 there because of what SHA-256 costs where it matters most: a lock-fresh
 * build in a new javac JVM. {@code MessageDigest.getInstance} first loads and registers the JDK's
 * security providers (10 to 36 ms measured in javac's JVM, on the build's critical path), and
 * SHA-256 then runs interpreted until the JIT compiles it. This hash needs no provider, is a few
 * dozen lines of plain arithmetic, and is about ten times less work per byte. Its 128 bits make an
 * accidental collision between two versions of a project's files as unlikely as with SHA-256; it is
 * not meant to resist someone crafting a collision, which nobody who can edit the project's files
 * needs to do.
 */
public final class ContentHash {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private long h1;
  private long h2;
  private long length;

  /** Bytes not yet hashed: fewer than a 16-byte block. */
  private final byte[] tail = new byte[16];

  private int tailLength;

  /** The hash of {@code text}'s UTF-8 bytes, as 32 hexadecimal digits. */
  public static String of(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new ContentHash().update(bytes, 0, bytes.length).hex();
  }

  ContentHash update(byte value) {
    tail[tailLength++] = value;
    length++;
    if (tailLength == 16) {
      block(tail, 0);
      tailLength = 0;
    }
    return this;
  }

  ContentHash update(byte[] bytes) {
    return update(bytes, 0, bytes.length);
  }

  ContentHash update(byte[] bytes, int offset, int count) {
    int at = offset;
    int end = offset + count;
    length += count;
    if (tailLength > 0) {
      int take = Math.min(16 - tailLength, count);
      System.arraycopy(bytes, at, tail, tailLength, take);
      tailLength += take;
      at += take;
      if (tailLength < 16) {
        return this;
      }
      block(tail, 0);
      tailLength = 0;
    }
    for (; end - at >= 16; at += 16) {
      block(bytes, at);
    }
    System.arraycopy(bytes, at, tail, 0, end - at);
    tailLength = end - at;
    return this;
  }

  /** The 16 bytes of the hash (h1 then h2, little-endian) as 32 hexadecimal digits. */
  String hex() {
    long a = h1;
    long b = h2;
    long k1 = 0;
    long k2 = 0;
    for (int i = tailLength - 1; i >= 8; i--) {
      k2 = (k2 << 8) | (tail[i] & 0xffL);
    }
    for (int i = Math.min(tailLength, 8) - 1; i >= 0; i--) {
      k1 = (k1 << 8) | (tail[i] & 0xffL);
    }
    a ^= mixK1(k1);
    b ^= mixK2(k2);
    a ^= length;
    b ^= length;
    a += b;
    b += a;
    a = fmix(a);
    b = fmix(b);
    a += b;
    b += a;
    char[] out = new char[32];
    littleEndianHex(a, out, 0);
    littleEndianHex(b, out, 16);
    return new String(out);
  }

  private void block(byte[] bytes, int at) {
    long k1 = littleEndian(bytes, at);
    long k2 = littleEndian(bytes, at + 8);
    h1 ^= mixK1(k1);
    h1 = Long.rotateLeft(h1, 27);
    h1 += h2;
    h1 = h1 * 5 + 0x52dce729;
    h2 ^= mixK2(k2);
    h2 = Long.rotateLeft(h2, 31);
    h2 += h1;
    h2 = h2 * 5 + 0x38495ab5;
  }

  private static long littleEndian(byte[] bytes, int at) {
    return (bytes[at] & 0xffL)
        | (bytes[at + 1] & 0xffL) << 8
        | (bytes[at + 2] & 0xffL) << 16
        | (bytes[at + 3] & 0xffL) << 24
        | (bytes[at + 4] & 0xffL) << 32
        | (bytes[at + 5] & 0xffL) << 40
        | (bytes[at + 6] & 0xffL) << 48
        | (bytes[at + 7] & 0xffL) << 56;
  }

  private static long mixK1(long k1) {
    return Long.rotateLeft(k1 * C1, 31) * C2;
  }

  private static long mixK2(long k2) {
    return Long.rotateLeft(k2 * C2, 33) * C1;
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  private static void littleEndianHex(long value, char[] out, int at) {
    for (int i = 0; i < 8; i++) {
      int b = (int) (value >>> (8 * i)) & 0xff;
      out[at + 2 * i] = HEX[b >>> 4];
      out[at + 2 * i + 1] = HEX[b & 0xf];
    }
  }
}
