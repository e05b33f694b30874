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
 * Writes one {@code <FileName>Queries} class: a constant per statement, a method per query
 * running it through plain JDBC, a reader per row type, and the nested row records.
 */
final class RepositoryWriter {
  private static final ClassName CONNECTION = ClassName.get("java.sql", "Connection");
  private static final ClassName PREPARED_STATEMENT = ClassName.get("java.sql", "PreparedStatement");
  private static final ClassName SQL_EXCEPTION = ClassName.get("java.sql", "SQLException");
  private static final ClassName DATA_SOURCE = ClassName.get("javax.sql", "DataSource");
  private static final ClassName CONNECTION_SOURCE = ClassName.get("dev.quarry.runtime", "ConnectionSource");
  private static final ClassName QUERY_EXCEPTION = ClassName.get("dev.quarry.runtime", "QueryException");
  private static final ClassName OPTIONAL = ClassName.get(Optional.class);
  private static final ClassName ARRAY_LIST = ClassName.get(ArrayList.class);

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
        FieldSpec.builder(CONNECTION_SOURCE, "connections", Modifier.PRIVATE, Modifier.FINAL).build());
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
            .addStatement("this.connections = $T.requireNonNull(connections, $S)", Objects.class, "connections")
            .build());

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
          FieldSpec.builder(converterType, JavaTypes.converterField(converter), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer("new $T()", converterType)
              .build());
    }
    Map<String, MethodSpec> readers = new LinkedHashMap<>();
    for (QueryMethod method : repository.methods()) {
      type.addField(
          FieldSpec.builder(String.class, sqlConstant(method), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer("$S", method.jdbcSql())
              .build());
    }
    for (QueryMethod method : repository.methods()) {
      type.addMethod(method(self, method, readers));
    }
    readers.values().forEach(type::addMethod);
    for (RowRecord row : repository.rowRecords()) {
      type.addType(records.nested(self.nestedClass(row.javaName()), row, queryNameOf(repository, row)));
    }
    return JavaFile.builder(packageName, type.build()).skipJavaLangImports(true).indent("  ").build();
  }

  private static List<Field> resultFields(ResultShape result) {
    if (result instanceof ResultShape.SingleValue single) {
      return List.of(single.field());
    }
    if (result instanceof ResultShape.TableRow table) {
      return table.record().fields();
    }
    if (result instanceof ResultShape.Row row) {
      return row.record().fields();
    }
    return List.of();
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
    return method.declaration().name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  private MethodSpec method(ClassName self, QueryMethod method, Map<String, MethodSpec> readers) {
    QueryDeclaration declaration = method.declaration();
    NameAllocator names = new NameAllocator();
    MethodSpec.Builder builder =
        MethodSpec.methodBuilder(method.javaName())
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(javadoc(method));
    List<String> parameterNames = new ArrayList<>();
    for (Field parameter : method.parameters()) {
      String name = names.newName(parameter.javaName(), parameter);
      parameterNames.add(name);
      builder.addParameter(
          ParameterSpec.builder(types.parameterTypeName(parameter.type(), parameter.nullable()), name).build());
    }
    String connection = names.newName("connection");
    String statement = names.newName("statement");
    String rows = names.newName("rows");
    String failure = names.newName("e");

    for (int i = 0; i < method.parameters().size(); i++) {
      Field parameter = method.parameters().get(i);
      TypeName typeName = types.parameterTypeName(parameter.type(), parameter.nullable());
      if (!parameter.nullable() && !typeName.isPrimitive()) {
        builder.addStatement(
            "$T.requireNonNull($N, $S)", Objects.class, parameterNames.get(i), parameterNames.get(i));
      }
    }

    CodeBlock.Builder body = CodeBlock.builder();
    body.beginControlFlow("try");
    body.addStatement("$T $N = connections.acquire()", CONNECTION, connection);
    body.beginControlFlow(
        "try ($T $N = $N.prepareStatement($N))", PREPARED_STATEMENT, statement, connection, sqlConstant(method));
    for (int placeholder = 0; placeholder < method.bindings().size(); placeholder++) {
      int parameter = method.bindings().get(placeholder);
      Field field = method.parameters().get(parameter);
      body.addStatement(
          types.bind(
              field.type(),
              field.nullable(),
              statement,
              placeholder + 1,
              CodeBlock.of("$N", parameterNames.get(parameter)),
              connection));
    }
    TypeName returns = execute(self, method, body, names, statement, rows, readers);
    body.nextControlFlow("finally");
    body.addStatement("connections.release($N)", connection);
    body.endControlFlow();
    body.nextControlFlow("catch ($T $N)", SQL_EXCEPTION, failure);
    body.addStatement("throw new $T($S, $N)", QUERY_EXCEPTION, declaration.name(), failure);
    body.endControlFlow();
    builder.returns(returns).addCode(body.build());
    return builder.build();
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
    if (result instanceof ResultShape.RowCount) {
      body.addStatement("return $N.executeLargeUpdate()", statement);
      return TypeName.LONG;
    }
    TypeName rowType = rowType(self, result);
    CodeBlock readRow = readRow(self, result, rows, readers);
    String row = names.newName("row");
    body.beginControlFlow("try ($T $N = $N.executeQuery())", JavaTypes.RESULT_SET, rows, statement);
    TypeName returns;
    if (command == Command.ONE) {
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
      body.addStatement("return $T.of($N)", OPTIONAL, row);
      returns = ParameterizedTypeName.get(OPTIONAL, rowType.box().withoutAnnotations());
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
  private CodeBlock readRow(ClassName self, ResultShape result, String rows, Map<String, MethodSpec> readers) {
    if (result instanceof ResultShape.SingleValue single) {
      return types.read(single.field().type(), single.field().nullable(), rows, CodeBlock.of("1"));
    }
    ClassName recordType;
    List<Field> fields;
    if (result instanceof ResultShape.TableRow table) {
      recordType = ClassName.get(packageName, table.record().javaName());
      fields = table.record().fields();
    } else {
      RowRecord row = ((ResultShape.Row) result).record();
      recordType = self.nestedClass(row.javaName());
      fields = row.fields();
    }
    String readerName = "read" + recordType.simpleName();
    readers.computeIfAbsent(readerName, name -> reader(name, recordType, fields));
    return CodeBlock.of("$N($N)", readerName, rows);
  }

  private MethodSpec reader(String name, ClassName recordType, List<Field> fields) {
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      arguments.add(i == 0 ? "\n" : ",\n");
      arguments.add("$L", types.read(field.type(), field.nullable(), "rows", CodeBlock.of("$L", i + 1)));
    }
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(recordType)
        .addParameter(JavaTypes.RESULT_SET, "rows")
        .addException(SQL_EXCEPTION)
        .addCode(CodeBlock.builder().add("return new $T(", recordType).indent().indent().add(arguments.build()).add(");\n").unindent().unindent().build())
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
