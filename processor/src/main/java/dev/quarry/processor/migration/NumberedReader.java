package dev.quarry.processor.migration;

import static dev.quarry.processor.migration.ReaderSupport.name;

import dev.quarry.processor.config.MigrationFormat;
import dev.quarry.processor.diagnostics.Message;
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
 * goose, dbmate and tern: {@code <version>_<name>.sql} files whose up and down parts are marked by
 * comments, ordered by version. tern also numbers them 1, 2, 3 without gaps.
 */
final class NumberedReader implements FormatReader {
  /** A number, then an optional name. */
  static final Pattern FILE = Pattern.compile("([0-9]+)(?:_(.*))?\\.sql");

  private final ReaderSupport support;
  private final MigrationFormat format;

  NumberedReader(ReaderSupport support, MigrationFormat format) {
    this.support = support;
    this.format = format;
  }

  @Override
  public @Nullable List<Migration> read(Map<Path, SourceFile> files) {
    Map<List<BigInteger>, List<Path>> versions = new LinkedHashMap<>();
    List<Ordered> ordered = new ArrayList<>();
    List<Path> misfits = new ArrayList<>();
    for (Path file : files.keySet()) {
      Matcher m = FILE.matcher(name(file));
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
    if (support.reportMisfits(misfits, format) | support.reportDuplicates(versions, "version")) {
      return null;
    }
    ordered.sort(Comparator.comparing(Ordered::key, ReaderSupport::compareVersions));
    if (format == MigrationFormat.TERN && !checkTernSequence(ordered)) {
      return null;
    }
    return support.sectioned(ordered, files, format);
  }

  /** tern numbers migrations 1, 2, 3 ... and refuses gaps; so does Quarry, naming the gap. */
  private boolean checkTernSequence(List<Ordered> ordered) {
    for (int i = 0; i < ordered.size(); i++) {
      BigInteger expected = BigInteger.valueOf(i + 1L);
      BigInteger actual = ordered.get(i).key().get(0);
      if (!actual.equals(expected)) {
        support.diagnostics.report(
            Message.TERN_NUMBER_GAP,
            null,
            support.sources.display(ordered.get(i).path()),
            actual,
            expected);
        return false;
      }
    }
    return true;
  }
}
