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

  /**
   * The parts of {@link #column()}, read as SQL names: split at dots outside double quotes, a
   * quoted part taken as written (without its quotes, {@code ""} read as {@code "}), an unquoted
   * one folded to lower case as PostgreSQL folds it: {@code billing."Lease".Kind} gives {@code
   * billing}, {@code Lease}, {@code kind}.
   */
  public java.util.List<String> columnParts() {
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (column == null) {
      return parts;
    }
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < column.length(); i++) {
      char c = column.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < column.length() && column.charAt(i + 1) == '"') {
          part.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          part.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '.') {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
      }
    }
    parts.add(part.toString());
    return parts;
  }
}
