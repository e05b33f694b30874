package dev.quarry.processor.analysis;

import dev.quarry.processor.syntax.Parameter;

/** A query parameter with the type PostgreSQL inferred for it. */
public record AnalyzedParameter(Parameter parameter, int typeOid) {}
