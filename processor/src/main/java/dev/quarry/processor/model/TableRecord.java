package dev.quarry.processor.model;

import java.util.List;

/** A top-level record for one table's full row: {@code users} gives {@code User}. */
public record TableRecord(String javaName, String schema, String table, List<Field> fields) {
  public TableRecord {
    fields = List.copyOf(fields);
  }
}
