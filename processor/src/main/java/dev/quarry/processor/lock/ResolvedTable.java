package dev.quarry.processor.lock;

import java.util.List;

/** A table (or view) of the schema with its columns in order. */
public record ResolvedTable(String schema, String name, List<ResolvedField> columns) {
  public ResolvedTable {
    columns = List.copyOf(columns);
  }

  public String key() {
    return TypeKey.of(schema, name);
  }
}
