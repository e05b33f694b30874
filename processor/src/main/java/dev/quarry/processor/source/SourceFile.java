package dev.quarry.processor.source;

import dev.quarry.processor.diagnostics.SourceLocation;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The text of one migration or query file, with the path shown to users and a line index for
 * turning character offsets into 1-based line and column numbers.
 *
 * <p>Columns count Unicode code points, so a tab or a multi-byte character is one column, which is
 * what editors show. A CRLF or CR line ending ends a line just like LF.
 */
public final class SourceFile {
  private final Path path;
  private final String displayPath;
  private final String text;
  private final int[] lineStarts;

  public SourceFile(Path path, String displayPath, String text) {
    this.path = Objects.requireNonNull(path);
    this.displayPath = Objects.requireNonNull(displayPath);
    this.text = Objects.requireNonNull(text);
    this.lineStarts = lineStarts(text);
  }

  /** The absolute path on disk. */
  public Path path() {
    return path;
  }

  /** The path shown in messages, relative to the project directory where possible. */
  public String displayPath() {
    return displayPath;
  }

  public String text() {
    return text;
  }

  /** The 1-based line of a character offset (clamped into the file). */
  public int lineOf(int offset) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    int index = Arrays.binarySearch(lineStarts, clamped);
    return index >= 0 ? index + 1 : -index - 1;
  }

  /** The 1-based column, in code points, of a character offset. */
  public int columnOf(int offset) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    int lineStart = lineStarts[lineOf(clamped) - 1];
    return text.codePointCount(lineStart, clamped) + 1;
  }

  /** The location of a character offset in this file. */
  public SourceLocation locationOf(int offset) {
    return new SourceLocation(displayPath, lineOf(offset), columnOf(offset));
  }

  /** The location of the first character of the file. */
  public SourceLocation start() {
    return new SourceLocation(displayPath, 1, 1);
  }

  /** The offset of the first character of a 1-based line. */
  public int offsetOfLine(int line) {
    return lineStarts[Math.max(0, Math.min(line, lineStarts.length) - 1)];
  }

  private static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineEnd =
          c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
      if (lineEnd) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  @Override
  public String toString() {
    return displayPath;
  }
}
