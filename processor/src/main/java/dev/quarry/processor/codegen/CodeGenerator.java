package dev.quarry.processor.codegen;

import com.palantir.javapoet.JavaFile;
import dev.quarry.processor.model.GeneratedPackage;
import dev.quarry.processor.model.Repository;
import dev.quarry.processor.model.TableRecord;
import dev.quarry.processor.types.CompositeType;
import dev.quarry.processor.types.EnumType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes the Java sources of a generated package: enums, composite records, table records,
 * repositories.
 */
public final class CodeGenerator {

  /**
   * The sources of {@link #generate}, in the same order, each written again only when the part of
   * the model it is written from changed since the previous build or its source is no longer on
   * disk as written: the edit loop changes one query file, and JavaPoet need not build and print
   * the other repositories and records. A part's key is the processor's code, the package, the part
   * in full and every enum, composite and table record of the package (which any part may refer
   * to); a part the key cannot describe exactly is always written.
   */
  public List<GeneratedSource> sources(GeneratedPackage model, GenerationCache cache) {
    String packageName = model.packageName();
    JavaTypes types = new JavaTypes(packageName);
    TableRecordWriter records = new TableRecordWriter(types);
    RepositoryWriter repositories = new RepositoryWriter(packageName, types, records);
    EnumWriter enums = new EnumWriter();
    CompositeWriter composites = new CompositeWriter(types);
    List<Object> parts = new ArrayList<>();
    List<Supplier<JavaFile>> writers = new ArrayList<>();
    for (EnumType enumType : model.enums()) {
      parts.add(enumType);
      writers.add(() -> enums.write(packageName, enumType));
    }
    for (CompositeType composite : model.composites()) {
      parts.add(composite);
      writers.add(() -> composites.write(packageName, composite));
    }
    for (TableRecord table : model.tables()) {
      parts.add(table);
      writers.add(() -> records.write(packageName, table));
    }
    for (Repository repository : model.repositories()) {
      parts.add(repository);
      writers.add(() -> repositories.write(repository));
    }
    GenerationCache.Types previous = cache.types(packageName);
    String shared;
    try {
      shared =
          UnchangedInputs.canonical(model.enums(), true)
              + UnchangedInputs.canonical(model.composites(), true)
              + UnchangedInputs.canonical(model.tables(), true);
    } catch (IllegalStateException e) {
      shared = null;
    }
    List<GeneratedSource> sources = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      String key = null;
      if (shared != null) {
        try {
          Object part = parts.get(i);
          key =
              previous
                  .key()
                  .add(part.getClass().getName())
                  .add(shared)
                  .add(UnchangedInputs.canonical(part, true))
                  .build();
        } catch (IllegalStateException e) {
          key = null;
        }
      }
      GeneratedSource source = key == null ? null : previous.reuse(key);
      sources.add(source != null ? source : GeneratedSource.of(writers.get(i).get()));
      keys.add(key == null ? "-" : key);
    }
    previous.store(keys, sources);
    return sources;
  }

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
