package dev.quarry.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.types.Scalar;
import dev.quarry.processor.types.ValueType;
import dev.quarry.processor.types.ValueType.ArrayValue;
import dev.quarry.processor.types.ValueType.ConvertedValue;
import dev.quarry.processor.types.ValueType.EnumValue;
import dev.quarry.processor.types.ValueType.ScalarValue;

/**
 * The Java code for values of each {@link ValueType}: its type name, how a column is read from a
 * {@code ResultSet} and how a parameter is bound to a {@code PreparedStatement}.
 */
final class JavaTypes {
  static final ClassName NULLABLE = ClassName.get("org.jspecify.annotations", "Nullable");
  static final ClassName NULL_MARKED = ClassName.get("org.jspecify.annotations", "NullMarked");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName TYPES = ClassName.get("java.sql", "Types");
  static final ClassName RESULT_SET = ClassName.get("java.sql", "ResultSet");
  static final ClassName COLUMNS = ClassName.get("dev.quarry.runtime", "Columns");
  static final ClassName SQL_ARRAYS = ClassName.get("dev.quarry.runtime", "SqlArrays");
  static final ClassName PG_ROWS = ClassName.get("dev.quarry.runtime", "PgRows");
  static final ClassName PG_TEXT = ClassName.get("dev.quarry.runtime", "PgText");
  static final ClassName INTERVAL = ClassName.get("dev.quarry.runtime", "Interval");
  static final ClassName PG_INTERVAL = ClassName.get("org.postgresql.util", "PGInterval");
  static final ClassName VALUE_CONVERTERS = ClassName.get("dev.quarry.runtime", "ValueConverters");
  static final String PROCESSOR = "dev.quarry.processor.QuarryProcessor";

  private final String packageName;

  JavaTypes(String packageName) {
    this.packageName = packageName;
  }

