package com.example.db;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.events}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Event(long id, @Nullable String note, @Nullable List<@Nullable String> labels,
    @Nullable List<@Nullable List<@Nullable Integer>> matrix, @Nullable Status status,
    @Nullable String payload, byte @Nullable [] data, @Nullable OffsetDateTime happenedAt,
    @Nullable LocalDateTime localAt, @Nullable Address place) {
}
