package dev.quarry.processor.migration;

import dev.quarry.processor.config.MigrationFormat;
import dev.quarry.processor.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Atlas: a directory with {@code atlas.sum}, files in name order; the checksums are verified as
 * Atlas verifies them ({@link AtlasSum}) before anything is read.
 */
final class AtlasReader implements FormatReader {
  static final String SUM_FILE = "atlas.sum";

  private final ReaderSupport support;

  AtlasReader(ReaderSupport support) {
    this.support = support;
  }

  @Override
  public @Nullable List<Migration> read(Map<Path, SourceFile> files) {
    Map<Path, List<Path>> byDirectory = new LinkedHashMap<>();
    for (Path file : files.keySet()) {
      byDirectory
          .computeIfAbsent(file.toAbsolutePath().getParent(), d -> new ArrayList<>())
          .add(file);
    }
    boolean verified = true;
    for (Map.Entry<Path, List<Path>> directory : byDirectory.entrySet()) {
      verified &=
          new AtlasSum(support.sources, support.diagnostics)
              .verify(directory.getKey(), directory.getValue());
    }
    return verified ? new ByNameReader(support, MigrationFormat.ATLAS).read(files) : null;
  }
}
