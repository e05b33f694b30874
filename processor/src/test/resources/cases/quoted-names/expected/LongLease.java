package com.example.db;

import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code Billing.LongLeases}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record LongLease(long id, long tenantId, LeaseKind kind, long rent, @Nullable String note) {
}
