package dev.quarry.processor.model;

import java.util.List;

/** A record nested in a repository class for a query whose result is not a table's row. */
public record RowRecord(String javaName, List<Field> fields) {
  public RowRecord {
    fields = List.copyOf(fields);
  }
}
