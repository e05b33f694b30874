package dev.quarry.processor.types;

import dev.quarry.processor.lock.ResolvedType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The Java enums generated for PostgreSQL enum types, named as they are first mapped. */
final class EnumTypes {
  private final Map<String, EnumType> enums = new TreeMap<>();
  private final Set<String> javaNames = new HashSet<>();

  /** The Java enum for the enum type {@code type}, named when first asked for. */
  EnumType of(ResolvedType type) {
    String key = type.schema() + "." + type.name();
    EnumType existing = enums.get(key);
    if (existing != null) {
      return existing;
    }
    String javaName = JavaNames.typeName(type.name());
    if (!javaNames.add(javaName)) {
      // Two schemas with an enum of the same name: qualify the second by its schema.
      javaName = JavaNames.typeName(type.schema() + "_" + type.name());
      javaNames.add(javaName);
    }
    List<EnumType.Constant> constants = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (String label : type.labels()) {
      String constant = JavaNames.constantName(label);
      String unique = constant;
      for (int n = 2; !used.add(unique); n++) {
        unique = constant + "_" + n;
      }
      constants.add(new EnumType.Constant(unique, label));
    }
    EnumType enumType = new EnumType(javaName, type.schema(), type.name(), constants);
    enums.put(key, enumType);
    return enumType;
  }

  /** Whether an enum has {@code javaName} already. */
  boolean hasJavaName(String javaName) {
    return javaNames.contains(javaName);
  }

  /** Every enum type mapped so far, ordered by schema and name. */
  List<EnumType> all() {
    return List.copyOf(enums.values());
  }
}
