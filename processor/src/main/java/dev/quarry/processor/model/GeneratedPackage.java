package dev.quarry.processor.model;

import dev.quarry.processor.types.CompositeType;
import dev.quarry.processor.types.EnumType;
import java.util.List;

/**
 * Everything Quarry generates into one package: enums, composite-type records, table records and
 * repositories.
 */
public record GeneratedPackage(
    String packageName,
    List<EnumType> enums,
    List<CompositeType> composites,
    List<TableRecord> tables,
    List<Repository> repositories) {
  public GeneratedPackage {
    enums = List.copyOf(enums);
    composites = List.copyOf(composites);
    tables = List.copyOf(tables);
    repositories = List.copyOf(repositories);
  }
}
