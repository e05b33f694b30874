package com.example.db;

import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.labels}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Label(@Nullable Long orderId, @Nullable String label) {
}
