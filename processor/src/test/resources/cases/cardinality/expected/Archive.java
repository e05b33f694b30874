package com.example.db;

import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;

/**
 * A row of the table {@code public.archive}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Archive(long id, String name) {
}
