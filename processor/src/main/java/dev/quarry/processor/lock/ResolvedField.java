package dev.quarry.processor.lock;

/**
 * A table column or a composite type's attribute.
 *
 * @param name its name in PostgreSQL
 * @param type the {@link TypeKey} of its type
 * @param notNull the column can never hold NULL (always false for attributes)
 * @param dimensions declared array dimensions, 0 for scalars
 */
public record ResolvedField(String name, String type, boolean notNull, int dimensions) {}
