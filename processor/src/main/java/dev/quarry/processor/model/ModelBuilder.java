package dev.quarry.processor.model;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.dynamic.Blocks;
import dev.quarry.processor.lock.ResolvedColumn;
import dev.quarry.processor.lock.ResolvedField;
import dev.quarry.processor.lock.ResolvedParameter;
import dev.quarry.processor.lock.ResolvedStatement;
import dev.quarry.processor.lock.ResolvedTable;
import dev.quarry.processor.lock.ResolvedType;
import dev.quarry.processor.query.QueryFile;
import dev.quarry.processor.syntax.Command;
import dev.quarry.processor.syntax.CopyFromStatement;
import dev.quarry.processor.syntax.EmbedReference;
import dev.quarry.processor.syntax.Parameter;
import dev.quarry.processor.syntax.QueryDeclaration;
import dev.quarry.processor.syntax.Token;
import dev.quarry.processor.syntax.TokenKind;
import dev.quarry.processor.syntax.TokenList;
import dev.quarry.processor.types.CompositeType;
import dev.quarry.processor.types.EnumType;
import dev.quarry.processor.types.JavaNames;
import dev.quarry.processor.types.TypeMapper;
import dev.quarry.processor.types.ValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns analysed queries into what code generation writes: names every class, method, parameter and
 * component, picks each method's result shape, and reports what does not fit (a command the
 * statement cannot serve, names that clash).
 */
public final class ModelBuilder {
  /**
   * The most queries one file may hold: each becomes a method with a {@code Query} constant and its
   * lambdas in one generated class, and the JVM caps a class at 65,535 constants and its static
   * initializer at 64 KiB of code. About 20 constants and 25 bytes of initializer per query leave
   * room at 2,000.
   */
  static final int MAX_QUERIES_PER_FILE = 2_000;

  /**
   * Methods with more parameters than this take one generated {@code <Query>Params} record instead
   * (sqlc's {@code query_parameter_limit}, whose default of 1 suits Go's named struct literals
   * better than Java's positional calls): up to four arguments read well at a call site, beyond
   * that a record with named accessors is safer.
   */
  public static final int PARAMETER_RECORD_THRESHOLD = 4;

  /**
   * A query name {@link #methodName} only needs to lower-case (compiled once: it runs per query).
   */
  private static final java.util.regex.Pattern CAMEL_NAME =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*");

  private final TypeMapper types;
  private final Diagnostics diagnostics;
  private final Map<String, TableRecord> tableRecords = new TreeMap<>();
  private final Set<String> topLevelNames = new HashSet<>();

  /** Java names of the table records, by schema-qualified table name, fixed before use. */
  private final Map<String, String> tableNames = new HashMap<>();

  public ModelBuilder(TypeMapper types, Diagnostics diagnostics) {
    this.types = types;
    this.diagnostics = diagnostics;
  }

