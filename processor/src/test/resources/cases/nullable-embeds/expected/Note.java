package com.example.db;

import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.notes}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Note(long orderId, @Nullable String text) {
}
