package dev.quarry.processor.migration;

import dev.quarry.processor.config.MigrationFormat;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.source.SourceReader;
import dev.quarry.processor.syntax.StatementSpan;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What the format readers share: error reporting, version keys and building migrations. */
final class ReaderSupport {
  final SourceReader sources;
  final Diagnostics diagnostics;

  /** Whether a file could not be split into statements (the problem has been reported). */
  private boolean unsplittable;

  ReaderSupport(SourceReader sources, Diagnostics diagnostics) {
    this.sources = sources;
    this.diagnostics = diagnostics;
  }

  /** A file with the version, description and sort key its name gives. */
  record Ordered(Path path, String version, String description, List<BigInteger> key) {}

  /** Reports files that do not fit {@code format}; whether there were any. */
  boolean reportMisfits(List<Path> misfits, MigrationFormat format) {
    if (misfits.isEmpty()) {
      return false;
    }
    diagnostics.report(
        misfits.size() == 1 ? Message.MIGRATION_NAME_MISFIT : Message.MIGRATION_NAME_MISFITS,
        null,
        list(misfits),
        format.displayName(),
        format.pattern());
    return true;
  }

  /** Reports each group of more than one file under one key; whether there were any. */
  <K> boolean reportDuplicates(Map<K, List<Path>> groups, String what) {
    boolean any = false;
    for (List<Path> group : groups.values()) {
      if (group.size() > 1) {
        any = true;
        diagnostics.report(Message.MIGRATION_ORDER_AMBIGUOUS, null, list(group), what);
      }
    }
    return any;
  }

  /** Migrations from each file's sections, in the given order; null after a reported problem. */
  @Nullable List<Migration> sectioned(
      List<Ordered> ordered, Map<Path, SourceFile> files, MigrationFormat format) {
    List<Migration> migrations = new ArrayList<>();
    boolean problems = false;
    for (Ordered o : ordered) {
      SourceFile file = fileAt(files, o.path());
      MigrationSections.Split split = MigrationSections.split(format, file);
      if (split.problem() != null) {
        diagnostics.report(
            Message.MIGRATION_SECTIONS_INVALID,
            file.start(),
            format.displayName(),
            split.problem());
        problems = true;
        continue;
      }
      Migration down = null;
      if (split.down() != null) {
        MigrationSections.Part d = split.down();
        down =
            new Migration(
                file,
                o.version(),
                "down " + o.description(),
                statements(file, d.from(), d.to()),
                format,
                d.transaction(),
                null,
                Map.of());
      }
      for (MigrationSections.Part up : split.ups()) {
        String version = up.label().isEmpty() ? o.version() : up.label();
        migrations.add(
            new Migration(
                file,
                version,
                o.description(),
                statements(file, up.from(), up.to()),
                format,
                up.transaction(),
                down,
                Map.of()));
      }
    }
    return problems ? null : migrations;
  }

  /** Whether a file could not be split into statements; reported when it happened. */
  boolean unsplittable() {
    return unsplittable;
  }

  /** The statements of {@code file} in {@code [from, to)}, read as psql reads a script. */
  /** The file read at {@code path}: every path a reader orders or pairs was read first. */
  static SourceFile fileAt(Map<Path, SourceFile> files, Path path) {
    return Objects.requireNonNull(files.get(path), () -> "not read: " + path);
  }

  List<StatementSpan> statements(SourceFile file, int from, int to) {
    List<StatementSpan> statements = PsqlScript.statements(file, from, to, diagnostics);
    if (statements == null) {
      unsplittable = true;
      return List.of();
    }
    return statements;
  }

  /** A migration of the whole file, run as Flyway runs one. */
  Migration whole(
      SourceFile file,
      String version,
      String description,
      MigrationFormat format,
      @Nullable Migration down,
      Map<String, String> placeholders) {
    return new Migration(
        file,
        version,
        description,
        statements(file, 0, file.text().length()),
        format,
        Migration.Transaction.AUTO,
        down,
        placeholders);
  }

  /** Version parts as numbers, without trailing zero parts (Flyway treats 1.0 as 1). */
  static List<BigInteger> versionKey(String version) {
    List<BigInteger> parts = new ArrayList<>();
    for (String part : version.split("[._]")) {
      parts.add(new BigInteger(part));
    }
    while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
      parts.remove(parts.size() - 1);
    }
    return List.copyOf(parts);
  }

  static int compareVersions(List<BigInteger> a, List<BigInteger> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
      BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
      int c = x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  String list(List<Path> files) {
    return files.stream().map(sources::display).collect(Collectors.joining(", "));
  }

  static String name(Path file) {
    return file.getFileName().toString();
  }

  /** The file name without its {@code .sql} extension. */
  static String stem(String name) {
    return name.substring(0, name.length() - ".sql".length());
  }
}
