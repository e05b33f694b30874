package dev.quarry.processor.migration;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.source.SourceReader;
import dev.quarry.processor.syntax.SqlLexer;
import java.math.BigInteger;
import java.nio.file.Files;
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
 * Reads migration files into the ordered list of migrations to apply. The format is detected from
 * the files (see {@link MigrationFormat}), or forced with {@code quarry.migrationFormat}:
 *
 * <ul>
 *   <li>Flyway: {@code V<version>__<description>.sql}, versions compared numerically part by part
 *       ({@code V2 < V10}, {@code V1.1 < V1.10}, {@code .} and {@code _} both separate parts,
 *       trailing zero parts do not count, as in Flyway); {@code R__<description>.sql} repeatable
 *       migrations come after all versioned ones, in description order; {@code U} undo files are
 *       the down parts of the versions they name. {@code ${name}} placeholders are substituted from
 *       {@code quarry.placeholders}.
 *   <li>golang-migrate: {@code <n>_<name>.up.sql} ordered by {@code n}; {@code .down.sql} files are
 *       the down parts.
 *   <li>goose, dbmate, sql-migrate: {@code <version>_<name>.sql} holding up and down sections
 *       marked by comments, ordered by version.
 *   <li>tern: {@code <n>_<name>.sql}, up above {@code ---- create above / drop below ----},
 *       numbered 1, 2, 3 without gaps.
 *   <li>Atlas: a directory with {@code atlas.sum}, files in name order; the checksums are verified
 *       as Atlas verifies them.
 *   <li>Liquibase formatted SQL: each {@code --changeset} is a migration; files in name order.
 *   <li>plain: every {@code .sql} file, in file name order.
 * </ul>
 *
 * Mixed formats, duplicate versions and files that do not fit the format are errors naming the
 * files; no migrations are returned then, since applying a wrongly ordered schema would only
 * produce misleading errors later.
 */
public final class MigrationReader {
  private static final Pattern FLYWAY_VERSIONED =
      Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__(.*)\\.sql");
  private static final Pattern FLYWAY_UNDO =
      Pattern.compile("U([0-9]+(?:[._][0-9]+)*)__(.*)\\.sql");
  private static final Pattern FLYWAY_REPEATABLE = Pattern.compile("R__(.+)\\.sql");
  private static final Pattern GOLANG_MIGRATE = Pattern.compile("([0-9]+)_(.+)\\.(up|down)\\.sql");
  // goose, dbmate, tern and Atlas: a number, then an optional name.
  private static final Pattern NUMBERED = Pattern.compile("([0-9]+)(?:_(.*))?\\.sql");
  // sql-migrate sorts by a leading number when there is one, else by name.
  private static final Pattern LEADING_NUMBER = Pattern.compile("([0-9]+).*");
  // Flyway's built-in placeholders that have a fixed meaning on the scratch database.
  private static final Map<String, String> FLYWAY_BUILT_INS =
      Map.of("flyway:defaultSchema", "public", "flyway:table", "flyway_schema_history");
  private static final String ATLAS_SUM = "atlas.sum";

  private final SourceReader sources;
  private final Diagnostics diagnostics;
  private final @Nullable MigrationFormat forced;
  private final Map<String, String> placeholders;

  public MigrationReader(SourceReader sources, Diagnostics diagnostics) {
    this(sources, diagnostics, null, Map.of());
  }

  /**
   * @param forced the format to read the files as ({@code quarry.migrationFormat}), or null to
   *     detect it
   * @param placeholders Flyway placeholder values ({@code quarry.placeholders})
   */
  public MigrationReader(
      SourceReader sources,
      Diagnostics diagnostics,
      @Nullable MigrationFormat forced,
      Map<String, String> placeholders) {
    this.sources = sources;
    this.diagnostics = diagnostics;
    this.forced = forced;
    Map<String, String> all = new LinkedHashMap<>(FLYWAY_BUILT_INS);
    all.putAll(placeholders);
    this.placeholders = Map.copyOf(all);
  }

