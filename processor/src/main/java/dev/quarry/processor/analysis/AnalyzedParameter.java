package dev.quarry.processor.analysis;

import dev.quarry.processor.syntax.Parameter;

/**
 * A query parameter with the type PostgreSQL inferred for it.
 *
 * @param dimensions for an array, how deep its Java lists nest: the number of {@code []} pairs in a
 *     cast written after the parameter ({@code @m::int[][]} gives 2), else 1
 * @param nullable the method parameter accepts null: written {@code sqlc.narg}, or inferred from
 *     where the statement uses it ({@code ParameterNullability})
 */
public record AnalyzedParameter(
    Parameter parameter, int typeOid, int dimensions, boolean nullable) {
  /** A parameter that accepts NULL only when written {@code sqlc.narg}. */
  public AnalyzedParameter(Parameter parameter, int typeOid, int dimensions) {
    this(parameter, typeOid, dimensions, parameter.nullable());
  }
}
