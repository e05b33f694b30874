package dev.quarry.runtime;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The value of an optional block's parameter: {@linkplain #absent() absent}, so the block is left
 * out of the statement, or {@linkplain #of(Object) given}, so the block is in it and the value,
 * which may be NULL, is bound to the parameter. Absent and NULL are different things: {@code
 * Given.of(null)} keeps the block and binds NULL.
 *
 * <p>A query marks a block with {@code /*[if @name]*}{@code /} ... {@code /*[end]*}{@code /}; its
 * generated {@code <Query>Filter} record holds one {@code Given<T>} per block parameter
 * (docs/dynamic-queries.md).
 *
 * @param <T> the parameter's Java type
 */
public final class Given<T> {
  private static final Given<?> ABSENT = new Given<>(false, null);

  private final boolean given;
  private final @Nullable T value;

  private Given(boolean given, @Nullable T value) {
    this.given = given;
    this.value = value;
  }

  /** Leaves the parameter's blocks out of the statement. */
  @SuppressWarnings("unchecked")
  public static <T> Given<T> absent() {
    return (Given<T>) ABSENT;
  }

  /** Keeps the parameter's blocks and binds {@code value}; {@code null} binds NULL. */
  public static <T> Given<T> of(@Nullable T value) {
    return new Given<>(true, value);
  }

  /** {@link #of(Object) of(value)} when {@code value} is not null, else {@link #absent()}. */
  public static <T> Given<T> ofNullable(@Nullable T value) {
    return value == null ? absent() : of(value);
  }

  /** Whether the parameter is given (a value or NULL), so its blocks are in the statement. */
  public boolean isGiven() {
    return given;
  }

  /** The value bound to the parameter; null when it is NULL or absent. */
  public @Nullable T value() {
    return value;
  }

  /**
   * {@code given} itself, after checking that it is not null and that a given value is not NULL;
   * generated filter records call it for parameters that do not accept NULL.
   *
   * @throws NullPointerException naming {@code name} when either check fails
   */
  public static <T> Given<T> requireNonNullValue(@Nullable Given<T> given, String name) {
    Objects.requireNonNull(given, name);
    if (given.given && given.value == null) {
      throw new NullPointerException(
          name + " does not accept NULL: pass Given.absent() to leave its block out, or a value");
    }
    return given;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Given<?> that
        && given == that.given
        && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return given ? 31 + Objects.hashCode(value) : 0;
  }

  @Override
  public String toString() {
    return given ? "Given.of(" + value + ")" : "Given.absent()";
  }
}
