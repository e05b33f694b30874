package dev.quarry.processor.types;

import dev.quarry.processor.lock.ResolvedTable;

/** The Java-side type of one parameter or column value, as code generation needs it. */
public sealed interface ValueType {

  /** The PostgreSQL type's name as the JDBC driver resolves it ({@code int8}, {@code mood}). */
  String pgName();

  /** A value read and bound through a {@link Scalar}. */
  record ScalarValue(Scalar scalar, String pgName) implements ValueType {}

  /** A PostgreSQL enum, mapped to a generated Java enum named {@code javaName}. */
  record EnumValue(String javaName, String pgName, EnumType enumType) implements ValueType {}

  /** A PostgreSQL composite type, mapped to a generated record. */
  record CompositeValue(String javaName, String pgName, CompositeType compositeType)
      implements ValueType {}

  /** A PostgreSQL array, mapped to a {@code List} of its element type. */
  record ArrayValue(ValueType element, String pgName) implements ValueType {}

  /**
   * An array of a table's or view's row type ({@code ARRAY(SELECT c FROM comments c ...)}, {@code
   * array_agg(c)}), read as a {@code List} of the relation's record; NULL reads as an empty list.
   *
   * @param pgName the array type's name
   * @param relation the relation, with its columns' nullability
   * @param javaName the record's name, which the model fills in ({@code ""} until then)
   * @param binary whether every attribute, down to nested lists, has a type the runtime reads in
   *     PostgreSQL's binary format, so the column may be received in it (see {@code PgRows})
   */
  record RowListValue(String pgName, ResolvedTable relation, String javaName, boolean binary)
      implements ValueType {}

  /**
   * A value the application sees as {@code javaType}, converted from and to {@code base} by a
   * user's {@code ValueConverter} ({@code converterClass}).
   */
  record ConvertedValue(ValueType base, String converterClass, String javaType)
      implements ValueType {
    @Override
    public String pgName() {
      return base.pgName();
    }
  }
}
