package dev.quarry.processor.types;

import org.jspecify.annotations.Nullable;

/**
 * The Java side of a PostgreSQL scalar type: the Java type generated code uses and the JDBC calls
 * that read and bind it. Code generation turns these facts into code; nothing here knows JavaPoet.
 *
 * <p>Each constant names, in order: the primitive Java type for non-null values, or null when there
 * is none; the (boxed) Java class; the {@code java.sql.Types} constant used to bind a null or typed
 * value; the {@code ResultSet} getter for non-null values, or null to read with {@code getObject(i,
 * className)}; the {@code PreparedStatement} setter for non-null values, or null to bind with
 * {@code setObject(i, value, sqlType)}.
 */
public enum Scalar {
  SHORT("short", "java.lang.Short", "SMALLINT", "getShort", "setShort"),
  INT("int", "java.lang.Integer", "INTEGER", "getInt", "setInt"),
  LONG("long", "java.lang.Long", "BIGINT", "getLong", "setLong"),
  FLOAT("float", "java.lang.Float", "REAL", "getFloat", "setFloat"),
  DOUBLE("double", "java.lang.Double", "DOUBLE", "getDouble", "setDouble"),
  BOOLEAN("boolean", "java.lang.Boolean", "BOOLEAN", "getBoolean", "setBoolean"),
  DECIMAL(null, "java.math.BigDecimal", "NUMERIC", "getBigDecimal", null),
  STRING(null, "java.lang.String", "VARCHAR", "getString", "setString"),
  /** JSON and other types sent as text that PostgreSQL must type from context. */
  TEXT_OTHER(null, "java.lang.String", "OTHER", "getString", null),
  BYTES(null, "byte[]", "BINARY", "getBytes", "setBytes"),
  UUID(null, "java.util.UUID", "OTHER", null, null),
  DATE(null, "java.time.LocalDate", "DATE", null, null),
  TIME(null, "java.time.LocalTime", "TIME", null, null),
  // The driver cannot bind Types.TIME_WITH_TIMEZONE; the ISO text form with OTHER works.
  TIME_TZ(null, "java.time.OffsetTime", "OTHER", null, null),
  TIMESTAMP(null, "java.time.LocalDateTime", "TIMESTAMP", null, null),
  TIMESTAMP_TZ(null, "java.time.OffsetDateTime", "TIMESTAMP_WITH_TIMEZONE", null, null),
  INTERVAL(null, "dev.quarry.runtime.Interval", "OTHER", null, null);

  private final @Nullable String primitive;
  private final String className;
  private final String sqlType;
  private final @Nullable String getter;
  private final @Nullable String setter;

  Scalar(
      @Nullable String primitive,
      String className,
      String sqlType,
      @Nullable String getter,
      @Nullable String setter) {
    this.primitive = primitive;
    this.className = className;
    this.sqlType = sqlType;
    this.getter = getter;
    this.setter = setter;
  }

  public @Nullable String primitive() {
    return primitive;
  }

  public String className() {
    return className;
  }

  public String sqlType() {
    return sqlType;
  }

  public @Nullable String getter() {
    return getter;
  }

  public @Nullable String setter() {
    return setter;
  }
}
