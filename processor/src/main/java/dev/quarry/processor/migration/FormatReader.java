package dev.quarry.processor.migration;

import dev.quarry.processor.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the files of one migration format into the ordered list of migrations to apply. One
 * implementation per format (or family of formats that share a layout); {@link FormatDetector}
 * picks the format, {@link MigrationReader} the reader.
 */
interface FormatReader {
  /**
   * The migrations among {@code files} (already read, keyed by path), in the order to apply them;
   * null when a file does not fit the format, after the problem has been reported naming it.
   */
  @Nullable List<Migration> read(Map<Path, SourceFile> files);
}
