package dev.quarry.processor.migration;

import dev.quarry.processor.config.MigrationFormat;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One folder per migration, ordered by folder name (a timestamp or version comes first):
 *
 * <ul>
 *   <li>Prisma: {@code <timestamp>_<name>/migration.sql} (next to {@code migration_lock.toml}); the
 *       script runs as Prisma sends it, as one script;
 *   <li>Diesel and the like: {@code <version>_<name>/up.sql} with an optional {@code down.sql}; the
 *       migration runs in a transaction unless the folder's {@code metadata.toml} says {@code
 *       run_in_transaction = false}.
 * </ul>
 *
 * Other files in a migration folder are not migrations, as for those tools.
 */
final class FolderReader implements FormatReader {
  private static final Pattern NO_TRANSACTION =
      Pattern.compile("(?m)^\\s*run_in_transaction\\s*=\\s*false\\b");

  private final ReaderSupport support;
  private final MigrationFormat format;

  FolderReader(ReaderSupport support, MigrationFormat format) {
    this.support = support;
    this.format = format;
  }

  @Override
  public @Nullable List<Migration> read(Map<Path, SourceFile> files) {
    String upName =
        format == MigrationFormat.PRISMA ? MigrationFiles.PRISMA_FILE : MigrationFiles.UP_FILE;
    Map<Path, Path> ups = new LinkedHashMap<>();
    Map<Path, Path> downs = new LinkedHashMap<>();
    List<Path> misfits = new ArrayList<>();
    for (Path file : files.keySet()) {
      String name = ReaderSupport.name(file);
      Path folder = file.toAbsolutePath().getParent();
      if (name.equals(upName)) {
        ups.put(folder, file);
      } else if (format == MigrationFormat.DIESEL && name.equals(MigrationFiles.DOWN_FILE)) {
        downs.put(folder, file);
      } else {
        misfits.add(file);
      }
    }
    List<Path> downOnly =
        downs.keySet().stream().filter(f -> !ups.containsKey(f)).map(downs::get).toList();
    if (!downOnly.isEmpty()) {
      support.diagnostics.report(
          Message.MIGRATION_FOLDERS_WITHOUT_UP, null, support.list(downOnly));
      return null;
    }
    if (support.reportMisfits(misfits, format)) {
      return null;
    }
    List<Path> folders = new ArrayList<>(ups.keySet());
    folders.sort(Comparator.comparing((Path f) -> f.getFileName().toString()));
    List<Migration> migrations = new ArrayList<>();
    for (Path folder : folders) {
      String folderName = folder.getFileName().toString();
      int underscore = folderName.indexOf('_');
      String version = underscore < 0 ? folderName : folderName.substring(0, underscore);
      String description =
          underscore < 0 ? "" : folderName.substring(underscore + 1).replace('_', ' ');
      Migration.Transaction transaction = transaction(folder);
      Path downPath = downs.get(folder);
      Migration down =
          downPath == null
              ? null
              : withTransaction(
                  support.whole(
                      ReaderSupport.fileAt(files, downPath),
                      version,
                      "down " + description,
                      format,
                      null,
                      Map.of()),
                  transaction);
      migrations.add(
          withTransaction(
              support.whole(
                  ReaderSupport.fileAt(files, Objects.requireNonNull(ups.get(folder))),
                  version,
                  description,
                  format,
                  down,
                  Map.of()),
              transaction));
    }
    return migrations;
  }

  /** How the tool runs the folder's migration. */
  private Migration.Transaction transaction(Path folder) {
    if (format == MigrationFormat.PRISMA) {
      return Migration.Transaction.AUTO;
    }
    Path metadata = folder.resolve("metadata.toml");
    if (Files.isRegularFile(metadata)) {
      try {
        if (NO_TRANSACTION.matcher(Files.readString(metadata, StandardCharsets.UTF_8)).find()) {
          return Migration.Transaction.NONE;
        }
      } catch (IOException e) {
        support.diagnostics.report(
            Message.MIGRATION_METADATA_UNREADABLE,
            null,
            support.sources.display(metadata),
            e.getMessage());
      }
    }
    return Migration.Transaction.WRAPPED;
  }

  private static Migration withTransaction(Migration m, Migration.Transaction transaction) {
    return new Migration(
        m.file(),
        m.version(),
        m.description(),
        m.statements(),
        m.format(),
        transaction,
        m.down(),
        m.placeholders());
  }
}
