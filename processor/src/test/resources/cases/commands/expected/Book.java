package com.example.db;

import java.util.List;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.books}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Book(long id, long authorId, String title, Status status, List<@Nullable String> tags,
    @Nullable String isbn, @Nullable Integer pages) {
}