  /**
   * The package's model. {@code statements} holds the queries PostgreSQL accepted, with what the
   * resolution holds for them, by declaration; queries missing from it were already reported.
   */
  public GeneratedPackage build(
      String packageName,
      List<QueryFile> files,
      Map<QueryDeclaration, ResolvedStatement> statements) {
    // A file without queries gives no class (the reader warned about it).
    files = files.stream().filter(f -> !f.queries().isEmpty()).toList();
    List<Repository> repositories = new ArrayList<>();
    Map<String, QueryFile> classNames = new LinkedHashMap<>();
    for (QueryFile file : files) {
      String className = repositoryName(file);
      QueryFile other = classNames.putIfAbsent(className, file);
      if (other != null) {
        diagnostics.report(
            Message.CLASS_NAME_CLASH,
            file.file().start(),
            other.file().displayPath(),
            file.file().displayPath(),
            className);
        continue;
      }
      topLevelNames.add(className);
    }
    nameTables(files, statements);
    for (QueryFile file : files) {
      if (file.queries().size() > MAX_QUERIES_PER_FILE) {
        QueryDeclaration first = file.queries().get(MAX_QUERIES_PER_FILE);
        diagnostics.report(
            Message.TOO_MANY_QUERIES_IN_FILE,
            first.headerLocation(),
            first.name(),
            (MAX_QUERIES_PER_FILE + 1),
            file.queries().size(),
            file.file().displayPath(),
            MAX_QUERIES_PER_FILE);
        continue;
      }
      List<QueryMethod> methods = new ArrayList<>();
      List<RowRecord> rows = new ArrayList<>();
      Set<String> methodNames = new HashSet<>();
      for (QueryDeclaration declaration : file.queries()) {
        ResolvedStatement query = statements.get(declaration);
        if (query == null) {
          continue;
        }
        QueryMethod method = method(query, rows);
        if (method == null) {
          continue;
        }
        if (!methodNames.add(method.javaName())) {
          diagnostics.report(
              Message.METHOD_NAME_CLASH,
              declaration.headerLocation(),
              declaration.name(),
              method.javaName());
          continue;
        }
        methods.add(method);
      }
      repositories.add(new Repository(repositoryName(file), file.file(), methods, rows));
    }
    List<EnumType> enums = types.enums();
    for (EnumType enumType : enums) {
      if (!topLevelNames.add(enumType.javaName())) {
        diagnostics.report(Message.ENUM_NAME_CLASH, null, enumType.pgName(), enumType.javaName());
      }
    }
    List<CompositeType> composites = types.composites();
    for (CompositeType composite : composites) {
      if (!topLevelNames.add(composite.javaName())) {
        diagnostics.report(
            Message.COMPOSITE_NAME_CLASH, null, composite.pgName(), composite.javaName());
      }
    }
    return new GeneratedPackage(
        packageName, enums, composites, List.copyOf(tableRecords.values()), repositories);
  }

  /** {@code users.sql} gives {@code UsersQueries}. */
  public static String repositoryName(QueryFile file) {
    String fileName = file.file().path().getFileName().toString();
    String base =
        fileName.endsWith(".sql") ? fileName.substring(0, fileName.length() - 4) : fileName;
    return JavaNames.typeName(base) + "Queries";
  }

