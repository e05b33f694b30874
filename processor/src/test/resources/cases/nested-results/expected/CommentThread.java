package com.example.db;

import dev.quarry.runtime.PgRows;
import java.sql.SQLException;
import java.util.List;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;

/**
 * A row of the table {@code public.comment_threads}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record CommentThread(long id, long postId, String body, List<Reaction> reactions) {
  /**
   * Reads one row of a list of these rows, in PostgreSQL's record text.
   */
  public static CommentThread fromPgRow(PgRows row) throws SQLException {
    return new CommentThread(
        row.nextLong(),
        row.nextLong(),
        row.nextString(),
        row.nextList("reactions", Reaction::fromPgRow));
  }
}
