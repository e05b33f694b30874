package dev.quarry.processor.model;

import dev.quarry.processor.types.ValueType;

/**
 * One value of a generated record or one method parameter.
 *
 * @param javaName the component or parameter name
 * @param sqlName the column or parameter name as SQL spells it
 * @param type the Java-side type
 * @param nullable whether the value may be null (boxed and {@code @Nullable})
 */
public record Field(String javaName, String sqlName, ValueType type, boolean nullable) {}
