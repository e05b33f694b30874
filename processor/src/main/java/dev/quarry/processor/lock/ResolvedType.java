package dev.quarry.processor.lock;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL type as the catalog described it, with its references by {@link TypeKey} instead of
 * OIDs, which differ between databases.
 *
 * @param schema its schema
 * @param name its {@code typname}
 * @param sqlName the name to write in SQL ({@code format_type})
 * @param kind {@code typtype}
 * @param element an array's element type, or null
 * @param base a domain's underlying type, or null
 * @param labels an enum's labels in sort order
 * @param relationKind for a type with a relation, its kind ({@code c} for CREATE TYPE AS), else a
 *     space
 * @param attributes a composite type's attributes (for CREATE TYPE AS only), in order
 */
public record ResolvedType(
    String schema,
    String name,
    String sqlName,
    char kind,
    @Nullable String element,
    @Nullable String base,
    List<String> labels,
    char relationKind,
    List<ResolvedField> attributes) {
  public ResolvedType {
    labels = List.copyOf(labels);
    attributes = List.copyOf(attributes);
  }

  public String key() {
    return TypeKey.of(schema, name);
  }

  public boolean isArray() {
    return element != null && name.startsWith("_");
  }

  public boolean isEnum() {
    return kind == 'e';
  }

  /** A composite type made with {@code CREATE TYPE ... AS (...)} (not a table's row type). */
  public boolean isComposite() {
    return kind == 'c' && relationKind == 'c';
  }

  /**
   * The row type of a table, view, materialized view or foreign table: what {@code c} is in {@code
   * SELECT c FROM comments c}. Its {@link #attributes} are the relation's columns, with their
   * nullability.
   */
  public boolean isRowType() {
    return kind == 'c' && "rpvmf".indexOf(relationKind) >= 0;
  }

  public boolean isDomain() {
    return kind == 'd';
  }

  public boolean isBuiltIn() {
    return schema.equals("pg_catalog");
  }

  /**
   * The name the JDBC driver resolves to this type at run time ({@code _text}, {@code
   * "audit"."level"}, {@code "public"."LeaseKind"}): generated code names array element types to
   * {@code createArrayOf}. The driver folds a bare name to lower case, so any name that is not a
   * plain lower-case identifier, or not in {@code pg_catalog} or {@code public}, is written quoted
   * with its schema.
   */
  public String driverName() {
    if ((schema.equals("pg_catalog") || schema.equals("public")) && plainIdentifier(name)) {
      return name;
    }
    return '"' + schema.replace("\"", "\"\"") + "\".\"" + name.replace("\"", "\"\"") + '"';
  }

  /**
   * Whether {@code name} matches {@code [a-z_][a-z0-9_]*}; checked by hand because the model asks
   * for every column's driver name, and {@code String.matches} compiles the pattern every time.
   */
  private static boolean plainIdentifier(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || c == '_';
      if (!(letter || (i > 0 && c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
