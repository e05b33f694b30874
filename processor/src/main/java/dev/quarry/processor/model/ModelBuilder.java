package dev.quarry.processor.model;

import dev.quarry.processor.analysis.AnalyzedColumn;
import dev.quarry.processor.analysis.AnalyzedParameter;
import dev.quarry.processor.analysis.AnalyzedQuery;
import dev.quarry.processor.analysis.Table;
import dev.quarry.processor.analysis.TableColumn;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.query.Command;
import dev.quarry.processor.query.QueryDeclaration;
import dev.quarry.processor.query.QueryFile;
import dev.quarry.processor.types.CompositeType;
import dev.quarry.processor.types.EnumType;
import dev.quarry.processor.syntax.SqlLexer;
import dev.quarry.processor.syntax.Token;
import dev.quarry.processor.syntax.TokenKind;
import dev.quarry.processor.types.TypeMapper;
import dev.quarry.processor.types.ValueType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns analysed queries into what code generation writes: names every class, method, parameter
 * and component, picks each method's result shape, and reports what does not fit (a command the
 * statement cannot serve, names that clash).
 */
public final class ModelBuilder {
  private final TypeMapper types;
  private final Diagnostics diagnostics;
  private final Map<String, TableRecord> tableRecords = new TreeMap<>();
  private final Set<String> topLevelNames = new HashSet<>();

  public ModelBuilder(TypeMapper types, Diagnostics diagnostics) {
    this.types = types;
    this.diagnostics = diagnostics;
  }

  /**
   * The package's model. {@code analyzed} holds the queries PostgreSQL accepted, by declaration;
   * queries missing from it were already reported.
   */
  public GeneratedPackage build(
      String packageName, List<QueryFile> files, Map<QueryDeclaration, AnalyzedQuery> analyzed)
      throws SQLException {
    List<Repository> repositories = new ArrayList<>();
    Map<String, QueryFile> classNames = new LinkedHashMap<>();
    for (QueryFile file : files) {
      String className = repositoryName(file);
      QueryFile other = classNames.putIfAbsent(className, file);
      if (other != null) {
        diagnostics.error(
            Problem.NAME_CLASH,
            file.file().start(),
            "query files " + other.file().displayPath() + " and " + file.file().displayPath()
                + " both give the class " + className + "; rename one of them");
        continue;
      }
      topLevelNames.add(className);
    }
    for (QueryFile file : files) {
      List<QueryMethod> methods = new ArrayList<>();
      List<RowRecord> rows = new ArrayList<>();
      Set<String> methodNames = new HashSet<>();
      for (QueryDeclaration declaration : file.queries()) {
        AnalyzedQuery query = analyzed.get(declaration);
        if (query == null) {
          continue;
        }
        QueryMethod method = method(query, rows);
        if (method == null) {
          continue;
        }
        if (!methodNames.add(method.javaName())) {
          diagnostics.error(
              Problem.NAME_CLASH,
              declaration.headerLocation(),
              "query " + declaration.name() + " gives the method name " + method.javaName()
                  + ", which another query in this file already has; rename one of them");
          continue;
        }
        methods.add(method);
      }
      repositories.add(new Repository(repositoryName(file), file.file(), methods, rows));
    }
    List<EnumType> enums = types.enums();
    for (EnumType enumType : enums) {
      if (!topLevelNames.add(enumType.javaName())) {
        diagnostics.error(
            Problem.NAME_CLASH,
            null,
            "the enum type " + enumType.pgName() + " gives the Java name " + enumType.javaName()
                + ", which a repository class already has; rename the query file or the type");
      }
    }
    List<CompositeType> composites = types.composites();
    for (CompositeType composite : composites) {
      if (!topLevelNames.add(composite.javaName())) {
        diagnostics.error(
            Problem.NAME_CLASH,
            null,
            "the composite type " + composite.pgName() + " gives the Java name " + composite.javaName()
                + ", which another generated type already has; rename the query file or the type");
      }
    }
    return new GeneratedPackage(packageName, enums, composites, List.copyOf(tableRecords.values()), repositories);
  }

  /** The (lower-cased or quoted) identifiers a statement uses. */
  private static Set<String> identifiers(String sql) {
    Set<String> words = new HashSet<>();
    for (Token token : SqlLexer.tokenize(sql)) {
      if (token.kind() == TokenKind.IDENTIFIER || token.kind() == TokenKind.QUOTED_IDENTIFIER) {
        words.add(SqlLexer.identifierName(sql, token));
      }
    }
    return words;
  }

  /** {@code users.sql} gives {@code UsersQueries}. */
  public static String repositoryName(QueryFile file) {
    String fileName = file.file().path().getFileName().toString();
    String base = fileName.endsWith(".sql") ? fileName.substring(0, fileName.length() - 4) : fileName;
    return JavaNames.typeName(base) + "Queries";
  }

  private QueryMethod method(AnalyzedQuery query, List<RowRecord> rows) throws SQLException {
    QueryDeclaration declaration = query.parsed().declaration();
    Command command = declaration.command();
    if (!command.supported()) {
      diagnostics.error(
          Problem.BAD_COMMAND,
          declaration.location(declaration.commandOffset()),
          declaration.name() + ": the command " + command.text()
              + " is not supported by this version of Quarry yet; use one of :one, :many, :exec, :execrows");
      return null;
    }
    if (command.returnsRows() && !query.returnsRows()) {
      diagnostics.error(
          Problem.BAD_COMMAND,
          declaration.location(declaration.commandOffset()),
          declaration.name() + " is " + command.text()
              + " but its statement returns no rows; use :exec or :execrows, or add a RETURNING clause");
      return null;
    }
    List<Field> parameters = new ArrayList<>();
    Set<String> parameterNames = new HashSet<>();
    Set<String> words = identifiers(query.parsed().analysisSql());
    for (AnalyzedParameter parameter : query.parameters()) {
      String javaName = unique(JavaNames.memberName(parameter.parameter().name()), parameterNames);
      parameters.add(
          new Field(
              javaName,
              parameter.parameter().name(),
              types.mapParameter(parameter.parameter().name(), parameter.typeOid(), parameter.dimensions(), words),
              parameter.parameter().nullable()));
    }
    List<Integer> bindings = new ArrayList<>();
    for (int number : query.parsed().jdbcBindings()) {
      bindings.add(number - 1);
    }
    ResultShape result = result(query, command, rows);
    return new QueryMethod(
        methodName(declaration.name()), declaration, query.parsed().jdbcSql(), parameters, bindings, result);
  }

