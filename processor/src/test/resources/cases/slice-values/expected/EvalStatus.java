package com.example.db;

import dev.quarry.runtime.PgEnum;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL enum type {@code public.eval_status}; each constant keeps its PostgreSQL label.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public enum EvalStatus implements PgEnum {
  SUCCESS("success"),

  FAILURE("failure"),

  ERROR("error");

  private final String label;

  EvalStatus(String label) {
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
  public static EvalStatus fromLabel(String label) {
    return switch (label) {
      case "success" -> SUCCESS;
      case "failure" -> FAILURE;
      case "error" -> ERROR;
      default -> throw new IllegalArgumentException("not a label of PostgreSQL enum eval_status: " + label);
    };
  }

  /**
   * The constant for a PostgreSQL label, or null for null.
   */
  public static @Nullable EvalStatus fromNullableLabel(@Nullable String label) {
    return label == null ? null : fromLabel(label);
  }
}
