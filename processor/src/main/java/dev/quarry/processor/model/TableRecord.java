package dev.quarry.processor.model;

import java.util.List;

/**
 * A top-level record for one table's full row: {@code users} gives {@code User}.
 *
 * @param nested whether some result holds a list of these rows ({@code ARRAY(SELECT c FROM ...)},
 *     {@code array_agg(c)}), so the record needs a reader of PostgreSQL's record text
 */
public record TableRecord(
    String javaName, String schema, String table, List<Field> fields, boolean nested) {
  public TableRecord {
    fields = List.copyOf(fields);
  }

  public TableRecord(String javaName, String schema, String table, List<Field> fields) {
    this(javaName, schema, table, fields, false);
  }

  /** This record, read from record text as well. */
  TableRecord asNested() {
    return nested ? this : new TableRecord(javaName, schema, table, fields, true);
  }
}
