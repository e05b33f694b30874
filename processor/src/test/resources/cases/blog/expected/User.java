package com.example.db;

import java.time.OffsetDateTime;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.users}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record User(long id, String email, UserRole role, @Nullable String bio,
    OffsetDateTime createdAt) {
}
