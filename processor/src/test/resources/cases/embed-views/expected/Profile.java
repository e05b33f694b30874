package com.example.db;

import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.profiles}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Profile(long id, long projectId, String name, @Nullable String remarks) {
}
