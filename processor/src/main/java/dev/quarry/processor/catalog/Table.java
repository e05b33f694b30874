package dev.quarry.processor.catalog;

import java.util.List;

/** A table of the schema built from the migrations, with its columns in order. */
public record Table(int oid, String schema, String name, List<TableColumn> columns) {
  public Table {
    columns = List.copyOf(columns);
  }

  /** {@code schema.name}, or just the name for tables in {@code public}. */
  public String displayName() {
    return schema.equals("public") ? name : schema + "." + name;
  }
}