  private @Nullable QueryMethod method(ResolvedStatement query, List<RowRecord> rows) {
    QueryDeclaration declaration = query.parsed().declaration();
    Command command = declaration.command();
    String copySql = null;
    CopyFromStatement copyTarget = null;
    if (command == Command.COPYFROM) {
      Optional<CopyFromStatement> copy =
          CopyFromStatement.parse(
              declaration,
              mismatch ->
                  diagnostics.report(
                      Message.COPY_MISMATCH,
                      declaration.location(declaration.commandOffset()),
                      mismatch.message(),
                      declaration.location(mismatch.fileOffset())));
      if (copy.isEmpty()) {
        return null;
      }
      copySql = copy.get().copySql();
      copyTarget = copy.get();
    }
    // :execrows and :execresult count a RETURNING statement's rows, as sqlc counts its command
    // tag; a JDBC batch cannot return rows at all.
    if (command == Command.BATCHEXEC && query.resolved().returnsRows()) {
      diagnostics.report(
          Message.BATCHEXEC_RETURNS_ROWS,
          declaration.location(declaration.commandOffset()),
          declaration.name(),
          command.text());
      return null;
    }
    if (command.returnsRows() && !query.resolved().returnsRows()) {
      diagnostics.report(
          Message.COMMAND_NEEDS_ROWS,
          declaration.location(declaration.commandOffset()),
          declaration.name(),
          command.text());
      return null;
    }
    List<Field> parameters = new ArrayList<>();
    Set<String> parameterNames = new HashSet<>();
    Set<String> words = query.parsed().facts().identifiers();
    for (int p = 0; p < query.parsed().parameters().size(); p++) {
      Parameter parameter = query.parsed().parameters().get(p);
      ResolvedParameter resolved = query.resolved().parameters().get(p);
      if (parameter.isPatchFlag()) {
        // Bound from the patch's isSet(): parameters are ordered by number, from $1.
        int patch = parameter.flagOf() - 1;
        Field value = parameters.get(patch);
        parameters.add(
            new Field(
                value.javaName(),
                parameter.name(),
                value.type(),
                false,
                Field.Role.PATCH_FLAG,
                patch));
        continue;
      }
      String javaName = unique(JavaNames.memberName(parameter.name()), parameterNames);
      @Nullable ValueType type = null;
      if (copyTarget != null) {
        // A COPY value goes straight into its column: type it as the column (its declared array
        // dimensions, which a parameter's type cannot carry, and a column override).
        int index = copyTarget.valueOffsets().indexOf(parameter.fileOffset());
        if (index >= 0) {
          type =
              types.mapCopyColumn(
                  copyTarget.table(), copyTarget.columns().get(index), resolved.type());
        }
      }
      if (type == null) {
        type = types.mapParameter(parameter.name(), resolved.type(), resolved.dimensions(), words);
      }
      if (type instanceof ValueType.RowListValue rowList) {
        diagnostics.report(
            Message.ROW_ARRAY_PARAMETER,
            declaration.location(parameter.fileOffset()),
            declaration.name(),
            parameter.name(),
            rowList.relation().displayName());
        return null;
      }
      parameters.add(
          new Field(
              javaName,
              parameter.name(),
              type,
              query.parameterNullable(p),
              parameter.isPatch() ? Field.Role.PATCH : Field.Role.PLAIN,
              -1));
    }
    List<Integer> bindings = new ArrayList<>();
    for (int number : query.parsed().jdbcBindings()) {
      bindings.add(number - 1);
    }
    ResultShape result = result(query, command, rows);
    if (result == null) {
      return null;
    }
    RowRecord parameterRecord = null;
    boolean perSet = command.perParameterSet();
    List<Field> visible =
        parameters.stream().filter(p -> p.role() != Field.Role.PATCH_FLAG).toList();
    DynamicSql dynamic = null;
    if (!query.parsed().marks().isEmpty()) {
      // Optional blocks or a run-time sort: the switches go in a filter record of their own.
      dynamic = dynamicSql(query, parameters, bindings);
      List<Field> switches = dynamic.switches().stream().map(parameters::get).toList();
      visible = visible.stream().filter(p -> !switches.contains(p)).toList();
    }
    if ((perSet && visible.size() > 1) || visible.size() > PARAMETER_RECORD_THRESHOLD) {
      parameterRecord = new RowRecord(JavaNames.typeName(declaration.name()) + "Params", visible);
    }
    int extra =
        dynamic == null
            ? 0
            : (dynamic.filterRecord() != null ? 1 : 0) + (dynamic.sortEnum() != null ? 1 : 0);
    return new QueryMethod(
        methodName(declaration.name(), extra + (parameterRecord != null ? 1 : visible.size())),
        declaration,
        query.parsed().jdbcSql(),
        parameters,
        bindings,
        result,
        parameterRecord,
        copySql,
        command == Command.ONE && query.resolved().exactlyOneRow(),
        dynamic);
  }

  /** The parts, switches and sort of a query with optional blocks or a run-time sort. */
  private static DynamicSql dynamicSql(
      ResolvedStatement query, List<Field> parameters, List<Integer> bindings) {
    QueryDeclaration declaration = query.parsed().declaration();
    Blocks blocks = Blocks.of(declaration);
    List<Integer> switches = new ArrayList<>();
    for (Blocks.Switch block : blocks.switches()) {
      for (int i = 0; i < parameters.size(); i++) {
        if (parameters.get(i).sqlName().equalsIgnoreCase(block.name())) {
          switches.add(i);
          break;
        }
      }
    }
    String type = JavaNames.typeName(declaration.name());
    return new DynamicSql(
        DynamicSql.parts(query.parsed(), blocks, bindings),
        switches,
        switches.isEmpty() ? null : type + "Filter",
        blocks.sort().isEmpty() ? null : type + "Sort",
        blocks.sort());
  }

