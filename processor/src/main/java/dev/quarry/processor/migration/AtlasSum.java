package dev.quarry.processor.migration;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.diagnostics.SourceLocation;
import dev.quarry.processor.source.SourceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies an Atlas migration directory's {@code atlas.sum} as {@code atlas migrate validate} does.
 * Atlas hashes the files in name order with one running SHA-256 over each file's name and bytes; a
 * file's line holds the running hash after that file, and the first line ({@code h1:}) a SHA-256
 * over every file's name and hash. A file edited or added after the sum was written makes Atlas
 * refuse the directory, so Quarry refuses it too rather than check a schema that production will
 * never get.
 */
final class AtlasSum {
  private final SourceReader sources;
  private final Diagnostics diagnostics;

  AtlasSum(SourceReader sources, Diagnostics diagnostics) {
    this.sources = sources;
    this.diagnostics = diagnostics;
  }

  /** Whether {@code directory}'s atlas.sum matches {@code files}; a mismatch has been reported. */
  boolean verify(Path directory, List<Path> files) {
    Path sumFile = directory.resolve("atlas.sum");
    String shown = sources.display(sumFile);
    if (!Files.isRegularFile(sumFile)) {
      diagnostics.report(Message.ATLAS_SUM_MISSING, null, sources.display(directory));
      return false;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(sumFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      diagnostics.report(Message.FILE_UNREADABLE_RAW, new SourceLocation(shown, 1, 1), e);
      return false;
    }
    Map<String, String> recorded = new LinkedHashMap<>();
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      int space = line.lastIndexOf(" h1:");
      if (space > 0) {
        recorded.put(line.substring(0, space), line.substring(space + 4).strip());
      }
    }
    String recordedTotal = lines.isEmpty() ? "" : lines.get(0).strip();
    List<Path> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(p -> p.getFileName().toString()));
    MessageDigest running = sha256();
    MessageDigest total = sha256();
    List<String> mismatched = new ArrayList<>();
    for (Path file : sorted) {
      String name = file.getFileName().toString();
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        diagnostics.report(
            Message.FILE_UNREADABLE_RAW, new SourceLocation(sources.display(file), 1, 1), e);
        return false;
      }
      running.update(name.getBytes(StandardCharsets.UTF_8));
      running.update(bytes);
      String hash = Base64.getEncoder().encodeToString(clone(running).digest());
      total.update(name.getBytes(StandardCharsets.UTF_8));
      total.update(hash.getBytes(StandardCharsets.UTF_8));
      String expected = recorded.remove(name);
      if (expected == null) {
        mismatched.add(name + " (not in atlas.sum)");
      } else if (!expected.equals(hash) && mismatched.isEmpty()) {
        // Later hashes chain on this one, so only the first differing file is the edited one.
        mismatched.add(name + " (changed)");
      }
    }
    recorded.keySet().forEach(name -> mismatched.add(name + " (in atlas.sum, but missing)"));
    String computedTotal = "h1:" + Base64.getEncoder().encodeToString(total.digest());
    if (mismatched.isEmpty() && computedTotal.equals(recordedTotal)) {
      return true;
    }
    diagnostics.report(
        Message.ATLAS_CHECKSUM_MISMATCH,
        new SourceLocation(shown, 1, 1),
        (mismatched.isEmpty()
            ? " (the directory sum differs)"
            : ": " + String.join(", ", mismatched)));
    return false;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static MessageDigest clone(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
  }
}
