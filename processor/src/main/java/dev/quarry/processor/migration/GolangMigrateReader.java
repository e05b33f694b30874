package dev.quarry.processor.migration;

import static dev.quarry.processor.migration.ReaderSupport.name;

import dev.quarry.processor.config.MigrationFormat;
import dev.quarry.processor.migration.ReaderSupport.Ordered;
import dev.quarry.processor.source.SourceFile;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * golang-migrate: {@code <n>_<name>.up.sql} ordered by {@code n}; {@code .down.sql} files are the
 * down parts.
 */
final class GolangMigrateReader implements FormatReader {
  static final Pattern FILE = Pattern.compile("([0-9]+)_(.+)\\.(up|down)\\.sql");

  private final ReaderSupport support;

  GolangMigrateReader(ReaderSupport support) {
    this.support = support;
  }

  @Override
  public @Nullable List<Migration> read(Map<Path, SourceFile> files) {
    Map<List<BigInteger>, List<Path>> versions = new LinkedHashMap<>();
    Map<List<BigInteger>, Path> downs = new LinkedHashMap<>();
    List<Ordered> ups = new ArrayList<>();
    List<Path> misfits = new ArrayList<>();
    for (Path file : files.keySet()) {
      Matcher m = FILE.matcher(name(file));
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
    if (support.reportMisfits(misfits, MigrationFormat.GOLANG_MIGRATE)
        | support.reportDuplicates(versions, "version")) {
      return null;
    }
    ups.sort(Comparator.comparing(Ordered::key, ReaderSupport::compareVersions));
    List<Migration> all = new ArrayList<>();
    for (Ordered o : ups) {
      Path downPath = downs.get(o.key());
      Migration down =
          downPath == null
              ? null
              : support.whole(
                  ReaderSupport.fileAt(files, downPath),
                  o.version(),
                  "down " + o.description(),
                  MigrationFormat.GOLANG_MIGRATE,
                  null,
                  Map.of());
      all.add(
          support.whole(
              ReaderSupport.fileAt(files, o.path()),
              o.version(),
              o.description(),
              MigrationFormat.GOLANG_MIGRATE,
              down,
              Map.of()));
    }
    return all;
  }
}
