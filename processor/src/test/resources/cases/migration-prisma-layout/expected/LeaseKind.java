package com.example.db;

import dev.quarry.runtime.PgEnum;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL enum type {@code public.LeaseKind}; each constant keeps its PostgreSQL label.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public enum LeaseKind implements PgEnum {
  FIXED("FIXED"),

  PERIODIC("PERIODIC"),

  ROLLING("ROLLING");

  private final String label;

  LeaseKind(String label) {
    this.label = label;
  }

  /**
   * The value as PostgreSQL spells it.
   */
  @Override
  public String label() {
    return label;
  }

  /**
   * The constant for a PostgreSQL label.
   *
   * @throws IllegalArgumentException if no constant has that label
   */
  public static LeaseKind fromLabel(String label) {
    return switch (label) {
      case "FIXED" -> FIXED;
      case "PERIODIC" -> PERIODIC;
      case "ROLLING" -> ROLLING;
      default -> throw new IllegalArgumentException("not a label of PostgreSQL enum LeaseKind: " + label);
    };
  }

  /**
   * The constant for a PostgreSQL label, or null for null.
   */
  public static @Nullable LeaseKind fromNullableLabel(@Nullable String label) {
    return label == null ? null : fromLabel(label);
  }
}
