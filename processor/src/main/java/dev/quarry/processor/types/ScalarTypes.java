package dev.quarry.processor.types;

import dev.quarry.processor.lock.ResolvedType;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The built-in PostgreSQL types with a Java type of their own, as the type table in docs/types.md
 * lists them. Other types travel as PostgreSQL's text form.
 */
final class ScalarTypes {
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

  private ScalarTypes() {}

  /**
   * The Java type for a base type: a built-in's own, or else PostgreSQL's text form (binding it
   * untyped lets PostgreSQL convert the text to the type the statement expects).
   */
  static ValueType of(ResolvedType type) {
    Scalar scalar = type.isBuiltIn() ? BUILT_INS.get(type.name()) : null;
    return new ValueType.ScalarValue(
        scalar != null ? scalar : Scalar.TEXT_OTHER, type.driverName());
  }

  /** The text form, for types no better Java type fits. */
  static ValueType text(ResolvedType type) {
    return new ValueType.ScalarValue(Scalar.TEXT_OTHER, type.driverName());
  }

  /** The boxed Java class a converter's first type argument must be, or null if none can be. */
  static @Nullable String javaClassOf(ValueType type) {
    return type instanceof ValueType.ScalarValue scalar ? scalar.scalar().className() : null;
  }
}
