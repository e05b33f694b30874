package dev.quarry.runtime;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Null-safe calls of {@link ValueConverter}s, for generated code. */
public final class ValueConverters {
  private ValueConverters() {}

  public static <D, J> @Nullable J fromDatabase(ValueConverter<D, J> converter, @Nullable D value) {
    return value == null ? null : converter.fromDatabase(value);
  }

  public static <D, J> @Nullable D toDatabase(ValueConverter<D, J> converter, @Nullable J value) {
    return value == null ? null : converter.toDatabase(value);
  }

  /** Converts each element of a list to bind as an array (null elements stay null). */
  public static <D, J> @Nullable List<@Nullable D> toDatabase(
      ValueConverter<D, J> converter, @Nullable List<? extends @Nullable J> values) {
    if (values == null) {
      return null;
    }
    List<@Nullable D> converted = new ArrayList<>(values.size());
    for (J value : values) {
      converted.add(value == null ? null : converter.toDatabase(value));
    }
    return converted;
  }
}
