package dev.quarry.processor.syntax;

/**
 * A {@code sqlc.embed(table)} in a select list, rewritten to {@code table.*}: the columns that
 * expansion gives become one nested record of the table's model.
 *
 * @param table the table name or alias as written, unquoted ({@code river_job})
 * @param fileOffset offset, in the query file, of the {@code sqlc} token
 */
public record EmbedReference(String table, int fileOffset) {}
