package dev.quarry.processor.analysis;

import dev.quarry.processor.syntax.Parameter;

/**
 * A query parameter with the type PostgreSQL inferred for it.
 *
 * @param dimensions for an array, how deep its Java lists nest: the number of {@code []} pairs in a
 *     cast written after the parameter ({@code @m::int[][]} gives 2), else 1
 */
public record AnalyzedParameter(Parameter parameter, int typeOid, int dimensions) {}
