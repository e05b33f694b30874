package dev.quarry.processor.types;

import java.util.List;

/**
 * A PostgreSQL composite type and the record generated for it. Attributes of composite types cannot
 * be declared NOT NULL, so every component is nullable.
 *
 * @param javaName the record's simple name ({@code address} gives {@code Address})
 * @param attributes the attributes in order, with the Java names of the components
 */
public record CompositeType(
    String javaName, String schema, String pgName, List<Attribute> attributes) {
  public CompositeType {
    attributes = List.copyOf(attributes);
  }

  /** One attribute: its component name, PostgreSQL name and type. */
  public record Attribute(String javaName, String pgName, ValueType type) {}
}
