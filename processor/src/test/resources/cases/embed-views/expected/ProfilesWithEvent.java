package com.example.db;

import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.profiles_with_events}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record ProfilesWithEvent(long id, @Nullable String what) {
}
