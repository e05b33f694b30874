package dev.quarry.processor.config;

import org.jspecify.annotations.Nullable;

/**
 * One {@code @TypeOverride}, checked: exactly one of {@code pgType} and {@code column} is set.
 *
 * @param pgType the PostgreSQL type it applies to, as the user wrote it
 * @param column the table column it applies to: {@code table.column} or {@code schema.table.column}
 * @param converterClass the converter's canonical class name
 * @param databaseType the converter's first type argument (the type Quarry would use)
 * @param javaType the converter's second type argument (the type generated code uses)
 */
public record TypeOverrideSpec(
    @Nullable String pgType,
    @Nullable String column,
    String converterClass,
    String databaseType,
    String javaType) {

  /**
   * How the override reads in messages: {@code @TypeOverride(type = "jsonb", converter = X.class)}.
   */
  public String describe() {
    String target = pgType != null ? "type = \"" + pgType + "\"" : "column = \"" + column + "\"";
    return "@TypeOverride(" + target + ", converter = " + converterClass + ".class)";
  }
}
