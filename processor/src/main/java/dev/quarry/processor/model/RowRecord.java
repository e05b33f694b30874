package dev.quarry.processor.model;

import java.util.List;

/**
 * A record nested in a repository class for a query whose result is not a table's row.
 *
 * @param fields the components read from one column each, in order
 * @param embeds the components holding an embedded table's record, each at its {@link
 *     EmbeddedTable#index()} among all components; the fields fill the other positions
 */
public record RowRecord(String javaName, List<Field> fields, List<EmbeddedTable> embeds) {
  public RowRecord {
    fields = List.copyOf(fields);
    embeds = List.copyOf(embeds);
  }

  public RowRecord(String javaName, List<Field> fields) {
    this(javaName, fields, List.of());
  }
}
