package dev.quarry.processor.lock;

import dev.quarry.processor.syntax.ParsedQuery;

/**
 * A query as the query file gives it, with what the {@link Resolution} holds for it: the input the
 * model is built from, the same whether the resolution came from the database or the lock file.
 *
 * @param parsed the query as written
 * @param resolved its parameters' and columns' types and nullability, by {@link TypeKey}
 */
public record ResolvedStatement(ParsedQuery parsed, ResolvedQuery resolved) {

  /**
   * Whether the method parameter for parameter {@code index} (in number order) accepts null:
   * written {@code sqlc.narg}, or inferred from where the statement uses it.
   */
  public boolean parameterNullable(int index) {
    return resolved.parameters().get(index).nullable() || parsed.parameters().get(index).nullable();
  }

  /** This statement, returning exactly one row or not as {@code exactlyOneRow} says. */
  public ResolvedStatement withExactlyOneRow(boolean exactlyOneRow) {
    ResolvedQuery q = resolved;
    return new ResolvedStatement(
        parsed,
        new ResolvedQuery(
            q.name(),
            q.file(),
            q.textHash(),
            q.parameters(),
            q.returnsRows(),
            q.columns(),
            q.tables(),
            exactlyOneRow));
  }
}
