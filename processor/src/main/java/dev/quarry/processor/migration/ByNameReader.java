package dev.quarry.processor.migration;

import static dev.quarry.processor.migration.ReaderSupport.name;
import static dev.quarry.processor.migration.ReaderSupport.stem;

import dev.quarry.processor.config.MigrationFormat;
import dev.quarry.processor.migration.ReaderSupport.Ordered;
import dev.quarry.processor.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Files in name order, each split into parts by its format's markers: Liquibase formatted SQL (each
 * {@code --changeset} a migration) and, after its checksums are verified, Atlas.
 */
final class ByNameReader implements FormatReader {
  private final ReaderSupport support;
  private final MigrationFormat format;

  ByNameReader(ReaderSupport support, MigrationFormat format) {
    this.support = support;
    this.format = format;
  }

  @Override
  public @Nullable List<Migration> read(Map<Path, SourceFile> files) {
    List<Ordered> ordered = new ArrayList<>();
    for (Path file : files.keySet()) {
      String name = name(file);
      ordered.add(new Ordered(file, name, stem(name), List.of()));
    }
    ordered.sort(
        Comparator.comparing((Ordered o) -> name(o.path()))
            .thenComparing(o -> o.path().toString()));
    return support.sectioned(ordered, files, format);
  }
}
