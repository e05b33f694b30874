package dev.quarry.processor.lock;

import org.jspecify.annotations.Nullable;

/** How a table named by a column override is looked up: as written, with or without schema. */
final class OverrideTables {
  private OverrideTables() {}

  static String lookup(@Nullable String schema, String table) {
    return schema == null ? table : schema + "." + table;
  }
}
