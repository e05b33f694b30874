package dev.quarry.processor.lock;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.lock.Resolution.SchemaStamp;
import dev.quarry.processor.query.QueryFile;
import dev.quarry.processor.query.QueryFileReader;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.syntax.ParameterRewriter;
import dev.quarry.processor.syntax.ParsedQuery;
import dev.quarry.processor.syntax.QueryDeclaration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Resolution} in a test, as a capture or the lock file would give it, without a
 * database: types, tables (each with its row type and that row type's array), query files and what
 * PostgreSQL said about their queries.
 */
public final class ResolutionFixture {
  private final SortedMap<String, ResolvedType> types = new TreeMap<>();
  private final SortedMap<String, ResolvedTable> tables = new TreeMap<>();
  private final SortedMap<String, String> overrideTables = new TreeMap<>();
  private final SortedMap<String, ResolvedQuery> queries = new TreeMap<>();
  private final Map<String, ParsedQuery> parsed = new LinkedHashMap<>();
  private final List<QueryFile> files = new ArrayList<>();

  /** Reading and rewriting the query files reports here (a test asserts it stays empty). */
  public final Diagnostics readProblems = new Diagnostics();

  /** A built-in type of {@code pg_catalog} and its array type; gives the type's key. */
  public String builtIn(String name) {
    add(new ResolvedType("pg_catalog", name, name, 'b', null, null, List.of(), ' ', List.of()));
    add(
        new ResolvedType(
            "pg_catalog",
            "_" + name,
            name + "[]",
            'b',
            TypeKey.of("pg_catalog", name),
            null,
            List.of(),
            ' ',
            List.of()));
    return TypeKey.of("pg_catalog", name);
  }

  /** The array type of {@code elementKey}, which must have been added; gives the array's key. */
  public String arrayOf(String elementKey) {
    String[] parts = TypeKey.split(elementKey);
    String key = TypeKey.of(parts[0], "_" + parts[1]);
    if (!types.containsKey(key)) {
      add(
          new ResolvedType(
              parts[0],
              "_" + parts[1],
              parts[1] + "[]",
              'b',
              elementKey,
              null,
              List.of(),
              ' ',
              List.of()));
    }
    return key;
  }

  /** An enum type with its labels in sort order. */
  public String enumType(String schema, String name, String... labels) {
    add(new ResolvedType(schema, name, name, 'e', null, null, List.of(labels), ' ', List.of()));
    arrayOf(TypeKey.of(schema, name));
    return TypeKey.of(schema, name);
  }

  /** A domain over {@code baseKey}. */
  public String domain(String schema, String name, String baseKey) {
    add(new ResolvedType(schema, name, name, 'd', null, baseKey, List.of(), ' ', List.of()));
    return TypeKey.of(schema, name);
  }

  /** A composite type ({@code CREATE TYPE ... AS}). */
  public String composite(String schema, String name, ResolvedField... attributes) {
    add(
        new ResolvedType(
            schema, name, name, 'c', null, null, List.of(), 'c', Arrays.asList(attributes)));
    arrayOf(TypeKey.of(schema, name));
    return TypeKey.of(schema, name);
  }

  /** A user base type PostgreSQL knows but Quarry has no Java type for (e.g. an extension's). */
  public String baseType(String schema, String name) {
    add(new ResolvedType(schema, name, name, 'b', null, null, List.of(), ' ', List.of()));
    return TypeKey.of(schema, name);
  }

  /**
   * A table with its row type (whose attributes are the columns, with their nullability) and that
   * row type's array; the table is found by its bare and its qualified name. Gives the table's key.
   */
  public String table(String schema, String name, ResolvedField... columns) {
    ResolvedTable table = new ResolvedTable(schema, name, Arrays.asList(columns));
    tables.put(table.key(), table);
    add(
        new ResolvedType(
            schema, name, name, 'c', null, null, List.of(), 'r', Arrays.asList(columns)));
    arrayOf(TypeKey.of(schema, name));
    return table.key();
  }

  /** Lets column overrides find {@code table} by {@code lookup} ({@code t} or {@code s.t}). */
  public ResolutionFixture overrideTable(String lookup, String tableKey) {
    overrideTables.put(lookup, tableKey);
    return this;
  }

  /** A column (NOT NULL when {@code notNull}) or, with {@code notNull} false, an attribute. */
  public static ResolvedField field(String name, String type, boolean notNull) {
    return new ResolvedField(name, type, notNull, 0);
  }

  /** A column declared with array dimensions. */
  public static ResolvedField field(String name, String type, boolean notNull, int dimensions) {
    return new ResolvedField(name, type, notNull, dimensions);
  }

  public static ResolvedParameter parameter(String name, String type) {
    return new ResolvedParameter(name, type, 1);
  }

  public static ResolvedParameter parameter(
      String name, String type, int dimensions, boolean nullable) {
    return new ResolvedParameter(name, type, dimensions, nullable);
  }

  /** A result column computed by an expression. */
  public static ResolvedColumn column(String name, String type, boolean nullable) {
    return new ResolvedColumn(name, type, nullable, null, null);
  }

  /** A result column read from {@code table}'s column {@code tableColumn}. */
  public static ResolvedColumn column(
      String name, String type, boolean nullable, String table, String tableColumn) {
    return new ResolvedColumn(name, type, nullable, table, tableColumn);
  }

  /** Reads a query file; its queries are then resolved with {@link #resolve}. */
  public ResolutionFixture file(String fileName, String text) {
    QueryFile file =
        new QueryFileReader(readProblems).read(new SourceFile(Path.of(fileName), fileName, text));
    files.add(file);
    ParameterRewriter rewriter = new ParameterRewriter();
    for (QueryDeclaration declaration : file.queries()) {
      rewriter.rewrite(declaration, readProblems).ifPresent(q -> parsed.put(declaration.name(), q));
    }
    return this;
  }

  /** What PostgreSQL said about the query {@code name} (read from a file before). */
  public ResolutionFixture resolve(
      String name,
      boolean returnsRows,
      List<ResolvedParameter> parameters,
      List<ResolvedColumn> columns,
      String... statementTables) {
    return resolve(name, returnsRows, false, parameters, columns, statementTables);
  }

  /**
   * What PostgreSQL said about the query {@code name}.
   *
   * @param statementTables the tables the statement names, each by its key; they are looked up by
   *     their bare names
   */
  public ResolutionFixture resolve(
      String name,
      boolean returnsRows,
      boolean exactlyOneRow,
      List<ResolvedParameter> parameters,
      List<ResolvedColumn> columns,
      String... statementTables) {
    ParsedQuery query = parsed.get(name);
    if (query == null) {
      throw new IllegalArgumentException("no query " + name + " was read: " + readProblems.all());
    }
    SortedMap<String, String> lookups = new TreeMap<>();
    for (String table : statementTables) {
      lookups.put(TypeKey.split(table)[1], table);
    }
    QueryDeclaration declaration = query.declaration();
    queries.put(
        name,
        new ResolvedQuery(
            name,
            declaration.file().displayPath(),
            InputHashes.queryHash(declaration),
            parameters,
            returnsRows,
            columns,
            lookups,
            exactlyOneRow));
    return this;
  }

  public Resolution resolution() {
    return new Resolution(
        new SchemaStamp("test", null, 16, List.of()), queries, types, tables, overrideTables);
  }

  /** The query files read, in order. */
  public List<QueryFile> files() {
    return List.copyOf(files);
  }

  /**
   * Each read query that {@link #resolution()} holds, paired by {@link Resolution#statement} as a
   * build pairs them.
   */
  public Map<QueryDeclaration, ResolvedStatement> statements() {
    Resolution resolution = resolution();
    Map<QueryDeclaration, ResolvedStatement> statements = new HashMap<>();
    for (ParsedQuery query : parsed.values()) {
      resolution.statement(query).ifPresent(s -> statements.put(query.declaration(), s));
    }
    return statements;
  }

  /** The parsed query {@code name}, or null. */
  public @Nullable ParsedQuery parsed(String name) {
    return parsed.get(name);
  }

  private void add(ResolvedType type) {
    types.put(type.key(), type);
  }
}
