package com.example.db;

import java.util.UUID;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.profile_selectors}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record ProfileSelectorRecord(UUID id, @Nullable String entity, String selector) {
}
