package com.example.db;

import dev.quarry.runtime.PgEnum;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL enum type {@code Billing.StepKind}; each constant keeps its PostgreSQL label.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public enum StepKind implements PgEnum {
  DRAFT("Draft"),

  SENT("Sent");

  private final String label;

  StepKind(String label) {
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
  public static StepKind fromLabel(String label) {
    return switch (label) {
      case "Draft" -> DRAFT;
      case "Sent" -> SENT;
      default -> throw new IllegalArgumentException("not a label of PostgreSQL enum StepKind: " + label);
    };
  }

  /**
   * The constant for a PostgreSQL label, or null for null.
   */
  public static @Nullable StepKind fromNullableLabel(@Nullable String label) {
    return label == null ? null : fromLabel(label);
  }
}
