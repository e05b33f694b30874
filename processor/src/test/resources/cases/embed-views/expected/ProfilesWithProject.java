package com.example.db;

import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.profiles_with_project}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record ProfilesWithProject(long id, String name, @Nullable String remarks,
    String projectName) {
}
