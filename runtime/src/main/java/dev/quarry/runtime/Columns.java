package dev.quarry.runtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Reads nullable numeric and boolean columns as boxed values, null for SQL NULL, where JDBC's
 * primitive getters would return 0 or false. Generated code calls these for nullable columns and
 * for array elements.
 */
public final class Columns {
  private Columns() {}

  public static @Nullable Short nullableShort(ResultSet rows, int column) throws SQLException {
    short value = rows.getShort(column);
    return rows.wasNull() ? null : value;
  }

  public static @Nullable Integer nullableInt(ResultSet rows, int column) throws SQLException {
    int value = rows.getInt(column);
    return rows.wasNull() ? null : value;
  }

  public static @Nullable Long nullableLong(ResultSet rows, int column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }

  public static @Nullable Float nullableFloat(ResultSet rows, int column) throws SQLException {
    float value = rows.getFloat(column);
    return rows.wasNull() ? null : value;
  }

  public static @Nullable Double nullableDouble(ResultSet rows, int column) throws SQLException {
    double value = rows.getDouble(column);
    return rows.wasNull() ? null : value;
  }

  public static @Nullable Boolean nullableBoolean(ResultSet rows, int column) throws SQLException {
    boolean value = rows.getBoolean(column);
    return rows.wasNull() ? null : value;
  }
}
