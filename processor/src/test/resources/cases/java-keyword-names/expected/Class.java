package com.example.db;

import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.class}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Class(long id, String default_, @Nullable String userName, @Nullable Integer größe,
    @Nullable Boolean new_, @Nullable String _1st, @Nullable String aB) {
}
