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
import dev.quarry.processor.model.EmbeddedTable;
import dev.quarry.processor.model.Field;
import dev.quarry.processor.model.QueryMethod;
import dev.quarry.processor.model.Repository;
import dev.quarry.processor.model.ResultShape;
import dev.quarry.processor.model.RowRecord;
import dev.quarry.processor.query.Command;
import dev.quarry.processor.query.QueryDeclaration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes one {@code <FileName>Queries} class: a constant per statement, a method per query running
 * it through plain JDBC, a reader per row type, and the nested row records.
 */
final class RepositoryWriter {
  private static final ClassName CONNECTION = ClassName.get("java.sql", "Connection");
  private static final ClassName PREPARED_STATEMENT =
      ClassName.get("java.sql", "PreparedStatement");
  private static final ClassName SQL_EXCEPTION = ClassName.get("java.sql", "SQLException");
  private static final ClassName DATA_SOURCE = ClassName.get("javax.sql", "DataSource");
  static final ClassName CONNECTION_SOURCE =
      ClassName.get("dev.quarry.runtime", "ConnectionSource");
  private static final ClassName LEASE = CONNECTION_SOURCE.nestedClass("Lease");
  private static final ClassName QUERY_EXCEPTION =
      ClassName.get("dev.quarry.runtime", "QueryException");
  private static final ClassName OPTIONAL = ClassName.get(Optional.class);
  private static final ClassName ARRAY_LIST = ClassName.get(ArrayList.class);
  private static final ClassName EXEC_RESULT = ClassName.get("dev.quarry.runtime", "ExecResult");
  private static final ClassName TRANSACTIONS = ClassName.get("dev.quarry.runtime", "Transactions");
  private static final ClassName COPY_ROWS = ClassName.get("dev.quarry.runtime", "CopyRows");
  private static final ClassName QUERY_STREAMS =
      ClassName.get("dev.quarry.runtime", "QueryStreams");
  private static final ClassName STREAM = ClassName.get("java.util.stream", "Stream");
  private static final ClassName ITERABLE = ClassName.get(Iterable.class);

  private final String packageName;
  private final JavaTypes types;
  private final TableRecordWriter records;

  RepositoryWriter(String packageName, JavaTypes types, TableRecordWriter records) {
    this.packageName = packageName;
    this.types = types;
    this.records = records;
  }

