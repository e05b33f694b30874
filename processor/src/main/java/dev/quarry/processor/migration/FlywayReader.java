package dev.quarry.processor.migration;

import static dev.quarry.processor.migration.ReaderSupport.name;
import static dev.quarry.processor.migration.ReaderSupport.versionKey;
import static dev.quarry.processor.migration.ReaderSupport.whole;

import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.migration.ReaderSupport.Ordered;
import dev.quarry.processor.source.SourceFile;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Flyway: {@code V<version>__<description>.sql} in version order, compared numerically part by part
 * ({@code V2 < V10}, {@code V1.1 < V1.10}, {@code .} and {@code _} both separate parts, trailing
 * zero parts do not count, as in Flyway); {@code R__<description>.sql} repeatable migrations after
 * all versioned ones, in description order; {@code U} undo files are the down parts of the versions
 * they name. {@code ${name}} placeholders are substituted from {@code quarry.placeholders}.
 */
final class FlywayReader implements FormatReader {
  static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__(.*)\\.sql");
  static final Pattern UNDO = Pattern.compile("U([0-9]+(?:[._][0-9]+)*)__(.*)\\.sql");
  static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");

  private final ReaderSupport support;
  private final Map<String, String> placeholders;

  FlywayReader(ReaderSupport support, Map<String, String> placeholders) {
    this.support = support;
    this.placeholders = placeholders;
  }

  /** Whether the file name is one of Flyway's. */
  static boolean matches(String name) {
    return VERSIONED.matcher(name).matches()
        || UNDO.matcher(name).matches()
        || REPEATABLE.matcher(name).matches();
  }

  @Override
  public @Nullable List<Migration> read(Map<Path, SourceFile> files) {
    Map<List<BigInteger>, List<Path>> versions = new LinkedHashMap<>();
    Map<List<BigInteger>, List<Path>> undoVersions = new LinkedHashMap<>();
    Map<String, List<Path>> repeatables = new LinkedHashMap<>();
    List<Ordered> versioned = new ArrayList<>();
    List<Ordered> repeatable = new ArrayList<>();
    List<Path> misfits = new ArrayList<>();
    for (Path file : files.keySet()) {
      String name = name(file);
      Matcher v = VERSIONED.matcher(name);
      Matcher r = REPEATABLE.matcher(name);
      Matcher u = UNDO.matcher(name);
      if (v.matches()) {
        List<BigInteger> key = versionKey(v.group(1));
        versions.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
        versioned.add(new Ordered(file, v.group(1), v.group(2).replace('_', ' '), key));
      } else if (r.matches()) {
        String description = r.group(1).replace('_', ' ');
        repeatables.computeIfAbsent(description, k -> new ArrayList<>()).add(file);
        repeatable.add(new Ordered(file, "", description, List.of()));
      } else if (u.matches()) {
        undoVersions.computeIfAbsent(versionKey(u.group(1)), k -> new ArrayList<>()).add(file);
      } else {
        misfits.add(file);
      }
    }
    boolean problems = support.reportMisfits(misfits, MigrationFormat.FLYWAY);
    problems |= support.reportDuplicates(versions, "version");
    problems |= support.reportDuplicates(undoVersions, "undo version");
    problems |= support.reportDuplicates(repeatables, "repeatable migration");
    problems |= checkPlaceholders(files.values());
    if (problems) {
      return null;
    }
    versioned.sort(Comparator.comparing(Ordered::key, ReaderSupport::compareVersions));
    repeatable.sort(Comparator.comparing(Ordered::description));
    List<Migration> all = new ArrayList<>();
    for (Ordered o : versioned) {
      List<Path> undo = undoVersions.get(o.key());
      Migration down =
          undo == null
              ? null
              : whole(
                  files.get(undo.get(0)),
                  o.version(),
                  "undo " + o.description(),
                  MigrationFormat.FLYWAY,
                  null,
                  placeholders);
      all.add(
          whole(
              files.get(o.path()),
              o.version(),
              o.description(),
              MigrationFormat.FLYWAY,
              down,
              placeholders));
    }
    for (Ordered o : repeatable) {
      all.add(
          whole(
              files.get(o.path()),
              o.version(),
              o.description(),
              MigrationFormat.FLYWAY,
              null,
              placeholders));
    }
    return all;
  }

  /** Reports every {@code ${name}} in a Flyway file that has no value; whether there was one. */
  private boolean checkPlaceholders(Iterable<SourceFile> files) {
    boolean any = false;
    for (SourceFile file : files) {
      Matcher m = Migration.PLACEHOLDER.matcher(file.text());
      while (m.find()) {
        if (!placeholders.containsKey(m.group(1))) {
          any = true;
          support.diagnostics.error(
              Problem.MIGRATION_LAYOUT,
              file.locationOf(m.start()),
              "Flyway placeholder "
                  + m.group()
                  + " has no value; pass one with -Aquarry.placeholders="
                  + m.group(1)
                  + "=<value> (comma-separated name=value pairs, as flyway.placeholders."
                  + m.group(1)
                  + " in Flyway's configuration)");
        }
      }
    }
    return any;
  }
}