  /** What the method gives; null when a problem was reported. */
  private @Nullable ResultShape result(
      ResolvedStatement query, Command command, List<RowRecord> rows) {
    if (command == Command.EXEC) {
      return new ResultShape.Nothing();
    }
    if (command == Command.EXECROWS || command == Command.COPYFROM) {
      return new ResultShape.RowCount(
          query.resolved().returnsRows() && command == Command.EXECROWS);
    }
    if (command == Command.EXECRESULT) {
      return new ResultShape.ExecResult(query.resolved().returnsRows());
    }
    if (command == Command.BATCHEXEC) {
      return new ResultShape.Nothing();
    }
    QueryDeclaration declaration = query.parsed().declaration();
    List<Column> columns = columns(query);
    List<EmbedReference> references = query.parsed().embeds();
    for (Column column : columns) {
      if (!nestable(declaration, column)) {
        return null;
      }
    }
    // A null-extended table shows in its NOT NULL columns turning nullable, so wholeRowOf
    // refuses it, and embeds below are nullable exactly then.
    ResolvedTable table = wholeRowOf(columns);
    if (table != null) {
      return new ResultShape.TableRow(tableRecord(table));
    }
    List<Field> fields = new ArrayList<>();
    List<EmbeddedTable> embeds = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int next = 0;
    for (int e = 0; e < references.size(); e++) {
      EmbedReference reference = references.get(e);
      int start = embedStart(columns, next, reference);
      if (start < 0) {
        diagnostics.report(
            Message.EMBED_NOT_WHOLE_ROW,
            declaration.location(reference.fileOffset()),
            declaration.name(),
            reference.table());
        return null;
      }
      for (; next < start; next++) {
        fields.add(columnField(columns, next, names));
      }
      // embedStart found a column of the embedded table there
      ResolvedTable embedded = Objects.requireNonNull(columns.get(start).baseTable());
      embeds.add(
          new EmbeddedTable(
              fields.size() + embeds.size(),
              unique(JavaNames.memberName(JavaNames.singular(embedded.name())), names),
              tableRecord(embedded),
              nullExtended(columns, start, embedded)));
      next = start + embedded.columns().size();
    }
    for (; next < columns.size(); next++) {
      fields.add(columnField(columns, next, names));
    }
    // :one keeps "no row" and NULL apart in its return type (see RepositoryWriter); :batchone
    // returns a list of Optionals and keeps a one-field record for a nullable column.
    if (embeds.isEmpty()
        && fields.size() == 1
        && (command != Command.BATCHONE || !fields.get(0).nullable())) {
      return new ResultShape.SingleValue(fields.get(0));
    }
    RowRecord row = new RowRecord(JavaNames.typeName(declaration.name()) + "Row", fields, embeds);
    rows.add(row);
    return new ResultShape.Row(row);
  }

  /**
   * The Java type of a result column: a column read straight from a table is typed as that table
   * column (its declared array dimensions, a column override); any other as its type.
   */
  private ValueType columnType(Column column) {
    if (column.baseTable() != null) {
      for (ResolvedField tableColumn : column.baseTable().columns()) {
        if (tableColumn.name().equals(column.baseColumn())
            && tableColumn.type().equals(column.type())) {
          return types.mapColumn(column.baseTable(), tableColumn);
        }
      }
    }
    return types.map(column.type());
  }

  /**
   * A result column with the table it is read from directly.
   *
   * @param type the {@link dev.quarry.processor.lock.TypeKey} of its type
   * @param baseTable the table, or null for an expression
   * @param baseColumn the table column's name, or null for an expression
   */
  private record Column(
      String name,
      String type,
      boolean nullable,
      @Nullable ResolvedTable baseTable,
      @Nullable String baseColumn) {}

