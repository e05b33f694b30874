package dev.quarry.processor.migration;

import static dev.quarry.processor.migration.ReaderSupport.name;
import static dev.quarry.processor.migration.ReaderSupport.stem;

import dev.quarry.processor.config.MigrationFormat;
import dev.quarry.processor.migration.ReaderSupport.Ordered;
import dev.quarry.processor.source.SourceFile;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain folders: every {@code .sql} file, whole. Files are applied in file name order, except when
 * every name starts with a number and an underscore ({@code 1_init.sql}, {@code 10_users.sql}, as
 * sqlx and golang-migrate-like folders name them): then by that number, so that {@code 2_} comes
 * before {@code 10_}. A {@code <name>.down.sql} file is never applied: it is the down part of
 * {@code <name>.up.sql} or {@code <name>.sql}.
 */
final class PlainReader implements FormatReader {
  private static final Pattern NUMBERED = Pattern.compile("([0-9]+)_.*");
  private static final String DOWN = ".down.sql";
  private static final String UP = ".up.sql";

  private final ReaderSupport support;

  PlainReader(ReaderSupport support) {
    this.support = support;
  }

  @Override
  public List<Migration> read(Map<Path, SourceFile> files) {
    List<Ordered> all = new ArrayList<>();
    Map<String, Path> downs = new HashMap<>();
    for (Path file : files.keySet()) {
      String name = name(file);
      if (name.endsWith(DOWN) && name.length() > DOWN.length()) {
        downs.put(
            file.resolveSibling(name.substring(0, name.length() - DOWN.length())).toString(), file);
        continue;
      }
      Matcher m = NUMBERED.matcher(name);
      all.add(
          new Ordered(
              file,
              name,
              stem(name),
              m.matches() ? List.of(new BigInteger(m.group(1))) : List.of()));
    }
    boolean numbered = all.stream().noneMatch(o -> o.key().isEmpty());
    // By number when all are numbered, then by file name, then by full path so that equal names
    // in two folders keep a fixed order.
    Comparator<Ordered> byName =
        Comparator.comparing((Ordered o) -> name(o.path())).thenComparing(o -> o.path().toString());
    all.sort(
        numbered
            ? Comparator.comparing(Ordered::key, ReaderSupport::compareVersions)
                .thenComparing(byName)
            : byName);
    List<Migration> migrations = new ArrayList<>();
    for (Ordered o : all) {
      String name = name(o.path());
      String base = name.endsWith(UP) ? name.substring(0, name.length() - UP.length()) : stem(name);
      Path downPath = downs.get(o.path().resolveSibling(base).toString());
      Migration down =
          downPath == null
              ? null
              : support.whole(
                  ReaderSupport.fileAt(files, downPath),
                  o.version(),
                  "down " + o.description(),
                  MigrationFormat.PLAIN,
                  null,
                  Map.of());
      migrations.add(
          support.whole(
              ReaderSupport.fileAt(files, o.path()),
              o.version(),
              o.description(),
              MigrationFormat.PLAIN,
              down,
              Map.of()));
    }
    return migrations;
  }
}
