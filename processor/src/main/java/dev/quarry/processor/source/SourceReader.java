package dev.quarry.processor.source;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads migration and query files: resolves the paths a user configured against the project
 * directory, lists {@code .sql} files of directories, and decodes files as UTF-8 (a byte order
 * mark is dropped). Every problem becomes a diagnostic that says where Quarry looked.
 */
public final class SourceReader {
  private final Path projectDir;
  private final Diagnostics diagnostics;

  public SourceReader(Path projectDir, Diagnostics diagnostics) {
    this.projectDir = projectDir.toAbsolutePath().normalize();
    this.diagnostics = diagnostics;
  }

  public Path projectDir() {
    return projectDir;
  }

  /**
   * The {@code .sql} files named by {@code entries} (paths relative to the project directory),
   * in the order given; a directory contributes its own {@code .sql} files (not those of
   * subdirectories), sorted by file name. {@code what} names the annotation attribute in
   * messages ("migrations", "queries").
   */
  public List<Path> sqlFiles(List<String> entries, String what) {
    List<Path> files = new ArrayList<>();
    if (entries.isEmpty()) {
      diagnostics.error(
          Problem.CONFIGURATION, null, "@GenerateQueries(" + what + " = ...) names no path");
    }
    for (String entry : entries) {
      Path path = projectDir.resolve(entry).normalize();
      if (!Files.exists(path)) {
        diagnostics.error(
            Problem.MISSING_FILE,
            null,
            what + " path \"" + entry + "\" does not exist: looked for " + path
                + " (relative to quarry.projectDir " + projectDir
                + "; set -Aquarry.projectDir or fix the path in @GenerateQueries)");
      } else if (Files.isDirectory(path)) {
        try (Stream<Path> children = Files.list(path)) {
          List<Path> sql =
              children
                  .filter(p -> p.getFileName().toString().endsWith(".sql"))
                  .filter(p -> Files.isRegularFile(p))
                  .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                  .toList();
          if (sql.isEmpty()) {
            diagnostics.error(
                Problem.MISSING_FILE,
                null,
                what + " directory " + display(path) + " holds no .sql files (looked in " + path + ")");
          }
          files.addAll(sql);
        } catch (IOException e) {
          diagnostics.error(
              Problem.MISSING_FILE, null, "cannot list " + what + " directory " + path + ": " + e.getMessage());
        }
      } else if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(path)) {
        diagnostics.error(
            Problem.MISSING_FILE, null, what + " path " + path + " is neither a file nor a directory");
      } else {
        files.add(path);
      }
    }
    return files;
  }

  /** The file decoded as UTF-8, or empty (with an error reported) when it cannot be read. */
  public Optional<SourceFile> read(Path file) {
    String display = display(file);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      diagnostics.error(
          Problem.MISSING_FILE, new SourceLocation(display, 1, 1), "cannot read the file: " + e);
      return Optional.empty();
    }
    return decode(file, bytes);
  }

  /**
   * The text of {@code bytes}, read from {@code file}, decoded as UTF-8 without a byte order
   * mark; empty, with an error at the offending byte or character, when they are not UTF-8 or
   * hold a NUL character.
   */
  public Optional<SourceFile> decode(Path file, byte[] bytes) {
    String display = display(file);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    try {
      text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int bad = firstBadByte(bytes);
      // The bytes before the bad one are valid UTF-8: its line and column are where it would
      // stand in that text, counted as everywhere else (CR, LF and CRLF lines; no BOM).
      String before = withoutBom(new String(bytes, 0, bad, StandardCharsets.UTF_8));
      SourceLocation at = new SourceFile(file, display, before).locationOf(before.length());
      diagnostics.error(
          Problem.NOT_TEXT,
          at,
          String.format(
              "the file is not valid UTF-8 (byte 0x%02X); save it as UTF-8", bytes[bad] & 0xFF));
      return Optional.empty();
    }
    SourceFile source = new SourceFile(file, display, withoutBom(text));
    int nul = source.text().indexOf('\0');
    if (nul >= 0) {
      // PostgreSQL cannot take a NUL in statement text (the driver fails with a protocol error).
      diagnostics.error(
          Problem.NOT_TEXT,
          source.locationOf(nul),
          "the file holds a NUL character (byte 0x00), which PostgreSQL does not accept in SQL; "
              + "remove it (is this a binary file?)");
      return Optional.empty();
    }
    return Optional.of(source);
  }

  private static String withoutBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The path shown in messages: relative to the project directory when inside it. */
  public String display(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    String shown = absolute.startsWith(projectDir) ? projectDir.relativize(absolute).toString() : absolute.toString();
    return shown.replace('\\', '/');
  }

  /** The offset of the first byte that is not part of valid UTF-8. */
  private static int firstBadByte(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    return result.isError() ? Math.min(in.position(), bytes.length - 1) : 0;
  }

}
