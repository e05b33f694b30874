package dev.quarry.processor.analysis;

import dev.quarry.processor.catalog.Catalog;
import dev.quarry.processor.catalog.Table;
import dev.quarry.processor.catalog.TableColumn;
import dev.quarry.processor.syntax.TableReferences;
import dev.quarry.processor.syntax.TableReferences.TableReference;
import dev.quarry.processor.syntax.TokenList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Quarry's own "did you mean" for a column that does not exist (SQLSTATE 42703): the closest column
 * name of the tables the statement names, read from the catalog, so that the suggestion does not
 * depend on the language of PostgreSQL's hint. Closeness is PostgreSQL's own: a Levenshtein
 * distance of at most 3, and at most half the length of the name written; two names equally close
 * are both suggested, more are none.
 */
final class ColumnSuggestion {
  private static final int MAX_DISTANCE = 3;

  private ColumnSuggestion() {}

  /**
   * The suggestion for {@code missing}, the name at the error position ({@code [column]} or {@code
   * [alias, column]}) in {@code sent}, as {@code alias.column} (or two of them joined by " or ");
   * empty when no column is close, or when a column of that very name exists (then the name is not
   * misspelled but out of reach, which PostgreSQL's hint explains).
   */
  static Optional<String> suggest(TokenList sent, List<String> missing, Catalog catalog) {
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    String column = missing.get(missing.size() - 1);
    String qualifier = missing.size() >= 2 ? missing.get(missing.size() - 2) : null;
    int best = MAX_DISTANCE + 1;
    List<String> closest = new ArrayList<>();
    for (TableReference reference : TableReferences.of(sent)) {
      if (qualifier != null && !qualifier.equals(reference.alias())) {
        continue;
      }
      Optional<Table> table = columnsOf(reference, catalog);
      if (table.isEmpty()) {
        continue;
      }
      for (TableColumn candidate : table.get().columns()) {
        int distance = distance(column, candidate.name());
        if (distance == 0) {
          return Optional.empty();
        }
        if (distance > column.length() / 2 || distance > best) {
          continue;
        }
        String name = reference.alias() + "." + candidate.name();
        if (distance < best) {
          best = distance;
          closest.clear();
        }
        if (!closest.contains(name)) {
          closest.add(name);
        }
      }
    }
    return closest.isEmpty() || closest.size() > 2
        ? Optional.empty()
        : Optional.of(String.join(" or ", closest));
  }

  private static Optional<Table> columnsOf(TableReference reference, Catalog catalog) {
    Optional<Table> table = catalog.resolveTable(reference.schema(), reference.name());
    if (table.isPresent()) {
      return table;
    }
    return catalog.resolveView(reference.schema(), reference.name()).map(Catalog.View::columns);
  }

  /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
