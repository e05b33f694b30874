package com.example.db;

import dev.quarry.runtime.PgEnum;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL enum type {@code public.status}; each constant keeps its PostgreSQL label.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public enum Status implements PgEnum {
  OPEN("open"),

  CLOSED("closed");

  private final String label;

  Status(String label) {
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
  public static Status fromLabel(String label) {
    return switch (label) {
      case "open" -> OPEN;
      case "closed" -> CLOSED;
      default -> throw new IllegalArgumentException("not a label of PostgreSQL enum status: " + label);
    };
  }

  /**
   * The constant for a PostgreSQL label, or null for null.
   */
  public static @Nullable Status fromNullableLabel(@Nullable String label) {
    return label == null ? null : fromLabel(label);
  }
}
