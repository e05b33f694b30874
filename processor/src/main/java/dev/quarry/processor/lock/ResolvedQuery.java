package dev.quarry.processor.lock;

import java.util.List;

/**
 * What PostgreSQL said about one query.
 *
 * @param name the query's name from its header
 * @param file the query file's display path, for the reader and for messages
 * @param textHash the hash of the query's text (header to end of statement), see {@link
 *     InputHashes}
 * @param parameters the parameters in number order
 * @param returnsRows false for statements that return no rows
 * @param exactlyOneRow the statement always returns exactly one row (written {@code returns
 *     one-row})
 * @param columns the result columns, empty when the statement returns no rows
 * @param tables every table the statement names, from the name it is looked up by ({@code t} or
 *     {@code schema.t}) to its table key: model building types {@code :copyfrom} values and the
 *     parameters column overrides apply to by those tables' columns
 */
public record ResolvedQuery(
    String name,
    String file,
    String textHash,
    List<ResolvedParameter> parameters,
    boolean returnsRows,
    List<ResolvedColumn> columns,
    java.util.SortedMap<String, String> tables,
    boolean exactlyOneRow) {
  public ResolvedQuery(
      String name,
      String file,
      String textHash,
      List<ResolvedParameter> parameters,
      boolean returnsRows,
      List<ResolvedColumn> columns,
      java.util.SortedMap<String, String> tables) {
    this(name, file, textHash, parameters, returnsRows, columns, tables, false);
  }

  public ResolvedQuery {
    parameters = List.copyOf(parameters);
    columns = List.copyOf(columns);
    tables = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(tables));
  }
}
