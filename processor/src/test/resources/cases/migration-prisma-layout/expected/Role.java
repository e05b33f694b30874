package com.example.db;

import dev.quarry.runtime.PgEnum;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL enum type {@code public.Role}; each constant keeps its PostgreSQL label.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public enum Role implements PgEnum {
  ADMIN("ADMIN"),

  TENANT("TENANT");

  private final String label;

  Role(String label) {
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
  public static Role fromLabel(String label) {
    return switch (label) {
      case "ADMIN" -> ADMIN;
      case "TENANT" -> TENANT;
      default -> throw new IllegalArgumentException("not a label of PostgreSQL enum Role: " + label);
    };
  }

  /**
   * The constant for a PostgreSQL label, or null for null.
   */
  public static @Nullable Role fromNullableLabel(@Nullable String label) {
    return label == null ? null : fromLabel(label);
  }
}
