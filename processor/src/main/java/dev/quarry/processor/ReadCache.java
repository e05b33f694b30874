package dev.quarry.processor;

import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.dynamic.Plan;
import dev.quarry.processor.migration.Migration;
import dev.quarry.processor.query.QueryFile;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.syntax.ParsedQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What earlier builds in this JVM read, kept so that the next build reads again only the files that
 * changed: the edit loop changes one query file of many, and lexing, parsing and rewriting the
 * others again gives the same objects. Only the build server turns it on ({@link #enable}, from
 * {@code BuildServer.main}): a javac process runs one build, and a cache would only cost memory.
 *
 * <p>A query file's entry is found by its path and the path shown in messages, and used only when
 * the file's text is exactly the text it was made from; it holds the {@link QueryFile}, the
 * queries' {@link ParsedQuery parsed forms} and {@link Plan plans}, and what reading and rewriting
 * the file reported, which a build that uses the entry reports again in the same places, so it
 * reports exactly what reading the file would. The migrations are one entry per project and
 * annotation: their order, format and checks depend on all of the files together, so the entry is
 * used only when every file under the migration paths (names and bytes, {@code atlas.sum} and other
 * files a format reads included) and the options that change how they are read are what they were.
 * The objects are immutable (records of immutable lists, or classes without setters), so builds
 * running at once may share them.
 *
 * <p>Bounded: the least recently used entries go beyond {@value #MAX_QUERY_FILES} query files and
 * {@value #MAX_MIGRATION_SETS} migration sets.
 */
final class ReadCache {
  static final int MAX_QUERY_FILES = 256;
  static final int MAX_MIGRATION_SETS = 16;

  /** Beyond these, the migration files are read each time rather than hashed for a key. */
  private static final int MAX_MIGRATION_FILES = 5_000;

  private static final long MAX_MIGRATION_BYTES = 64L * 1024 * 1024;

  private static volatile @Nullable ReadCache shared;

  private final Map<String, QueryFileRead> queryFiles = lru(MAX_QUERY_FILES);
  private final Map<String, MigrationsRead> migrations = lru(MAX_MIGRATION_SETS);
  private int hits;

  /** Turns the cache on for every later build in this JVM (the build server's). */
  static void enable() {
    if (shared == null) {
      shared = new ReadCache();
    }
  }

  /** The JVM's cache, or null when it is off (in a javac process). */
  static @Nullable ReadCache shared() {
    return shared;
  }

  /**
   * What reading one query file gave: the file, its queries' parsed forms and plans in file order,
   * and what reading ({@code readDiagnostics}) and rewriting ({@code rewriteDiagnostics}) it
   * reported: the two are reported apart, as the duplicate-name check across files comes between.
   */
  record QueryFileRead(
      QueryFile file,
      List<Diagnostic> readDiagnostics,
      List<ParsedQuery> parsed,
      List<Plan> plans,
      int variantCount,
      List<Diagnostic> rewriteDiagnostics) {
    QueryFileRead {
      readDiagnostics = List.copyOf(readDiagnostics);
      parsed = List.copyOf(parsed);
      plans = List.copyOf(plans);
      rewriteDiagnostics = List.copyOf(rewriteDiagnostics);
    }
  }

  /** The migrations read from a set of files, and what reading them reported, in order. */
  record MigrationsRead(List<Migration> migrations, List<Diagnostic> diagnostics) {
    MigrationsRead {
      migrations = List.copyOf(migrations);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** The earlier read of {@code file}, when it was made from exactly this path and text. */
  synchronized @Nullable QueryFileRead queryFile(SourceFile file) {
    QueryFileRead read = queryFiles.get(queryKey(file));
    if (read == null) {
      return null;
    }
    SourceFile earlier = read.file().file();
    if (!earlier.text().equals(file.text()) || !earlier.path().equals(file.path())) {
      return null;
    }
    hits++;
    return read;
  }

  /** How many query files and migration sets builds took from the cache (for tests). */
  synchronized int hits() {
    return hits;
  }

  synchronized void storeQueryFile(QueryFileRead read) {
    queryFiles.put(queryKey(read.file().file()), read);
  }

  private static String queryKey(SourceFile file) {
    return file.path() + "\u0000" + file.displayPath();
  }

  synchronized @Nullable MigrationsRead migrations(String key) {
    MigrationsRead read = migrations.get(key);
    if (read != null) {
      hits++;
    }
    return read;
  }

  synchronized void storeMigrations(String key, MigrationsRead read) {
    migrations.put(key, read);
  }

  /**
   * The key of the migrations as they are now: the project folder, the options that change how the
   * files are read ({@code parts}), and, for each migration path, every file under it (a folder,
   * all of it: formats read {@code atlas.sum} and metadata files besides the {@code .sql} files) or
   * the file and the {@code atlas.sum} beside it, each by path and bytes; a missing path as
   * missing. Null when a file cannot be read or there are too many: then the migrations are read as
   * without a cache, and that read reports the problem.
   */
  static @Nullable String migrationsKey(Path projectDir, List<String> entries, List<String> parts) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      return null;
    }
    int[] files = {0};
    long[] bytes = {0};
    try {
      add(digest, projectDir.toString());
      add(digest, Integer.toString(parts.size()));
      for (String part : parts) {
        add(digest, part);
      }
      add(digest, Integer.toString(entries.size()));
      for (String entry : entries) {
        add(digest, entry);
        Path path = projectDir.resolve(entry).normalize();
        List<Path> all = new ArrayList<>();
        if (Files.isDirectory(path)) {
          try (Stream<Path> walk = Files.walk(path, FileVisitOption.FOLLOW_LINKS)) {
            walk.forEach(all::add);
          }
          all.sort(Comparator.comparing(Path::toString));
        } else {
          all.add(path);
          Path parent = path.getParent();
          if (parent != null) {
            all.add(parent.resolve("atlas.sum"));
          }
        }
        add(digest, Integer.toString(all.size()));
        for (Path file : all) {
          add(digest, file.toString());
          if (Files.isRegularFile(file)) {
            byte[] content = Files.readAllBytes(file);
            files[0]++;
            bytes[0] += content.length;
            if (files[0] > MAX_MIGRATION_FILES || bytes[0] > MAX_MIGRATION_BYTES) {
              return null;
            }
            add(digest, content);
          } else if (Files.isDirectory(file)) {
            add(digest, "(folder)");
          } else if (Files.exists(file) || Files.isSymbolicLink(file)) {
            // A link that cannot be followed, a pipe: read as without a cache, which reports it.
            return null;
          } else {
            add(digest, "(missing)");
          }
        }
      }
    } catch (IOException | UncheckedIOException | InvalidPathException | SecurityException e) {
      return null;
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void add(MessageDigest digest, String part) {
    add(digest, part.getBytes(StandardCharsets.UTF_8));
  }

  /** One input, with its length first, so that "ab","c" and "a","bc" differ. */
  private static void add(MessageDigest digest, byte[] part) {
    digest.update(Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(part);
  }

  private static <V> Map<String, V> lru(int max) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > max;
      }
    };
  }
}
