package dev.quarry.processor.model;

import dev.quarry.processor.types.EnumType;
import java.util.List;

/** Everything Quarry generates into one package: enums, table records and repositories. */
public record GeneratedPackage(
    String packageName, List<EnumType> enums, List<TableRecord> tables, List<Repository> repositories) {
  public GeneratedPackage {
    enums = List.copyOf(enums);
    tables = List.copyOf(tables);
    repositories = List.copyOf(repositories);
  }
}
