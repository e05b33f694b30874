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
}