  JavaFile write(Repository repository) {
    ClassName self = ClassName.get(packageName, repository.javaName());
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(JavaTypes.generated())
            .addAnnotation(JavaTypes.NULL_MARKED)
            .addJavadoc(
                "The queries of {@code $L}, checked against the schema at build time.\n\n"
                    + "<p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a\n"
                    + "{@link DataSource} to run each call on its own, or on a {@link Connection} to run calls\n"
                    + "inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).\n",
                repository.file().displayPath());
    type.addField(
        FieldSpec.builder(CONNECTION_SOURCE, "connections", Modifier.PRIVATE, Modifier.FINAL)
            .build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc("Runs each call on a connection of its own from {@code dataSource}.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(DATA_SOURCE, "dataSource")
            .addStatement("this($T.of(dataSource))", CONNECTION_SOURCE)
            .build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc("Runs every call on {@code connection}, which the caller manages.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(CONNECTION, "connection")
            .addStatement("this($T.of(connection))", CONNECTION_SOURCE)
            .build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc("Runs every call on a connection from {@code connections}.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(CONNECTION_SOURCE, "connections")
            .addStatement(
                "this.connections = $T.requireNonNull(connections, $S)",
                Objects.class,
                "connections")
            .build());

    addConverterFields(type, repository);
    Map<String, MethodSpec> readers = new LinkedHashMap<>();
    for (QueryMethod method : repository.methods()) {
      type.addField(
          FieldSpec.builder(
                  String.class,
                  sqlConstant(method),
                  Modifier.PRIVATE,
                  Modifier.STATIC,
                  Modifier.FINAL)
              .initializer("$S", method.copySql() != null ? method.copySql() : method.jdbcSql())
              .build());
    }
    for (QueryMethod method : repository.methods()) {
      type.addMethod(method(self, method, readers));
      if (method.declaration().command() == Command.MANY) {
        type.addMethod(streamMethod(self, method, readers));
      }
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

  /** The parameters of a generated method, and how to reach each SQL parameter's value. */
  private final class Parameters {
    final QueryMethod method;
    final NameAllocator names = new NameAllocator();
    final List<ParameterSpec> specs = new ArrayList<>();
    final CodeBlock.Builder checks = CodeBlock.builder();

    /** For one method parameter per SQL parameter: their names. */
    final List<String> plain = new ArrayList<>();

    /** The record parameter, or the list of parameter sets; null when the parameters are plain. */
    String holder;

    Parameters(ClassName self, QueryMethod method) {
      this.method = method;
      RowRecord record = method.parameterRecord();
      Command command = method.declaration().command();
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
          String name = names.newName(parameter.javaName(), parameter);
          plain.add(name);
          TypeName typeName = parameterType(parameter);
          specs.add(ParameterSpec.builder(typeName, name).build());
          if (!parameter.nullable() && !typeName.isPrimitive()) {
            checks.addStatement("$T.requireNonNull($N, $S)", Objects.class, name, name);
          }
        }
      }
    }

    /** The expression for parameter {@code index}; {@code item} is the current set of a batch. */
    String value(int index, String item) {
      if (!plain.isEmpty()) {
        return plain.get(index);
      }
      if (method.parameterRecord() == null) {
        return item;
      }
      String base = method.declaration().command().perParameterSet() ? item : holder;
      return base + "." + method.parameters().get(index).javaName() + "()";
    }

    /** Binds every placeholder of the statement. */
    void bind(CodeBlock.Builder body, String statement, String connection, String item) {
      for (int placeholder = 0; placeholder < method.bindings().size(); placeholder++) {
        int parameter = method.bindings().get(placeholder);
        Field field = method.parameters().get(parameter);
        body.addStatement(
            types.bind(
                field.type(),
                field.nullable(),
                statement,
                placeholder + 1,
                CodeBlock.of("$L", value(parameter, item)),
                connection));
      }
    }
  }

  private TypeName parameterType(Field parameter) {
    return types.parameterTypeName(parameter.type(), parameter.nullable());
  }

  private MethodSpec method(ClassName self, QueryMethod method, Map<String, MethodSpec> readers) {
    QueryDeclaration declaration = method.declaration();
    Command command = declaration.command();
    Parameters parameters = new Parameters(self, method);
    NameAllocator names = parameters.names;
    MethodSpec.Builder builder =
        MethodSpec.methodBuilder(method.javaName())
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(javadoc(method))
            .addParameters(parameters.specs)
            .addCode(parameters.checks.build());
    String connection = names.newName("connection");
    String statement = names.newName("statement");
    String rows = names.newName("rows");
    String failure = names.newName("e");

    CodeBlock.Builder body = CodeBlock.builder();
    TypeName returns;
    if (command.perParameterSet()) {
      returns =
          perParameterSet(self, method, parameters, body, connection, statement, rows, readers);
    } else {
      String lease = names.newName("lease");
      body.beginControlFlow("try ($T $N = connections.lease())", LEASE, lease);
      body.addStatement("$T $N = $N.connection()", CONNECTION, connection, lease);
      body.beginControlFlow(
          "try ($T $N = $N.prepareStatement($N))",
          PREPARED_STATEMENT,
          statement,
          connection,
          sqlConstant(method));
      parameters.bind(body, statement, connection, "");
      returns = execute(self, method, body, names, statement, rows, readers);
      body.endControlFlow();
      body.nextControlFlow("catch ($T $N)", SQL_EXCEPTION, failure);
      body.addStatement("throw new $T($S, $N)", QUERY_EXCEPTION, declaration.name(), failure);
      body.endControlFlow();
    }
    builder.returns(returns).addCode(body.build());
    return builder.build();
  }

  /**
   * Batches and COPY: the statement for every parameter set, on one connection, all or nothing
   * ({@code Transactions.atomically}: the caller's transaction, or one of its own).
   */
  private TypeName perParameterSet(
      ClassName self,
      QueryMethod method,
      Parameters parameters,
      CodeBlock.Builder body,
      String connection,
      String statement,
      String rows,
      Map<String, MethodSpec> readers) {
    QueryDeclaration declaration = method.declaration();
    Command command = declaration.command();
    NameAllocator names = parameters.names;
    String failure = names.newName("e");
    String item = names.newName("item");
    TypeName itemType =
        parameters.specs.get(0).type() instanceof ParameterizedTypeName p
            ? p.typeArguments().get(0)
            : ClassName.OBJECT;
    TypeName returns;
    TypeName rowType = null;
    if (command == Command.COPYFROM) {
      returns = TypeName.LONG;
    } else if (command == Command.BATCHEXEC) {
      returns = com.palantir.javapoet.ArrayTypeName.of(TypeName.LONG);
    } else {
      rowType = rowType(self, method.result()).box();
      TypeName perSet =
          command == Command.BATCHONE
              ? ParameterizedTypeName.get(OPTIONAL, rowType.withoutAnnotations())
              : ParameterizedTypeName.get(JavaTypes.LIST, rowType);
      returns = ParameterizedTypeName.get(JavaTypes.LIST, perSet);
    }
    if (command != Command.COPYFROM) {
      // Nothing to run: no connection needed.
      body.beginControlFlow("if ($N.isEmpty())", parameters.holder)
          .add(
              command == Command.BATCHEXEC
                  ? CodeBlock.of("return new long[0];\n")
                  : CodeBlock.of("return $T.of();\n", JavaTypes.LIST))
          .endControlFlow();
    }
    String lease = names.newName("lease");
    body.beginControlFlow("try ($T $N = connections.lease())", LEASE, lease);
    body.addStatement("$T $N = $N.connection()", CONNECTION, connection, lease);
    if (command == Command.COPYFROM) {
      String out = names.newName("out");
      CodeBlock.Builder values = CodeBlock.builder().add("$N", out);
      for (int parameter : method.bindings()) {
        values.add(
            ".add($L)",
            types.toDatabase(
                method.parameters().get(parameter).type(), parameters.value(parameter, item)));
      }
      body.addStatement(
          "return $T.copy($N, $N, $N, ($N, $N) -> $L)",
          COPY_ROWS,
          connection,
          sqlConstant(method),
          parameters.holder,
          item,
          out,
          values.build());
    } else {
      body.add("return $T.atomically($N, () -> {\n", TRANSACTIONS, connection).indent();
      body.beginControlFlow(
          "try ($T $N = $N.prepareStatement($N))",
          PREPARED_STATEMENT,
          statement,
          connection,
          sqlConstant(method));
      String results = names.newName("results");
      if (command == Command.BATCHEXEC) {
        body.beginControlFlow("for ($T $N : $N)", itemType, item, parameters.holder);
        parameters.bind(body, statement, connection, item);
        body.addStatement("$N.addBatch()", statement);
        body.endControlFlow();
        body.addStatement("return $N.executeLargeBatch()", statement);
      } else {
        CodeBlock readRow = readRow(self, method.result(), rows, readers);
        body.addStatement(
            "$T $N = new $T<>($N.size())", returns, results, ARRAY_LIST, parameters.holder);
        body.beginControlFlow("for ($T $N : $N)", itemType, item, parameters.holder);
        parameters.bind(body, statement, connection, item);
        body.beginControlFlow(
            "try ($T $N = $N.executeQuery())", JavaTypes.RESULT_SET, rows, statement);
        if (command == Command.BATCHONE) {
          String row = names.newName("row");
          body.beginControlFlow("if (!$N.next())", rows)
              .addStatement("$N.add($T.empty())", results, OPTIONAL)
              .addStatement("continue")
              .endControlFlow();
          body.addStatement("$T $N = $L", rowType, row, readRow);
          body.beginControlFlow("if ($N.next())", rows)
              .addStatement(
                  "throw new $T($S, $S)",
                  QUERY_EXCEPTION,
                  declaration.name(),
                  "returned more than one row for one parameter set; a :batchone query must return at most one")
              .endControlFlow();
          body.addStatement("$N.add($T.of($N))", results, OPTIONAL, row);
        } else {
          String list = names.newName("list");
          TypeName listType = ParameterizedTypeName.get(JavaTypes.LIST, rowType);
          body.addStatement("$T $N = new $T<>()", listType, list, ARRAY_LIST);
          body.beginControlFlow("while ($N.next())", rows)
              .addStatement("$N.add($L)", list, readRow)
              .endControlFlow();
          body.addStatement("$N.add($T.unmodifiableList($N))", results, Collections.class, list);
        }
        body.endControlFlow();
        body.endControlFlow();
        body.addStatement("return $T.unmodifiableList($N)", Collections.class, results);
      }
      body.endControlFlow();
      body.unindent().add("});\n");
    }
    body.nextControlFlow("catch ($T $N)", SQL_EXCEPTION, failure);
    body.addStatement("throw new $T($S, $N)", QUERY_EXCEPTION, declaration.name(), failure);
    body.endControlFlow();
    return returns;
  }

  /**
   * For {@code :many}: {@code stream<Name>}, the same rows through a server-side cursor ({@code
   * QueryStreams}), for results too large for a list.
   */
  private MethodSpec streamMethod(
      ClassName self, QueryMethod method, Map<String, MethodSpec> readers) {
    QueryDeclaration declaration = method.declaration();
    Parameters parameters = new Parameters(self, method);
    String statement = parameters.names.newName("statement");
    String rows = parameters.names.newName("rows");
    TypeName rowType = rowType(self, method.result()).box();
    CodeBlock.Builder bind = CodeBlock.builder();
    parameters.bind(bind, statement, statement + ".getConnection()", "");
    CodeBlock binder =
        method.bindings().isEmpty()
            ? CodeBlock.of("$N -> {}", statement)
            : CodeBlock.builder()
                .add("$N -> {\n", statement)
                .indent()
                .add(bind.build())
                .unindent()
                .add("}")
                .build();
    String name =
        "stream"
            + Character.toUpperCase(method.javaName().charAt(0))
            + method.javaName().substring(1);
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(
            "The rows of {@link #$L}, read as the stream is consumed, through a server-side cursor that\n"
                + "fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.\n\n"
                + "<p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.\n"
                + "See {@link QueryStreams} for how it uses transactions.\n",
            method.javaName())
        .addParameters(parameters.specs)
        .addCode(parameters.checks.build())
        .returns(ParameterizedTypeName.get(STREAM, rowType))
        .addCode(
            CodeBlock.builder()
                .add(
                    "return $T.open(connections, $S, $N, ",
                    QUERY_STREAMS,
                    declaration.name(),
                    sqlConstant(method))
                .add(binder)
                .add(", $N -> $L);\n", rows, readRow(self, method.result(), rows, readers))
                .build())
        .build();
  }

  /** {@code <Query>Params}: one record holding a method's parameters, checked for nulls. */
  private TypeSpec parameterRecord(QueryMethod method, RowRecord record) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    MethodSpec.Builder checks =
        MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
    for (Field field : record.fields()) {
      TypeName typeName = parameterType(field);
      constructor.addParameter(ParameterSpec.builder(typeName, field.javaName()).build());
      if (!field.nullable() && !typeName.isPrimitive()) {
        checks.addStatement(
            "$T.requireNonNull($N, $S)", Objects.class, field.javaName(), field.javaName());
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

  /**
   * Runs a statement that returns rows and counts them; returns the counter's name. For a {@code
   * RETURNING} statement that is the count of its command tag, which JDBC does not expose when rows
   * come back.
   */
  private static String countRows(
      CodeBlock.Builder body, NameAllocator names, String statement, String rows) {
    String count = names.newName("count");
    body.addStatement("long $N = 0", count);
    body.beginControlFlow("try ($T $N = $N.executeQuery())", JavaTypes.RESULT_SET, rows, statement)
        .beginControlFlow("while ($N.next())", rows)
        .addStatement("$N++", count)
        .endControlFlow()
        .endControlFlow();
    return count;
  }

  /** Adds the execution to {@code body}; returns the method's return type. */
  private TypeName execute(
      ClassName self,
      QueryMethod method,
      CodeBlock.Builder body,
      NameAllocator names,
      String statement,
      String rows,
      Map<String, MethodSpec> readers) {
    Command command = method.declaration().command();
    ResultShape result = method.result();
    if (result instanceof ResultShape.Nothing) {
      body.addStatement("$N.execute()", statement);
      return TypeName.VOID;
    }
    if (result instanceof ResultShape.RowCount count) {
      if (count.returnsRows()) {
        body.addStatement("return $N", countRows(body, names, statement, rows));
      } else {
        body.addStatement("return $N.executeLargeUpdate()", statement);
      }
      return TypeName.LONG;
    }
    if (result instanceof ResultShape.ExecResult execResult) {
      if (execResult.returnsRows()) {
        body.addStatement(
            "return new $T($N)", EXEC_RESULT, countRows(body, names, statement, rows));
      } else {
        body.addStatement("return new $T($N.executeLargeUpdate())", EXEC_RESULT, statement);
      }
      return EXEC_RESULT;
    }
    TypeName rowType = rowType(self, result);
    CodeBlock readRow = readRow(self, result, rows, readers);
    String row = names.newName("row");
    body.beginControlFlow("try ($T $N = $N.executeQuery())", JavaTypes.RESULT_SET, rows, statement);
    TypeName returns;
    if (command == Command.ONE && method.exactlyOneRow()) {
      // The statement always gives one row; a trigger or rule that skipped it is an error.
      body.beginControlFlow("if (!$N.next())", rows)
          .addStatement(
              "throw new $T($S, $S)",
              QUERY_EXCEPTION,
              method.declaration().name(),
              "returned no row, though its statement always returns one (did a trigger skip it?)")
          .endControlFlow();
      body.addStatement("$T $N = $L", rowType, row, readRow);
      body.beginControlFlow("if ($N.next())", rows)
          .addStatement(
              "throw new $T($S, $S)",
              QUERY_EXCEPTION,
              method.declaration().name(),
              "returned more than one row; a :one query must return at most one")
          .endControlFlow();
      body.addStatement("return $N", row);
      returns = rowType;
    } else if (command == Command.ONE) {
      // A single nullable column: Optional<Optional<T>>, the outer for the row, the inner for
      // its value, so that "no row" and NULL stay apart (docs/commands.md).
      boolean nullableValue =
          result instanceof ResultShape.SingleValue single && single.field().nullable();
      body.beginControlFlow("if (!$N.next())", rows)
          .addStatement("return $T.empty()", OPTIONAL)
          .endControlFlow();
      body.addStatement("$T $N = $L", rowType, row, readRow);
      body.beginControlFlow("if ($N.next())", rows)
          .addStatement(
              "throw new $T($S, $S)",
              QUERY_EXCEPTION,
              method.declaration().name(),
              "returned more than one row; a :one query must return at most one")
          .endControlFlow();
      TypeName value = rowType.box().withoutAnnotations();
      if (nullableValue) {
        body.addStatement("return $T.of($T.ofNullable($N))", OPTIONAL, OPTIONAL, row);
        returns = ParameterizedTypeName.get(OPTIONAL, ParameterizedTypeName.get(OPTIONAL, value));
      } else {
        body.addStatement("return $T.of($N)", OPTIONAL, row);
        returns = ParameterizedTypeName.get(OPTIONAL, value);
      }
    } else {
      TypeName elementType = rowType.isPrimitive() ? rowType.box() : rowType;
      TypeName listType = ParameterizedTypeName.get(JavaTypes.LIST, elementType);
      String list = names.newName("result");
      body.addStatement("$T $N = new $T<>()", listType, list, ARRAY_LIST);
      body.beginControlFlow("while ($N.next())", rows)
          .addStatement("$N.add($L)", list, readRow)
          .endControlFlow();
      body.addStatement("return $T.unmodifiableList($N)", Collections.class, list);
      returns = listType;
    }
    body.endControlFlow();
    return returns;
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

  /** The expression reading the current row; registers a reader method for record rows. */
  private CodeBlock readRow(
      ClassName self, ResultShape result, String rows, Map<String, MethodSpec> readers) {
    if (result instanceof ResultShape.SingleValue single) {
      return types.read(single.field().type(), single.field().nullable(), rows, CodeBlock.of("1"));
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
    return CodeBlock.of("$N($N)", readerName, rows);
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
              n ->
                  nullableTableReaderAt(n, tableReader, tableType, table.record().fields().size()));
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
   * An embed on the nullable side of an outer join: null when the join found no row, which shows as
   * every one of the table's columns being NULL.
   */
  private static MethodSpec nullableTableReaderAt(
      String name, String tableReader, ClassName recordType, int columns) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(
            recordType.annotated(
                com.palantir.javapoet.AnnotationSpec.builder(JavaTypes.NULLABLE).build()))
        .addParameter(JavaTypes.RESULT_SET, "rows")
        .addParameter(TypeName.INT, "offset")
        .addException(SQL_EXCEPTION)
        .beginControlFlow("for (int column = offset + 1; column <= offset + $L; column++)", columns)
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
    doc.add("$L", JavadocText.sqlBlock(declaration.sql()));
    return doc.build();
  }
}
