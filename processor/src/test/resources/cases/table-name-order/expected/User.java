package com.example.db;

import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;

/**
 * A row of the table {@code public.user}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record User(int id) {
}
