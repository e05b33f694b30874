package com.example.db;

import java.util.List;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.orders}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Order(long id, Money total, @Nullable Money refund, Settings settings,
    List<@Nullable Settings> history, @Nullable String note) {
}
