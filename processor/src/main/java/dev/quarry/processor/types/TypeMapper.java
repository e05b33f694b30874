package dev.quarry.processor.types;

import dev.quarry.processor.catalog.Catalog;
import dev.quarry.processor.catalog.PgType;
import dev.quarry.processor.catalog.Table;
import dev.quarry.processor.catalog.TableColumn;
import dev.quarry.processor.catalog.TypeCatalog;
import dev.quarry.processor.config.TypeOverrideSpec;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.types.ValueType.ArrayValue;
import dev.quarry.processor.types.ValueType.ConvertedValue;
import dev.quarry.processor.types.ValueType.EnumValue;
import dev.quarry.processor.types.ValueType.ScalarValue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Maps PostgreSQL types to Java types. Built-in types map as the type table in docs/types.md says;
 * enums map to generated Java enums; domains map as their base type; arrays map to lists. Types
 * with no better Java type (e.g. {@code money}, geometric types, ranges) are read and bound as
 * their PostgreSQL text form in a {@code String}.
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

  private final TypeCatalog catalog;
  private final List<TypeOverrideSpec> overrides;
  private final Diagnostics diagnostics;
  private final Map<String, EnumType> enums = new TreeMap<>();
  private final Map<String, CompositeType> composites = new TreeMap<>();
  private final Set<String> compositesInProgress = new HashSet<>();
  private final Set<String> enumJavaNames = new HashSet<>();
  private final Set<TypeOverrideSpec> reported = new HashSet<>();

  public TypeMapper(TypeCatalog catalog) {
    this(catalog, List.of(), new Diagnostics());
  }

  public TypeMapper(
      TypeCatalog catalog, List<TypeOverrideSpec> overrides, Diagnostics diagnostics) {
    this.catalog = catalog;
    this.overrides = List.copyOf(overrides);
    this.diagnostics = diagnostics;
  }

  /**
   * Reports overrides that name no type or column of the schema, so a typo does not silently leave
   * the default mapping in place. It needs the live catalog, which can look up any type name; a
   * lock file holds only the facts its queries use, and is written only after a build whose
   * overrides passed this check against the same schema and overrides.
   */
  public void checkOverrides(Catalog live) throws SQLException {
    for (TypeOverrideSpec override : overrides) {
      if (override.pgType() != null) {
        boolean found = false;
        for (PgType type : live.allTypes()) {
          found |= TypeNames.names(override.pgType(), type);
        }
        if (!found) {
          diagnostics.report(
              Message.OVERRIDE_UNKNOWN_TYPE, null, override.describe(), override.pgType());
        }
      } else {
        List<String> parts = override.columnParts();
        String schema = parts.size() > 2 ? parts.get(parts.size() - 3) : null;
        String table = parts.size() > 1 ? parts.get(parts.size() - 2) : "";
        String column = parts.get(parts.size() - 1);
        boolean found =
            live.resolveTable(schema, table)
                .map(t -> t.columns().stream().anyMatch(c -> c.name().equals(column)))
                .orElse(false);
        if (!found) {
          diagnostics.report(
              Message.OVERRIDE_UNKNOWN_COLUMN, null, override.describe(), override.column());
        }
      }
    }
  }

  /** The catalog types are read from. */
  public TypeCatalog catalog() {
    return catalog;
  }

  /** The Java type for a table column's values, with a column override if one names it. */
  public ValueType mapColumn(Table table, TableColumn column) throws SQLException {
    ValueType base = map(column.typeOid(), Math.max(1, column.dimensions()));
    for (TypeOverrideSpec override : overrides) {
      if (override.column() != null && namesColumn(override.columnParts(), table, column.name())) {
        ValueType plain = base instanceof ConvertedValue converted ? converted.base() : base;
        return convert(plain, override);
      }
    }
    return base;
  }

  /**
   * The Java type for a value COPY writes into {@code column} of {@code table} (both as written in
   * the statement, possibly quoted or schema-qualified), typed as the column when it has type
   * {@code oid}; null when the column cannot be found.
   */
  public @Nullable ValueType mapCopyColumn(String table, String column, int oid)
      throws SQLException {
    List<String> parts = new ArrayList<>();
    for (String part : table.split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
      parts.add(identifier(part.strip()));
    }
    String name = identifier(column);
    Optional<Table> found =
        catalog.resolveTable(
            parts.size() > 1 ? parts.get(parts.size() - 2) : null, parts.get(parts.size() - 1));
    for (TableColumn tableColumn : found.map(Table::columns).orElse(List.of())) {
      if (tableColumn.name().equals(name) && tableColumn.typeOid() == oid) {
        return mapColumn(found.get(), tableColumn);
      }
    }
    return null;
  }

  /** An identifier as PostgreSQL stores it: quoted ones as written, others folded to lower case. */
  private static String identifier(String written) {
    if (written.length() >= 2 && written.startsWith("\"") && written.endsWith("\"")) {
      return written.substring(1, written.length() - 1).replace("\"\"", "\"");
    }
    return written.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The Java type for a parameter: a column override applies when the parameter is named like the
   * overridden column, has its type, and the statement names its table (e.g. {@code @total} in
   * {@code INSERT INTO orders (total) ...}), so a value is written as the type it is read as.
   */
  public ValueType mapParameter(String name, int oid, int dimensions, Set<String> statementWords)
      throws SQLException {
    for (TypeOverrideSpec override : overrides) {
      if (override.column() == null) {
        continue;
      }
      List<String> parts = override.columnParts();
      if (parts.size() < 2) {
        continue;
      }
      String table = parts.get(parts.size() - 2);
      String column = parts.get(parts.size() - 1);
      if (column.equalsIgnoreCase(name) && statementWords.contains(table)) {
        Optional<Table> found =
            catalog.resolveTable(parts.size() > 2 ? parts.get(parts.size() - 3) : null, table);
        for (TableColumn tableColumn : found.map(Table::columns).orElse(List.of())) {
          if (tableColumn.name().equals(column) && tableColumn.typeOid() == oid) {
            return mapColumn(found.get(), tableColumn);
          }
        }
      }
    }
    return map(oid, dimensions);
  }

  private static boolean namesColumn(List<String> parts, Table table, String column) {
    return parts.equals(List.of(table.name(), column))
        || parts.equals(List.of(table.schema(), table.name(), column));
  }

  private ValueType convert(ValueType base, TypeOverrideSpec override) {
    String expected = javaClassOf(base);
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
    return new ConvertedValue(base, override.converterClass(), override.javaType());
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** The boxed Java class a converter's first type argument must be, or null if none can be. */
  private static @Nullable String javaClassOf(ValueType type) {
    return type instanceof ScalarValue scalar ? scalar.scalar().className() : null;
  }

  private @Nullable TypeOverrideSpec typeOverride(PgType type) {
    for (TypeOverrideSpec override : overrides) {
      String name = override.pgType();
      if (name != null && (TypeNames.names(name, type) || name.equalsIgnoreCase(type.sqlName()))) {
        return override;
      }
    }
    return null;
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
    TypeOverrideSpec override = typeOverride(type);
    if (override != null && !type.isArray()) {
      return convert(mapBuiltIn(type, dimensions), override);
    }
    return mapBuiltIn(type, dimensions);
  }

  private ValueType mapBuiltIn(PgType type, int dimensions) throws SQLException {
    if (type.isDomain()) {
      return map(type.baseTypeOid(), dimensions);
    }
    if (type.isArray()) {
      PgType elementType = catalog.type(type.elementOid());
      if (elementType.isRowType() && dimensions <= 1) {
        Optional<Table> relation = catalog.rowRelation(elementType);
        if (relation.isPresent()) {
          return new ValueType.RowListValue(type.driverName(), relation.get(), "", false);
        }
      }
      ValueType element = map(type.elementOid());
      for (int i = 1; i < Math.max(1, dimensions); i++) {
        element = new ArrayValue(element, type.driverName());
      }
      return new ArrayValue(element, type.driverName());
    }
    if (type.isComposite()) {
      CompositeType composite = compositeType(type);
      if (composite != null) {
        return new ValueType.CompositeValue(composite.javaName(), type.driverName(), composite);
      }
      return new ScalarValue(Scalar.TEXT_OTHER, type.driverName());
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

  /**
   * The record for a composite type, or null when an attribute has a type records cannot hold yet
   * (an array, or the type itself): such composites stay PostgreSQL's text form.
   */
  private @Nullable CompositeType compositeType(PgType type) throws SQLException {
    String key = type.schema() + "." + type.name();
    CompositeType existing = composites.get(key);
    if (existing != null) {
      return existing;
    }
    if (!compositesInProgress.add(key)) {
      return null;
    }
    try {
      List<CompositeType.Attribute> attributes = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (TableColumn attribute : catalog.compositeAttributes(type)) {
        ValueType attributeType = map(attribute.typeOid());
        if (attributeType instanceof ArrayValue || attributeType instanceof ConvertedValue) {
          return null;
        }
        String javaName = JavaNames.memberName(attribute.name());
        for (int n = 2; !names.add(javaName); n++) {
          javaName = JavaNames.memberName(attribute.name()) + n;
        }
        attributes.add(new CompositeType.Attribute(javaName, attribute.name(), attributeType));
      }
      String javaName = JavaNames.typeName(type.name());
      if (enumJavaNames.contains(javaName)
          || composites.values().stream()
              .anyMatch(c -> c.javaName().equals(JavaNames.typeName(type.name())))) {
        javaName = JavaNames.typeName(type.schema() + "_" + type.name());
      }
      CompositeType composite = new CompositeType(javaName, type.schema(), type.name(), attributes);
      composites.put(key, composite);
      return composite;
    } finally {
      compositesInProgress.remove(key);
    }
  }

  /** Every composite type mapped to a record so far, ordered by schema and name. */
  public List<CompositeType> composites() {
    return List.copyOf(composites.values());
  }

  /** Every enum type mapped so far, ordered by schema and name. */
  public List<EnumType> enums() {
    return List.copyOf(enums.values());
  }
}
