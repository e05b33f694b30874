package dev.quarry.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.quarry.processor.model.DynamicSql;
import dev.quarry.processor.model.Field;
import dev.quarry.processor.model.QueryMethod;
import dev.quarry.processor.syntax.QueryDeclaration;
import dev.quarry.processor.syntax.QueryOptions.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntFunction;
import javax.lang.model.element.Modifier;

/**
 * Writes what a method with optional blocks or a run-time sort needs (docs/dynamic-queries.md): a
 * {@code static final String} per constant part of its statement and per sort order, the {@code
 * <Query>Filter} record and {@code <Query>Sort} enum, and the expression that joins the parts the
 * caller's filter and sort select. Only those constants are ever joined: no caller string becomes
 * SQL.
 */
final class DynamicWriter {
  static final ClassName GIVEN = ClassName.get("dev.quarry.runtime", "Given");
  private static final ClassName QUERY = ClassName.get("dev.quarry.runtime", "Query");

  private final JavaTypes types;

  DynamicWriter(JavaTypes types) {
    this.types = types;
  }

  /** {@code LIST_POSTS_2}: the constant of part {@code index}. */
  static String partConstant(String base, int index) {
    return base + "_" + index;
  }

  /** {@code LIST_POSTS_BY_TITLE_DESC}: the constant of one sort order. */
  static String sortConstant(String base, SortKey key, boolean descending) {
    return base + "_BY_" + DynamicSql.sortConstant(key, descending);
  }

  /** The constants of {@code method}'s parts and sort orders. */
  List<FieldSpec> constants(QueryMethod method, String base) {
    DynamicSql dynamic = Objects.requireNonNull(method.dynamic());
    List<FieldSpec> fields = new ArrayList<>();
    for (int i = 0; i < dynamic.parts().size(); i++) {
      DynamicSql.Part part = dynamic.parts().get(i);
      if (part.sort()) {
        continue;
      }
      fields.add(
          FieldSpec.builder(
                  String.class,
                  partConstant(base, i),
                  Modifier.PRIVATE,
                  Modifier.STATIC,
                  Modifier.FINAL)
              .initializer(RepositoryWriter.literal(part.sql()))
              .build());
    }
    for (SortKey key : dynamic.sortKeys()) {
      for (boolean descending : new boolean[] {false, true}) {
        fields.add(
            FieldSpec.builder(
                    String.class,
                    sortConstant(base, key, descending),
                    Modifier.PRIVATE,
                    Modifier.STATIC,
                    Modifier.FINAL)
                .initializer("$S", key.sql() + (descending ? " DESC, " : " ASC, "))
                .build());
      }
    }
    return fields;
  }

  /**
   * {@code new Query("ListPosts", ":many", "queries/posts.sql", 3, LIST_POSTS_0 +
   * (filter.author().isGiven() ? LIST_POSTS_1 : "") + switch (sort) {...} + LIST_POSTS_3)}.
   */
  CodeBlock query(QueryMethod method, String base, String filter, String sort) {
    DynamicSql dynamic = Objects.requireNonNull(method.dynamic());
    QueryDeclaration declaration = method.declaration();
    CodeBlock.Builder sql = CodeBlock.builder();
    for (int i = 0; i < dynamic.parts().size(); i++) {
      DynamicSql.Part part = dynamic.parts().get(i);
      String join = i == 0 ? "" : "\n+ ";
      if (part.sort()) {
        sql.add(join + "switch ($N) {\n", sort).indent();
        for (SortKey key : dynamic.sortKeys()) {
          for (boolean descending : new boolean[] {false, true}) {
            sql.add(
                "case $L -> $N;\n",
                DynamicSql.sortConstant(key, descending),
                sortConstant(base, key, descending));
          }
        }
        sql.unindent().add("}");
      } else if (part.switchIndex() >= 0) {
        Field field = switchField(method, part.switchIndex());
        sql.add(
            join + "($N.$N().isGiven() ? $N : \"\")",
            filter,
            field.javaName(),
            partConstant(base, i));
      } else {
        sql.add(join + "$N", partConstant(base, i));
      }
    }
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
        .add(sql.build())
        .add(")")
        .unindent()
        .unindent()
        .build();
  }

  /**
   * The binder's body: each active part's placeholders in order, counted in {@code at}; a block's
   * only when its switch is given.
   */
  CodeBlock bindings(
      QueryMethod method, String statement, String at, String filter, IntFunction<String> value) {
    DynamicSql dynamic = Objects.requireNonNull(method.dynamic());
    CodeBlock.Builder body = CodeBlock.builder();
    if (dynamic.parts().stream().allMatch(p -> p.bindings().isEmpty())) {
      return body.build();
    }
    body.add("int $N = 1;\n", at);
    for (DynamicSql.Part part : dynamic.parts()) {
      if (part.bindings().isEmpty()) {
        continue;
      }
      if (part.switchIndex() >= 0) {
        Field field = switchField(method, part.switchIndex());
        body.beginControlFlow("if ($N.$N().isGiven())", filter, field.javaName());
      }
      for (int parameter : part.bindings()) {
        Field field = method.parameters().get(parameter);
        boolean isSwitch = dynamic.switches().contains(parameter);
        body.add(
            "$L;\n",
            types.bind(
                field.type(),
                // A switch's value comes out of its Given, which the filter record checked.
                isSwitch || field.nullable(),
                statement,
                at + "++",
                CodeBlock.of("$L", value.apply(parameter)),
                statement + ".getConnection()"));
      }
      if (part.switchIndex() >= 0) {
        body.endControlFlow();
      }
    }
    return body.build();
  }

