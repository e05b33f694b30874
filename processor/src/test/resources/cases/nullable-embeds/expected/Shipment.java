package com.example.db;

import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.shipments}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Shipment(long id, long orderId, @Nullable String carrier) {
}
