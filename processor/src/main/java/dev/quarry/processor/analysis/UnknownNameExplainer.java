package dev.quarry.processor.analysis;

import java.util.Optional;

/**
 * Explains why a table or column a query uses does not exist, e.g. which migration dropped or
 * renamed it. Given PostgreSQL's SQLSTATE ({@code 42703} undefined column, {@code 42P01} undefined
 * table) and its message.
 */
@FunctionalInterface
public interface UnknownNameExplainer {
  Optional<String> explain(String sqlState, String message);

  UnknownNameExplainer NONE = (state, message) -> Optional.empty();
}