  /** The result columns of {@code query}, each with its table if the resolution has it. */
  private List<Column> columns(ResolvedStatement query) {
    List<Column> columns = new ArrayList<>();
    for (ResolvedColumn column : query.resolved().columns()) {
      ResolvedTable table =
          column.table() == null ? null : types.resolution().tables().get(column.table());
      columns.add(
          new Column(
              column.name(),
              column.type(),
              column.nullable(),
              table,
              table == null ? null : column.tableColumn()));
    }
    return columns;
  }

  private Field columnField(List<Column> columns, int i, Set<String> names) {
    Column column = columns.get(i);
    String sqlName = column.name().equals("?column?") ? "column_" + (i + 1) : column.name();
    ValueType type = rowLists(columnType(column));
    return new Field(
        unique(JavaNames.memberName(sqlName), names),
        column.name(),
        type,
        // A NULL list of rows reads as an empty list (see PgRows): the component is never null.
        column.nullable() && !(type instanceof ValueType.RowListValue));
  }

  /**
   * Whether a result column can be read: an array of anonymous records ({@code array_agg((c.id,
   * c.body))}) cannot, since PostgreSQL does not describe its attributes; nor can a list of rows
   * whose relation has a column that nested rows cannot hold. Reports the problem.
   */
  private boolean nestable(QueryDeclaration declaration, Column column) {
    ResolvedType type = types.type(column.type());
    if (type.isArray() && type.element() != null) {
      ResolvedType element = types.type(type.element());
      if (element.isBuiltIn() && element.name().equals("record")) {
        diagnostics.report(
            Message.RECORD_ARRAY_COLUMN,
            columnLocation(declaration, column.name()),
            declaration.name(),
            column.name());
        return false;
      }
    }
    ValueType mapped = columnType(column);
    if (mapped instanceof ValueType.RowListValue rows) {
      String problem = unreadableInRows(rows.relation(), new HashSet<>());
      if (problem != null) {
        diagnostics.report(
            Message.ROW_LIST_COLUMN_UNREADABLE,
            columnLocation(declaration, column.name()),
            declaration.name(),
            column.name(),
            problem);
        return false;
      }
    }
    return true;
  }

  /** What keeps the rows of {@code relation} from being read as nested records, or null. */
  private @Nullable String unreadableInRows(ResolvedTable relation, Set<String> seen) {
    if (!seen.add(key(relation))) {
      // Rows holding lists of their own kind read recursively.
      return null;
    }
    for (ResolvedField column : relation.columns()) {
      ValueType type = types.mapColumn(relation, column);
      if (type instanceof ValueType.RowListValue rows) {
        String problem = unreadableInRows(rows.relation(), seen);
        if (problem != null) {
          return problem;
        }
      } else if ((type instanceof ValueType.ArrayValue array && !JavaTypesSupport.flatArray(array))
          || type instanceof ValueType.ConvertedValue) {
        return "the column "
            + column.name()
            + " of "
            + relation.displayName()
            + " is "
            + (type instanceof ValueType.ArrayValue
                ? "a multi-dimensional array or an array of a type other than a number, string,"
                    + " boolean, date, time, uuid, bytea or enum"
                : "of a type with a converter (type override)")
            + ", which Quarry cannot read inside a nested row yet; collect a view's rows that"
            + " leave it out";
      }
    }
    return null;
  }

  /**
   * Where the statement names a result column: the alias after {@code AS}, or else the statement's
   * start.
   */
  private static dev.quarry.processor.diagnostics.SourceLocation columnLocation(
      QueryDeclaration declaration, String name) {
    TokenList tokens = declaration.tokens();
    Token previous = null;
    for (Token token : tokens) {
      if (token.trivia()) {
        continue;
      }
      if (previous != null
          && previous.isWord(tokens.text(), "as")
          && (token.kind() == TokenKind.IDENTIFIER || token.kind() == TokenKind.QUOTED_IDENTIFIER)
          && tokens.name(token).equals(name)) {
        return declaration.location(token.start());
      }
      previous = token;
    }
    return declaration.location(declaration.sqlStart());
  }

