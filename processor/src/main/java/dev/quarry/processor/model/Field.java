package dev.quarry.processor.model;

import dev.quarry.processor.types.ValueType;

/**
 * One value of a generated record or one method parameter.
 *
 * @param javaName the component or parameter name
 * @param sqlName the column or parameter name as SQL spells it
 * @param type the Java-side type
 * @param nullable whether the value may be null (boxed and {@code @Nullable})
 * @param role for a method parameter: a plain value, the value of a {@code quarry.patch(@name)}
 *     (taken as {@code Patch<T>}), or its hidden set-flag (no Java parameter of its own)
 * @param partner for {@link Role#PATCH_FLAG}: the index of its patch among the method's parameters;
 *     -1 otherwise
 */
public record Field(
    String javaName, String sqlName, ValueType type, boolean nullable, Role role, int partner) {

  /** What a method parameter is. */
  public enum Role {
    PLAIN,
    PATCH,
    PATCH_FLAG
  }

  public Field(String javaName, String sqlName, ValueType type, boolean nullable) {
    this(javaName, sqlName, type, nullable, Role.PLAIN, -1);
  }
}
