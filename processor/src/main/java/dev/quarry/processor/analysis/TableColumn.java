package dev.quarry.processor.analysis;

/** One column of a table, in the table's column order. */
public record TableColumn(String name, int attnum, int typeOid, boolean notNull) {}
