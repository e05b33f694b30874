package dev.quarry.processor.model;

/**
 * A {@code sqlc.embed(table)} in a row record: one component holding the table's record.
 *
 * @param index the component's position among the row record's components
 * @param javaName the component name (the table's singular, camel-cased)
 * @param record the embedded table's record
 * @param nullable whether the table sits on the nullable side of an outer join, so the whole
 *     embedded record is null when no row matched
 */
public record EmbeddedTable(int index, String javaName, TableRecord record, boolean nullable) {}
