package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.config.DatabaseChoice;
import dev.quarry.processor.database.DatabaseLauncher;
import dev.quarry.processor.database.SchemaDatabase;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.migration.Migration;
import dev.quarry.processor.migration.MigrationReader;
import dev.quarry.processor.migration.MigrationRunner;
import dev.quarry.processor.source.SourceReader;
import dev.quarry.processor.syntax.Token;
import dev.quarry.processor.syntax.TokenKind;
import dev.quarry.processor.syntax.TokenList;
import dev.quarry.processor.types.JavaNames;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds river's corpus twice: as it is, and as a Prisma-style project would write it, with every
 * table, column and type name quoted and PascalCase ({@code river_job.created_at} becomes {@code
 * "RiverJob"."CreatedAt"}) and every type moved to a schema of its own ({@code "Types"}). The
 * rename is done on tokens, in migrations and queries alike (function bodies too), for every name
 * the migrated schema holds. Both builds must give the same API: the same classes, the same method
 * signatures, the same record components (PascalCase names give the same Java names).
 */
@Tag("jdk-independent") // run once per CI run: see .ci/run
class RenamedCorpusTest {
  @TempDir Path work;

  @Test
  void quotedMixedCaseNamesAndAnotherSchemaGiveTheSameApi() throws Exception {
    Path river = ProductionCorporaTest.corpusRoot("river");
    Names names = names(river.resolve("migrations"));
    Path renamed = Files.createDirectories(work.resolve("renamed"));
    copyRenamed(river.resolve("migrations"), renamed.resolve("migrations"), names, true);
    copyRenamed(river.resolve("queries"), renamed.resolve("queries"), names, false);

    Map<String, String> original = api(build(river, "original"));
    Map<String, String> transformed = api(build(renamed, "renamed"));
    assertTrue(original.size() > 20, original::toString);
    assertEquals(original, transformed);
  }

  /**
   * The names in river's migrated schema: relations and columns, types, and functions (which keep
   * their names).
   */
  private record Names(
      Set<String> relations,
      Set<String> relationsAndColumns,
      Set<String> types,
      Set<String> functions,
      Map<String, String> sequences) {}

  private static Names names(Path migrations) throws Exception {
    Set<String> relations = new HashSet<>();
    Set<String> relationsAndColumns = new HashSet<>();
    Map<String, String> sequences = new TreeMap<>();
    Set<String> types = new HashSet<>();
    Set<String> functions = new HashSet<>();
    try (SchemaDatabase database = DatabaseLauncher.start(new DatabaseChoice.Embedded(), 17);
        Connection connection = database.connect()) {
      Diagnostics diagnostics = new Diagnostics();
      List<Migration> read =
          new MigrationReader(new SourceReader(migrations.getParent(), diagnostics), diagnostics)
              .read(List.of(migrations.toString()));
      assertTrue(
          new MigrationRunner(diagnostics).apply(connection, read).succeeded(),
          () -> diagnostics.all().toString());
      for (String[] row :
          rows(
              connection,
              "SELECT c.relname, a.attname FROM pg_class c"
                  + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0"
                  + " WHERE c.relnamespace = 'public'::regnamespace"
                  + " AND c.relkind IN ('r', 'p', 'v', 'm')")) {
        relations.add(row[0]);
        relationsAndColumns.add(row[0]);
        relationsAndColumns.add(row[1]);
      }
      // A serial column's sequence is named after the (renamed) table and column.
      for (String[] row :
          rows(
              connection,
              "SELECT s.relname, t.relname, a.attname FROM pg_depend d"
                  + " JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'"
                  + " JOIN pg_class t ON t.oid = d.refobjid"
                  + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid"
                  + " WHERE d.deptype IN ('a', 'i')")) {
        sequences.put(
            row[0], JavaNames.typeName(row[1]) + "_" + JavaNames.typeName(row[2]) + "_seq");
      }
      for (String[] row : rows(connection, "SELECT DISTINCT proname FROM pg_proc")) {
        functions.add(row[0]);
      }
      for (String[] row :
          rows(
              connection,
              "SELECT typname FROM pg_type WHERE typnamespace = 'public'::regnamespace"
                  + " AND typtype IN ('e', 'd') OR (typtype = 'c' AND typrelid IN"
                  + " (SELECT oid FROM pg_class WHERE relkind = 'c'"
                  + " AND relnamespace = 'public'::regnamespace))")) {
        types.add(row[0]);
      }
    }
    return new Names(relations, relationsAndColumns, types, functions, sequences);
  }

