package com.example.db;

import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;

/**
 * A row of the table {@code public._}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record TypeRecord(int id) {
}
