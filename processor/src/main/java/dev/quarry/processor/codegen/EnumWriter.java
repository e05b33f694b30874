package dev.quarry.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.quarry.processor.types.EnumType;
import javax.lang.model.element.Modifier;

/** Writes the Java enum for a PostgreSQL enum type, keeping PostgreSQL's labels. */
final class EnumWriter {
  private static final ClassName PG_ENUM = ClassName.get("dev.quarry.runtime", "PgEnum");

  JavaFile write(String packageName, EnumType enumType) {
    ClassName self = ClassName.get(packageName, enumType.javaName());
    AnnotationSpec nullable = AnnotationSpec.builder(JavaTypes.NULLABLE).build();
    TypeSpec.Builder type =
        TypeSpec.enumBuilder(self)
            .addModifiers(Modifier.PUBLIC)
            .addSuperinterface(PG_ENUM)
            .addAnnotation(JavaTypes.generated())
            .addAnnotation(JavaTypes.NULL_MARKED)
            .addJavadoc(
                "The PostgreSQL enum type {@code $L.$L}; each constant keeps its PostgreSQL label.\n",
                enumType.schema(),
                enumType.pgName());
    CodeBlock.Builder cases = CodeBlock.builder().add("return switch (label) {\n").indent();
    for (EnumType.Constant constant : enumType.constants()) {
      type.addEnumConstant(
          constant.javaName(), TypeSpec.anonymousClassBuilder("$S", constant.label()).build());
      cases.add("case $S -> $N;\n", constant.label(), constant.javaName());
    }
    cases
        .add(
            "default -> throw new $T($S + label);\n",
            IllegalArgumentException.class,
            "not a label of PostgreSQL enum " + enumType.pgName() + ": ")
        .unindent()
        .add("};\n");
    type.addField(
        FieldSpec.builder(String.class, "label", Modifier.PRIVATE, Modifier.FINAL).build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addParameter(String.class, "label")
            .addStatement("this.label = label")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("label")
            .addJavadoc("The value as PostgreSQL spells it.\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return label")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("fromLabel")
            .addJavadoc(
                "The constant for a PostgreSQL label.\n\n@throws IllegalArgumentException if no constant has that label\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addParameter(String.class, "label")
            .addCode(cases.build())
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("fromNullableLabel")
            .addJavadoc("The constant for a PostgreSQL label, or null for null.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self.annotated(nullable))
            .addParameter(
                ParameterSpec.builder(TypeName.get(String.class).annotated(nullable), "label")
                    .build())
            .addStatement("return label == null ? null : fromLabel(label)")
            .build());
    return JavaFile.builder(packageName, type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }
}
