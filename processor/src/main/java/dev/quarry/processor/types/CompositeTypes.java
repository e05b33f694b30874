package dev.quarry.processor.types;

import dev.quarry.processor.lock.ResolvedField;
import dev.quarry.processor.lock.ResolvedType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The records generated for composite types ({@code CREATE TYPE ... AS (...)}). */
final class CompositeTypes {
  private final Map<String, CompositeType> composites = new TreeMap<>();
  private final Set<String> inProgress = new HashSet<>();

  /**
   * The record for a composite type, or null when an attribute has a type records cannot hold yet
   * (an array, a converted value, or the type itself): such composites stay PostgreSQL's text form.
   *
   * @param mapAttribute maps an attribute's type key to its Java type
   * @param enums the enums, whose names a record's name must not take
   */
  @Nullable CompositeType of(
      ResolvedType type, Function<String, ValueType> mapAttribute, EnumTypes enums) {
    String key = type.schema() + "." + type.name();
    CompositeType existing = composites.get(key);
    if (existing != null) {
      return existing;
    }
    if (!inProgress.add(key)) {
      return null;
    }
    try {
      List<CompositeType.Attribute> attributes = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (ResolvedField attribute : type.attributes()) {
        ValueType attributeType = mapAttribute.apply(attribute.type());
        if (attributeType instanceof ValueType.ArrayValue
            || attributeType instanceof ValueType.ConvertedValue) {
          return null;
        }
        String javaName = JavaNames.memberName(attribute.name());
        for (int n = 2; !names.add(javaName); n++) {
          javaName = JavaNames.memberName(attribute.name()) + n;
        }
        attributes.add(new CompositeType.Attribute(javaName, attribute.name(), attributeType));
      }
      String javaName = JavaNames.typeName(type.name());
      if (enums.hasJavaName(javaName)
          || composites.values().stream()
              .anyMatch(c -> c.javaName().equals(JavaNames.typeName(type.name())))) {
        javaName = JavaNames.typeName(type.schema() + "_" + type.name());
      }
      CompositeType composite = new CompositeType(javaName, type.schema(), type.name(), attributes);
      composites.put(key, composite);
      return composite;
    } finally {
      inProgress.remove(key);
    }
  }

  /** Every composite type mapped to a record so far, ordered by schema and name. */
  List<CompositeType> all() {
    return List.copyOf(composites.values());
  }
}