  private static Field switchField(QueryMethod method, int switchIndex) {
    DynamicSql dynamic = Objects.requireNonNull(method.dynamic());
    return method.parameters().get(dynamic.switches().get(switchIndex));
  }

  /** The type a switch's {@code Given} holds. */
  TypeName switchType(Field field) {
    return types.parameterTypeName(field.type(), true).box().withoutAnnotations();
  }

  /**
   * {@code <Query>Filter}: one {@code Given<T>} per switch, checked for nulls, with {@code none()}
   * and a {@code withX(value)} per switch.
   */
  TypeSpec filterRecord(ClassName self, QueryMethod method) {
    DynamicSql dynamic = Objects.requireNonNull(method.dynamic());
    ClassName record = self.nestedClass(Objects.requireNonNull(dynamic.filterRecord()));
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    MethodSpec.Builder checks =
        MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
    List<Field> fields = dynamic.switches().stream().map(method.parameters()::get).toList();
    List<MethodSpec> withers = new ArrayList<>();
    CodeBlock.Builder none = CodeBlock.builder();
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      String name = field.javaName();
      TypeName given = ParameterizedTypeName.get(GIVEN, switchType(field));
      constructor.addParameter(ParameterSpec.builder(given, name).build());
      if (field.nullable()) {
        checks.addStatement("$T.requireNonNull($N, $S)", Objects.class, name, name);
      } else {
        checks.addStatement("$T.requireNonNullValue($N, $S)", GIVEN, name, name);
      }
      none.add(i == 0 ? "$T.absent()" : ",$W$T.absent()", GIVEN);
      CodeBlock.Builder args = CodeBlock.builder();
      for (int j = 0; j < fields.size(); j++) {
        args.add(j == 0 ? "" : ",$W");
        if (j == i && isList(types.parameterTypeName(field.type(), field.nullable()))) {
          // A copy, so that changing the caller's list afterwards does not change the filter; not
          // List.copyOf, which rejects the null elements PostgreSQL arrays may hold.
          args.add(
              "$T.of($N == null ? null : $T.unmodifiableList(new $T<>($N)))",
              GIVEN,
              name,
              java.util.Collections.class,
              java.util.ArrayList.class,
              name);
        } else if (j == i) {
          args.add("$T.of($N)", GIVEN, name);
        } else {
          args.add("$N", fields.get(j).javaName());
        }
      }
      TypeName valueType = types.parameterTypeName(field.type(), field.nullable());
      MethodSpec.Builder wither =
          MethodSpec.methodBuilder("with" + capitalized(name))
              .addModifiers(Modifier.PUBLIC)
              .addJavadoc(
                  field.nullable()
                      ? "A copy with {@code @$L} given: its blocks are in the statement, and"
                          + " {@code null} binds NULL.\n"
                      : "A copy with {@code @$L} given: its blocks are in the statement.\n",
                  field.sqlName())
              .addParameter(valueType, name)
              .returns(record);
      if (!field.nullable() && !valueType.isPrimitive()) {
        wither.addStatement("$T.requireNonNull($N, $S)", Objects.class, name, name);
      }
      withers.add(wither.addStatement("return new $T($L)", record, args.build()).build());
    }
    TypeSpec.Builder type =
        TypeSpec.recordBuilder(record.simpleName())
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "The optional blocks of {@code $L}: a parameter given keeps its blocks in the"
                    + " statement,\nan absent one leaves them out.\n",
                method.declaration().name())
            .recordConstructor(constructor.build())
            .addMethod(checks.build())
            .addMethod(
                MethodSpec.methodBuilder("none")
                    .addJavadoc("Every parameter absent: no block is in the statement.\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(record)
                    .addStatement("return new $T($L)", record, none.build())
                    .build());
    withers.forEach(type::addMethod);
    return type.build();
  }

  /** {@code <Query>Sort}: one constant per key and direction, each key checked at build time. */
  static TypeSpec sortEnum(QueryMethod method) {
    DynamicSql dynamic = Objects.requireNonNull(method.dynamic());
    TypeSpec.Builder type =
        TypeSpec.enumBuilder(Objects.requireNonNull(dynamic.sortEnum()))
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "The orders {@code $L} can return its rows in, each checked against the schema at"
                    + " build time;\nthe query's own ORDER BY items follow as tie-breakers.\n",
                method.declaration().name());
    for (SortKey key : dynamic.sortKeys()) {
      type.addEnumConstant(
          DynamicSql.sortConstant(key, false),
          TypeSpec.anonymousClassBuilder("")
              .addJavadoc("{@code ORDER BY $L ASC}.\n", key.sql())
              .build());
      type.addEnumConstant(
          DynamicSql.sortConstant(key, true),
          TypeSpec.anonymousClassBuilder("")
              .addJavadoc("{@code ORDER BY $L DESC}.\n", key.sql())
              .build());
    }
    return type.build();
  }

  private static boolean isList(TypeName type) {
    return type.withoutAnnotations() instanceof ParameterizedTypeName list
        && list.rawType().equals(JavaTypes.LIST);
  }

  private static String capitalized(String name) {
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }
}
