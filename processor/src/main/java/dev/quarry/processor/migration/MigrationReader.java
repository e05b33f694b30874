package dev.quarry.processor.migration;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.source.SourceReader;
import dev.quarry.processor.syntax.SqlLexer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads migration files into the ordered list of migrations to apply. The format is detected
 * from the file names (see {@link MigrationFormat}):
 *
 * <ul>
 *   <li>Flyway: {@code V<version>__<description>.sql}, versions compared numerically part by
 *       part ({@code V2 < V10}, {@code V1.1 < V1.10}, {@code .} and {@code _} both separate
 *       parts, trailing zero parts do not count, as in Flyway); {@code R__<description>.sql}
 *       repeatable migrations come after all versioned ones, in description order; {@code U}
 *       undo files are ignored.
 *   <li>golang-migrate: {@code <n>_<name>.up.sql} ordered by {@code n}; {@code .down.sql}
 *       files are ignored.
 *   <li>plain: every {@code .sql} file, in file name order.
 * </ul>
 *
 * Mixed formats, duplicate versions and names that do not fit the detected format are errors
 * naming the files; no migrations are returned then, since applying a wrongly ordered schema
 * would only produce misleading errors later.
 */
public final class MigrationReader {
  private static final Pattern FLYWAY_VERSIONED =
      Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__(.*)\\.sql");
  private static final Pattern FLYWAY_UNDO = Pattern.compile("U([0-9]+(?:[._][0-9]+)*)__(.*)\\.sql");
  private static final Pattern FLYWAY_REPEATABLE = Pattern.compile("R__(.+)\\.sql");
  private static final Pattern GOLANG_MIGRATE = Pattern.compile("([0-9]+)_(.+)\\.(up|down)\\.sql");

  private final SourceReader sources;
  private final Diagnostics diagnostics;

  public MigrationReader(SourceReader sources, Diagnostics diagnostics) {
    this.sources = sources;
    this.diagnostics = diagnostics;
  }

  /**
   * The migrations found under {@code entries} (files or folders relative to the project
   * directory, as in {@code @GenerateQueries(migrations = ...)}), in the order to apply them.
   */
  public List<Migration> read(List<String> entries) {
    return readFiles(sources.sqlFiles(entries, "migrations"));
  }

  /** The migrations among {@code files}, in the order to apply them. */
  public List<Migration> readFiles(List<Path> files) {
    if (files.isEmpty()) {
      return List.of();
    }
    Map<MigrationFormat, List<Path>> byFormat = new EnumMap<>(MigrationFormat.class);
    for (Path file : files) {
      byFormat.computeIfAbsent(formatOf(name(file)), f -> new ArrayList<>()).add(file);
    }
    Optional<MigrationFormat> format = detect(byFormat);
    if (format.isEmpty()) {
      return List.of();
    }
    @Nullable List<Ordered> ordered =
        switch (format.get()) {
          case FLYWAY -> flyway(files);
          case GOLANG_MIGRATE -> golangMigrate(files);
          case PLAIN -> plain(files);
        };
    if (ordered == null) {
      return List.of();
    }
    List<Migration> migrations = new ArrayList<>();
    for (Ordered o : ordered) {
      Optional<SourceFile> file = sources.read(o.path());
      if (file.isEmpty()) {
        continue; // SourceReader reported why.
      }
      migrations.add(
          new Migration(
              file.get(), o.version(), o.description(), SqlLexer.splitStatements(file.get().text())));
    }
    return migrations;
  }

  /** The format a single file name suggests. */
  static MigrationFormat formatOf(String name) {
    if (FLYWAY_VERSIONED.matcher(name).matches()
        || FLYWAY_UNDO.matcher(name).matches()
        || FLYWAY_REPEATABLE.matcher(name).matches()) {
      return MigrationFormat.FLYWAY;
    }
    if (GOLANG_MIGRATE.matcher(name).matches()) {
      return MigrationFormat.GOLANG_MIGRATE;
    }
    return MigrationFormat.PLAIN;
  }

