package dev.quarry.processor.syntax;

import java.util.Arrays;

/**
 * Maps character positions in a rewritten SQL text back to offsets in the file it came from.
 *
 * <p>The rewritten text is a sequence of pieces, each either copied from the file unchanged or
 * replacing a token of the file (a parameter written differently). A position inside a copied piece
 * maps to the same position in the file; a position inside a replacement maps to the start of the
 * token it replaced.
 */
public final class OffsetMap {
  private final int[] textStarts;
  private final int[] fileStarts;
  private final boolean[] copied;
  private final int textLength;

  private OffsetMap(int[] textStarts, int[] fileStarts, boolean[] copied, int textLength) {
    this.textStarts = textStarts;
    this.fileStarts = fileStarts;
    this.copied = copied;
    this.textLength = textLength;
  }

  /** The file offset of a 0-based position in the rewritten text (clamped into it). */
  public int fileOffset(int textIndex) {
    if (textStarts.length == 0) {
      return 0;
    }
    int index = Math.max(0, Math.min(textIndex, textLength));
    int piece = Arrays.binarySearch(textStarts, index);
    if (piece < 0) {
      piece = -piece - 2;
    }
    // Equal starts happen for empty pieces: take the last piece starting here.
    while (piece + 1 < textStarts.length && textStarts[piece + 1] == index) {
      piece++;
    }
    piece = Math.max(0, piece);
    return copied[piece] ? fileStarts[piece] + (index - textStarts[piece]) : fileStarts[piece];
  }

  /** Builds a map while the rewritten text is appended piece by piece. */
  public static final class Builder {
    private int[] textStarts = new int[8];
    private int[] fileStarts = new int[8];
    private boolean[] copied = new boolean[8];
    private int count;
    private int textLength;

    /** Records that {@code length} characters copied from {@code fileOffset} were appended. */
    public Builder copied(int fileOffset, int length) {
      return add(fileOffset, length, true);
    }

    /**
     * Records that {@code length} characters replacing the token at {@code fileOffset} were
     * appended.
     */
    public Builder replaced(int fileOffset, int length) {
      return add(fileOffset, length, false);
    }

    private Builder add(int fileOffset, int length, boolean isCopy) {
      if (length == 0) {
        return this;
      }
      if (count == textStarts.length) {
        textStarts = Arrays.copyOf(textStarts, count * 2);
        fileStarts = Arrays.copyOf(fileStarts, count * 2);
        copied = Arrays.copyOf(copied, count * 2);
      }
      textStarts[count] = textLength;
      fileStarts[count] = fileOffset;
      copied[count] = isCopy;
      count++;
      textLength += length;
      return this;
    }

    public OffsetMap build() {
      return new OffsetMap(
          Arrays.copyOf(textStarts, count),
          Arrays.copyOf(fileStarts, count),
          Arrays.copyOf(copied, count),
          textLength);
    }
  }
}
