package dev.quarry.processor.model;

import dev.quarry.processor.syntax.QueryDeclaration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One generated repository method.
 *
 * @param javaName the method name
 * @param declaration the query it runs, for its name, command, location and documentation
 * @param jdbcSql the statement as the driver runs it
 * @param parameters the method's parameters, in the order of the SQL parameters' numbers
 * @param bindings for each {@code ?} of {@code jdbcSql}, the index into {@code parameters}
 * @param result what each row (or the statement) gives; for batches, what each parameter set gives
 * @param parameterRecord the generated record that carries the parameters instead of one method
 *     parameter each (many parameters, and one set per row for batches and {@code :copyfrom}), or
 *     null
 * @param copySql for {@code :copyfrom}, the {@code COPY ... FROM STDIN} statement, else null
 * @param exactlyOneRow for {@code :one}: the statement always returns exactly one row, so the
 *     method returns the row itself, not an {@code Optional}
 * @param dynamic for a query with optional blocks or a run-time sort, how the statement is built
 *     from constant parts at run time; null otherwise
 */
public record QueryMethod(
    String javaName,
    QueryDeclaration declaration,
    String jdbcSql,
    List<Field> parameters,
    List<Integer> bindings,
    ResultShape result,
    @Nullable RowRecord parameterRecord,
    @Nullable String copySql,
    boolean exactlyOneRow,
    @Nullable DynamicSql dynamic) {
  public QueryMethod {
    parameters = List.copyOf(parameters);
    bindings = List.copyOf(bindings);
  }

  public QueryMethod(
      String javaName,
      QueryDeclaration declaration,
      String jdbcSql,
      List<Field> parameters,
      List<Integer> bindings,
      ResultShape result,
      @Nullable RowRecord parameterRecord,
      @Nullable String copySql,
      boolean exactlyOneRow) {
    this(
        javaName,
        declaration,
        jdbcSql,
        parameters,
        bindings,
        result,
        parameterRecord,
        copySql,
        exactlyOneRow,
        null);
  }
}
