package com.example.db;

import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;

/**
 * A row of the table {@code public.posts}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Post(long id, String title) {
}
