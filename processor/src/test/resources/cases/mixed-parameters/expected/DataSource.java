package com.example.db;

import java.util.UUID;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.data_sources}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record DataSource(UUID id, UUID projectId, String name, String displayName,
    @Nullable UUID subscriptionId, String metadata) {
}