  private Optional<MigrationFormat> detect(Map<MigrationFormat, List<Path>> byFormat) {
    List<MigrationFormat> named =
        byFormat.keySet().stream().filter(f -> f != MigrationFormat.PLAIN).toList();
    if (named.size() > 1) {
      String kinds =
          named.stream()
              .map(f -> f.displayName() + " (" + list(byFormat.get(f)) + ")")
              .collect(Collectors.joining(" and "));
      diagnostics.error(
          Problem.MIGRATION_LAYOUT,
          null,
          "migration files mix naming formats: " + kinds
              + "; Quarry cannot tell their order, so rename them to one format");
      return Optional.empty();
    }
    if (named.isEmpty()) {
      return Optional.of(MigrationFormat.PLAIN);
    }
    MigrationFormat format = named.get(0);
    List<Path> misfits = byFormat.get(MigrationFormat.PLAIN);
    if (misfits != null) {
      diagnostics.error(
          Problem.MIGRATION_LAYOUT,
          null,
          "migration files " + list(byFormat.get(format)) + " are named in the "
              + format.displayName() + " format, but " + list(misfits)
              + (misfits.size() == 1 ? " does" : " do") + " not fit it; rename "
              + (misfits.size() == 1 ? "it" : "them") + " to " + format.pattern()
              + " or move " + (misfits.size() == 1 ? "it" : "them") + " out of the folder");
      return Optional.empty();
    }
    return Optional.of(format);
  }

  private @Nullable List<Ordered> flyway(List<Path> files) {
    Map<List<BigInteger>, List<Path>> versions = new LinkedHashMap<>();
    Map<String, List<Path>> repeatables = new LinkedHashMap<>();
    List<Ordered> versioned = new ArrayList<>();
    List<Ordered> repeatable = new ArrayList<>();
    for (Path file : files) {
      String name = name(file);
      Matcher v = FLYWAY_VERSIONED.matcher(name);
      Matcher r = FLYWAY_REPEATABLE.matcher(name);
      if (v.matches()) {
        List<BigInteger> key = versionKey(v.group(1));
        versions.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
        versioned.add(new Ordered(file, v.group(1), v.group(2).replace('_', ' '), key));
      } else if (r.matches()) {
        String description = r.group(1).replace('_', ' ');
        repeatables.computeIfAbsent(description, k -> new ArrayList<>()).add(file);
        repeatable.add(new Ordered(file, "", description, List.of()));
      }
      // U (undo) files only matter for rolling back; the schema comes from the V files.
    }
    boolean duplicates = reportDuplicates(versions, "version");
    duplicates |= reportDuplicates(repeatables, "repeatable migration");
    if (duplicates) {
      return null;
    }
    versioned.sort(Comparator.comparing(Ordered::key, MigrationReader::compareVersions));
    repeatable.sort(Comparator.comparing(Ordered::description));
    List<Ordered> all = new ArrayList<>(versioned);
    all.addAll(repeatable);
    return all;
  }

  private @Nullable List<Ordered> golangMigrate(List<Path> files) {
    Map<List<BigInteger>, List<Path>> versions = new LinkedHashMap<>();
    List<Ordered> ups = new ArrayList<>();
    for (Path file : files) {
      Matcher m = GOLANG_MIGRATE.matcher(name(file));
      if (m.matches() && m.group(3).equals("up")) {
        List<BigInteger> key = List.of(new BigInteger(m.group(1)));
        versions.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
        ups.add(new Ordered(file, m.group(1), m.group(2), key));
      }
    }
    if (reportDuplicates(versions, "version")) {
      return null;
    }
    ups.sort(Comparator.comparing(Ordered::key, MigrationReader::compareVersions));
    return ups;
  }

  private static List<Ordered> plain(List<Path> files) {
    List<Ordered> all = new ArrayList<>();
    for (Path file : files) {
      String name = name(file);
      all.add(new Ordered(file, name, name.substring(0, name.length() - ".sql".length()), List.of()));
    }
    // By file name, then by full path so that equal names in two folders keep a fixed order.
    all.sort(Comparator.comparing((Ordered o) -> name(o.path())).thenComparing(o -> o.path().toString()));
    return all;
  }

  private <K> boolean reportDuplicates(Map<K, List<Path>> groups, String what) {
    boolean any = false;
    for (List<Path> group : groups.values()) {
      if (group.size() > 1) {
        any = true;
        diagnostics.error(
            Problem.MIGRATION_LAYOUT,
            null,
            "migration files " + list(group) + " have the same " + what
                + "; give each a distinct one so their order is clear");
      }
    }
    return any;
  }

  /** Version parts as numbers, without trailing zero parts (Flyway treats 1.0 as 1). */
  static List<BigInteger> versionKey(String version) {
    List<BigInteger> parts = new ArrayList<>();
    for (String part : version.split("[._]")) {
      parts.add(new BigInteger(part));
    }
    while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
      parts.remove(parts.size() - 1);
    }
    return List.copyOf(parts);
  }

  static int compareVersions(List<BigInteger> a, List<BigInteger> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
      BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
      int c = x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private String list(List<Path> files) {
    return files.stream().map(sources::display).collect(Collectors.joining(", "));
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }

  private record Ordered(Path path, String version, String description, List<BigInteger> key) {}
}
