package com.example.db;

import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public._}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Type(int value, @Nullable String name, @Nullable String name2,
    @Nullable String value2, @Nullable String value3, @Nullable String value4,
    @Nullable String getClass_, @Nullable Integer hashCode_) {
}
