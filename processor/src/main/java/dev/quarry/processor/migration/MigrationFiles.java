package dev.quarry.processor.migration;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.source.SourceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists the migration files of the {@code @GenerateQueries(migrations = ...)} entries, as the
 * migration tools list them:
 *
 * <ul>
 *   <li>a folder's own {@code .sql} files; hidden files (a name starting with {@code .}, such as
 *       editor swap and lock files) are left out, as every tool leaves them out;
 *   <li>one folder per migration (Prisma's {@code <timestamp>_<name>/migration.sql}, Diesel's
 *       {@code <version>_<name>/up.sql} and {@code down.sql}): those files of each subfolder;
 *   <li>Flyway files in nested subfolders, since Flyway scans its locations recursively; other
 *       tools (golang-migrate, goose, dbmate, sqlx, tern, ...) read only the folder itself, so the
 *       {@code .sql} files of other subfolders are not migrations and a note says so.
 * </ul>
 *
 * A folder holding nothing to read is an error naming it. Entries that are files are taken as they
 * are.
 */
final class MigrationFiles {
  /** The file of a migration folder, per layout. */
  static final String PRISMA_FILE = "migration.sql";

  static final String UP_FILE = "up.sql";
  static final String DOWN_FILE = "down.sql";
  private static final Set<String> FOLDER_FILES = Set.of(PRISMA_FILE, UP_FILE, DOWN_FILE);

  private final SourceReader sources;
  private final Diagnostics diagnostics;

  MigrationFiles(SourceReader sources, Diagnostics diagnostics) {
    this.sources = sources;
    this.diagnostics = diagnostics;
  }

  /** The migration files under {@code entries}; problems are reported. */
  List<Path> list(List<String> entries) {
    List<Path> files = new ArrayList<>();
    for (String entry : entries) {
      Path path;
      try {
        path = sources.projectDir().resolve(entry).normalize();
      } catch (InvalidPathException e) {
        path = null;
      }
      if (path != null && Files.isDirectory(path)) {
        files.addAll(folder(path));
      } else {
        // Files, missing paths and broken links: reported as for query files.
        files.addAll(sources.sqlFiles(List.of(entry), "migrations"));
      }
    }
    if (entries.isEmpty()) {
      files.addAll(sources.sqlFiles(entries, "migrations")); // reports the empty list
    }
    return files;
  }

  private List<Path> folder(Path folder) {
    List<Path> top = new ArrayList<>();
    List<Path> perMigration = new ArrayList<>();
    List<Path> nested = new ArrayList<>();
    try {
      for (Path child : children(folder)) {
        String name = child.getFileName().toString();
        if (hidden(name)) {
          continue;
        }
        if (Files.isDirectory(child)) {
          List<Path> own = folderFiles(child);
          if (!own.isEmpty()) {
            perMigration.addAll(own);
          } else {
            nested.addAll(walk(child, new HashSet<>(Set.of(folder.toRealPath()))));
          }
        } else if (name.endsWith(".sql")) {
          if (Files.isRegularFile(child)) {
            top.add(child);
          } else {
            sources.reportNotAFile(child, "migrations");
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      diagnostics.report(Message.MIGRATIONS_UNLISTABLE, null, folder, e.getMessage());
      return List.of();
    }
    List<Path> files = new ArrayList<>(top);
    files.addAll(perMigration);
    // Flyway reads its files from subfolders too (and, as it does, other files there are not
    // migrations): when the folder's own files are all Flyway's, so are the nested ones it reads.
    boolean flyway =
        perMigration.isEmpty()
            && top.stream().allMatch(p -> FlywayReader.isFlywayFile(p.getFileName().toString()))
            && Stream.concat(top.stream(), nested.stream())
                .anyMatch(p -> FlywayReader.matches(p.getFileName().toString()));
    if (flyway) {
      List<Path> notFlyway = new ArrayList<>();
      for (Path p : nested) {
        (FlywayReader.isFlywayFile(p.getFileName().toString()) ? files : notFlyway).add(p);
      }
      nested = notFlyway;
    }
    if (!nested.isEmpty() && !files.isEmpty()) {
      diagnostics.report(
          Message.MIGRATION_SUBFOLDERS_IGNORED, null, sources.display(folder), shown(nested));
    }
    if (files.isEmpty()) {
      if (nested.isEmpty()) {
        diagnostics.report(Message.MIGRATIONS_WITHOUT_SQL, null, sources.display(folder), folder);
      } else {
        diagnostics.report(
            Message.MIGRATIONS_ONLY_IN_SUBFOLDERS,
            null,
            sources.display(folder),
            folder,
            shown(nested));
      }
    }
    return files;
  }

  /** The {@code migration.sql}, {@code up.sql} and {@code down.sql} of a migration folder. */
  private static List<Path> folderFiles(Path folder) throws IOException {
    List<Path> own = new ArrayList<>();
    for (Path child : children(folder)) {
      if (FOLDER_FILES.contains(child.getFileName().toString()) && Files.isRegularFile(child)) {
        own.add(child);
      }
    }
    return own;
  }

  /**
   * Every non-hidden {@code .sql} file under {@code folder}, in path order; a folder reached again
   * through a symbolic link is not read twice (so a link loop cannot hang the build).
   */
  private static List<Path> walk(Path folder, Set<Path> visited) throws IOException {
    List<Path> files = new ArrayList<>();
    if (!visited.add(folder.toRealPath())) {
      return files;
    }
    for (Path child : children(folder)) {
      String name = child.getFileName().toString();
      if (hidden(name)) {
        continue;
      }
      if (Files.isDirectory(child)) {
        files.addAll(walk(child, visited));
      } else if (name.endsWith(".sql") && Files.isRegularFile(child)) {
        files.add(child);
      }
    }
    return files;
  }

  private static List<Path> children(Path folder) throws IOException {
    try (Stream<Path> children = Files.list(folder)) {
      return children.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    }
  }

  /** Hidden files and folders, editor swap and lock files ({@code .#x.sql}, {@code .x.sql.swp}). */
  private static boolean hidden(String name) {
    return name.startsWith(".") || name.endsWith("~") || name.startsWith("#");
  }

  private String shown(List<Path> files) {
    List<String> names = files.stream().limit(3).map(sources::display).toList();
    return String.join(", ", names) + (files.size() > 3 ? ", …" : "");
  }
}
