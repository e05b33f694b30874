package dev.quarry.processor.syntax;

/**
 * One parameter of a query after rewriting: every occurrence of the same name (or the same {@code
 * $n}) is one parameter.
 *
 * @param number its 1-based number in {@link ParsedQuery#analysisSql()} ({@code $number})
 * @param name its SQL-side name: as written for {@code @name}, {@code sqlc.arg(name)} and {@code
 *     sqlc.narg(name)}; inferred as sqlc does for {@code $n} (compared column, INSERT target
 *     column, {@code limit}, {@code offset}), else {@code arg<n>}; unique within the query
 * @param nullable true for {@code sqlc.narg}: the method parameter accepts null
 * @param explicitlyNamed true when the user wrote the name, false when it was inferred
 * @param fileOffset offset, in the query file, of the first occurrence
 * @param patchFlag for the value of {@code quarry.patch(@name)}: the number of its hidden boolean
 *     set-flag parameter; 0 otherwise
 * @param flagOf for the hidden set-flag of a patch: the number of the patch's value parameter; 0
 *     otherwise
 */
public record Parameter(
    int number,
    String name,
    boolean nullable,
    boolean explicitlyNamed,
    int fileOffset,
    int patchFlag,
    int flagOf) {

  public Parameter(
      int number, String name, boolean nullable, boolean explicitlyNamed, int fileOffset) {
    this(number, name, nullable, explicitlyNamed, fileOffset, 0, 0);
  }

  /** Whether this is the value of a {@code quarry.patch(@name)}. */
  public boolean isPatch() {
    return patchFlag != 0;
  }

  /** Whether this is the hidden set-flag of a patch, bound from {@code Patch.isSet()}. */
  public boolean isPatchFlag() {
    return flagOf != 0;
  }
}
