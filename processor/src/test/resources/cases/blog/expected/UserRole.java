package com.example.db;

import dev.quarry.runtime.PgEnum;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL enum type {@code public.user_role}; each constant keeps its PostgreSQL label.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public enum UserRole implements PgEnum {
  READER("reader"),

  WRITER("writer"),

  ADMIN("admin"),

  IN_REVIEW("in review");

  private final String label;

  UserRole(String label) {
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
  public static UserRole fromLabel(String label) {
    return switch (label) {
      case "reader" -> READER;
      case "writer" -> WRITER;
      case "admin" -> ADMIN;
      case "in review" -> IN_REVIEW;
      default -> throw new IllegalArgumentException("not a label of PostgreSQL enum user_role: " + label);
    };
  }

  /**
   * The constant for a PostgreSQL label, or null for null.
   */
  public static @Nullable UserRole fromNullableLabel(@Nullable String label) {
    return label == null ? null : fromLabel(label);
  }
}
