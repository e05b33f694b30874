package dev.quarry.processor.syntax;

import java.util.List;

/**
 * The {@code -- quarry:<word>} lines under a query's header.
 *
 * @param stream {@code -- quarry:stream}: a {@code :many} query's method returns a {@code Stream}
 *     read through a server-side cursor instead of a {@code List}
 */
public record QueryOptions(boolean stream) {
  public static final QueryOptions NONE = new QueryOptions(false);

  /** The words a query's option lines may hold. */
  public static final List<String> WORDS = List.of("stream");
}
