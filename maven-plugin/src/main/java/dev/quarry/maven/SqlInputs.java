package dev.quarry.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The SQL folders of a project as compile inputs: a fingerprint of every file in them (path and
 * content hash), kept between builds in a small text file, and the means to make the compiler
 * plugin recompile when the fingerprint changes.
 *
 * <p>maven-compiler-plugin only looks at Java sources and class-path jars to decide whether to run
 * javac, so an edited {@code .sql} file alone would leave stale generated code in place. When the
 * SQL inputs changed, every class file in the output directory is given the oldest possible
 * modification time: each Java source then counts as newer than its class, the compiler plugin's
 * own staleness rule recompiles the module, and the processor runs again. Nothing outside the
 * build's output directory is touched.
 */
final class SqlInputs {
  /** What a check found and did. */
  record Outcome(Kind kind, List<String> changes, int classesMarked) {}

  enum Kind {
    /** No record of an earlier build: recorded now; a first build compiles everything anyway. */
    FIRST_RUN,
    /** The SQL inputs are as the last build saw them. */
    UNCHANGED,
    /** Something changed: the module's classes were marked stale. */
    CHANGED
  }

  private static final FileTime OLDEST = FileTime.fromMillis(0);

  /**
   * The processor's lock file lives in the queries folder but is its output, not an input: the
   * build that writes it would otherwise make the next one recompile for nothing.
   */
  static final String LOCK_FILE = "quarry.lock";

  private SqlInputs() {}

  /**
   * Compares the files under {@code roots} with the record in {@code stateFile}, marks the class
   * files under {@code classes} stale when they differ, and writes the new record.
   */
  static Outcome check(List<Path> roots, Path classes, Path stateFile) throws IOException {
    Map<String, String> current = fingerprint(roots);
    Map<String, String> previous = Files.isRegularFile(stateFile) ? read(stateFile) : null;
    Outcome outcome;
    if (previous == null) {
      // No record: a build made before the plugin was added may have left classes generated
      // from other SQL, so they are marked stale too. A clean build has none to mark.
      int marked = markStale(classes);
      outcome = new Outcome(Kind.FIRST_RUN, List.of(), marked);
    } else if (previous.equals(current)) {
      outcome = new Outcome(Kind.UNCHANGED, List.of(), 0);
    } else {
      outcome = new Outcome(Kind.CHANGED, differences(previous, current), markStale(classes));
    }
    if (!current.equals(previous)) {
      write(stateFile, current);
    }
    return outcome;
  }

  /** Path (root index and relative path) to the SHA-256 of the file's bytes, sorted by path. */
  static Map<String, String> fingerprint(List<Path> roots) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    for (int i = 0; i < roots.size(); i++) {
      Path root = roots.get(i);
      String prefix = i + ":";
      if (!Files.isDirectory(root)) {
        entries.put(prefix, Files.exists(root) ? digest(root) : "missing");
        continue;
      }
      // Links are not followed into folders (a link loop cannot trap the walk); linked files are
      // read through the link. The processor reports what it cannot read.
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(Files::isRegularFile).toList();
      }
      for (Path file : files) {
        if (file.getFileName().toString().equals(LOCK_FILE)) {
          continue;
        }
        String relative = root.relativize(file).toString().replace('\\', '/');
        entries.put(prefix + relative, digest(file));
      }
    }
    return entries;
  }

  private static String digest(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      return "unreadable";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Gives every class file under {@code classes} the oldest time; returns how many. */
  private static int markStale(Path classes) throws IOException {
    if (!Files.isDirectory(classes)) {
      return 0;
    }
    List<Path> classFiles;
    try (Stream<Path> walk = Files.walk(classes)) {
      classFiles =
          walk.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p)).toList();
    }
    for (Path file : classFiles) {
      Files.setLastModifiedTime(file, OLDEST);
    }
    return classFiles.size();
  }

  private static List<String> differences(
      Map<String, String> previous, Map<String, String> current) {
    List<String> changes = new ArrayList<>();
    for (Map.Entry<String, String> entry : current.entrySet()) {
      String before = previous.get(entry.getKey());
      if (before == null) {
        changes.add("added " + entry.getKey());
      } else if (!before.equals(entry.getValue())) {
        changes.add("changed " + entry.getKey());
      }
    }
    for (String key : previous.keySet()) {
      if (!current.containsKey(key)) {
        changes.add("removed " + key);
      }
    }
    return changes;
  }

  private static Map<String, String> read(Path stateFile) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    for (String line : Files.readAllLines(stateFile, StandardCharsets.UTF_8)) {
      int space = line.indexOf(' ');
      if (space > 0) {
        entries.put(line.substring(space + 1), line.substring(0, space));
      }
    }
    return new TreeMap<>(entries);
  }

  private static void write(Path stateFile, Map<String, String> entries) throws IOException {
    StringBuilder text = new StringBuilder();
    entries.forEach((path, hash) -> text.append(hash).append(' ').append(path).append('\n'));
    Path parent = Objects.requireNonNull(stateFile.toAbsolutePath().getParent());
    Files.createDirectories(parent);
    Path temporary = Files.createTempFile(parent, "inputs", ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(
        temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
