package dev.quarry.processor.lock;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds a resolution's tables by the names its queries and column overrides use ({@code orders},
 * {@code shop.orders}): the lookups a capture recorded, so that a build from the lock file finds
 * the same tables as a build against the schema.
 */
public final class TableLookup {
  private final Resolution resolution;
  private final Map<String, String> keys = new HashMap<>();

  public TableLookup(Resolution resolution) {
    this.resolution = resolution;
    for (ResolvedQuery query : resolution.queries().values()) {
      query.tables().forEach(keys::putIfAbsent);
    }
    keys.putAll(resolution.overrideTables());
  }

  /** The table named {@code schema.name} (or {@code name} when schema is null), if recorded. */
  public Optional<ResolvedTable> find(@Nullable String schema, String name) {
    String key = keys.get(OverrideTables.lookup(schema, name));
    return key == null ? Optional.empty() : Optional.ofNullable(resolution.tables().get(key));
  }
}
