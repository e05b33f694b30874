package dev.quarry.processor.types;

import java.util.List;

/**
 * A PostgreSQL enum type and the Java enum generated for it.
 *
 * @param javaName the generated enum's simple name ({@code user_role} gives {@code UserRole})
 * @param schema the PostgreSQL schema of the type
 * @param pgName the type's name in PostgreSQL
 * @param constants the Java constants, in the enum's sort order
 */
public record EnumType(String javaName, String schema, String pgName, List<Constant> constants) {
  public EnumType {
    constants = List.copyOf(constants);
  }

  /** One value: the Java constant's name and PostgreSQL's label. */
  public record Constant(String javaName, String label) {}
}
