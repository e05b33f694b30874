package dev.quarry.processor.source;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.diagnostics.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads migration and query files: resolves the paths a user configured against the project
 * directory, lists {@code .sql} files of directories, and decodes files as UTF-8 (a byte order mark
 * is dropped). Every problem becomes a diagnostic that says where Quarry looked.
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
   * The {@code .sql} files named by {@code entries} (paths relative to the project directory), in
   * the order given; a directory contributes its own {@code .sql} files (not those of
   * subdirectories), sorted by file name. {@code what} names the annotation attribute in messages
   * ("migrations", "queries").
   */
  public List<Path> sqlFiles(List<String> entries, String what) {
    List<Path> files = new ArrayList<>();
    if (entries.isEmpty()) {
      diagnostics.report(Message.PATHS_EMPTY, null, what);
    }
    for (String entry : entries) {
      Path path;
      try {
        path = projectDir.resolve(entry).normalize();
      } catch (InvalidPathException e) {
        diagnostics.report(Message.PATH_INVALID, null, what, entry, e.getReason());
        continue;
      }
      if (!Files.exists(path)) {
        Optional<String> link = brokenLink(path);
        if (link.isPresent()) {
          diagnostics.report(Message.PATH_BROKEN_LINK, null, what, entry, path, link.get());
        } else {
          diagnostics.report(Message.PATH_MISSING, null, what, entry, path, projectDir);
        }
      } else if (Files.isDirectory(path)) {
        try (Stream<Path> children = Files.list(path)) {
          List<Path> candidates =
              children
                  .filter(p -> p.getFileName().toString().endsWith(".sql"))
                  .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                  .toList();
          for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
              files.add(candidate);
            } else {
              // A .sql name that is not a readable file: never skip it silently, the user
              // meant it as a SQL file.
              diagnostics.report(
                  Message.SQL_NAME_NOT_A_FILE, null, display(candidate), notAFile(candidate, what));
            }
          }
          if (candidates.isEmpty()) {
            diagnostics.report(Message.DIRECTORY_WITHOUT_SQL, null, what, display(path), path);
          }
        } catch (IOException | UncheckedIOException e) {
          diagnostics.report(Message.DIRECTORY_UNLISTABLE, null, what, path, reason(e));
        }
      } else if (!Files.isRegularFile(path)) {
        diagnostics.report(Message.PATH_NOT_A_FILE, null, what, path, notAFile(path, what));
      } else {
        files.add(path);
      }
    }
    return files;
  }

  /**
   * Reports {@code candidate}, a {@code .sql} name in a listed folder that is not a readable file
   * (a link that loops or dangles, a folder), as {@link #sqlFiles} reports one.
   */
  public void reportNotAFile(Path candidate, String what) {
    diagnostics.report(
        Message.SQL_NAME_NOT_A_FILE, null, display(candidate), notAFile(candidate, what));
  }

  /** The file decoded as UTF-8, or empty (with an error reported) when it cannot be read. */
  public Optional<SourceFile> read(Path file) {
    String display = display(file);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      diagnostics.report(
          e instanceof AccessDeniedException
              ? Message.FILE_NOT_READABLE_FOR_BUILD
              : Message.FILE_UNREADABLE,
          new SourceLocation(display, 1, 1),
          reason(e));
      return Optional.empty();
    }
    return decode(file, bytes);
  }

  /**
   * The text of {@code bytes}, read from {@code file}, decoded as UTF-8 without a byte order mark;
   * empty, with an error at the offending byte or character, when they are not UTF-8 or hold a NUL
   * character.
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
      diagnostics.report(Message.FILE_NOT_UTF8, at, bytes[bad] & 0xFF);
      return Optional.empty();
    }
    SourceFile source = new SourceFile(file, display, withoutBom(text));
    int nul = source.text().indexOf('\0');
    if (nul >= 0) {
      // PostgreSQL cannot take a NUL in statement text (the driver fails with a protocol error).
      diagnostics.report(Message.FILE_HOLDS_NUL, source.locationOf(nul));
      return Optional.empty();
    }
    return Optional.of(source);
  }

  /**
   * What is wrong with a path that exists (or is a link) but is not a regular file, and what to do.
   */
  private String notAFile(Path path, String what) {
    Optional<String> link = brokenLink(path);
    if (link.isPresent()) {
      return link.get();
    }
    if (Files.isDirectory(path)) {
      return "is a directory, not a SQL file: Quarry reads the .sql files directly in the "
          + what
          + " directory, not in subdirectories; rename it, or move its files up";
    }
    return "is not a regular file (a named pipe, socket or device?): replace it with a SQL file";
  }

  /**
   * For a symbolic link that cannot be followed, why: a loop, or a target that does not exist.
   * Empty for anything else.
   */
  private static Optional<String> brokenLink(Path path) {
    if (!Files.isSymbolicLink(path) || Files.exists(path)) {
      return Optional.empty();
    }
    try {
      // Follows the link, and throws why it cannot.
      path.getFileSystem().provider().checkAccess(path);
      return Optional.empty();
    } catch (FileSystemException e) {
      String reason = e.getReason() == null ? "" : e.getReason();
      if (reason.toLowerCase(java.util.Locale.ROOT).contains("levels of symbolic links")) {
        return Optional.of(
            "is a symbolic link that loops (" + reason + "): point it at a real file");
      }
      String target;
      try {
        target = Files.readSymbolicLink(path).toString();
      } catch (IOException unreadable) {
        target = "?";
      }
      return Optional.of(
          "is a symbolic link to "
              + target
              + ", which does not exist: point it at a real file, or remove it");
    } catch (IOException e) {
      return Optional.of("is a symbolic link that cannot be followed (" + reason(e) + ")");
    }
  }

  /** An I/O failure as words, without the exception's class name. */
  private static String reason(Exception e) {
    Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : null;
    if (cause == null) {
      cause = e;
    }
    if (cause instanceof FileSystemException fs) {
      String reason = fs.getReason();
      if (cause instanceof AccessDeniedException) {
        reason = "permission denied";
      } else if (cause instanceof NoSuchFileException) {
        reason = "no such file";
      }
      return reason == null ? fs.getClass().getSimpleName() : reason;
    }
    return String.valueOf(cause.getMessage());
  }

  private static String withoutBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The path shown in messages: relative to the project directory when inside it. */
  public String display(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    String shown =
        absolute.startsWith(projectDir)
            ? projectDir.relativize(absolute).toString()
            : absolute.toString();
    return shown.replace('\\', '/');
  }

  /** The offset of the first byte that is not part of valid UTF-8. */
  private static int firstBadByte(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    return result.isError() ? Math.min(in.position(), bytes.length - 1) : 0;
  }
}
