package dev.quarry.processor.analysis;

import java.util.List;
import java.util.Optional;

/**
 * Explains why a table or column a query uses does not exist, e.g. which migration dropped or
 * renamed it. Given PostgreSQL's SQLSTATE ({@code 42703} undefined column, {@code 42P01} undefined
 * table) and the name as the query writes it where PostgreSQL points ({@code [u, bio]} for {@code
 * u.bio}, folded as PostgreSQL folds it): never PostgreSQL's message, whose language is the
 * server's {@code lc_messages}.
 */
@FunctionalInterface
public interface UnknownNameExplainer {
  Optional<String> explain(String sqlState, List<String> name);

  UnknownNameExplainer NONE = (state, name) -> Optional.empty();
}
