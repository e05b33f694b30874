package dev.quarry.processor.syntax;

import java.util.List;

/**
 * The {@code -- quarry:<word>} lines under a query's header.
 *
 * @param stream {@code -- quarry:stream}: a {@code :many} query's method returns a {@code Stream}
 *     read through a server-side cursor instead of a {@code List}
 * @param sort {@code -- quarry:sort key, ...}: the keys the caller may sort by at run time, in the
 *     order written; empty when the query has no run-time sort (docs/dynamic-queries.md)
 */
public record QueryOptions(boolean stream, List<SortKey> sort) {
  public static final QueryOptions NONE = new QueryOptions(false, List.of());

  /** The words a query's option lines may hold. */
  public static final List<String> WORDS = List.of("stream", "sort");

  public QueryOptions {
    sort = List.copyOf(sort);
  }

  public QueryOptions(boolean stream) {
    this(stream, List.of());
  }

  /**
   * One key of {@code -- quarry:sort}.
   *
   * @param sql the key as written: a column or {@code alias.column}, placed in {@code ORDER BY}
   * @param name the key's name in the generated enum's constants ({@code created_at})
   * @param offset the key's offset in the query file
   */
  public record SortKey(String sql, String name, int offset) {}
}
