package com.example.db;

import java.math.BigDecimal;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.orders}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Order(long id, @Nullable Long customerId, BigDecimal total) {
}