  /**
   * {@code type} with each list of rows naming its relation's record, which is then generated with
   * a reader of record text; the relation's own lists of rows likewise.
   */
  private ValueType rowLists(ValueType type) {
    if (type instanceof ValueType.RowListValue rows) {
      TableRecord record = tableRecord(rows.relation()).asNested();
      tableRecords.put(key(rows.relation()), record);
      // A record still being built (a relation holding lists of its own rows) stays text.
      boolean complete = record.fields().size() == rows.relation().columns().size();
      boolean binary = complete && record.fields().stream().allMatch(f -> readsBinary(f.type()));
      return new ValueType.RowListValue(rows.pgName(), rows.relation(), record.javaName(), binary);
    }
    return type;
  }

  /** Which array attributes nested rows can hold. */
  static final class JavaTypesSupport {
    private JavaTypesSupport() {}

    /**
     * A one-dimensional array of a scalar (other than types read as their text, whose arrays may
     * use another delimiter, e.g. {@code box}) or of an enum.
     */
    static boolean flatArray(ValueType.ArrayValue array) {
      ValueType element = array.element();
      return element instanceof ValueType.EnumValue
          || (element instanceof ValueType.ScalarValue scalar
              && scalar.scalar() != dev.quarry.processor.types.Scalar.TEXT_OTHER);
    }
  }

  /**
   * Whether the runtime reads values of {@code type} inside a row in PostgreSQL's binary format too
   * (PgRows): integers, floats, booleans, strings, enums, bytea, uuid, dates and timestamps, and
   * lists of rows that hold only those. Others (numeric, time, interval, json, composites ...) keep
   * the column in text.
   */
  private static boolean readsBinary(ValueType type) {
    if (type instanceof ValueType.RowListValue rows) {
      return rows.binary();
    }
    if (type instanceof ValueType.EnumValue) {
      return true;
    }
    if (!(type instanceof ValueType.ScalarValue scalar) || scalar.pgName().equals("oid")) {
      return false;
    }
    return switch (scalar.scalar()) {
      case SHORT,
          INT,
          LONG,
          FLOAT,
          DOUBLE,
          BOOLEAN,
          STRING,
          BYTES,
          UUID,
          DATE,
          TIMESTAMP,
          TIMESTAMP_TZ ->
          true;
      default -> false;
    };
  }

  /**
   * Where, at or after column {@code from}, the columns that {@code t.*} gave for an embed start: a
   * run of one table's columns, in order, under their own names. A table named as the embed is
   * preferred; an alias matches any table. -1 when there is none.
   */
  private static int embedStart(List<Column> columns, int from, EmbedReference reference) {
    boolean namesATable =
        columns.stream()
            .anyMatch(c -> c.baseTable() != null && c.baseTable().name().equals(reference.table()));
    for (int start = from; start < columns.size(); start++) {
      ResolvedTable table = columns.get(start).baseTable();
      if (table == null
          || (namesATable && !table.name().equals(reference.table()))
          || start + table.columns().size() > columns.size()) {
        continue;
      }
      boolean whole = true;
      for (int k = 0; k < table.columns().size() && whole; k++) {
        Column column = columns.get(start + k);
        String name = table.columns().get(k).name();
        whole =
            column.baseTable() != null
                && key(column.baseTable()).equals(key(table))
                && name.equals(column.baseColumn())
                && name.equals(column.name());
      }
      if (whole) {
        return start;
      }
    }
    return -1;
  }

