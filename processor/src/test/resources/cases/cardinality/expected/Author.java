package com.example.db;

import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.authors}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Author(long id, String name, @Nullable String bio, int visits) {
}