  /**
   * The migrations found under {@code entries} (files or folders relative to the project directory,
   * as in {@code @GenerateQueries(migrations = ...)}), in the order to apply them.
   */
  public List<Migration> read(List<String> entries) {
    return readFiles(sources.sqlFiles(entries, "migrations"));
  }

  /** The migrations among {@code files}, in the order to apply them. */
  public List<Migration> readFiles(List<Path> files) {
    if (files.isEmpty()) {
      return List.of();
    }
    Map<Path, SourceFile> read = new LinkedHashMap<>();
    for (Path file : files) {
      sources.read(file).ifPresent(f -> read.put(file, f)); // SourceReader reported a failure.
    }
    if (read.size() < files.size()) {
      return List.of();
    }
    Optional<MigrationFormat> format = forced != null ? Optional.of(forced) : detect(read);
    if (format.isEmpty()) {
      return List.of();
    }
    @Nullable List<Migration> migrations =
        switch (format.get()) {
          case FLYWAY -> flyway(read);
          case GOLANG_MIGRATE -> golangMigrate(read);
          case PLAIN -> plain(read);
          case LIQUIBASE -> byName(read, MigrationFormat.LIQUIBASE);
          case ATLAS -> atlas(read);
          case SQL_MIGRATE -> sqlMigrate(read);
          case GOOSE, DBMATE, TERN -> numbered(read, format.get());
        };
    return migrations == null ? List.of() : migrations;
  }

