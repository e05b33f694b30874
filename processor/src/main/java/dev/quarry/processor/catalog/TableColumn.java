package dev.quarry.processor.catalog;

/**
 * One column of a table or view, in the table's column order.
 *
 * @param notNull the column can never hold NULL: a {@code NOT NULL} constraint (primary keys have
 *     one) or a domain type declared {@code NOT NULL}
 * @param dimensions the array dimensions the column was declared with ({@code int[][]} gives 2), 0
 *     for scalars; PostgreSQL does not enforce them, Quarry uses them to nest lists
 */
public record TableColumn(String name, int attnum, int typeOid, boolean notNull, int dimensions) {}
