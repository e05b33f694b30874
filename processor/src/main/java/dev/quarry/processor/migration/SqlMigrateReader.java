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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * sql-migrate: {@code .sql} files with {@code -- +migrate Up} and {@code -- +migrate Down}; files
 * with a leading number first, by number, then the rest by name, as sql-migrate sorts them.
 */
final class SqlMigrateReader implements FormatReader {
  private static final Pattern LEADING_NUMBER = Pattern.compile("([0-9]+).*");

  private final ReaderSupport support;

  SqlMigrateReader(ReaderSupport support) {
    this.support = support;
  }

  @Override
  public @Nullable List<Migration> read(Map<Path, SourceFile> files) {
    List<Ordered> ordered = new ArrayList<>();
    for (Path file : files.keySet()) {
      String name = name(file);
      Matcher m = LEADING_NUMBER.matcher(name);
      List<BigInteger> key = m.matches() ? List.of(new BigInteger(m.group(1))) : List.of();
      ordered.add(new Ordered(file, stem(name), name, key));
    }
    ordered.sort(
        Comparator.comparing((Ordered o) -> o.key().isEmpty())
            .thenComparing(Ordered::key, ReaderSupport::compareVersions)
            .thenComparing(o -> name(o.path())));
    return support.sectioned(ordered, files, MigrationFormat.SQL_MIGRATE);
  }
}
