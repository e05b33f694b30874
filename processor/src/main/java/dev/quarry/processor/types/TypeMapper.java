package dev.quarry.processor.types;

import dev.quarry.processor.config.TypeOverrideSpec;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.lock.Resolution;
import dev.quarry.processor.lock.ResolvedField;
import dev.quarry.processor.lock.ResolvedTable;
import dev.quarry.processor.lock.ResolvedType;
import dev.quarry.processor.lock.TableLookup;
import dev.quarry.processor.types.ValueType.ArrayValue;
import dev.quarry.processor.types.ValueType.ConvertedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps PostgreSQL types, as a {@link Resolution} describes them, to Java types. Built-in types map
 * as the type table in docs/types.md says ({@link ScalarTypes}); enums map to generated Java enums
 * ({@link EnumTypes}) and composite types to records ({@link CompositeTypes}); domains map as their
 * base type; arrays map to lists, and arrays of a relation's rows to lists of its record; type and
 * column overrides put a converter in front ({@link TypeOverrides}). Types with no better Java type
 * (e.g. {@code money}, geometric types, ranges) are read and bound as their PostgreSQL text form in
 * a {@code String}.
 */
public final class TypeMapper {
  private final Resolution resolution;
  private final TableLookup tables;
  private final TypeOverrides overrides;
  private final EnumTypes enums = new EnumTypes();
  private final CompositeTypes composites = new CompositeTypes();

  public TypeMapper(Resolution resolution) {
    this(resolution, List.of(), new Diagnostics());
  }

  public TypeMapper(
      Resolution resolution, List<TypeOverrideSpec> overrides, Diagnostics diagnostics) {
    this.resolution = resolution;
    this.tables = new TableLookup(resolution);
    this.overrides = new TypeOverrides(overrides, diagnostics);
  }

  /** The facts types are read from. */
  public Resolution resolution() {
    return resolution;
  }

  /** The type with the {@link dev.quarry.processor.lock.TypeKey} {@code key}. */
  public ResolvedType type(String key) {
    return resolution.type(key);
  }

  /** The Java type for a table column's values, with a column override if one names it. */
  public ValueType mapColumn(ResolvedTable table, ResolvedField column) {
    ValueType base = map(column.type(), Math.max(1, column.dimensions()));
    TypeOverrideSpec override = overrides.forColumn(table, column.name());
    if (override != null) {
      ValueType plain = base instanceof ConvertedValue converted ? converted.base() : base;
      return overrides.convert(plain, override);
    }
    return base;
  }

  /**
   * The Java type for a value COPY writes into {@code column} of {@code table} (both as written in
   * the statement, possibly quoted or schema-qualified), typed as the column when it has the type
   * {@code type}; null when the column cannot be found.
   */
  public @Nullable ValueType mapCopyColumn(String table, String column, String type) {
    List<String> parts = new ArrayList<>();
    for (String part : table.split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
      parts.add(identifier(part.strip()));
    }
    String name = identifier(column);
    Optional<ResolvedTable> found =
        tables.find(
            parts.size() > 1 ? parts.get(parts.size() - 2) : null, parts.get(parts.size() - 1));
    for (ResolvedField tableColumn : found.map(ResolvedTable::columns).orElse(List.of())) {
      if (tableColumn.name().equals(name) && tableColumn.type().equals(type)) {
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
  public ValueType mapParameter(
      String name, String type, int dimensions, Set<String> statementWords) {
    for (TypeOverrideSpec override : overrides.columnOverrides()) {
      List<String> parts = override.columnParts();
      if (parts.size() < 2) {
        continue;
      }
      String table = parts.get(parts.size() - 2);
      String column = parts.get(parts.size() - 1);
      if (column.equalsIgnoreCase(name) && statementWords.contains(table)) {
        Optional<ResolvedTable> found =
            tables.find(parts.size() > 2 ? parts.get(parts.size() - 3) : null, table);
        for (ResolvedField tableColumn : found.map(ResolvedTable::columns).orElse(List.of())) {
          if (tableColumn.name().equals(column) && tableColumn.type().equals(type)) {
            return mapColumn(found.get(), tableColumn);
          }
        }
      }
    }
    return map(type, dimensions);
  }

  /** The Java type for the PostgreSQL type with the key {@code type}. */
  public ValueType map(String type) {
    return map(type, 1);
  }

  /**
   * The Java type for {@code key}; an array type maps to lists nested {@code dimensions} deep
   * (PostgreSQL's types do not record dimensions: {@code int[][]} is {@code int4[]}).
   */
  public ValueType map(String key, int dimensions) {
    ResolvedType type = resolution.type(key);
    TypeOverrideSpec override = overrides.forType(type);
    if (override != null && !type.isArray()) {
      return overrides.convert(mapDefault(type, dimensions), override);
    }
    return mapDefault(type, dimensions);
  }

  /** The Java type for {@code type} without a type override. */
  private ValueType mapDefault(ResolvedType type, int dimensions) {
    if (type.isDomain()) {
      return map(Objects.requireNonNull(type.base(), "a domain has a base type"), dimensions);
    }
    if (type.isArray()) {
      return mapArray(type, dimensions);
    }
    if (type.isComposite()) {
      CompositeType composite = composites.of(type, this::map, enums);
      if (composite != null) {
        return new ValueType.CompositeValue(composite.javaName(), type.driverName(), composite);
      }
      return ScalarTypes.text(type);
    }
    if (type.isEnum()) {
      EnumType enumType = enums.of(type);
      return new ValueType.EnumValue(enumType.javaName(), type.driverName(), enumType);
    }
    return ScalarTypes.of(type);
  }

  /**
   * An array: a list of its element's Java type, nested {@code dimensions} deep, or a list of a
   * relation's rows for a one-dimensional array of a row type whose columns are known.
   */
  private ValueType mapArray(ResolvedType type, int dimensions) {
    String elementKey = Objects.requireNonNull(type.element(), "an array has an element type");
    ResolvedType elementType = resolution.type(elementKey);
    if (elementType.isRowType() && dimensions <= 1 && !elementType.attributes().isEmpty()) {
      ResolvedTable relation =
          new ResolvedTable(elementType.schema(), elementType.name(), elementType.attributes());
      return new ValueType.RowListValue(type.driverName(), relation, "", false);
    }
    ValueType element = map(elementKey);
    for (int i = 1; i < Math.max(1, dimensions); i++) {
      element = new ArrayValue(element, type.driverName());
    }
    return new ArrayValue(element, type.driverName());
  }

  /** Every composite type mapped to a record so far, ordered by schema and name. */
  public List<CompositeType> composites() {
    return composites.all();
  }

  /** Every enum type mapped so far, ordered by schema and name. */
  public List<EnumType> enums() {
    return enums.all();
  }
}