  private ResultShape result(AnalyzedQuery query, Command command, List<RowRecord> rows)
      throws SQLException {
    if (command == Command.EXEC) {
      return new ResultShape.Nothing();
    }
    if (command == Command.EXECROWS) {
      return new ResultShape.RowCount();
    }
    List<AnalyzedColumn> columns = query.columns();
    Table table = wholeRowOf(columns);
    if (table != null) {
      return new ResultShape.TableRow(tableRecord(table));
    }
    List<Field> fields = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      AnalyzedColumn column = columns.get(i);
      String sqlName = column.name().equals("?column?") ? "column_" + (i + 1) : column.name();
      fields.add(
          new Field(
              unique(JavaNames.memberName(sqlName), names),
              column.name(),
              columnType(column),
              column.nullable()));
    }
    if (fields.size() == 1 && (command != Command.ONE || !fields.get(0).nullable())) {
      return new ResultShape.SingleValue(fields.get(0));
    }
    RowRecord row =
        new RowRecord(JavaNames.typeName(query.parsed().declaration().name()) + "Row", fields);
    rows.add(row);
    return new ResultShape.Row(row);
  }

  /**
   * The Java type of a result column: a column read straight from a table is typed as that table
   * column (its declared array dimensions, a column override); any other as its type.
   */
  private ValueType columnType(AnalyzedColumn column) throws SQLException {
    if (column.baseTable() != null) {
      for (TableColumn tableColumn : column.baseTable().columns()) {
        if (tableColumn.name().equals(column.baseColumn()) && tableColumn.typeOid() == column.typeOid()) {
          return types.mapColumn(column.baseTable(), tableColumn);
        }
      }
    }
    return types.map(column.typeOid());
  }

  /** The table whose whole row, in order, under its own column names, the columns are. */
  private static Table wholeRowOf(List<AnalyzedColumn> columns) {
    if (columns.isEmpty() || columns.get(0).baseTable() == null) {
      return null;
    }
    Table table = columns.get(0).baseTable();
    if (table.columns().size() != columns.size()) {
      return null;
    }
    for (int i = 0; i < columns.size(); i++) {
      AnalyzedColumn column = columns.get(i);
      TableColumn tableColumn = table.columns().get(i);
      boolean same =
          column.baseTable() != null
              && column.baseTable().oid() == table.oid()
              && tableColumn.name().equals(column.baseColumn())
              && tableColumn.name().equals(column.name())
              && column.nullable() == !tableColumn.notNull();
      if (!same) {
        return null;
      }
    }
    return table;
  }

  private TableRecord tableRecord(Table table) throws SQLException {
    String key = table.schema() + "." + table.name();
    TableRecord existing = tableRecords.get(key);
    if (existing != null) {
      return existing;
    }
    String base = JavaNames.typeName(JavaNames.singular(table.name()));
    if (!table.schema().equals("public")) {
      base = topLevelNames.contains(base) ? JavaNames.typeName(table.schema() + "_" + base) : base;
    }
    String javaName = base;
    for (int n = 2; topLevelNames.contains(javaName) || enumNamed(javaName); n++) {
      javaName = base + (n == 2 ? "Record" : "Record" + n);
    }
    topLevelNames.add(javaName);
    List<Field> fields = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (TableColumn column : table.columns()) {
      fields.add(
          new Field(
              unique(JavaNames.memberName(column.name()), names),
              column.name(),
              types.mapColumn(table, column),
              !column.notNull()));
    }
    TableRecord record = new TableRecord(javaName, table.schema(), table.name(), fields);
    tableRecords.put(key, record);
    return record;
  }

  private boolean enumNamed(String javaName) {
    return types.enums().stream().anyMatch(e -> e.javaName().equals(javaName));
  }

  /**
   * The method name for a query: {@code FindUserByEmail} gives {@code findUserByEmail}, {@code
   * UpdateBookISBN} gives {@code updateBookISBN}; names with underscores are camel-cased.
   */
  public static String methodName(String queryName) {
    if (queryName.matches("[A-Za-z][A-Za-z0-9]*")) {
      int upper = 0;
      while (upper < queryName.length() && Character.isUpperCase(queryName.charAt(upper))) {
        upper++;
      }
      String name;
      if (upper <= 1) {
        name = Character.toLowerCase(queryName.charAt(0)) + queryName.substring(1);
      } else if (upper == queryName.length()) {
        name = queryName.toLowerCase(java.util.Locale.ROOT);
      } else {
        // "ISBNLookup": the last capital starts the next word.
        name = queryName.substring(0, upper - 1).toLowerCase(java.util.Locale.ROOT) + queryName.substring(upper - 1);
      }
      return javax.lang.model.SourceVersion.isName(name) ? name : name + "_";
    }
    return JavaNames.memberName(queryName);
  }

  /** {@code name}, or {@code name2}, {@code name3}... when taken. */
  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = name + n;
    }
    return candidate;
  }
}
