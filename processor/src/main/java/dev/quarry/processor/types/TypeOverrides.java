package dev.quarry.processor.types;

import dev.quarry.processor.config.TypeOverrideSpec;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.lock.ResolvedTable;
import dev.quarry.processor.lock.ResolvedType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The user's type overrides: which one applies to a type or a table column, and the converted value
 * it makes of the default mapping (reporting, once each, a converter that takes another type).
 */
final class TypeOverrides {
  private final List<TypeOverrideSpec> overrides;
  private final Diagnostics diagnostics;
  private final Set<TypeOverrideSpec> reported = new HashSet<>();

  TypeOverrides(List<TypeOverrideSpec> overrides, Diagnostics diagnostics) {
    this.overrides = List.copyOf(overrides);
    this.diagnostics = diagnostics;
  }

  /** The override naming {@code type}, or null. */
  @Nullable TypeOverrideSpec forType(ResolvedType type) {
    for (TypeOverrideSpec override : overrides) {
      String name = override.pgType();
      if (name != null
          && (TypeNames.names(name, type.schema(), type.name())
              || name.equalsIgnoreCase(type.sqlName()))) {
        return override;
      }
    }
    return null;
  }

  /** The override naming the column {@code column} of {@code table}, or null. */
  @Nullable TypeOverrideSpec forColumn(ResolvedTable table, String column) {
    for (TypeOverrideSpec override : overrides) {
      if (override.column() != null && namesColumn(override.columnParts(), table, column)) {
        return override;
      }
    }
    return null;
  }

  /** The column overrides, in the order they were given. */
  List<TypeOverrideSpec> columnOverrides() {
    return overrides.stream().filter(o -> o.column() != null).toList();
  }

  private static boolean namesColumn(List<String> parts, ResolvedTable table, String column) {
    return parts.equals(List.of(table.name(), column))
        || parts.equals(List.of(table.schema(), table.name(), column));
  }

  /**
   * {@code base} converted by {@code override}'s converter, or {@code base} itself (with an error)
   * when the converter takes another type than Quarry reads.
   */
  ValueType convert(ValueType base, TypeOverrideSpec override) {
    String expected = ScalarTypes.javaClassOf(base);
    if (!override.databaseType().equals(expected)) {
      if (reported.add(override)) {
        diagnostics.report(
            Message.OVERRIDE_CONVERTER_MISMATCH,
            null,
            override.describe(),
            (override.pgType() != null ? override.pgType() : override.column()),
            (expected == null
                ? "a type that converters cannot take (an enum or an array)"
                : expected),
            override.databaseType(),
            (expected == null
                ? ""
                : "; make it a ValueConverter<"
                    + simple(expected)
                    + ", "
                    + simple(override.javaType())
                    + ">"));
      }
      return base;
    }
    return new ValueType.ConvertedValue(base, override.converterClass(), override.javaType());
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
