package com.example.db;

import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code Billing.Lease}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Lease(long id, Cents rent, @Nullable Note note) {
}