  /** The format a single file suggests by its markers or its name; PLAIN when nothing. */
  static MigrationFormat formatOf(String name, SourceFile file) {
    MigrationFormat marked = MigrationSections.markedFormat(file);
    if (marked != null) {
      return marked;
    }
    return formatOf(name);
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

  private Optional<MigrationFormat> detect(Map<Path, SourceFile> files) {
    Map<MigrationFormat, List<Path>> byFormat = new EnumMap<>(MigrationFormat.class);
    for (Map.Entry<Path, SourceFile> e : files.entrySet()) {
      byFormat
          .computeIfAbsent(formatOf(name(e.getKey()), e.getValue()), f -> new ArrayList<>())
          .add(e.getKey());
    }
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
          "migration files mix formats: "
              + kinds
              + "; Quarry cannot tell their order or their up parts, so convert them to one format"
              + " (or force one with -Aquarry.migrationFormat="
              + named.get(0).optionName()
              + ")");
      return Optional.empty();
    }
    if (named.isEmpty()) {
      boolean atlas =
          files.keySet().stream().anyMatch(p -> Files.isRegularFile(p.resolveSibling(ATLAS_SUM)));
      return Optional.of(atlas ? MigrationFormat.ATLAS : MigrationFormat.PLAIN);
    }
    MigrationFormat format = named.get(0);
    List<Path> misfits = byFormat.get(MigrationFormat.PLAIN);
    // tern files without a down part carry no marker; their numbered names are enough.
    if (misfits != null && format == MigrationFormat.TERN) {
      misfits = misfits.stream().filter(p -> !NUMBERED.matcher(name(p)).matches()).toList();
    }
    if (misfits != null && !misfits.isEmpty()) {
      diagnostics.error(
          Problem.MIGRATION_LAYOUT,
          null,
          "migration files "
              + list(byFormat.get(format))
              + " are in the "
              + format.displayName()
              + " format, but "
              + list(misfits)
              + (misfits.size() == 1 ? " does" : " do")
              + " not fit it; make "
              + (misfits.size() == 1 ? "it" : "them")
              + " "
              + format.pattern()
              + " or move "
              + (misfits.size() == 1 ? "it" : "them")
              + " out of the folder");
      return Optional.empty();
    }
    return Optional.of(format);
  }

  private @Nullable List<Migration> flyway(Map<Path, SourceFile> files) {
    Map<List<BigInteger>, List<Path>> versions = new LinkedHashMap<>();
    Map<List<BigInteger>, List<Path>> undoVersions = new LinkedHashMap<>();
    Map<String, List<Path>> repeatables = new LinkedHashMap<>();
    List<Ordered> versioned = new ArrayList<>();
    List<Ordered> repeatable = new ArrayList<>();
    List<Path> misfits = new ArrayList<>();
    for (Path file : files.keySet()) {
      String name = name(file);
      Matcher v = FLYWAY_VERSIONED.matcher(name);
      Matcher r = FLYWAY_REPEATABLE.matcher(name);
      Matcher u = FLYWAY_UNDO.matcher(name);
      if (v.matches()) {
        List<BigInteger> key = versionKey(v.group(1));
        versions.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
        versioned.add(new Ordered(file, v.group(1), v.group(2).replace('_', ' '), key));
      } else if (r.matches()) {
        String description = r.group(1).replace('_', ' ');
        repeatables.computeIfAbsent(description, k -> new ArrayList<>()).add(file);
        repeatable.add(new Ordered(file, "", description, List.of()));
      } else if (u.matches()) {
        undoVersions.computeIfAbsent(versionKey(u.group(1)), k -> new ArrayList<>()).add(file);
      } else {
        misfits.add(file);
      }
    }
    boolean problems = reportMisfits(misfits, MigrationFormat.FLYWAY);
    problems |= reportDuplicates(versions, "version");
    problems |= reportDuplicates(undoVersions, "undo version");
    problems |= reportDuplicates(repeatables, "repeatable migration");
    problems |= checkPlaceholders(files.values());
    if (problems) {
      return null;
    }
    versioned.sort(Comparator.comparing(Ordered::key, MigrationReader::compareVersions));
    repeatable.sort(Comparator.comparing(Ordered::description));
    List<Migration> all = new ArrayList<>();
    for (Ordered o : versioned) {
      List<Path> undo = undoVersions.get(o.key());
      Migration down =
          undo == null
              ? null
              : whole(
                  files.get(undo.get(0)),
                  o.version(),
                  "undo " + o.description(),
                  MigrationFormat.FLYWAY,
                  null,
                  placeholders);
      all.add(
          whole(
              files.get(o.path()),
              o.version(),
              o.description(),
              MigrationFormat.FLYWAY,
              down,
              placeholders));
    }
    for (Ordered o : repeatable) {
      all.add(
          whole(
              files.get(o.path()),
              o.version(),
              o.description(),
              MigrationFormat.FLYWAY,
              null,
              placeholders));
    }
    return all;
  }

  private @Nullable List<Migration> golangMigrate(Map<Path, SourceFile> files) {
    Map<List<BigInteger>, List<Path>> versions = new LinkedHashMap<>();
    Map<List<BigInteger>, Path> downs = new LinkedHashMap<>();
    List<Ordered> ups = new ArrayList<>();
    List<Path> misfits = new ArrayList<>();
    for (Path file : files.keySet()) {
      Matcher m = GOLANG_MIGRATE.matcher(name(file));
      if (!m.matches()) {
        misfits.add(file);
        continue;
      }
      List<BigInteger> key = List.of(new BigInteger(m.group(1)));
      if (m.group(3).equals("up")) {
        versions.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
        ups.add(new Ordered(file, m.group(1), m.group(2), key));
      } else {
        downs.put(key, file);
      }
    }
    if (reportMisfits(misfits, MigrationFormat.GOLANG_MIGRATE)
        | reportDuplicates(versions, "version")) {
      return null;
    }
    ups.sort(Comparator.comparing(Ordered::key, MigrationReader::compareVersions));
    List<Migration> all = new ArrayList<>();
    for (Ordered o : ups) {
      Path downPath = downs.get(o.key());
      Migration down =
          downPath == null
              ? null
              : whole(
                  files.get(downPath),
                  o.version(),
                  "down " + o.description(),
                  MigrationFormat.GOLANG_MIGRATE,
                  null,
                  Map.of());
      all.add(
          whole(
              files.get(o.path()),
              o.version(),
              o.description(),
              MigrationFormat.GOLANG_MIGRATE,
              down,
              Map.of()));
    }
    return all;
  }

  private static List<Migration> plain(Map<Path, SourceFile> files) {
    List<Ordered> all = new ArrayList<>();
    for (Path file : files.keySet()) {
      String name = name(file);
      all.add(
          new Ordered(file, name, name.substring(0, name.length() - ".sql".length()), List.of()));
    }
    // By file name, then by full path so that equal names in two folders keep a fixed order.
    all.sort(
        Comparator.comparing((Ordered o) -> name(o.path()))
            .thenComparing(o -> o.path().toString()));
    List<Migration> migrations = new ArrayList<>();
    for (Ordered o : all) {
      migrations.add(
          whole(
              files.get(o.path()),
              o.version(),
              o.description(),
              MigrationFormat.PLAIN,
              null,
              Map.of()));
    }
    return migrations;
  }

  /** goose, dbmate and tern: numbered files with sections, ordered by number. */
  private @Nullable List<Migration> numbered(Map<Path, SourceFile> files, MigrationFormat format) {
    Map<List<BigInteger>, List<Path>> versions = new LinkedHashMap<>();
    List<Ordered> ordered = new ArrayList<>();
    List<Path> misfits = new ArrayList<>();
    for (Path file : files.keySet()) {
      Matcher m = NUMBERED.matcher(name(file));
      if (!m.matches()) {
        misfits.add(file);
        continue;
      }
      List<BigInteger> key = List.of(new BigInteger(m.group(1)));
      versions.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
      ordered.add(
          new Ordered(
              file, m.group(1), m.group(2) == null ? "" : m.group(2).replace('_', ' '), key));
    }
    if (reportMisfits(misfits, format) | reportDuplicates(versions, "version")) {
      return null;
    }
    ordered.sort(Comparator.comparing(Ordered::key, MigrationReader::compareVersions));
    if (format == MigrationFormat.TERN && !checkTernSequence(ordered)) {
      return null;
    }
    return sectioned(ordered, files, format);
  }

  private @Nullable List<Migration> sqlMigrate(Map<Path, SourceFile> files) {
    List<Ordered> ordered = new ArrayList<>();
    for (Path file : files.keySet()) {
      String name = name(file);
      Matcher m = LEADING_NUMBER.matcher(name);
      List<BigInteger> key = m.matches() ? List.of(new BigInteger(m.group(1))) : List.of();
      ordered.add(new Ordered(file, name.substring(0, name.length() - ".sql".length()), name, key));
    }
    // As sql-migrate: numbered files by number first, then the rest by name.
    ordered.sort(
        Comparator.comparing((Ordered o) -> o.key().isEmpty())
            .thenComparing(Ordered::key, MigrationReader::compareVersions)
            .thenComparing(o -> name(o.path())));
    return sectioned(ordered, files, MigrationFormat.SQL_MIGRATE);
  }

  private @Nullable List<Migration> byName(Map<Path, SourceFile> files, MigrationFormat format) {
    List<Ordered> ordered = new ArrayList<>();
    for (Path file : files.keySet()) {
      String name = name(file);
      ordered.add(
          new Ordered(file, name, name.substring(0, name.length() - ".sql".length()), List.of()));
    }
    ordered.sort(
        Comparator.comparing((Ordered o) -> name(o.path()))
            .thenComparing(o -> o.path().toString()));
    return sectioned(ordered, files, format);
  }

  private @Nullable List<Migration> atlas(Map<Path, SourceFile> files) {
    Map<Path, List<Path>> byDirectory = new LinkedHashMap<>();
    for (Path file : files.keySet()) {
      byDirectory
          .computeIfAbsent(file.toAbsolutePath().getParent(), d -> new ArrayList<>())
          .add(file);
    }
    boolean verified = true;
    for (Map.Entry<Path, List<Path>> directory : byDirectory.entrySet()) {
      verified &=
          new AtlasSum(sources, diagnostics).verify(directory.getKey(), directory.getValue());
    }
    return verified ? byName(files, MigrationFormat.ATLAS) : null;
  }

  /** Migrations from each file's sections, in the given order. */
  private @Nullable List<Migration> sectioned(
      List<Ordered> ordered, Map<Path, SourceFile> files, MigrationFormat format) {
    List<Migration> migrations = new ArrayList<>();
    boolean problems = false;
    for (Ordered o : ordered) {
      SourceFile file = files.get(o.path());
      MigrationSections.Split split = MigrationSections.split(format, file);
      if (split.problem() != null) {
        diagnostics.error(
            Problem.MIGRATION_LAYOUT,
            file.start(),
            "this " + format.displayName() + " migration " + split.problem());
        problems = true;
        continue;
      }
      Migration down = null;
      if (split.down() != null) {
        MigrationSections.Part d = split.down();
        down =
            new Migration(
                file,
                o.version(),
                "down " + o.description(),
                SqlLexer.splitStatements(file.text(), d.from(), d.to()),
                format,
                d.transaction(),
                null,
                Map.of());
      }
      for (MigrationSections.Part up : split.ups()) {
        String version = up.label().isEmpty() ? o.version() : up.label();
        migrations.add(
            new Migration(
                file,
                version,
                o.description(),
                SqlLexer.splitStatements(file.text(), up.from(), up.to()),
                format,
                up.transaction(),
                down,
                Map.of()));
      }
    }
    return problems ? null : migrations;
  }

  private static Migration whole(
      SourceFile file,
      String version,
      String description,
      MigrationFormat format,
      @Nullable Migration down,
      Map<String, String> placeholders) {
    return new Migration(
        file,
        version,
        description,
        SqlLexer.splitStatements(file.text()),
        format,
        Migration.Transaction.AUTO,
        down,
        placeholders);
  }

  /** tern numbers migrations 1, 2, 3 ... and refuses gaps; so does Quarry, naming the gap. */
  private boolean checkTernSequence(List<Ordered> ordered) {
    for (int i = 0; i < ordered.size(); i++) {
      BigInteger expected = BigInteger.valueOf(i + 1L);
      BigInteger actual = ordered.get(i).key().get(0);
      if (!actual.equals(expected)) {
        diagnostics.error(
            Problem.MIGRATION_LAYOUT,
            null,
            "tern migration "
                + sources.display(ordered.get(i).path())
                + " has number "
                + actual
                + " but tern expects "
                + expected
                + " (migrations are numbered 1, 2, 3 ... without gaps);"
                + " renumber the files");
        return false;
      }
    }
    return true;
  }

  /** Reports every {@code ${name}} in a Flyway file that has no value; whether there was one. */
  private boolean checkPlaceholders(Iterable<SourceFile> files) {
    boolean any = false;
    for (SourceFile file : files) {
      Matcher m = Migration.PLACEHOLDER.matcher(file.text());
      while (m.find()) {
        if (!placeholders.containsKey(m.group(1))) {
          any = true;
          diagnostics.error(
              Problem.MIGRATION_LAYOUT,
              file.locationOf(m.start()),
              "Flyway placeholder "
                  + m.group()
                  + " has no value; pass one with -Aquarry.placeholders="
                  + m.group(1)
                  + "=<value> (comma-separated name=value pairs, as flyway.placeholders."
                  + m.group(1)
                  + " in Flyway's configuration)");
        }
      }
    }
    return any;
  }

  private boolean reportMisfits(List<Path> misfits, MigrationFormat format) {
    if (misfits.isEmpty()) {
      return false;
    }
    diagnostics.error(
        Problem.MIGRATION_LAYOUT,
        null,
        "migration files "
            + list(misfits)
            + (misfits.size() == 1 ? " does" : " do")
            + " not fit the "
            + format.displayName()
            + " format ("
            + format.pattern()
            + "); rename "
            + (misfits.size() == 1 ? "it" : "them")
            + " or move "
            + (misfits.size() == 1 ? "it" : "them")
            + " out of the folder");
    return true;
  }

  private <K> boolean reportDuplicates(Map<K, List<Path>> groups, String what) {
    boolean any = false;
    for (List<Path> group : groups.values()) {
      if (group.size() > 1) {
        any = true;
        diagnostics.error(
            Problem.MIGRATION_LAYOUT,
            null,
            "migration files "
                + list(group)
                + " have the same "
                + what
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
