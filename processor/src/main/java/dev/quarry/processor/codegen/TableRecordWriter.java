package dev.quarry.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.quarry.processor.model.EmbeddedTable;
import dev.quarry.processor.model.Field;
import dev.quarry.processor.model.RowRecord;
import dev.quarry.processor.model.TableRecord;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes the records for table rows (top level) and query rows (nested in a repository). */
final class TableRecordWriter {
  private final JavaTypes types;

  TableRecordWriter(JavaTypes types) {
    this.types = types;
  }

  JavaFile write(String packageName, TableRecord table) {
    TypeSpec.Builder record =
        recordBuilder(ClassName.get(packageName, table.javaName()), table.fields())
            .addModifiers(Modifier.PUBLIC)
            .addAnnotation(JavaTypes.generated())
            .addAnnotation(JavaTypes.NULL_MARKED)
            .addJavadoc("A row of the table {@code $L.$L}.\n", table.schema(), table.table());
    if (table.nested()) {
      ClassName self = ClassName.get(packageName, table.javaName());
      com.palantir.javapoet.CodeBlock.Builder read = com.palantir.javapoet.CodeBlock.builder();
      for (int i = 0; i < table.fields().size(); i++) {
        Field field = table.fields().get(i);
        read.add(i == 0 ? "\n" : ",\n")
            .add("$L", types.readAttribute(field.type(), field.nullable(), "row"));
      }
      record.addMethod(
          MethodSpec.methodBuilder("fromPgRow")
              .addJavadoc("Reads one row of a list of these rows, in PostgreSQL's record text.\n")
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .returns(self)
              .addParameter(JavaTypes.PG_ROWS, "row")
              .addException(ClassName.get("java.sql", "SQLException"))
              .addCode(
                  com.palantir.javapoet.CodeBlock.builder()
                      .add("return new $T(", self)
                      .indent()
                      .indent()
                      .add(read.build())
                      .add(");\n")
                      .unindent()
                      .unindent()
                      .build())
              .build());
    }
    return JavaFile.builder(packageName, record.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  TypeSpec nested(ClassName name, RowRecord row, String queryName) {
    if (!row.embeds().isEmpty()) {
      return embedding(name, row, queryName);
    }
    return recordBuilder(name, row.fields())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("A row of {@code $L}.\n", queryName)
        .build();
  }

  /** A row record with {@code sqlc.embed} components, which hold the embedded table's record. */
  private TypeSpec embedding(ClassName name, RowRecord row, String queryName) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    int field = 0;
    int embed = 0;
    for (int component = 0; component < row.fields().size() + row.embeds().size(); component++) {
      if (embed < row.embeds().size() && row.embeds().get(embed).index() == component) {
        EmbeddedTable table = row.embeds().get(embed++);
        TypeName type = ClassName.get(name.packageName(), table.record().javaName());
        if (table.nullable()) {
          type = type.annotated(AnnotationSpec.builder(JavaTypes.NULLABLE).build());
        }
        constructor.addParameter(ParameterSpec.builder(type, table.javaName()).build());
      } else {
        Field f = row.fields().get(field++);
        constructor.addParameter(
            ParameterSpec.builder(types.typeName(f.type(), f.nullable()), f.javaName()).build());
      }
    }
    return TypeSpec.recordBuilder(name)
        .recordConstructor(constructor.build())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("A row of {@code $L}.\n", queryName)
        .build();
  }

  private TypeSpec.Builder recordBuilder(ClassName name, List<Field> fields) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    for (Field field : fields) {
      constructor.addParameter(
          ParameterSpec.builder(types.typeName(field.type(), field.nullable()), field.javaName())
              .build());
    }
    return TypeSpec.recordBuilder(name).recordConstructor(constructor.build());
  }
}
