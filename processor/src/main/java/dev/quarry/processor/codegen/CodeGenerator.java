package dev.quarry.processor.codegen;

import com.palantir.javapoet.JavaFile;
import dev.quarry.processor.model.GeneratedPackage;
import dev.quarry.processor.model.Repository;
import dev.quarry.processor.model.TableRecord;
import dev.quarry.processor.types.CompositeType;
import dev.quarry.processor.types.EnumType;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the Java sources of a generated package: enums, composite records, table records,
 * repositories.
 */
public final class CodeGenerator {

  /** One file per top-level type, in a stable order. */
  public List<JavaFile> generate(GeneratedPackage model) {
    String packageName = model.packageName();
    JavaTypes types = new JavaTypes(packageName);
    TableRecordWriter records = new TableRecordWriter(types);
    RepositoryWriter repositories = new RepositoryWriter(packageName, types, records);
    EnumWriter enums = new EnumWriter();
    List<JavaFile> files = new ArrayList<>();
    for (EnumType enumType : model.enums()) {
      files.add(enums.write(packageName, enumType));
    }
    CompositeWriter composites = new CompositeWriter(types);
    for (CompositeType composite : model.composites()) {
      files.add(composites.write(packageName, composite));
    }
    for (TableRecord table : model.tables()) {
      files.add(records.write(packageName, table));
    }
    for (Repository repository : model.repositories()) {
      files.add(repositories.write(repository));
    }
    return files;
  }
}
