package dev.quarry.processor.lock;

import org.jspecify.annotations.Nullable;

/**
 * A result column as PostgreSQL described it, with the nullability Quarry inferred.
 *
 * @param name the column's name (after a {@code !} or {@code ?} suffix was applied)
 * @param type the {@link TypeKey} of its type
 * @param nullable whether the value may be null
 * @param table the {@link TypeKey}-style key of the table it is read from directly, or null
 * @param tableColumn that table's column, or null
 */
public record ResolvedColumn(
    String name,
    String type,
    boolean nullable,
    @Nullable String table,
    @Nullable String tableColumn) {}