  /**
   * Whether the run of {@code table}'s columns at {@code start} may be all NULL because an outer
   * join null-extends the table: some column the table declares NOT NULL is nullable here. A table
   * without NOT NULL columns (so without a primary key) cannot show it, so its embed is always
   * nullable: absent when every column is NULL.
   */
  private static boolean nullExtended(List<Column> columns, int start, ResolvedTable table) {
    if (table.columns().stream().noneMatch(ResolvedField::notNull)) {
      return true;
    }
    for (int k = 0; k < table.columns().size(); k++) {
      if (table.columns().get(k).notNull() && columns.get(start + k).nullable()) {
        return true;
      }
    }
    return false;
  }

  /** The table whose whole row, in order, under its own column names, the columns are. */
  private static @Nullable ResolvedTable wholeRowOf(List<Column> columns) {
    if (columns.isEmpty() || columns.get(0).baseTable() == null) {
      return null;
    }
    ResolvedTable table = columns.get(0).baseTable();
    if (table.columns().size() != columns.size()) {
      return null;
    }
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      ResolvedField tableColumn = table.columns().get(i);
      boolean same =
          column.baseTable() != null
              && key(column.baseTable()).equals(key(table))
              && tableColumn.name().equals(column.baseColumn())
              && tableColumn.name().equals(column.name())
              && column.nullable() == !tableColumn.notNull();
      if (!same) {
        return null;
      }
    }
    return table;
  }

  /**
   * Names the records of every table a result will use, before any is used, so that a table's
   * record name does not depend on which query uses it first: when two tables give the same name, a
   * table in {@code public} comes first, then one whose name is that name as it is ({@code user}
   * before {@code users}, {@code type} before {@code _}), then by schema and name. The others get
   * {@code Record}, {@code Record3}, ... suffixes.
   */
  private void nameTables(
      List<QueryFile> files, Map<QueryDeclaration, ResolvedStatement> statements) {
    Map<String, ResolvedTable> used = new HashMap<>();
    for (QueryFile file : files) {
      for (QueryDeclaration declaration : file.queries()) {
        ResolvedStatement query = statements.get(declaration);
        if (query == null
            || !query.resolved().returnsRows()
            || !declaration.command().returnsRows()) {
          continue;
        }
        List<Column> columns = columns(query);
        ResolvedTable whole = wholeRowOf(columns);
        if (whole != null) {
          used.putIfAbsent(key(whole), whole);
          continue;
        }
        int next = 0;
        for (EmbedReference reference : query.parsed().embeds()) {
          int start = embedStart(columns, next, reference);
          if (start < 0) {
            break;
          }
          ResolvedTable embedded = Objects.requireNonNull(columns.get(start).baseTable());
          used.putIfAbsent(key(embedded), embedded);
          next = start + embedded.columns().size();
        }
      }
    }
    // Types keep their own names; a record whose name a type has gets a suffix. So every enum and
    // composite type the package will hold is named before any record is.
    for (QueryFile file : files) {
      for (QueryDeclaration declaration : file.queries()) {
        ResolvedStatement query = statements.get(declaration);
        if (query == null) {
          continue;
        }
        for (ResolvedParameter parameter : query.resolved().parameters()) {
          nameType(parameter.type());
        }
        for (ResolvedColumn column : query.resolved().columns()) {
          nameType(column.type());
          if (types.map(column.type()) instanceof ValueType.RowListValue rows) {
            used.putIfAbsent(key(rows.relation()), rows.relation());
          }
        }
      }
    }
    // The relations whose rows lists hold, down to lists inside their rows.
    java.util.Deque<ResolvedTable> pending = new java.util.ArrayDeque<>(used.values());
    while (!pending.isEmpty()) {
      ResolvedTable table = pending.poll();
      for (ResolvedField column : table.columns()) {
        nameType(column.type());
        if (types.mapColumn(table, column) instanceof ValueType.RowListValue rows
            && used.putIfAbsent(key(rows.relation()), rows.relation()) == null) {
          pending.add(rows.relation());
        }
      }
    }
    List<ResolvedTable> ordered = new ArrayList<>(used.values());
    ordered.sort(
        Comparator.comparing((ResolvedTable t) -> !t.schema().equals("public"))
            .thenComparing(
                t ->
                    !JavaNames.typeName(JavaNames.singular(t.name()))
                        .equalsIgnoreCase(t.name().replace("_", "")))
            .thenComparing(ResolvedTable::schema)
            .thenComparing(ResolvedTable::name));
    for (ResolvedTable table : ordered) {
      tableNames.put(key(table), newTableName(table));
    }
  }

  private static String key(ResolvedTable table) {
    return table.schema() + "." + table.name();
  }

  private String newTableName(ResolvedTable table) {
    String base = JavaNames.typeName(JavaNames.singular(table.name()));
    if (!table.schema().equals("public")) {
      base = topLevelNames.contains(base) ? JavaNames.typeName(table.schema() + "_" + base) : base;
    }
    String javaName = base;
    for (int n = 2; topLevelNames.contains(javaName) || enumNamed(javaName); n++) {
      javaName = base + (n == 2 ? "Record" : "Record" + n);
    }
    topLevelNames.add(javaName);
    return javaName;
  }

  private TableRecord tableRecord(ResolvedTable table) {
    String key = key(table);
    TableRecord existing = tableRecords.get(key);
    if (existing != null) {
      return existing;
    }
    String named = tableNames.get(key);
    String javaName = named != null ? named : newTableName(table);
    List<Field> fields = new ArrayList<>();
    Set<String> names = new HashSet<>();
    // Registered before its columns are mapped, so that a relation holding lists of its own rows
    // does not recurse (unreadableInRows reports it).
    tableRecords.put(key, new TableRecord(javaName, table.schema(), table.name(), List.of()));
    for (ResolvedField column : table.columns()) {
      ValueType type = rowLists(types.mapColumn(table, column));
      fields.add(
          new Field(
              unique(JavaNames.memberName(column.name()), names),
              column.name(),
              type,
              !column.notNull() && !(type instanceof ValueType.RowListValue)));
    }
    boolean nested = tableRecords.get(key).nested();
    TableRecord record = new TableRecord(javaName, table.schema(), table.name(), fields, nested);
    tableRecords.put(key, record);
    return record;
  }

  private boolean enumNamed(String javaName) {
    return types.enums().stream().anyMatch(e -> e.javaName().equals(javaName))
        || types.composites().stream().anyMatch(c -> c.javaName().equals(javaName));
  }

  /** Maps a type so that, if it is an enum or composite type, its Java name is taken. */
  private void nameType(String type) {
    types.map(type);
  }

  /**
   * The method name for a query: {@code FindUserByEmail} gives {@code findUserByEmail}, {@code
   * UpdateBookISBN} gives {@code updateBookISBN}; names with underscores are camel-cased.
   */
  public static String methodName(String queryName) {
    if (CAMEL_NAME.matcher(queryName).matches()) {
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
        name =
            queryName.substring(0, upper - 1).toLowerCase(java.util.Locale.ROOT)
                + queryName.substring(upper - 1);
      }
      return javax.lang.model.SourceVersion.isName(name) ? name : name + "_";
    }
    return JavaNames.memberName(queryName);
  }

  /**
   * The method name for a query taking {@code parameters} parameters, with a trailing underscore
   * where it would clash with a method every class has from {@code Object} (most are final): a
   * query {@code Notify} without parameters gives {@code notify_()}, while {@code GetClass} with an
   * id stays {@code getClass(long id)}.
   */
  static String methodName(String queryName, int parameters) {
    String name = methodName(queryName);
    boolean clashes =
        (parameters == 0 && OBJECT_METHODS.contains(name))
            || name.equals("wait")
            || (parameters == 1 && name.equals("equals"));
    return clashes ? name + "_" : name;
  }

  private static final Set<String> OBJECT_METHODS =
      Set.of("notify", "notifyAll", "getClass", "hashCode", "toString", "clone", "finalize");

  /** {@code name}, or it with 2, 3... appended when taken. */
  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = name + n;
    }
    return candidate;
  }
}
