package dev.quarry.processor.migration;

import static dev.quarry.processor.migration.ReaderSupport.name;

import dev.quarry.processor.config.MigrationFormat;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks the format of a set of migration files from their names and marker comments. Files that
 * suggest two formats, or files that do not fit the one format the others suggest, are an error
 * naming the files and what to do; nothing is applied then.
 */
final class FormatDetector {
  private final ReaderSupport support;

  FormatDetector(ReaderSupport support) {
    this.support = support;
  }

  /** The format a single file suggests by its markers or its name; PLAIN when nothing. */
  static MigrationFormat formatOf(String name, SourceFile file) {
    if (name.equals(MigrationFiles.PRISMA_FILE)) {
      return MigrationFormat.PRISMA;
    }
    if (name.equals(MigrationFiles.UP_FILE) || name.equals(MigrationFiles.DOWN_FILE)) {
      return MigrationFormat.DIESEL;
    }
    MigrationFormat marked = MigrationSections.markedFormat(file);
    if (marked != null) {
      return marked;
    }
    return formatOf(name);
  }

  /** The format a single file name suggests. */
  static MigrationFormat formatOf(String name) {
    if (FlywayReader.matches(name)) {
      return MigrationFormat.FLYWAY;
    }
    if (GolangMigrateReader.FILE.matcher(name).matches()) {
      return MigrationFormat.GOLANG_MIGRATE;
    }
    return MigrationFormat.PLAIN;
  }

  /** The format of {@code files}, or empty after reporting why there is no single one. */
  Optional<MigrationFormat> detect(Map<Path, SourceFile> files) {
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
              .map(
                  f ->
                      f.displayName()
                          + " ("
                          + support.list(Objects.requireNonNull(byFormat.get(f)))
                          + ")")
              .collect(Collectors.joining(" and "));
      support.diagnostics.report(
          Message.MIGRATION_FORMATS_MIXED, null, kinds, named.get(0).optionName());
      return Optional.empty();
    }
    if (named.isEmpty()) {
      boolean atlas =
          files.keySet().stream()
              .anyMatch(p -> Files.isRegularFile(p.resolveSibling(AtlasReader.SUM_FILE)));
      return Optional.of(atlas ? MigrationFormat.ATLAS : MigrationFormat.PLAIN);
    }
    MigrationFormat format = named.get(0);
    List<Path> misfits = byFormat.get(MigrationFormat.PLAIN);
    // tern files without a down part carry no marker; their numbered names are enough.
    if (misfits != null && format == MigrationFormat.TERN) {
      misfits =
          misfits.stream().filter(p -> !NumberedReader.FILE.matcher(name(p)).matches()).toList();
    }
    // Flyway's SQL callbacks (beforeMigrate.sql, ...) belong to Flyway folders.
    if (misfits != null && format == MigrationFormat.FLYWAY) {
      misfits = misfits.stream().filter(p -> !FlywayReader.isCallback(name(p))).toList();
    }
    if (misfits != null && !misfits.isEmpty()) {
      support.diagnostics.report(
          misfits.size() == 1 ? Message.MIGRATION_FORMAT_MISFIT : Message.MIGRATION_FORMAT_MISFITS,
          null,
          support.list(Objects.requireNonNull(byFormat.get(format))),
          format.displayName(),
          support.list(misfits),
          format.pattern());
      return Optional.empty();
    }
    return Optional.of(format);
  }
}
