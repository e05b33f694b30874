package com.example.db;

import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.Tenant}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Tenant(long id, String fullName, @Nullable Address home) {
}