  private static List<String[]> rows(Connection connection, String sql) throws Exception {
    List<String[]> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
          row[i] = result.getString(i + 1);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static void copyRenamed(Path from, Path to, Names names, boolean migrations)
      throws Exception {
    Files.createDirectories(to);
    boolean first = true;
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.sorted().toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String renamed = rename(text, names);
        if (migrations && first && file.getFileName().toString().endsWith(".up.sql")) {
          renamed = "CREATE SCHEMA \"Types\";\n" + renamed;
          first = false;
        }
        Files.writeString(to.resolve(file.getFileName()), renamed, StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * Quotes and PascalCases every unquoted identifier that names a relation, column or type (not a
   * function the database has, followed by a parenthesis), and qualifies types with the schema
   * {@code "Types"}; dollar-quoted bodies are renamed the same way, and so are relations and
   * sequences named in strings ({@code to_regclass('river_migration')}).
   */
  static String rename(String text, Names names) {
    TokenList tokens = TokenList.of(text);
    StringBuilder out = new StringBuilder(text.length() + 256);
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      String raw = token.text(text);
      if (token.kind() == TokenKind.DOLLAR_STRING) {
        int tagEnd = raw.indexOf('$', 1) + 1;
        out.append(raw, 0, tagEnd)
            .append(rename(raw.substring(tagEnd, raw.length() - tagEnd), names))
            .append(raw, raw.length() - tagEnd, raw.length());
        continue;
      }
      if (token.kind() == TokenKind.STRING) {
        // A relation named in a string: to_regclass('river_migration'), nextval('..._seq').
        String value = tokens.stringValue(token);
        if (names.relations().contains(value)) {
          out.append("'\"").append(JavaNames.typeName(value)).append("\"'");
          continue;
        }
        if (names.sequences().containsKey(value)) {
          out.append("'\"").append(names.sequences().get(value)).append("\"'");
          continue;
        }
      }
      String name = raw.toLowerCase(java.util.Locale.ROOT);
      if (token.kind() != TokenKind.IDENTIFIER
          || (nextIsParenthesis(tokens, i) && names.functions().contains(name))) {
        out.append(raw);
        continue;
      }
      if (names.types().contains(name) && !names.relationsAndColumns().contains(name)) {
        out.append("\"Types\".\"").append(JavaNames.typeName(name)).append('"');
      } else if (names.relationsAndColumns().contains(name)) {
        out.append('"').append(JavaNames.typeName(name)).append('"');
      } else {
        out.append(raw);
      }
    }
    return out.toString();
  }

  private static boolean nextIsParenthesis(List<Token> tokens, int i) {
    for (int j = i + 1; j < tokens.size(); j++) {
      if (!tokens.get(j).trivia()) {
        return tokens.get(j).kind() == TokenKind.LEFT_PAREN;
      }
    }
    return false;
  }

  private static Compilation build(Path project, String name) throws Exception {
    Path folder = Files.createDirectories(project.resolveSibling(name + "-out"));
    List<String> options = new ArrayList<>(CompileCaseTest.options(folder));
    options.add("-parameters");
    options.add("-Aquarry.checks=lock-risk=off");
    Compilation compilation =
        CompileCaseTest.compileWith(
            options,
            project.resolve("migrations").toString(),
            project.resolve("queries").toString());
    assertEquals(
        Compilation.Status.SUCCESS, compilation.status(), () -> name + ": " + compilation.errors());
    return compilation;
  }

  /**
   * Every generated class's public methods and record components, by class name: the API a user
   * programs against.
   */
  private static Map<String, String> api(Compilation compilation) throws Exception {
    GeneratedClasses classes = new GeneratedClasses(compilation);
    Map<String, String> api = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      String className =
          path.substring(
                  path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(),
                  path.length() - ".class".length())
              .replace('/', '.');
      Class<?> type = classes.loadClass(className);
      StringBuilder description = new StringBuilder(classes.signatures(className).toString());
      if (type.isRecord()) {
        for (RecordComponent component : type.getRecordComponents()) {
          description
              .append(' ')
              .append(GeneratedClasses.simple(component.getGenericType().getTypeName()))
              .append(' ')
              .append(component.getName());
        }
      }
      if (type.isEnum()) {
        for (Object constant : type.getEnumConstants()) {
          description.append(' ').append(constant);
        }
      }
      api.put(className, description.toString());
    }
    return api;
  }
}
