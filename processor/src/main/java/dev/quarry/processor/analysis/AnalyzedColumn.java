package dev.quarry.processor.analysis;

import dev.quarry.processor.catalog.Table;
import org.jspecify.annotations.Nullable;

/**
 * One result column as PostgreSQL describes it.
 *
 * @param name the column's name or alias as PostgreSQL reports it
 * @param typeOid its type
 * @param nullable whether the value may be null
 * @param baseTable the table the column comes from directly, or null for an expression
 * @param baseColumn the table column's name, or null for an expression
 */
public record AnalyzedColumn(
    String name,
    int typeOid,
    boolean nullable,
    @Nullable Table baseTable,
    @Nullable String baseColumn) {}
