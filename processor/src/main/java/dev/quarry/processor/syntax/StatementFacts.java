package dev.quarry.processor.syntax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What later stages need to know about a statement's text, read from its tokens once so that no
 * stage lexes the text again.
 *
 * @param kind the statement's first word, lower-cased ({@code select}, {@code insert}, {@code
 *     with}...); empty when it does not start with a word
 * @param castDimensions for each parameter written with an array cast of more than one dimension
 *     ({@code $1::int[][]}), the number of bracket pairs: the only place a statement says how many
 *     dimensions an array parameter has
 * @param mayNullExtend whether the statement holds a word of an outer join ({@code LEFT}, {@code
 *     RIGHT}, {@code FULL}) or of grouping sets ({@code ROLLUP}, {@code CUBE}, {@code GROUPING}),
 *     which can null any column
 * @param identifiers the names the statement uses, as PostgreSQL reads them (folded or unquoted)
 * @param names the statement's significant tokens in order, dots left out: each identifier as its
 *     name, every other token as an empty string; {@code t} and {@code s.t} are the table names it
 *     may name
 */
public record StatementFacts(
    String kind,
    Map<Integer, Integer> castDimensions,
    boolean mayNullExtend,
    Set<String> identifiers,
    List<String> names) {

  private static final Set<String> NULL_EXTENDING_WORDS =
      Set.of("left", "right", "full", "rollup", "cube", "grouping");

  public StatementFacts {
    castDimensions = Map.copyOf(castDimensions);
    identifiers = Set.copyOf(identifiers);
    names = List.copyOf(names);
  }

  /** The facts of the statement {@code tokens} hold. */
  public static StatementFacts of(TokenList tokens) {
    TokenList significant = tokens.significant();
    String kind =
        significant.kindAt(0) == TokenKind.IDENTIFIER
            ? significant.text(significant.get(0)).toLowerCase(Locale.ROOT)
            : "";
    boolean mayNullExtend = false;
    Set<String> identifiers = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    for (Token token : significant) {
      boolean name =
          token.kind() == TokenKind.IDENTIFIER || token.kind() == TokenKind.QUOTED_IDENTIFIER;
      if (name) {
        String folded = significant.name(token);
        identifiers.add(folded);
        names.add(folded);
        if (token.kind() == TokenKind.IDENTIFIER
            && NULL_EXTENDING_WORDS.contains(significant.text(token).toLowerCase(Locale.ROOT))) {
          mayNullExtend = true;
        }
      } else if (token.kind() != TokenKind.DOT) {
        names.add("");
      }
    }
    return new StatementFacts(kind, castDimensions(significant), mayNullExtend, identifiers, names);
  }

  private static Map<Integer, Integer> castDimensions(TokenList tokens) {
    Map<Integer, Integer> dimensions = new HashMap<>();
    for (int i = 0; i + 2 < tokens.size(); i++) {
      if (tokens.kindAt(i) != TokenKind.POSITIONAL_PARAMETER
          || tokens.kindAt(i + 1) != TokenKind.CAST) {
        continue;
      }
      int j = i + 2;
      while (j < tokens.size()
          && (tokens.kindAt(j) == TokenKind.IDENTIFIER
              || tokens.kindAt(j) == TokenKind.QUOTED_IDENTIFIER
              || tokens.kindAt(j) == TokenKind.DOT)) {
        j++;
      }
      int pairs = 0;
      while (j + 1 < tokens.size()
          && tokens.kindAt(j) == TokenKind.LEFT_BRACKET
          && tokens.kindAt(j + 1) == TokenKind.RIGHT_BRACKET) {
        pairs++;
        j += 2;
      }
      if (pairs > 1) {
        int number = Integer.parseInt(tokens.text(tokens.get(i)).substring(1));
        dimensions.merge(number, pairs, Math::max);
      }
    }
    return dimensions;
  }
}
