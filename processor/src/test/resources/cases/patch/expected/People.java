package com.example.db;

import java.time.LocalDate;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.people}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record People(long id, String displayName, @Nullable String bio, @Nullable LocalDate born,
    int visits) {
}
