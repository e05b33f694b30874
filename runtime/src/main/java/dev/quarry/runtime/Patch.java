package dev.quarry.runtime;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One column of a partial update: leave it {@linkplain #unchanged() unchanged}, or {@linkplain
 * #set(Object) set} it to a value or to NULL.
 *
 * <p>A query marks the column with {@code SET col = quarry.patch(@name)}; Quarry expands the marker
 * to {@code CASE WHEN $k THEN $n ELSE col END} and the generated method takes a {@code Patch<T>}
 * for {@code name}: {@code $k} is bound to {@link #isSet()}, {@code $n} to {@link #value()}.
 *
 * <p>For a NOT NULL column the generated method rejects {@code Patch.set(null)} with a {@link
 * NullPointerException} before running the statement.
 *
 * @param <T> the column's Java type
 */
public final class Patch<T> {
  private static final Patch<?> UNCHANGED = new Patch<>(false, null);

  private final boolean set;
  private final @Nullable T value;

  private Patch(boolean set, @Nullable T value) {
    this.set = set;
    this.value = value;
  }

  /** Leaves the column as it is. */
  @SuppressWarnings("unchecked")
  public static <T> Patch<T> unchanged() {
    return (Patch<T>) UNCHANGED;
  }

  /** Sets the column to {@code value}; {@code null} sets it to NULL. */
  public static <T> Patch<T> set(@Nullable T value) {
    return new Patch<>(true, value);
  }

  /** Sets the column to NULL: the same as {@code set(null)}. */
  public static <T> Patch<T> setNull() {
    return new Patch<>(true, null);
  }

  /** Whether the column is set (to a value or NULL), rather than left unchanged. */
  public boolean isSet() {
    return set;
  }

  /** The value the column is set to; null when it is set to NULL or left unchanged. */
  public @Nullable T value() {
    return value;
  }

  /**
   * {@code patch} itself, after checking that it is not null and does not set a NOT NULL column to
   * NULL; generated methods call it for the patches of NOT NULL columns.
   *
   * @throws NullPointerException naming {@code name} when either check fails
   */
  public static <T> Patch<T> requireNonNullValue(@Nullable Patch<T> patch, String name) {
    Objects.requireNonNull(patch, name);
    if (patch.set && patch.value == null) {
      throw new NullPointerException(
          name + " sets a NOT NULL column to NULL: pass Patch.unchanged() or a value");
    }
    return patch;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Patch<?> patch
        && set == patch.set
        && Objects.equals(value, patch.value);
  }

  @Override
  public int hashCode() {
    return set ? 31 + Objects.hashCode(value) : 0;
  }

  @Override
  public String toString() {
    return set ? "Patch.set(" + value + ")" : "Patch.unchanged()";
  }
}
