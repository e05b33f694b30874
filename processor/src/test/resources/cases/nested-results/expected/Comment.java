package com.example.db;

import dev.quarry.runtime.PgRows;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.comments}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Comment(long id, long postId, String body, @Nullable Short rating,
    OffsetDateTime createdAt) {
  /**
   * Reads one row of a list of these rows, in PostgreSQL's record text.
   */
  public static Comment fromPgRow(PgRows row) throws SQLException {
    return new Comment(
        row.nextLong(),
        row.nextLong(),
        row.nextString(),
        row.nextNullableShort(),
        row.required(row.nextNullableOffsetDateTime()));
  }
}
