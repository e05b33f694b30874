package com.example.db;

import java.util.List;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code Billing.Lease}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Lease(long id, long tenantId, LeaseKind kind, List<@Nullable LeaseKind> pastKinds,
    @Nullable List<@Nullable StepKind> steps, long rent, @Nullable String note) {
}
