package dev.quarry.processor.migration;

import dev.quarry.processor.config.MigrationFormat;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.source.SourceReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads migration files into the ordered list of migrations to apply. The format is detected from
 * the files ({@link FormatDetector}), or forced with {@code quarry.migrationFormat}; each format
 * has its own {@link FormatReader}:
 *
 * <ul>
 *   <li>Flyway: {@code V<version>__<description>.sql}, versions compared numerically part by part
 *       ({@code V2 < V10}, {@code V1.1 < V1.10}, {@code .} and {@code _} both separate parts,
 *       trailing zero parts do not count, as in Flyway); {@code R__<description>.sql} repeatable
 *       migrations come after all versioned ones, in description order; {@code U} undo files are
 *       the down parts of the versions they name. {@code ${name}} placeholders are substituted from
 *       {@code quarry.placeholders}.
 *   <li>golang-migrate: {@code <n>_<name>.up.sql} ordered by {@code n}; {@code .down.sql} files are
 *       the down parts.
 *   <li>goose, dbmate, sql-migrate: {@code <version>_<name>.sql} holding up and down sections
 *       marked by comments, ordered by version.
 *   <li>tern: {@code <n>_<name>.sql}, up above {@code ---- create above / drop below ----},
 *       numbered 1, 2, 3 without gaps.
 *   <li>Atlas: a directory with {@code atlas.sum}, files in name order; the checksums are verified
 *       as Atlas verifies them.
 *   <li>Liquibase formatted SQL: each {@code --changeset} is a migration; files in name order.
 *   <li>plain: every {@code .sql} file, in file name order.
 * </ul>
 *
 * Mixed formats, duplicate versions and files that do not fit the format are errors naming the
 * files; no migrations are returned then, since applying a wrongly ordered schema would only
 * produce misleading errors later.
 */
public final class MigrationReader {
  // Flyway's built-in placeholders that have a fixed meaning on the scratch database.
  private static final Map<String, String> FLYWAY_BUILT_INS =
      Map.of("flyway:defaultSchema", "public", "flyway:table", "flyway_schema_history");

  private final SourceReader sources;
  private final ReaderSupport support;
  private final @Nullable MigrationFormat forced;
  private final Map<String, String> placeholders;

  public MigrationReader(SourceReader sources, Diagnostics diagnostics) {
    this(sources, diagnostics, null, Map.of());
  }

  /**
   * @param forced the format to read the files as ({@code quarry.migrationFormat}), or null to
   *     detect it
   * @param placeholders Flyway placeholder values ({@code quarry.placeholders})
   */
  public MigrationReader(
      SourceReader sources,
      Diagnostics diagnostics,
      @Nullable MigrationFormat forced,
      Map<String, String> placeholders) {
    this.sources = sources;
    this.support = new ReaderSupport(sources, diagnostics);
    this.forced = forced;
    Map<String, String> all = new LinkedHashMap<>(FLYWAY_BUILT_INS);
    all.putAll(placeholders);
    this.placeholders = Map.copyOf(all);
  }

  /**
   * The migrations found under {@code entries} (files or folders relative to the project directory,
   * as in {@code @GenerateQueries(migrations = ...)}), in the order to apply them.
   */
  public List<Migration> read(List<String> entries) {
    return readFiles(new MigrationFiles(sources, support.diagnostics).list(entries));
  }

  /** The migrations among {@code files}, in the order to apply them. */
  public List<Migration> readFiles(List<Path> files) {
    if (files.isEmpty()) {
      return List.of();
    }
    Map<Path, SourceFile> read = new LinkedHashMap<>();
    for (Path file : files) {
      sources.read(file).ifPresent(f -> read.put(file, f)); // SourceReader reported a failure.
    }
    if (read.size() < files.size()) {
      return List.of();
    }
    Optional<MigrationFormat> format =
        forced != null ? Optional.of(forced) : new FormatDetector(support).detect(read);
    if (format.isEmpty()) {
      return List.of();
    }
    @Nullable List<Migration> migrations = readerFor(format.get()).read(read);
    return migrations == null || support.unsplittable() ? List.of() : migrations;
  }

  /** The reader of {@code format}'s files. */
  FormatReader readerFor(MigrationFormat format) {
    return switch (format) {
      case FLYWAY -> new FlywayReader(support, placeholders);
      case GOLANG_MIGRATE -> new GolangMigrateReader(support);
      case PLAIN -> new PlainReader(support);
      case PRISMA, DIESEL -> new FolderReader(support, format);
      case LIQUIBASE -> new ByNameReader(support, MigrationFormat.LIQUIBASE);
      case ATLAS -> new AtlasReader(support);
      case SQL_MIGRATE -> new SqlMigrateReader(support);
      case GOOSE, DBMATE, TERN -> new NumberedReader(support, format);
    };
  }
}
