package dev.quarry;

import dev.quarry.runtime.ValueConverter;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a PostgreSQL type, or one table column, to an application type through a converter:
 *
 * <pre>{@code
 * @GenerateQueries(
 *     migrations = "migrations",
 *     queries = "queries",
 *     typeOverrides = {
 *       @TypeOverride(type = "jsonb", converter = JsonNodeConverter.class),
 *       @TypeOverride(column = "orders.total", converter = MoneyConverter.class)
 *     })
 * }</pre>
 *
 * <p>Give exactly one of {@link #type()} and {@link #column()}. A type override applies to every
 * value of that type: columns, parameters and array elements. A column override applies to that
 * table column in the table's record and wherever a query returns the column itself; it wins over a
 * type override. The converter's first type argument must be the Java type Quarry uses for the
 * PostgreSQL type (see the type table in docs/types.md); its second is the type generated code
 * uses.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({})
public @interface TypeOverride {
  /** A PostgreSQL type: {@code jsonb}, {@code public.mood}, {@code timestamp with time zone}. */
  String type() default "";

  /** A table column: {@code table.column} or {@code schema.table.column}. */
  String column() default "";

  /** The converter; a public class with a public no-argument constructor. */
  Class<? extends ValueConverter<?, ?>> converter();
}
