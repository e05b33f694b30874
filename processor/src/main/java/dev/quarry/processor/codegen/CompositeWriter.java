package dev.quarry.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.quarry.processor.types.CompositeType;
import dev.quarry.processor.types.Scalar;
import dev.quarry.processor.types.ValueType;
import java.util.Arrays;
import javax.lang.model.element.Modifier;

/**
 * Writes the record for a PostgreSQL composite type. The driver gives composite values only as
 * text, so the record reads and writes PostgreSQL's record literal through the runtime's {@code
 * PgText}.
 */
final class CompositeWriter {
  private static final ClassName PG_RECORD = ClassName.get("dev.quarry.runtime", "PgRecord");
  private static final ClassName PG_TEXT = ClassName.get("dev.quarry.runtime", "PgText");
  private static final ClassName SQL_EXCEPTION = ClassName.get("java.sql", "SQLException");

  private final JavaTypes types;

  CompositeWriter(JavaTypes types) {
    this.types = types;
  }

  JavaFile write(String packageName, CompositeType composite) {
    ClassName self = ClassName.get(packageName, composite.javaName());
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    CodeBlock.Builder parse = CodeBlock.builder();
    CodeBlock.Builder texts = CodeBlock.builder();
    for (int i = 0; i < composite.attributes().size(); i++) {
      CompositeType.Attribute attribute = composite.attributes().get(i);
      constructor.addParameter(
          ParameterSpec.builder(types.typeName(attribute.type(), true), attribute.javaName())
              .build());
      parse
          .add(i == 0 ? "\n" : ",\n")
          .add("$L", fromText(packageName, attribute.type(), CodeBlock.of("fields.get($L)", i)));
      texts.add(i == 0 ? "" : ", ").add("$T.of($N)", PG_TEXT, attribute.javaName());
    }
    TypeName nullableString =
        TypeName.get(String.class)
            .annotated(com.palantir.javapoet.AnnotationSpec.builder(JavaTypes.NULLABLE).build());
    TypeSpec record =
        TypeSpec.recordBuilder(self)
            .recordConstructor(constructor.build())
            .addModifiers(Modifier.PUBLIC)
            .addSuperinterface(PG_RECORD)
            .addAnnotation(JavaTypes.generated())
            .addAnnotation(JavaTypes.NULL_MARKED)
            .addJavadoc(
                "The PostgreSQL composite type {@code $L.$L}.\n",
                composite.schema(),
                composite.pgName())
            .addMethod(
                MethodSpec.methodBuilder("fromPg")
                    .addJavadoc(
                        "Reads PostgreSQL's text form of a {@code $L} value; null for NULL.\n",
                        composite.pgName())
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(
                        self.annotated(
                            com.palantir.javapoet.AnnotationSpec.builder(JavaTypes.NULLABLE)
                                .build()))
                    .addParameter(nullableString, "text")
                    .addException(SQL_EXCEPTION)
                    .addStatement(
                        "$T<@$T $T> fields = $T.fields(text, $L, $S)",
                        java.util.List.class,
                        JavaTypes.NULLABLE,
                        String.class,
                        PG_TEXT,
                        composite.attributes().size(),
                        composite.pgName())
                    .beginControlFlow("if (fields == null)")
                    .addStatement("return null")
                    .endControlFlow()
                    .addCode(
                        CodeBlock.builder()
                            .add("return new $T(", self)
                            .indent()
                            .indent()
                            .add(parse.build())
                            .add(");\n")
                            .unindent()
                            .unindent()
                            .build())
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("pgText")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addStatement(
                        "return $T.record($T.asList($L))", PG_TEXT, Arrays.class, texts.build())
                    .build())
            .build();
    return JavaFile.builder(packageName, record).skipJavaLangImports(true).indent("  ").build();
  }

  /** Reads one attribute's text as its Java value. */
  private static CodeBlock fromText(String packageName, ValueType type, CodeBlock text) {
    if (type instanceof ValueType.EnumValue enumValue) {
      return CodeBlock.of(
          "$T.fromNullableLabel($L)", ClassName.get(packageName, enumValue.javaName()), text);
    }
    if (type instanceof ValueType.CompositeValue composite) {
      return CodeBlock.of("$T.fromPg($L)", ClassName.get(packageName, composite.javaName()), text);
    }
    Scalar scalar = ((ValueType.ScalarValue) type).scalar();
    String method = JavaTypes.textMethod(scalar);
    return CodeBlock.of("$T.$L($L)", PG_TEXT, method, text);
  }
}
