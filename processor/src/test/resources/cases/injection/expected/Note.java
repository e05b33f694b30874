package com.example.db;

import java.math.BigDecimal;
import java.util.List;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.notes}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Note(long id, String body, @Nullable String title, @Nullable BigDecimal amount,
    @Nullable Double score, @Nullable Integer count, List<@Nullable String> tags,
    @Nullable Mood mood, @Nullable String doc, @Nullable String docb, @Nullable Pair pair,
    byte @Nullable [] data) {
}
