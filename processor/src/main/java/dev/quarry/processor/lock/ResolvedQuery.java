package dev.quarry.processor.lock;

import java.util.List;

/**
 * What PostgreSQL said about one query.
 *
 * @param name the query's name from its header
 * @param file the query file's display path, for the reader and for messages
 * @param textHash the hash of the query's text (header to end of statement), see {@link InputHashes}
 * @param parameters the parameters in number order
 * @param returnsRows false for statements that return no rows
 * @param columns the result columns, empty when the statement returns no rows
 */
public record ResolvedQuery(
    String name,
    String file,
    String textHash,
    List<ResolvedParameter> parameters,
    boolean returnsRows,
    List<ResolvedColumn> columns) {
  public ResolvedQuery {
    parameters = List.copyOf(parameters);
    columns = List.copyOf(columns);
  }
}
