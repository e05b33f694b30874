package dev.quarry.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.quarry.processor.dynamic.Blocks;
import dev.quarry.processor.model.EmbeddedTable;
import dev.quarry.processor.model.Field;
import dev.quarry.processor.model.QueryMethod;
import dev.quarry.processor.model.Repository;
import dev.quarry.processor.model.ResultShape;
import dev.quarry.processor.model.RowRecord;
import dev.quarry.processor.syntax.Command;
import dev.quarry.processor.syntax.QueryDeclaration;
import dev.quarry.processor.types.ValueType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * Writes one {@code <FileName>Queries} class: a constant per statement, a method per query running
 * it through plain JDBC, a reader per row type, and the nested row records.
 */
final class RepositoryWriter {
  private static final ClassName CONNECTION = ClassName.get("java.sql", "Connection");
  private static final ClassName SQL_EXCEPTION = ClassName.get("java.sql", "SQLException");
  private static final ClassName DATA_SOURCE = ClassName.get("javax.sql", "DataSource");
  static final ClassName CONNECTION_SOURCE =
      ClassName.get("dev.quarry.runtime", "ConnectionSource");
  private static final ClassName QUERY = ClassName.get("dev.quarry.runtime", "Query");
  private static final ClassName PATCH = ClassName.get("dev.quarry.runtime", "Patch");
  private static final ClassName QUERY_RUNNER = ClassName.get("dev.quarry.runtime", "QueryRunner");
  private static final ClassName OPTIONAL = ClassName.get(Optional.class);
  private static final ClassName EXEC_RESULT = ClassName.get("dev.quarry.runtime", "ExecResult");
  private static final ClassName STREAM = ClassName.get("java.util.stream", "Stream");
  private static final ClassName ITERABLE = ClassName.get(Iterable.class);
  private static final ClassName COLLECTIONS = ClassName.get(Collections.class);
  private static final ClassName ARRAY_LIST = ClassName.get(ArrayList.class);

  /** Longest piece of a string literal, so that constants stay within the line width. */
  private static final int LITERAL_PIECE = 72;

  private final String packageName;
  private final JavaTypes types;
  private final TableRecordWriter records;
  private final DynamicWriter dynamic;

  RepositoryWriter(String packageName, JavaTypes types, TableRecordWriter records) {
    this.packageName = packageName;
    this.types = types;
    this.records = records;
    this.dynamic = new DynamicWriter(types);
  }

