package dev.quarry.processor.analysis;

import dev.quarry.processor.syntax.ParsedQuery;
import java.util.List;

/**
 * A query PostgreSQL accepted, with its parameter types and result columns.
 *
 * @param returnsRows false for statements that return no rows (e.g. UPDATE without RETURNING)
 * @param columns the result columns, empty when the statement returns no rows
 * @param exactlyOneRow the statement always returns exactly one row, whatever the data (see {@code
 *     RowCountInference})
 */
public record AnalyzedQuery(
    ParsedQuery parsed,
    List<AnalyzedParameter> parameters,
    boolean returnsRows,
    List<AnalyzedColumn> columns,
    boolean exactlyOneRow) {
  public AnalyzedQuery {
    parameters = List.copyOf(parameters);
    columns = List.copyOf(columns);
  }

  /** A query whose row count the statement does not fix. */
  public AnalyzedQuery(
      ParsedQuery parsed,
      List<AnalyzedParameter> parameters,
      boolean returnsRows,
      List<AnalyzedColumn> columns) {
    this(parsed, parameters, returnsRows, columns, false);
  }
}
