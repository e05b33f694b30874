package dev.quarry.runtime;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Conversions between PostgreSQL arrays and Java lists, used by generated code.
 *
 * <p>Elements are read through the driver's array result set, so every element type gets the same
 * conversions as a plain column ({@code getObject(column, LocalDate.class)} and so on). PostgreSQL
 * arrays may hold NULL elements whatever the column's constraints say, so element types are
 * nullable.
 */
public final class SqlArrays {
  private SqlArrays() {}

  /** Reads one element from column 2 of an array's result set. */
  @FunctionalInterface
  public interface ElementReader<T> {
    @Nullable T read(ResultSet elements, int column) throws SQLException;
  }

  /** The elements of {@code array} in order, or null when the array itself is SQL NULL. */
  public static <T> @Nullable List<@Nullable T> toList(
      @Nullable Array array, ElementReader<T> reader) throws SQLException {
    if (array == null) {
      return null;
    }
    try (ResultSet elements = array.getResultSet()) {
      List<@Nullable T> list = new ArrayList<>();
      while (elements.next()) {
        list.add(reader.read(elements, 2));
      }
      return Collections.unmodifiableList(list);
    } finally {
      array.free();
    }
  }

  /** Like {@link #toList} for a column that is never NULL. */
  public static <T> List<@Nullable T> toNonNullList(@Nullable Array array, ElementReader<T> reader)
      throws SQLException {
    List<@Nullable T> list = toList(array, reader);
    if (list == null) {
      throw new SQLException("a column Quarry inferred as NOT NULL returned NULL", "22004");
    }
    return list;
  }

  /**
   * A PostgreSQL array of {@code elementType} (as PostgreSQL names it, e.g. {@code int8} or an
   * enum's name) holding {@code values}, or null for a null list. Numbers, booleans and strings are
   * sent as they are, anything else in its PostgreSQL text form ({@link PgText#of}); nested lists
   * make a multi-dimensional array.
   */
  public static @Nullable Array create(
      Connection connection, String elementType, @Nullable List<?> values) throws SQLException {
    if (values == null) {
      return null;
    }
    if (values.stream().anyMatch(v -> v instanceof List<?>)) {
      // A multi-dimensional array: the driver takes nested Java arrays of strings.
      return connection.createArrayOf(elementType, nested(values));
    }
    @Nullable Object[] elements = new @Nullable Object[values.size()];
    boolean allSameKind = true;
    Class<?> kind = null;
    for (int i = 0; i < elements.length; i++) {
      Object value = encode(values.get(i));
      elements[i] = value;
      if (value != null) {
        if (kind == null) {
          kind = value.getClass();
        } else if (kind != value.getClass()) {
          allSameKind = false;
        }
      }
    }
    if (!allSameKind
        || kind == null
        || !(Number.class.isAssignableFrom(kind) || kind == Boolean.class)) {
      @Nullable String[] texts = new @Nullable String[elements.length];
      for (int i = 0; i < elements.length; i++) {
        Object element = elements[i];
        texts[i] = element == null ? null : element.toString();
      }
      return connection.createArrayOf(elementType, texts);
    }
    Object[] typed = (Object[]) java.lang.reflect.Array.newInstance(kind, elements.length);
    System.arraycopy(elements, 0, typed, 0, elements.length);
    return connection.createArrayOf(elementType, typed);
  }

  /** Nested lists as nested {@code String} arrays, each element in its PostgreSQL text form. */
  private static @Nullable Object[] nested(List<?> values) {
    boolean inner = values.stream().anyMatch(v -> v instanceof List<?>);
    if (!inner) {
      @Nullable String[] texts = new @Nullable String[values.size()];
      for (int i = 0; i < texts.length; i++) {
        Object encoded = encode(values.get(i));
        texts[i] = encoded == null ? null : encoded.toString();
      }
      return texts;
    }
    @Nullable Object[][] rows = new @Nullable Object[values.size()][];
    for (int i = 0; i < rows.length; i++) {
      Object value = values.get(i);
      if (!(value instanceof List<?> list)) {
        throw new IllegalArgumentException(
            "a multi-dimensional array needs a list at every position of its outer list, found "
                + value);
      }
      rows[i] = nested(list);
    }
    if (rows.length > 0 && rows[0] instanceof String[]) {
      @Nullable String[][] typed = new @Nullable String[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        typed[i] = (@Nullable String[]) rows[i];
      }
      return typed;
    }
    return rows;
  }

  /** Numbers, booleans and strings as they are (the driver types those), anything else as text. */
  private static @Nullable Object encode(@Nullable Object value) {
    if (value == null
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof String) {
      return value;
    }
    return PgText.of(value);
  }
}
