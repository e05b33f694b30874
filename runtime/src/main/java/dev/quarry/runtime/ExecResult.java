package dev.quarry.runtime;

/**
 * What an {@code :execresult} query returns: the outcome of a statement that returns no rows.
 *
 * <p>sqlc returns pgx's {@code CommandTag} here; JDBC exposes the part of it callers use, the
 * number of rows the statement affected (inserted, updated, deleted, or for {@code SELECT}-like
 * statements, returned). A record rather than a bare {@code long} so that the result can grow
 * without changing generated signatures, and so that it reads as what it is at call sites.
 *
 * @param rowsAffected the number of rows the statement affected, as PostgreSQL's command tag
 *     reports it ({@code DELETE 3} gives 3)
 */
public record ExecResult(long rowsAffected) {}