  JavaFile write(Repository repository) {
    ClassName self = ClassName.get(packageName, repository.javaName());
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(JavaTypes.generated())
            .addAnnotation(JavaTypes.NULL_MARKED)
            .addJavadoc(
                "The queries of {@code $L}, checked against the schema at build time.\n",
                repository.file().displayPath());
    type.addField(
        FieldSpec.builder(QUERY_RUNNER, "runner", Modifier.PRIVATE, Modifier.FINAL).build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc("Runs each call on a connection of its own from {@code dataSource}.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(DATA_SOURCE, "dataSource")
            .addStatement("this($T.of(dataSource))", QUERY_RUNNER)
            .build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc("Runs every call on {@code connection}, which the caller manages.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(CONNECTION, "connection")
            .addStatement("this($T.of(connection))", QUERY_RUNNER)
            .build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc("Runs every call on a connection from {@code connections}.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(CONNECTION_SOURCE, "connections")
            .addStatement("this(new $T(connections))", QUERY_RUNNER)
            .build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc(
                "Runs every call through {@code runner}: its connections, and its listener if it"
                    + " has one.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(QUERY_RUNNER, "runner")
            .addStatement("this.runner = $T.requireNonNull(runner, $S)", Objects.class, "runner")
            .build());

    addConverterFields(type, repository);
    Map<String, MethodSpec> readers = new LinkedHashMap<>();
    for (QueryMethod method : repository.methods()) {
      if (method.dynamic() != null) {
        dynamic.constants(method, sqlConstant(method)).forEach(type::addField);
        continue;
      }
      type.addField(
          FieldSpec.builder(
                  QUERY, sqlConstant(method), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer(queryConstant(method))
              .build());
    }
    for (QueryMethod method : repository.methods()) {
      type.addMethod(method(self, method, readers));
    }
    readers.values().forEach(type::addMethod);
    for (RowRecord row : repository.rowRecords()) {
      type.addType(
          records.nested(self.nestedClass(row.javaName()), row, queryNameOf(repository, row)));
    }
    for (QueryMethod method : repository.methods()) {
      if (method.parameterRecord() != null) {
        type.addType(parameterRecord(method, method.parameterRecord()));
      }
      if (method.dynamic() != null && method.dynamic().filterRecord() != null) {
        type.addType(dynamic.filterRecord(self, method));
      }
      if (method.dynamic() != null && method.dynamic().sortEnum() != null) {
        type.addType(DynamicWriter.sortEnum(method));
      }
    }
    return JavaFile.builder(packageName, type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /** One static instance of each user converter the repository's values go through. */
  private static void addConverterFields(TypeSpec.Builder type, Repository repository) {
    java.util.Set<String> converters = new java.util.TreeSet<>();
    for (QueryMethod method : repository.methods()) {
      for (Field parameter : method.parameters()) {
        JavaTypes.collectConverters(parameter.type(), converters);
      }
      for (Field field : resultFields(method.result())) {
        JavaTypes.collectConverters(field.type(), converters);
      }
    }
    for (String converter : converters) {
      ClassName converterType = ClassName.bestGuess(converter);
      type.addField(
          FieldSpec.builder(
                  converterType,
                  JavaTypes.converterField(converter),
                  Modifier.PRIVATE,
                  Modifier.STATIC,
                  Modifier.FINAL)
              .initializer("new $T()", converterType)
              .build());
    }
  }

  /** Every value a result carries, embedded tables' columns included. */
  private static List<Field> resultFields(ResultShape result) {
    List<Field> fields = new ArrayList<>();
    if (result instanceof ResultShape.SingleValue single) {
      fields.add(single.field());
    } else if (result instanceof ResultShape.TableRow table) {
      fields.addAll(table.record().fields());
    } else if (result instanceof ResultShape.Row row) {
      fields.addAll(row.record().fields());
      for (dev.quarry.processor.model.EmbeddedTable embed : row.record().embeds()) {
        fields.addAll(embed.record().fields());
      }
    }
    return fields;
  }

  private static String queryNameOf(Repository repository, RowRecord row) {
    for (QueryMethod method : repository.methods()) {
      if (method.result() instanceof ResultShape.Row r && r.record() == row) {
        return method.declaration().name();
      }
    }
    return row.javaName();
  }

  private static String sqlConstant(QueryMethod method) {
    return method
        .declaration()
        .name()
        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .toUpperCase(Locale.ROOT);
  }

  /**
   * {@code new Query("FindUser", ":one", "queries/users.sql", 3, "SELECT ...")}: what the runtime
   * needs to run the query, name it in exceptions and report it to a listener.
   */
  private static CodeBlock queryConstant(QueryMethod method) {
    QueryDeclaration declaration = method.declaration();
    return CodeBlock.builder()
        .add(
            "new $T($S,$W$S,$W$S,$W$L,\n",
            QUERY,
            declaration.name(),
            declaration.command().text(),
            declaration.file().displayPath(),
            declaration.file().lineOf(declaration.headerOffset()))
        .indent()
        .indent()
        .add(literal(method.copySql() != null ? method.copySql() : method.jdbcSql()))
        .add(")")
        .unindent()
        .unindent()
        .build();
  }

  /**
   * A string literal as pieces joined by {@code +}, one line each: at the text's own line breaks,
   * and between words where a line would grow past {@link #LITERAL_PIECE} characters.
   */
  static CodeBlock literal(String text) {
    List<String> pieces = new ArrayList<>();
    for (String line : text.split("(?<=\n)")) {
      int start = 0;
      while (line.length() - start > LITERAL_PIECE) {
        int cut = line.lastIndexOf(' ', start + LITERAL_PIECE);
        if (cut <= start) {
          cut = line.indexOf(' ', start + LITERAL_PIECE);
          if (cut < 0) {
            break;
          }
        }
        pieces.add(line.substring(start, cut + 1));
        start = cut + 1;
      }
      pieces.add(line.substring(start));
    }
    CodeBlock.Builder literal = CodeBlock.builder();
    for (int i = 0; i < pieces.size(); i++) {
      literal.add(i == 0 ? "$S" : "\n+ $S", pieces.get(i));
    }
    return literal.build();
  }

  /** The parameters of a generated method, and how to reach each SQL parameter's value. */
  private final class Parameters {
    final QueryMethod method;

    /** Every name of the method's scope: its parameters, then the names of its lambdas. */
    final NameAllocator names = new NameAllocator();

    final List<ParameterSpec> specs = new ArrayList<>();
    final CodeBlock.Builder checks = CodeBlock.builder();

    /** For one method parameter per SQL parameter: their names. */
    final List<String> plain = new ArrayList<>();

    /** The record parameter, or the list of parameter sets; null when the parameters are plain. */
    @Nullable String holder;

    /** The filter and sort parameters of a method with optional blocks or a run-time sort. */
    String filter = "";

    String sort = "";

    /** For each switch of an optional block, by parameter index: its value in the filter. */
    final Map<Integer, String> switches = new LinkedHashMap<>();

    Parameters(ClassName self, QueryMethod method) {
      this.method = method;
      RowRecord record = method.parameterRecord();
      Command command = method.declaration().command();
      if (method.dynamic() != null) {
        if (method.dynamic().filterRecord() != null) {
          filter = names.newName("filter", "filter");
          specs.add(
              ParameterSpec.builder(self.nestedClass(method.dynamic().filterRecord()), filter)
                  .build());
          checks.addStatement("$T.requireNonNull($N, $S)", Objects.class, filter, filter);
          for (int index : method.dynamic().switches()) {
            switches.put(
                index, filter + "." + method.parameters().get(index).javaName() + "().value()");
          }
        }
        if (method.dynamic().sortEnum() != null) {
          sort = names.newName("sort", "sort");
          specs.add(
              ParameterSpec.builder(self.nestedClass(method.dynamic().sortEnum()), sort).build());
          checks.addStatement("$T.requireNonNull($N, $S)", Objects.class, sort, sort);
        }
      }
      if (command.perParameterSet()) {
        TypeName element =
            record != null
                ? self.nestedClass(record.javaName())
                : parameterType(method.parameters().get(0)).box();
        ClassName container = command == Command.COPYFROM ? ITERABLE : JavaTypes.LIST;
        holder =
            names.newName(
                record != null ? "params" : method.parameters().get(0).javaName() + "List",
                "holder");
        specs.add(
            ParameterSpec.builder(ParameterizedTypeName.get(container, element), holder).build());
        checks.addStatement("$T.requireNonNull($N, $S)", Objects.class, holder, holder);
      } else if (record != null) {
        holder = names.newName("params", "holder");
        specs.add(ParameterSpec.builder(self.nestedClass(record.javaName()), holder).build());
        checks.addStatement("$T.requireNonNull($N, $S)", Objects.class, holder, holder);
      } else {
        for (Field parameter : method.parameters()) {
          if (parameter.role() == Field.Role.PATCH_FLAG) {
            plain.add(plain.get(parameter.partner()));
            continue;
          }
          String inFilter = switches.get(plain.size());
          if (inFilter != null) {
            plain.add(inFilter);
            continue;
          }
          String name = names.newName(parameter.javaName(), parameter);
          plain.add(name);
          TypeName typeName = parameterType(parameter);
          specs.add(ParameterSpec.builder(typeName, name).build());
          if (parameter.role() == Field.Role.PATCH && !parameter.nullable()) {
            // Patch.set(null) for a NOT NULL column is rejected here, before the statement runs.
            checks.addStatement("$T.requireNonNullValue($N, $S)", PATCH, name, name);
          } else if (parameter.role() == Field.Role.PATCH
              || (!parameter.nullable() && !typeName.isPrimitive())) {
            checks.addStatement("$T.requireNonNull($N, $S)", Objects.class, name, name);
          }
        }
      }
    }

    /** The expression for parameter {@code index}; {@code item} is the current set of a batch. */
    String value(int index, @Nullable String item) {
      if (switches.containsKey(index)) {
        return switches.get(index);
      }
      if (!plain.isEmpty()) {
        return plain.get(index);
      }
      if (method.parameterRecord() == null) {
        return Objects.requireNonNull(item, "a batch of plain values binds its item");
      }
      String base = method.declaration().command().perParameterSet() ? item : holder;
      return base + "." + method.parameters().get(index).javaName() + "()";
    }

    /**
     * The binder lambda: {@code statement -> {...}}, or {@code (statement, item) -> {...}} for a
     * batch, binding every placeholder of the statement.
     */
    CodeBlock binder(String statement, @Nullable String item) {
      if (method.dynamic() != null) {
        CodeBlock body =
            dynamic.bindings(
                method, statement, names.newName("at"), filter, index -> value(index, item));
        if (body.isEmpty()) {
          return CodeBlock.of("$N -> {}", statement);
        }
        return CodeBlock.builder()
            .add("$N -> {\n", statement)
            .indent()
            .add(body)
            .unindent()
            .add("}")
            .build();
      }
      CodeBlock.Builder body = CodeBlock.builder();
      for (int placeholder = 0; placeholder < method.bindings().size(); placeholder++) {
        int parameter = method.bindings().get(placeholder);
        Field field = method.parameters().get(parameter);
        if (field.role() == Field.Role.PATCH_FLAG) {
          body.add(
              "$N.setBoolean($L, $L.isSet());\n",
              statement,
              placeholder + 1,
              value(parameter, item));
          continue;
        }
        if (field.role() == Field.Role.PATCH) {
          // Unchanged binds a typed NULL that the CASE never uses.
          body.add(
              "$L;\n",
              types.bind(
                  field.type(),
                  true,
                  statement,
                  placeholder + 1,
                  CodeBlock.of("$L.value()", value(parameter, item)),
                  statement + ".getConnection()"));
          continue;
        }
        // Not addStatement: the lambda is inside the method's statement, and statements don't nest.
        body.add(
            "$L;\n",
            types.bind(
                field.type(),
                field.nullable(),
                statement,
                placeholder + 1,
                CodeBlock.of("$L", value(parameter, item)),
                statement + ".getConnection()"));
      }
      CodeBlock head =
          item == null
              ? CodeBlock.of("$N ->", statement)
              : CodeBlock.of("($N, $N) ->", statement, item);
      java.util.Set<String> binaryLists = binaryRowLists(method.result());
      if (method.bindings().isEmpty() && binaryLists.isEmpty()) {
        return CodeBlock.of("$L {}", head);
      }
      CodeBlock.Builder receive = CodeBlock.builder();
      for (String arrayType : binaryLists) {
        // Lists of rows travel in binary once the statement is prepared on the server.
        receive.add("$T.receiveBinary($N, $S);\n", JavaTypes.PG_ROWS, statement, arrayType);
      }
      return CodeBlock.builder()
          .add("$L {\n", head)
          .indent()
          .add(receive.build())
          .add(body.build())
          .unindent()
          .add("}")
          .build();
    }
  }

  /** The array types of the result's lists of rows that may be received in binary, in order. */
  private static java.util.Set<String> binaryRowLists(ResultShape result) {
    List<Field> fields = new ArrayList<>();
    if (result instanceof ResultShape.SingleValue single) {
      fields.add(single.field());
    } else if (result instanceof ResultShape.TableRow table) {
      fields.addAll(table.record().fields());
    } else if (result instanceof ResultShape.Row row) {
      fields.addAll(row.record().fields());
      for (EmbeddedTable embed : row.record().embeds()) {
        fields.addAll(embed.record().fields());
      }
    }
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (Field field : fields) {
      if (field.type() instanceof ValueType.RowListValue rows && rows.binary()) {
        names.add(rows.pgName());
      }
    }
    return names;
  }

  private TypeName parameterType(Field parameter) {
    if (parameter.role() == Field.Role.PATCH) {
      return ParameterizedTypeName.get(
          PATCH, types.parameterTypeName(parameter.type(), parameter.nullable()).box());
    }
    return types.parameterTypeName(parameter.type(), parameter.nullable());
  }

  /**
   * One method: its null checks, then one call of {@code QueryRunner} with the query's constant, a
   * lambda binding the parameters and one mapping a row.
   */
  private MethodSpec method(ClassName self, QueryMethod method, Map<String, MethodSpec> readers) {
    QueryDeclaration declaration = method.declaration();
    Command command = declaration.command();
    Parameters parameters = new Parameters(self, method);
    NameAllocator names = parameters.names;
    String runner = parameters.plain.contains("runner") ? "this.runner" : "runner";
    String statement = names.newName("statement");
    String rows = names.newName("rows");
    String constant = sqlConstant(method);
    ResultShape result = method.result();
    CodeBlock dynamicQuery = null;
    if (method.dynamic() != null) {
      // The statement of this call, joined from constant parts only.
      String query = names.newName("query");
      dynamicQuery =
          CodeBlock.of(
              "final $T $N =$W$L;\n",
              QUERY,
              query,
              dynamic.query(method, constant, parameters.filter, parameters.sort));
      constant = query;
    }

    CodeBlock call;
    TypeName returns;
    if (command.perParameterSet()) {
      String item = names.newName("item");
      if (command == Command.COPYFROM) {
        String out = names.newName("out");
        // One column per line when they don't fit on one.
        boolean tall = method.bindings().size() > 3;
        CodeBlock.Builder values = CodeBlock.builder().add("$N", out);
        if (tall) {
          values.indent().indent();
        }
        for (int parameter : method.bindings()) {
          values.add(
              tall ? "\n.add($L)" : ".add($L)",
              types.toDatabase(
                  method.parameters().get(parameter).type(), parameters.value(parameter, item)));
        }
        if (tall) {
          values.unindent().unindent();
        }
        call =
            CodeBlock.of(
                "return $L.copy($N, $N, ($N, $N) -> $L)",
                runner,
                constant,
                parameters.holder,
                item,
                out,
                values.build());
        returns = TypeName.LONG;
      } else if (command == Command.BATCHEXEC) {
        call =
            CodeBlock.of(
                "return $L.batch($N, $N, $L)",
                runner,
                constant,
                parameters.holder,
                parameters.binder(statement, item));
        returns = com.palantir.javapoet.ArrayTypeName.of(TypeName.LONG);
      } else {
        TypeName rowType = rowType(self, result).box();
        boolean one = command == Command.BATCHONE;
        call =
            CodeBlock.of(
                "return $L.$L($N, $N, $L,$W$L)",
                runner,
                one ? "batchOptional" : "batchList",
                constant,
                parameters.holder,
                parameters.binder(statement, item),
                mapper(self, result, rows, readers));
        TypeName perSet =
            one
                ? ParameterizedTypeName.get(OPTIONAL, rowType.withoutAnnotations())
                : ParameterizedTypeName.get(JavaTypes.LIST, rowType);
        returns = ParameterizedTypeName.get(JavaTypes.LIST, perSet);
      }
    } else {
      CodeBlock binder = parameters.binder(statement, null);
      if (result instanceof ResultShape.Nothing) {
        call = CodeBlock.of("$L.execute($N, $L)", runner, constant, binder);
        returns = TypeName.VOID;
      } else if (result instanceof ResultShape.RowCount count) {
        call =
            CodeBlock.of(
                "return $L.$L($N, $L)",
                runner,
                count.returnsRows() ? "countRows" : "updateCount",
                constant,
                binder);
        returns = TypeName.LONG;
      } else if (result instanceof ResultShape.ExecResult execResult) {
        call =
            CodeBlock.of(
                "return new $T($L.$L($N, $L))",
                EXEC_RESULT,
                runner,
                execResult.returnsRows() ? "countRows" : "updateCount",
                constant,
                binder);
        returns = EXEC_RESULT;
      } else {
        TypeName rowType = rowType(self, result);
        CodeBlock mapper = mapper(self, result, rows, readers);
        String how;
        if (command == Command.ONE && method.exactlyOneRow()) {
          // The statement always gives one row; the runner throws if a trigger or rule skipped it.
          how = "single";
          returns = rowType;
        } else if (command == Command.ONE) {
          how = "optional";
          TypeName value = rowType.box().withoutAnnotations();
          if (result instanceof ResultShape.SingleValue single && single.field().nullable()) {
            // Optional<Optional<T>>: the outer for the row, the inner for its value, so that
            // "no row" and NULL stay apart (docs/commands.md).
            mapper =
                CodeBlock.of(
                    "$N -> $T.ofNullable($L)",
                    rows,
                    OPTIONAL,
                    types.read(single.field().type(), true, rows, CodeBlock.of("1")));
            value = ParameterizedTypeName.get(OPTIONAL, value);
          }
          returns = ParameterizedTypeName.get(OPTIONAL, value);
        } else if (declaration.options().stream()) {
          how = "stream";
          returns = ParameterizedTypeName.get(STREAM, rowType.box());
        } else {
          how = "list";
          returns = ParameterizedTypeName.get(JavaTypes.LIST, rowType.box());
        }
        call = CodeBlock.of("return $L.$L($N, $L,$W$L)", runner, how, constant, binder, mapper);
      }
    }
    return MethodSpec.methodBuilder(method.javaName())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(javadoc(method))
        .addParameters(parameters.specs)
        .addCode(parameters.checks.build())
        .addCode(dynamicQuery == null ? CodeBlock.of("") : dynamicQuery)
        .returns(returns)
        .addCode("$L;\n", call)
        .build();
  }

  /**
   * {@code <Query>Params}: one record holding a method's parameters, checked for nulls; lists are
   * copied, so that a caller changing its list afterwards does not change the parameters.
   */
  private TypeSpec parameterRecord(QueryMethod method, RowRecord record) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    MethodSpec.Builder checks =
        MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
    for (Field field : record.fields()) {
      TypeName typeName = parameterType(field);
      String name = field.javaName();
      constructor.addParameter(ParameterSpec.builder(typeName, name).build());
      if (field.role() == Field.Role.PATCH && !field.nullable()) {
        checks.addStatement("$T.requireNonNullValue($N, $S)", PATCH, name, name);
      } else if (field.role() == Field.Role.PATCH
          || (!field.nullable() && !typeName.isPrimitive())) {
        checks.addStatement("$T.requireNonNull($N, $S)", Objects.class, name, name);
      }
      if (typeName.withoutAnnotations() instanceof ParameterizedTypeName list
          && list.rawType().equals(JavaTypes.LIST)) {
        // Not List.copyOf: it rejects null elements, which PostgreSQL arrays may hold.
        CodeBlock copy =
            CodeBlock.of("$T.unmodifiableList(new $T<>($N))", COLLECTIONS, ARRAY_LIST, name);
        if (field.nullable()) {
          checks.addStatement("$N = $N == null ? null : $L", name, name, copy);
        } else {
          checks.addStatement("$N = $L", name, copy);
        }
      }
    }
    TypeSpec.Builder type =
        TypeSpec.recordBuilder(record.javaName())
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("The parameters of {@code $L}.\n", method.declaration().name())
            .recordConstructor(constructor.build());
    MethodSpec compact = checks.build();
    if (!compact.code().isEmpty()) {
      type.addMethod(compact);
    }
    return type.build();
  }

  private TypeName rowType(ClassName self, ResultShape result) {
    if (result instanceof ResultShape.SingleValue single) {
      return types.typeName(single.field().type(), single.field().nullable());
    }
    if (result instanceof ResultShape.TableRow table) {
      return ClassName.get(packageName, table.record().javaName());
    }
    return self.nestedClass(((ResultShape.Row) result).record().javaName());
  }

  /**
   * The row mapper: {@code rows -> rows.getLong(1)} for one column, else a reference to the
   * record's reader method, which this registers.
   */
  private CodeBlock mapper(
      ClassName self, ResultShape result, String rows, Map<String, MethodSpec> readers) {
    if (result instanceof ResultShape.SingleValue single) {
      return CodeBlock.of(
          "$N -> $L",
          rows,
          types.read(single.field().type(), single.field().nullable(), rows, CodeBlock.of("1")));
    }
    ClassName recordType;
    List<Field> fields;
    List<EmbeddedTable> embeds = List.of();
    if (result instanceof ResultShape.TableRow table) {
      recordType = ClassName.get(packageName, table.record().javaName());
      fields = table.record().fields();
    } else {
      RowRecord row = ((ResultShape.Row) result).record();
      recordType = self.nestedClass(row.javaName());
      fields = row.fields();
      embeds = row.embeds();
    }
    String readerName = "read" + recordType.simpleName();
    if (embeds.isEmpty()) {
      readers.computeIfAbsent(readerName, name -> reader(name, recordType, fields));
    } else {
      if (!readers.containsKey(readerName)) {
        // Not computeIfAbsent: building this reader registers the embedded tables' readers.
        MethodSpec reader = embeddingReader(readerName, recordType, fields, embeds, readers);
        readers.put(readerName, reader);
      }
    }
    return CodeBlock.of("$T::$N", self, readerName);
  }

  /** Reads a row record with embedded tables: each embed's columns through its table's reader. */
  private MethodSpec embeddingReader(
      String name,
      ClassName recordType,
      List<Field> fields,
      List<EmbeddedTable> embeds,
      Map<String, MethodSpec> readers) {
    CodeBlock.Builder arguments = CodeBlock.builder();
    int column = 1;
    int field = 0;
    int embed = 0;
    for (int component = 0; component < fields.size() + embeds.size(); component++) {
      arguments.add(component == 0 ? "\n" : ",\n");
      if (embed < embeds.size() && embeds.get(embed).index() == component) {
        EmbeddedTable table = embeds.get(embed++);
        ClassName tableType = ClassName.get(packageName, table.record().javaName());
        String tableReader = "read" + tableType.simpleName() + "At";
        readers.computeIfAbsent(
            tableReader, n -> tableReaderAt(n, tableType, table.record().fields()));
        if (table.nullable()) {
          String nullableReader = "readNullable" + tableType.simpleName() + "At";
          readers.computeIfAbsent(
              nullableReader,
              n -> nullableTableReaderAt(n, tableReader, tableType, table.record().fields()));
          arguments.add("$N(rows, $L)", nullableReader, column - 1);
        } else {
          arguments.add("$N(rows, $L)", tableReader, column - 1);
        }
        column += table.record().fields().size();
      } else {
        Field f = fields.get(field++);
        arguments.add(
            "$L", types.read(f.type(), f.nullable(), "rows", CodeBlock.of("$L", column++)));
      }
    }
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(recordType)
        .addParameter(JavaTypes.RESULT_SET, "rows")
        .addException(SQL_EXCEPTION)
        .addCode(
            CodeBlock.builder()
                .add("return new $T(", recordType)
                .indent()
                .indent()
                .add(arguments.build())
                .add(");\n")
                .unindent()
                .unindent()
                .build())
        .build();
  }

  /**
   * An embed on the nullable side of an outer join: null when the join found no row. That shows in
   * the table's first NOT NULL column being NULL (the primary key's, when it comes first; any NOT
   * NULL column is NULL only in a null-extended row, and a null-extended row has every column
   * NULL); a table without NOT NULL columns is absent when every column is NULL.
   */
  private static MethodSpec nullableTableReaderAt(
      String name, String tableReader, ClassName recordType, List<Field> fields) {
    int key = -1;
    for (int i = 0; i < fields.size() && key < 0; i++) {
      Field field = fields.get(i);
      // A list of rows is never null, whatever the column holds; it says nothing of the row.
      if (!field.nullable() && !(field.type() instanceof ValueType.RowListValue)) {
        key = i;
      }
    }
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(
                recordType.annotated(
                    com.palantir.javapoet.AnnotationSpec.builder(JavaTypes.NULLABLE).build()))
            .addParameter(JavaTypes.RESULT_SET, "rows")
            .addParameter(TypeName.INT, "offset")
            .addException(SQL_EXCEPTION);
    if (key >= 0) {
      return method
          .addComment("$L is NOT NULL in every row the join found", fields.get(key).sqlName())
          .addStatement(
              "return rows.getObject(offset + $L) == null ? null : $N(rows, offset)",
              key + 1,
              tableReader)
          .build();
    }
    return method
        .beginControlFlow(
            "for (int column = offset + 1; column <= offset + $L; column++)", fields.size())
        .beginControlFlow("if (rows.getObject(column) != null)")
        .addStatement("return $N(rows, offset)", tableReader)
        .endControlFlow()
        .endControlFlow()
        .addStatement("return null")
        .build();
  }

  private MethodSpec reader(String name, ClassName recordType, List<Field> fields) {
    return reader(name, recordType, fields, false);
  }

  /** Reads a table's record from the columns after {@code offset} (an embed's columns). */
  private MethodSpec tableReaderAt(String name, ClassName recordType, List<Field> fields) {
    return reader(name, recordType, fields, true);
  }

  /**
   * A method reading one record from the current row: from column 1, or, {@code atOffset}, from the
   * column after an {@code offset} parameter.
   */
  private MethodSpec reader(
      String name, ClassName recordType, List<Field> fields, boolean atOffset) {
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      CodeBlock column = atOffset ? CodeBlock.of("offset + $L", i + 1) : CodeBlock.of("$L", i + 1);
      arguments.add(i == 0 ? "\n" : ",\n");
      arguments.add("$L", types.read(field.type(), field.nullable(), "rows", column));
    }
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(recordType)
            .addParameter(JavaTypes.RESULT_SET, "rows");
    if (atOffset) {
      method.addParameter(TypeName.INT, "offset");
    }
    return method
        .addException(SQL_EXCEPTION)
        .addCode(
            CodeBlock.builder()
                .add("return new $T(", recordType)
                .indent()
                .indent()
                .add(arguments.build())
                .add(");\n")
                .unindent()
                .unindent()
                .build())
        .build();
  }

  private static CodeBlock javadoc(QueryMethod method) {
    QueryDeclaration declaration = method.declaration();
    CodeBlock.Builder doc = CodeBlock.builder();
    for (String line : declaration.docLines()) {
      doc.add("$L\n", JavadocText.prose(line));
    }
    if (!declaration.docLines().isEmpty()) {
      doc.add("\n<p>");
    }
    doc.add(
        "$L $L, {@code $L:$L}:\n",
        "{@code " + declaration.name() + "}",
        "{@code " + declaration.command().text() + "}",
        declaration.file().displayPath(),
        declaration.file().lineOf(declaration.headerOffset()));
    String sql = declaration.sql();
    int end = method.dynamic() == null ? -1 : Blocks.of(declaration).end();
    if (end > declaration.sqlEnd()) {
      // A block's closing marker after the statement's last token.
      sql = declaration.file().text().substring(declaration.sqlStart(), end);
    }
    doc.add("$L", JavadocText.sqlBlock(sql));
    return doc.build();
  }
}
