package com.example.db;

import dev.quarry.runtime.PgRows;
import dev.quarry.runtime.PgText;
import java.sql.SQLException;
import java.util.List;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.reactions}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Reaction(long id, long commentId, Mood mood, @Nullable String note,
    @Nullable List<@Nullable String> tags) {
  /**
   * Reads one row of a list of these rows, in PostgreSQL's record text.
   */
  public static Reaction fromPgRow(PgRows row) throws SQLException {
    return new Reaction(
        row.nextLong(),
        row.nextLong(),
        Mood.fromLabel(row.nextString()),
        row.nextNullableString(),
        row.nextNullableValues(PgText::toString));
  }
}
