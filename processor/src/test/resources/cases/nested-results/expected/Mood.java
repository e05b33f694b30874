package com.example.db;

import dev.quarry.runtime.PgEnum;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL enum type {@code public.mood}; each constant keeps its PostgreSQL label.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public enum Mood implements PgEnum {
  HAPPY("happy"),

  SAD("sad");

  private final String label;

  Mood(String label) {
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
  public static Mood fromLabel(String label) {
    return switch (label) {
      case "happy" -> HAPPY;
      case "sad" -> SAD;
      default -> throw new IllegalArgumentException("not a label of PostgreSQL enum mood: " + label);
    };
  }

  /**
   * The constant for a PostgreSQL label, or null for null.
   */
  public static @Nullable Mood fromNullableLabel(@Nullable String label) {
    return label == null ? null : fromLabel(label);
  }
}
