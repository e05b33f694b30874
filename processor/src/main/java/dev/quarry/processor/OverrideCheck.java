package dev.quarry.processor;

import dev.quarry.processor.catalog.Catalog;
import dev.quarry.processor.catalog.PgType;
import dev.quarry.processor.config.TypeOverrideSpec;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.types.TypeNames;
import java.sql.SQLException;
import java.util.List;

/**
 * Reports type overrides that name no type or column of the schema, so a typo does not silently
 * leave the default mapping in place. It needs the live catalog, which can look up any type name; a
 * lock file holds only the facts its queries use, and is written only after a build whose overrides
 * passed this check against the same schema and overrides.
 */
public final class OverrideCheck {
  private OverrideCheck() {}

  /** Reports each of {@code overrides} that names nothing in {@code live}. */
  public static void check(List<TypeOverrideSpec> overrides, Catalog live, Diagnostics diagnostics)
      throws SQLException {
    for (TypeOverrideSpec override : overrides) {
      if (override.pgType() != null) {
        boolean found = false;
        for (PgType type : live.allTypes()) {
          found |= TypeNames.names(override.pgType(), type.schema(), type.name());
        }
        if (!found) {
          diagnostics.report(
              Message.OVERRIDE_UNKNOWN_TYPE, null, override.describe(), override.pgType());
        }
      } else {
        List<String> parts = override.columnParts();
        String schema = parts.size() > 2 ? parts.get(parts.size() - 3) : null;
        String table = parts.size() > 1 ? parts.get(parts.size() - 2) : "";
        String column = parts.get(parts.size() - 1);
        boolean found =
            live.resolveTable(schema, table)
                .map(t -> t.columns().stream().anyMatch(c -> c.name().equals(column)))
                .orElse(false);
        if (!found) {
          diagnostics.report(
              Message.OVERRIDE_UNKNOWN_COLUMN, null, override.describe(), override.column());
        }
      }
    }
  }
}
