package dev.quarry.processor.migration;

import static dev.quarry.processor.migration.ReaderSupport.name;
import static dev.quarry.processor.migration.ReaderSupport.stem;
import static dev.quarry.processor.migration.ReaderSupport.whole;

import dev.quarry.processor.migration.ReaderSupport.Ordered;
import dev.quarry.processor.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Plain folders: every {@code .sql} file, whole, in file name order. */
final class PlainReader implements FormatReader {
  @Override
  public List<Migration> read(Map<Path, SourceFile> files) {
    List<Ordered> all = new ArrayList<>();
    for (Path file : files.keySet()) {
      String name = name(file);
      all.add(new Ordered(file, name, stem(name), List.of()));
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
}
