package dev.quarry.processor.lock;

import dev.quarry.processor.lock.Resolution.MigrationStamp;
import dev.quarry.processor.lock.Resolution.SchemaStamp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Resolution} as the lock file's text and reads it back. The format is one fact a
 * line, a keyword and its values separated by spaces (a value with other characters than letters,
 * digits and {@code _ . : / + - [ ]} is written in double quotes with backslash escapes), entries
 * sorted by key, with {@code \n} line endings: the same resolution always gives the same bytes, and
 * a change to a query's parameters or columns is a one-line diff. Lines inside an entry are
 * indented for the reader; the parser does not rely on it.
 */
public final class LockFile {
  /** The lock file's name, in the folder of the annotation's first queries path. */
  public static final String NAME = "quarry.lock";

  private static final String MAGIC = "quarry-lock";
  private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_.:/+\\-\\[\\]]+");

  private LockFile() {}

  /** The text of the lock file for {@code resolution}. */
  public static String format(Resolution resolution) {
    StringBuilder out = new StringBuilder();
    out.append(
        "# Quarry lock file: what PostgreSQL reported for each query, so that builds need no database\n");
    out.append(
        "# while migrations and queries are unchanged. Written by the build; commit it, review its diff.\n");
    out.append(
        "# Refresh: build where a database is available (-Aquarry.lock=auto, the default).\n");
    out.append("# Check that it is up to date without a database: -Aquarry.lock=offline.\n");
    line(out, 0, MAGIC, String.valueOf(InputHashes.FORMAT));
    SchemaStamp schema = resolution.schema();
    if (schema.analyser() != null) {
      line(
          out,
          0,
          "analyser",
          schema.analyser().quarry(),
          "analysis",
          String.valueOf(schema.analyser().analysis()));
    }
    line(out, 0, "schema", schema.hash());
    line(out, 1, "postgres", String.valueOf(schema.postgresMajor()));
    for (MigrationStamp migration : schema.migrations()) {
      line(out, 1, "migration", migration.file(), migration.hash());
    }
    for (var entry : resolution.overrideTables().entrySet()) {
      line(out, 1, "override-table", entry.getKey(), entry.getValue());
    }
    List<ResolvedQuery> queries = new ArrayList<>(resolution.queries().values());
    queries.sort(Comparator.comparing(ResolvedQuery::file).thenComparing(ResolvedQuery::name));
    for (ResolvedQuery query : queries) {
      out.append('\n');
      line(out, 0, "query", query.name());
      line(out, 1, "file", query.file());
      line(out, 1, "text", query.textHash());
      for (ResolvedParameter parameter : query.parameters()) {
        List<String> values = new ArrayList<>(List.of("param", parameter.name(), parameter.type()));
        if (parameter.dimensions() != 1) {
          values.add("dimensions");
          values.add(String.valueOf(parameter.dimensions()));
        }
        if (parameter.nullable()) {
          values.add("null");
        }
        line(out, 1, values.toArray(new String[0]));
      }
      line(
          out,
          1,
          "returns",
          !query.returnsRows() ? "nothing" : query.exactlyOneRow() ? "one-row" : "rows");
      for (ResolvedColumn column : query.columns()) {
        String nullability = column.nullable() ? "null" : "not-null";
        if (column.table() == null) {
          line(out, 1, "column", column.name(), column.type(), nullability);
        } else {
          line(
              out,
              1,
              "column",
              column.name(),
              column.type(),
              nullability,
              "from",
              column.table(),
              // set together with the table (ResolutionCapture, read)
              Objects.requireNonNull(column.tableColumn()));
        }
      }
      for (var use : query.tables().entrySet()) {
        line(out, 1, "uses", use.getKey(), use.getValue());
      }
    }
    for (ResolvedTable table : resolution.tables().values()) {
      out.append('\n');
      line(out, 0, "table", table.key());
      for (ResolvedField column : table.columns()) {
        field(out, "column", column, true);
      }
    }
    for (ResolvedType type : resolution.types().values()) {
      out.append('\n');
      line(out, 0, "type", type.key());
      line(out, 1, "sql", type.sqlName());
      line(out, 1, "kind", String.valueOf(type.kind()));
      if (type.element() != null) {
        line(out, 1, "element", type.element());
      }
      if (type.base() != null) {
        line(out, 1, "base", type.base());
      }
      if (type.relationKind() != ' ') {
        line(out, 1, "relation", String.valueOf(type.relationKind()));
      }
      for (String label : type.labels()) {
        line(out, 1, "label", label);
      }
      for (ResolvedField attribute : type.attributes()) {
        field(out, "attribute", attribute, type.relationKind() != 'c');
      }
    }
    return out.toString();
  }

  private static void field(
      StringBuilder out, String keyword, ResolvedField field, boolean withNullability) {
    List<String> values = new ArrayList<>(List.of(keyword, field.name(), field.type()));
    if (withNullability) {
      values.add(field.notNull() ? "not-null" : "null");
    }
    if (field.dimensions() != 0) {
      values.add("dimensions");
      values.add(String.valueOf(field.dimensions()));
    }
    line(out, 1, values.toArray(new String[0]));
  }

  private static void line(StringBuilder out, int indent, String... values) {
    out.append("  ".repeat(indent));
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(i == 0 ? values[i] : quote(values[i]));
    }
    out.append('\n');
  }

  static String quote(String value) {
    if (BARE.matcher(value).matches()) {
      return value;
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  /** A lock file that cannot be read; the message names the line and what is wrong. */
  public static final class MalformedLockFileException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedLockFileException(int line, String message) {
      super(line > 0 ? "line " + line + ": " + message : message);
    }
  }

  /** Parses a lock file's text, checking that every type and table it refers to is in it. */
  public static Resolution parse(String text) throws MalformedLockFileException {
    Parser parser = new Parser();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        parser.accept(tokens(line));
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw new MalformedLockFileException(
            i + 1, e.getMessage() == null ? "cannot be read: " + lines[i] : e.getMessage());
      }
    }
    return parser.finish();
  }

  /** Reads the lock file at {@code path}, or null when there is none. */
  public static @Nullable Resolution read(Path path)
      throws IOException, MalformedLockFileException {
    if (!Files.exists(path)) {
      return null;
    }
    return parse(Files.readString(path, StandardCharsets.UTF_8));
  }

  static List<String> tokens(String line) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == ' ') {
        i++;
      } else if (c == '"') {
        StringBuilder value = new StringBuilder();
        i++;
        while (true) {
          if (i >= line.length()) {
            throw new IllegalArgumentException("a quoted value is not closed");
          }
          char d = line.charAt(i++);
          if (d == '"') {
            break;
          }
          if (d == '\\') {
            char e = line.charAt(i++);
            value.append(
                switch (e) {
                  case 'n' -> '\n';
                  case 'r' -> '\r';
                  case 't' -> '\t';
                  default -> e;
                });
          } else {
            value.append(d);
          }
        }
        tokens.add(value.toString());
      } else {
        int end = line.indexOf(' ', i);
        end = end < 0 ? line.length() : end;
        tokens.add(line.substring(i, end));
        i = end;
      }
    }
    return tokens;
  }

  /** Builds a resolution from the lines of a lock file, one entry at a time. */
  private static final class Parser {
    private boolean sawMagic;
    private @Nullable String schemaHash;
    private @Nullable AnalyserVersion analyser;
    private int postgresMajor;
    private final List<MigrationStamp> migrations = new ArrayList<>();
    private final SortedMap<String, String> overrideTables = new TreeMap<>();
    private final SortedMap<String, ResolvedQuery> queries = new TreeMap<>();
    private final SortedMap<String, ResolvedType> types = new TreeMap<>();
    private final SortedMap<String, ResolvedTable> tables = new TreeMap<>();
    private final List<String> references = new ArrayList<>();
    private final List<String> tableReferences = new ArrayList<>();

    // The entry being read: a query, a table or a type.
    private String entry = "";
    private String name = "";
    private String file = "";
    private String textHash = "";
    private boolean returnsRows;
    private boolean exactlyOneRow;
    private java.util.SortedMap<String, String> uses = new java.util.TreeMap<>();
    private List<ResolvedParameter> parameters = new ArrayList<>();
    private List<ResolvedColumn> columns = new ArrayList<>();
    private List<ResolvedField> fields = new ArrayList<>();
    private String sqlName = "";
    private char kind = ' ';
    private char relationKind = ' ';
    private @Nullable String element;
    private @Nullable String base;
    private List<String> labels = new ArrayList<>();

    void accept(List<String> t) {
      String keyword = t.get(0);
      if (!sawMagic) {
        if (!keyword.equals(MAGIC)) {
          throw new IllegalArgumentException("a Quarry lock file starts with \"" + MAGIC + "\"");
        }
        if (!t.get(1).equals(String.valueOf(InputHashes.FORMAT))) {
          throw new IllegalArgumentException(
              "lock file format " + t.get(1) + " is not " + InputHashes.FORMAT);
        }
        sawMagic = true;
        return;
      }
      switch (keyword) {
        case "analyser" -> {
          if (!t.get(2).equals("analysis")) {
            throw new IllegalArgumentException(
                "an analyser line reads: analyser <version> analysis <n>");
          }
          analyser = new AnalyserVersion(t.get(1), Integer.parseInt(t.get(3)));
        }
        case "schema" -> schemaHash = t.get(1);
        case "postgres" -> postgresMajor = Integer.parseInt(t.get(1));
        case "migration" -> migrations.add(new MigrationStamp(t.get(1), t.get(2)));
        case "override-table" -> {
          overrideTables.put(t.get(1), t.get(2));
          tableReferences.add(t.get(2));
        }
        case "query", "table", "type" -> {
          finishEntry();
          entry = keyword;
          name = t.get(1);
          if (!keyword.equals("query")) {
            TypeKey.split(name);
          }
        }
        case "file" -> file = inEntry("query", t).get(1);
        case "text" -> textHash = inEntry("query", t).get(1);
        case "returns" -> {
          String returns = inEntry("query", t).get(1);
          if (!returns.equals("rows") && !returns.equals("one-row") && !returns.equals("nothing")) {
            throw new IllegalArgumentException(
                "\"" + returns + "\" is not one of rows, one-row, nothing");
          }
          returnsRows = !returns.equals("nothing");
          exactlyOneRow = returns.equals("one-row");
        }
        case "uses" -> {
          inEntry("query", t);
          uses.put(t.get(1), t.get(2));
          tableReferences.add(t.get(2));
        }
        case "param" -> {
          inEntry("query", t);
          int dimensions =
              t.size() > 4 && t.get(3).equals("dimensions") ? Integer.parseInt(t.get(4)) : 1;
          boolean nullable = t.size() > 3 && t.get(t.size() - 1).equals("null");
          parameters.add(
              new ResolvedParameter(t.get(1), reference(t.get(2)), dimensions, nullable));
        }
        case "column" -> {
          if (entry.equals("table")) {
            fields.add(field(t, true));
          } else {
            inEntry("query", t);
            boolean from = t.size() > 6 && t.get(4).equals("from");
            if (from) {
              tableReferences.add(t.get(5));
            }
            columns.add(
                new ResolvedColumn(
                    t.get(1),
                    reference(t.get(2)),
                    nullability(t.get(3)),
                    from ? t.get(5) : null,
                    from ? t.get(6) : null));
          }
        }
        case "sql" -> sqlName = inEntry("type", t).get(1);
        case "kind" -> kind = single(inEntry("type", t).get(1));
        case "relation" -> relationKind = single(inEntry("type", t).get(1));
        case "element" -> element = reference(inEntry("type", t).get(1));
        case "base" -> base = reference(inEntry("type", t).get(1));
        case "label" -> labels.add(inEntry("type", t).get(1));
        case "attribute" ->
            fields.add(
                field(
                    inEntry("type", t),
                    t.size() > 3 && (t.get(3).equals("null") || t.get(3).equals("not-null"))));
        default -> throw new IllegalArgumentException("unknown keyword \"" + keyword + "\"");
      }
    }

    private List<String> inEntry(String expected, List<String> t) {
      if (!entry.equals(expected)) {
        throw new IllegalArgumentException(
            "\"" + t.get(0) + "\" belongs in a " + expected + " entry");
      }
      return t;
    }

    private ResolvedField field(List<String> t, boolean withNullability) {
      int next = 3;
      boolean notNull = false;
      if (withNullability) {
        notNull = !nullability(t.get(3));
        next = 4;
      }
      int dimensions =
          t.size() > next + 1 && t.get(next).equals("dimensions")
              ? Integer.parseInt(t.get(next + 1))
              : 0;
      return new ResolvedField(t.get(1), reference(t.get(2)), notNull, dimensions);
    }

    private static boolean nullability(String value) {
      return switch (value) {
        case "null" -> true;
        case "not-null" -> false;
        default ->
            throw new IllegalArgumentException("\"" + value + "\" is neither null nor not-null");
      };
    }

    private static char single(String value) {
      if (value.length() != 1) {
        throw new IllegalArgumentException("\"" + value + "\" is not one character");
      }
      return value.charAt(0);
    }

    private String reference(String key) {
      TypeKey.split(key);
      references.add(key);
      return key;
    }

    private void finishEntry() {
      switch (entry) {
        case "query" ->
            queries.put(
                name,
                new ResolvedQuery(
                    name, file, textHash, parameters, returnsRows, columns, uses, exactlyOneRow));
        case "table" -> {
          String[] key = TypeKey.split(name);
          tables.put(name, new ResolvedTable(key[0], key[1], fields));
        }
        case "type" -> {
          String[] key = TypeKey.split(name);
          types.put(
              name,
              new ResolvedType(
                  key[0], key[1], sqlName, kind, element, base, labels, relationKind, fields));
        }
        default -> {}
      }
      file = "";
      textHash = "";
      returnsRows = false;
      exactlyOneRow = false;
      uses = new java.util.TreeMap<>();
      parameters = new ArrayList<>();
      columns = new ArrayList<>();
      fields = new ArrayList<>();
      sqlName = "";
      kind = ' ';
      relationKind = ' ';
      element = null;
      base = null;
      labels = new ArrayList<>();
    }

    Resolution finish() throws MalformedLockFileException {
      finishEntry();
      if (!sawMagic || schemaHash == null) {
        throw new MalformedLockFileException(
            1, "not a Quarry lock file (no \"" + MAGIC + "\" and \"schema\" lines)");
      }
      for (String key : references) {
        if (!types.containsKey(key)) {
          throw new MalformedLockFileException(
              0, "the type " + key + " is used but has no \"type\" entry");
        }
      }
      for (String key : tableReferences) {
        if (!tables.containsKey(key)) {
          throw new MalformedLockFileException(
              0, "the table " + key + " is used but has no \"table\" entry");
        }
      }
      return new Resolution(
          new SchemaStamp(schemaHash, analyser, postgresMajor, migrations),
          queries,
          types,
          tables,
          overrideTables);
    }
  }
}
