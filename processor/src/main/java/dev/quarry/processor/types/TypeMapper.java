package dev.quarry.processor.types;

import dev.quarry.processor.analysis.Catalog;
import dev.quarry.processor.analysis.PgType;
import dev.quarry.processor.model.JavaNames;
import dev.quarry.processor.types.ValueType.ArrayValue;
import dev.quarry.processor.types.ValueType.EnumValue;
import dev.quarry.processor.types.ValueType.ScalarValue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps PostgreSQL types to Java types. Built-in types map as the README's type table says; enums
 * map to generated Java enums; domains map as their base type; arrays map to lists. Types with no
 * better Java type (e.g. {@code money}, geometric types, ranges) are read and bound as their
 * PostgreSQL text form in a {@code String}.
 */
public final class TypeMapper {
  private static final Map<String, Scalar> BUILT_INS =
      Map.ofEntries(
          Map.entry("int2", Scalar.SHORT),
          Map.entry("int4", Scalar.INT),
          Map.entry("int8", Scalar.LONG),
          Map.entry("oid", Scalar.LONG),
          Map.entry("float4", Scalar.FLOAT),
          Map.entry("float8", Scalar.DOUBLE),
          Map.entry("bool", Scalar.BOOLEAN),
          Map.entry("numeric", Scalar.DECIMAL),
          Map.entry("text", Scalar.STRING),
          Map.entry("varchar", Scalar.STRING),
          Map.entry("bpchar", Scalar.STRING),
          Map.entry("char", Scalar.STRING),
          Map.entry("name", Scalar.STRING),
          Map.entry("json", Scalar.TEXT_OTHER),
          Map.entry("jsonb", Scalar.TEXT_OTHER),
          Map.entry("bytea", Scalar.BYTES),
          Map.entry("uuid", Scalar.UUID),
          Map.entry("date", Scalar.DATE),
          Map.entry("time", Scalar.TIME),
          Map.entry("timetz", Scalar.TIME_TZ),
          Map.entry("timestamp", Scalar.TIMESTAMP),
          Map.entry("timestamptz", Scalar.TIMESTAMP_TZ),
          Map.entry("interval", Scalar.INTERVAL));

  private final Catalog catalog;
  private final Map<String, EnumType> enums = new TreeMap<>();
  private final Set<String> enumJavaNames = new HashSet<>();

  public TypeMapper(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The Java type for the PostgreSQL type {@code oid}. */
  public ValueType map(int oid) throws SQLException {
    return map(oid, 1);
  }

  /**
   * The Java type for {@code oid}; an array type maps to lists nested {@code dimensions} deep
   * (PostgreSQL's types do not record dimensions: {@code int[][]} is {@code int4[]}).
   */
  public ValueType map(int oid, int dimensions) throws SQLException {
    PgType type = catalog.type(oid);
    if (type.isDomain()) {
      return map(type.baseTypeOid(), dimensions);
    }
    if (type.isArray()) {
      ValueType element = map(type.elementOid());
      for (int i = 1; i < Math.max(1, dimensions); i++) {
        element = new ArrayValue(element, type.driverName());
      }
      return new ArrayValue(element, type.driverName());
    }
    if (type.isEnum()) {
      EnumType enumType = enumType(type);
      return new EnumValue(enumType.javaName(), type.driverName(), enumType);
    }
    if (type.isBuiltIn()) {
      Scalar scalar = BUILT_INS.get(type.name());
      if (scalar != null) {
        return new ScalarValue(scalar, type.driverName());
      }
    }
    // Everything else travels as PostgreSQL's text form; binding it untyped lets PostgreSQL
    // convert the text to the type the statement expects.
    return new ScalarValue(Scalar.TEXT_OTHER, type.driverName());
  }

  private EnumType enumType(PgType type) {
    String key = type.schema() + "." + type.name();
    EnumType existing = enums.get(key);
    if (existing != null) {
      return existing;
    }
    String javaName = JavaNames.typeName(type.name());
    if (!enumJavaNames.add(javaName)) {
      // Two schemas with an enum of the same name: qualify the second by its schema.
      javaName = JavaNames.typeName(type.schema() + "_" + type.name());
      enumJavaNames.add(javaName);
    }
    List<EnumType.Constant> constants = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (String label : type.enumLabels()) {
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

  /** Every enum type mapped so far, ordered by schema and name. */
  public List<EnumType> enums() {
    return List.copyOf(enums.values());
  }
}
