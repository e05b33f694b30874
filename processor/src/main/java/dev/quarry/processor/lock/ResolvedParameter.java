package dev.quarry.processor.lock;

/**
 * A query parameter as PostgreSQL typed it.
 *
 * @param name the parameter's name in the query (for the reader; the source gives it again)
 * @param type the {@link TypeKey} of its type
 * @param dimensions how deep an array's Java lists nest (1 unless a cast says more)
 * @param nullable the statement's uses of it accept NULL (written {@code null} at the line's end)
 */
public record ResolvedParameter(String name, String type, int dimensions, boolean nullable) {
  public ResolvedParameter(String name, String type, int dimensions) {
    this(name, type, dimensions, false);
  }
}
