package com.example.db;

import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;

/**
 * A row of the table {@code audit.Event}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Event(long id, long profileId, String what) {
}