  static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build();
  }

  /** The Java type of a value; nullable ones are boxed and annotated {@code @Nullable}. */
  TypeName typeName(ValueType type, boolean nullable) {
    TypeName name;
    if (type instanceof ScalarValue scalar) {
      name = scalarType(scalar.scalar(), nullable);
    } else if (type instanceof EnumValue enumValue) {
      name = ClassName.get(packageName, enumValue.javaName());
    } else if (type instanceof ConvertedValue converted) {
      name = ClassName.bestGuess(converted.javaType());
    } else if (type instanceof ValueType.CompositeValue composite) {
      name = ClassName.get(packageName, composite.javaName());
    } else if (type instanceof ValueType.RowListValue rows) {
      name = ParameterizedTypeName.get(LIST, ClassName.get(packageName, rows.javaName()));
    } else {
      name = ParameterizedTypeName.get(LIST, typeName(((ArrayValue) type).element(), true));
    }
    return nullable ? nullable(name) : name;
  }

  /** The type of a list parameter's elements: non-null unless the caller passes nulls. */
  TypeName parameterTypeName(ValueType type, boolean nullable) {
    if (type instanceof ArrayValue array) {
      TypeName list =
          ParameterizedTypeName.get(LIST, parameterTypeName(array.element(), false).box());
      return nullable ? nullable(list) : list;
    }
    return typeName(type, nullable);
  }

  private static TypeName scalarType(Scalar scalar, boolean nullable) {
    if (scalar.primitive() != null && !nullable) {
      return switch (scalar.primitive()) {
        case "short" -> TypeName.SHORT;
        case "int" -> TypeName.INT;
        case "long" -> TypeName.LONG;
        case "float" -> TypeName.FLOAT;
        case "double" -> TypeName.DOUBLE;
        case "boolean" -> TypeName.BOOLEAN;
        default -> throw new IllegalStateException(scalar.primitive());
      };
    }
    if (scalar == Scalar.BYTES) {
      return ArrayTypeName.of(TypeName.BYTE);
    }
    return ClassName.bestGuess(scalar.className());
  }

  private static TypeName nullable(TypeName name) {
    if (name.isPrimitive()) {
      name = name.box();
    }
    return name.annotated(AnnotationSpec.builder(NULLABLE).build());
  }

  /** The name of the static field holding a converter in a generated class. */
  static String converterField(String converterClass) {
    String simple = converterClass.substring(converterClass.lastIndexOf('.') + 1);
    return simple.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
  }

  /** Reads column {@code index} of {@code rows}. */
  CodeBlock read(ValueType type, boolean nullable, String rows, CodeBlock index) {
    if (type instanceof ConvertedValue converted) {
      String field = converterField(converted.converterClass());
      CodeBlock base = read(converted.base(), nullable, rows, index);
      return nullable
          ? CodeBlock.of("$T.fromDatabase($N, $L)", VALUE_CONVERTERS, field, base)
          : CodeBlock.of("$N.fromDatabase($L)", field, base);
    }
    if (type instanceof ScalarValue scalar) {
      return readScalar(scalar.scalar(), nullable, rows, index);
    }
    if (type instanceof ValueType.CompositeValue composite) {
      return CodeBlock.of(
          "$T.fromPg($L.getString($L))",
          ClassName.get(packageName, composite.javaName()),
          rows,
          index);
    }
    if (type instanceof ValueType.RowListValue list) {
      // The array's text as the driver received it, read in one pass (see PgRows).
      return CodeBlock.of(
          "$T.list($L.getBytes($L), $S, $T::fromPgRow)",
          PG_ROWS,
          rows,
          index,
          list.relation().displayName(),
          ClassName.get(packageName, list.javaName()));
    }
    if (type instanceof EnumValue enumValue) {
      return CodeBlock.of(
          "$T.$L($L.getString($L))",
          ClassName.get(packageName, enumValue.javaName()),
          nullable ? "fromNullableLabel" : "fromLabel",
          rows,
          index);
    }
    ArrayValue array = (ArrayValue) type;
    return CodeBlock.of(
        "$T.$L($L.getArray($L), $L)",
        SQL_ARRAYS,
        nullable ? "toList" : "toNonNullList",
        rows,
        index,
        elementReader(array.element()));
  }

  private CodeBlock readScalar(Scalar scalar, boolean nullable, String rows, CodeBlock index) {
    if (scalar.primitive() != null && nullable) {
      String method =
          "nullable"
              + Character.toUpperCase(scalar.primitive().charAt(0))
              + scalar.primitive().substring(1);
      return CodeBlock.of("$T.$L($L, $L)", COLUMNS, method, rows, index);
    }
    if (scalar == Scalar.INTERVAL) {
      return CodeBlock.of(
          "$T.from($L.getObject($L, $T.class))", INTERVAL, rows, index, PG_INTERVAL);
    }
    if (scalar.getter() != null) {
      return CodeBlock.of("$L.$L($L)", rows, scalar.getter(), index);
    }
    return CodeBlock.of(
        "$L.getObject($L, $T.class)", rows, index, ClassName.bestGuess(scalar.className()));
  }

  /**
   * A {@code SqlArrays.ElementReader} lambda for elements of {@code element}; nested arrays get
   * lambdas of their own, with names that do not shadow the enclosing ones.
   */
  private CodeBlock elementReader(ValueType element) {
    int depth = depth(element);
    String rows = depth == 0 ? "r" : "r" + depth;
    String column = depth == 0 ? "c" : "c" + depth;
    CodeBlock read = read(element, true, rows, CodeBlock.of("$L", column));
    return CodeBlock.of("($L, $L) -> $L", rows, column, read);
  }

  private static int depth(ValueType type) {
    return type instanceof ArrayValue array ? 1 + depth(array.element()) : 0;
  }

  /**
   * Reads the next attribute of a record from {@code row} (a {@code PgRows}), for a record read
   * from PostgreSQL's record text; null when this type cannot be read so (ModelBuilder reports it
   * before code generation).
   */
  CodeBlock readAttribute(ValueType type, boolean nullable, String row) {
    if (type instanceof ValueType.RowListValue rows) {
      return CodeBlock.of(
          "$L.nextList($S, $T::fromPgRow)",
          row,
          rows.relation().displayName(),
          ClassName.get(packageName, rows.javaName()));
    }
    if (type instanceof EnumValue enumValue) {
      return CodeBlock.of(
          "$T.$L($L.$L())",
          ClassName.get(packageName, enumValue.javaName()),
          nullable ? "fromNullableLabel" : "fromLabel",
          row,
          nullable ? "nextNullableString" : "nextString");
    }
    if (type instanceof ValueType.CompositeValue composite) {
      CodeBlock read =
          CodeBlock.of(
              "$T.fromPg($L.nextNullableString())",
              ClassName.get(packageName, composite.javaName()),
              row);
      return nullable ? read : CodeBlock.of("$L.required($L)", row, read);
    }
    if (type instanceof ArrayValue array) {
      // A one-dimensional array of a scalar or an enum (ModelBuilder reports other arrays).
      CodeBlock element;
      if (array.element() instanceof EnumValue enumValue) {
        element =
            CodeBlock.of("$T::fromNullableLabel", ClassName.get(packageName, enumValue.javaName()));
      } else if (((ScalarValue) array.element()).scalar() == Scalar.TIMESTAMP_TZ) {
        // In UTC, as top-level columns and timestamptz attributes are read.
        element = CodeBlock.of("$T::toUtcOffsetDateTime", PG_ROWS);
      } else {
        element =
            CodeBlock.of("$T::$L", PG_TEXT, textMethod(((ScalarValue) array.element()).scalar()));
      }
      CodeBlock read = CodeBlock.of("$L.nextNullableValues($L)", row, element);
      return nullable ? read : CodeBlock.of("$L.required($L)", row, read);
    }
    if (!(type instanceof ScalarValue scalarValue)) {
      throw new IllegalStateException("not readable inside a nested row: " + type);
    }
    Scalar scalar = scalarValue.scalar();
    String suffix =
        switch (scalar) {
          case SHORT -> "Short";
          case INT -> "Int";
          case LONG -> "Long";
          case FLOAT -> "Float";
          case DOUBLE -> "Double";
          case BOOLEAN -> "Boolean";
          case STRING, TEXT_OTHER -> "String";
          default -> null;
        };
    if (suffix != null) {
      return CodeBlock.of("$L.next$L$L()", row, nullable ? "Nullable" : "", suffix);
    }
    String own =
        switch (scalar) {
          case TIMESTAMP_TZ -> "nextNullableOffsetDateTime";
          case TIMESTAMP -> "nextNullableLocalDateTime";
          case DATE -> "nextNullableLocalDate";
          case UUID -> "nextNullableUuid";
          case BYTES -> "nextNullableBytes";
          default -> null;
        };
    if (own != null) {
      // Read in text or binary, as the column came (PgRows).
      CodeBlock read = CodeBlock.of("$L.$L()", row, own);
      return nullable ? read : CodeBlock.of("$L.required($L)", row, read);
    }
    String method =
        switch (scalar) {
          case DECIMAL -> "toBigDecimal";
          case BYTES -> "toBytes";
          case UUID -> "toUuid";
          case DATE -> "toLocalDate";
          case TIME -> "toLocalTime";
          case TIME_TZ -> "toOffsetTime";
          case TIMESTAMP -> "toLocalDateTime";
          case TIMESTAMP_TZ -> "toOffsetDateTime";
          case INTERVAL -> "toInterval";
          default -> throw new IllegalStateException(scalar.name());
        };
    CodeBlock read = CodeBlock.of("$T.$L($L.nextNullableString())", PG_TEXT, method, row);
    return nullable ? read : CodeBlock.of("$L.required($L)", row, read);
  }

  /** The {@code PgText} method reading a value of {@code scalar} from its text. */
  static String textMethod(Scalar scalar) {
    return switch (scalar) {
      case SHORT -> "toShort";
      case INT -> "toInteger";
      case LONG -> "toLong";
      case FLOAT -> "toFloat";
      case DOUBLE -> "toDouble";
      case BOOLEAN -> "toBoolean";
      case DECIMAL -> "toBigDecimal";
      case STRING, TEXT_OTHER -> "toString";
      case BYTES -> "toBytes";
      case UUID -> "toUuid";
      case DATE -> "toLocalDate";
      case TIME -> "toLocalTime";
      case TIME_TZ -> "toOffsetTime";
      case TIMESTAMP -> "toLocalDateTime";
      case TIMESTAMP_TZ -> "toOffsetDateTime";
      case INTERVAL -> "toInterval";
    };
  }

  /** Binds {@code value} (an expression) to placeholder {@code index} of {@code statement}. */
  CodeBlock bind(
      ValueType type,
      boolean nullable,
      String statement,
      Object index,
      CodeBlock value,
      String connection) {
    if (type instanceof ConvertedValue converted) {
      String field = converterField(converted.converterClass());
      CodeBlock databaseValue =
          nullable
              ? CodeBlock.of("$T.toDatabase($N, $L)", VALUE_CONVERTERS, field, value)
              : CodeBlock.of("$N.toDatabase($L)", field, value);
      return bind(converted.base(), nullable, statement, index, databaseValue, connection);
    }
    if (type instanceof ScalarValue scalar) {
      return bindScalar(scalar.scalar(), nullable, statement, index, value);
    }
    if (type instanceof ValueType.CompositeValue) {
      return nullable
          ? CodeBlock.of(
              "$L.setObject($L,$W$L == null ? null : $L.pgText(),$W$T.OTHER)",
              statement,
              index,
              value,
              value,
              TYPES)
          : CodeBlock.of(
              "$L.setObject($L,$W$L.pgText(),$W$T.OTHER)", statement, index, value, TYPES);
    }
    if (type instanceof EnumValue) {
      return nullable
          ? CodeBlock.of(
              "$L.setObject($L,$W$L == null ? null : $L.label(),$W$T.OTHER)",
              statement,
              index,
              value,
              value,
              TYPES)
          : CodeBlock.of(
              "$L.setObject($L,$W$L.label(),$W$T.OTHER)", statement, index, value, TYPES);
    }
    ArrayValue array = (ArrayValue) type;
    CodeBlock elements =
        array.element() instanceof ConvertedValue converted
            ? CodeBlock.of(
                "$T.toDatabase($N, $L)",
                VALUE_CONVERTERS,
                converterField(converted.converterClass()),
                value)
            : CodeBlock.of("$L", value);
    return CodeBlock.of(
        "$L.setArray($L,$W$T.create($L,$W$S,$W$L))",
        statement,
        index,
        SQL_ARRAYS,
        connection,
        elementPgName(array),
        elements);
  }

  /**
   * The value as the database type: a converted value goes through its converter (null-safe),
   * anything else is {@code value} itself. For COPY, which encodes the values itself.
   */
  CodeBlock toDatabase(ValueType type, String value) {
    if (type instanceof ConvertedValue converted) {
      return CodeBlock.of(
          "$T.toDatabase($N, $L)",
          VALUE_CONVERTERS,
          converterField(converted.converterClass()),
          value);
    }
    if (type instanceof ArrayValue array && array.element() instanceof ConvertedValue converted) {
      return CodeBlock.of(
          "$T.toDatabase($N, $L)",
          VALUE_CONVERTERS,
          converterField(converted.converterClass()),
          value);
    }
    return CodeBlock.of("$L", value);
  }

  /** Every converter class a value of {@code type} goes through. */
  static void collectConverters(ValueType type, java.util.Set<String> into) {
    if (type instanceof ConvertedValue converted) {
      into.add(converted.converterClass());
      collectConverters(converted.base(), into);
    } else if (type instanceof ArrayValue array) {
      collectConverters(array.element(), into);
    }
  }

  /** The PostgreSQL name of the innermost element type, as {@code createArrayOf} wants it. */
  private static String elementPgName(ArrayValue array) {
    ValueType element = array.element();
    while (element instanceof ArrayValue nested) {
      element = nested.element();
    }
    return element.pgName();
  }

  private static CodeBlock bindScalar(
      Scalar scalar, boolean nullable, String statement, Object index, CodeBlock value) {
    if (scalar == Scalar.INTERVAL) {
      return CodeBlock.of(
          "$L.setObject($L,$W$T.toPgInterval($L),$W$T.OTHER)",
          statement,
          index,
          INTERVAL,
          value,
          TYPES);
    }
    if (!nullable && scalar.setter() != null) {
      return CodeBlock.of("$L.$L($L, $L)", statement, scalar.setter(), index, value);
    }
    return CodeBlock.of(
        "$L.setObject($L,$W$L,$W$T.$L)", statement, index, value, TYPES, scalar.sqlType());
  }
}
