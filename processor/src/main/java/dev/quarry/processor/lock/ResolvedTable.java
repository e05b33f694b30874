package dev.quarry.processor.lock;

import java.util.List;

/**
 * A table (or view) of the schema with its columns in order; also the relation of a row type, whose
 * columns are its attributes.
 */
public record ResolvedTable(String schema, String name, List<ResolvedField> columns) {
  public ResolvedTable {
    columns = List.copyOf(columns);
  }

  public String key() {
    return TypeKey.of(schema, name);
  }

  /** {@code schema.name}, or just the name for tables in {@code public}. */
  public String displayName() {
    return schema.equals("public") ? name : schema + "." + name;
  }
}
