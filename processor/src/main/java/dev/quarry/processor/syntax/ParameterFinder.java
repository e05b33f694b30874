package dev.quarry.processor.syntax;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.syntax.Occurrence.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds where a statement's parameters are written: {@code $n}, {@code @name} and Quarry's {@code
 * quarry.patch}; sqlc's functions are read by {@link SqlcFunctions}.
 */
final class ParameterFinder extends StatementReader {
  /** PostgreSQL's limit on the parameters of one statement (the wire protocol uses 16 bits). */
  private static final int MAX_PARAMETERS = 65535;

  /** Words that start a clause: between SET and a patch marker, they mean it is not in SET. */
  private static final Set<String> CLAUSES =
      Set.of(
          "where",
          "from",
          "select",
          "returning",
          "values",
          "on",
          "having",
          "group",
          "order",
          "limit",
          "with",
          "union",
          "into",
          "using",
          "insert",
          "delete",
          "update");

  final List<Occurrence> occurrences = new ArrayList<>();

  final List<EmbedReference> embeds = new ArrayList<>();

  private final SqlcFunctions sqlc;

  ParameterFinder(
      QueryDeclaration query,
      Diagnostics diagnostics,
      List<Token> significant,
      Map<Integer, Replacement> replacements) {
    super(query, diagnostics, significant);
    this.sqlc =
        new SqlcFunctions(query, diagnostics, significant, occurrences, replacements, embeds);
  }

  @Override
  boolean failed() {
    return super.failed() || sqlc.failed();
  }

  /** Finds every parameter occurrence; then {@link #failed()} says whether one was wrong. */
  void findOccurrences() {
    for (int i = 0; i < significant.size(); i++) {
      Token token = significant.get(i);
      switch (token.kind()) {
        case POSITIONAL_PARAMETER -> positional(i, token);
        case NAMED_PARAMETER -> {
          String name = text.substring(token.start() + 1, token.end());
          occurrences.add(
              new Occurrence(
                  Style.NAMED,
                  token.start(),
                  token.end(),
                  i,
                  i,
                  0,
                  name,
                  name.toLowerCase(Locale.ROOT),
                  "",
                  ""));
        }
        case IDENTIFIER -> {
          if (token.isWord(text, "sqlc")
              && kindAt(i + 1) == TokenKind.DOT
              && kindAt(i + 2) == TokenKind.IDENTIFIER) {
            i = sqlc.sqlcFunction(i);
          } else if (token.isWord(text, "quarry")
              && kindAt(i + 1) == TokenKind.DOT
              && isWord(i + 2, "patch")
              && kindAt(i + 3) == TokenKind.LEFT_PAREN) {
            i = patch(i);
          }
        }
        default -> {}
      }
    }
  }

  private void positional(int index, Token token) {
    String digits = text.substring(token.start() + 1, token.end());
    // Five digits cannot overflow an int; more are over the limit anyway.
    int number = digits.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    if (number > MAX_PARAMETERS) {
      error(token.start(), Message.PARAMETER_NUMBER_TOO_LARGE, token.text(text), MAX_PARAMETERS);
      return;
    }
    if (number == 0) {
      error(token.start(), Message.PARAMETER_ZERO);
      return;
    }
    occurrences.add(
        new Occurrence(
            Style.POSITIONAL,
            token.start(),
            token.end(),
            index,
            index,
            number,
            token.text(text),
            "$" + number,
            "",
            ""));
  }

  /**
   * Reads {@code quarry.patch(@name)} or {@code quarry.patch(sqlc.arg(name))} starting at the
   * {@code quarry} token; the index to resume after. Allowed only as the whole right-hand side of
   * an {@code UPDATE ... SET col = ...} assignment, where it becomes {@code CASE WHEN $k::boolean
   * THEN $n ELSE col END}.
   */
  private int patch(int i) {
    Token marker = significant.get(i);
    int close = closingParen(i + 3);
    String name = null;
    String key = null;
    if (kindAt(i + 4) == TokenKind.NAMED_PARAMETER && close == i + 5) {
      Token token = significant.get(i + 4);
      name = text.substring(token.start() + 1, token.end());
      key = name.toLowerCase(Locale.ROOT);
    } else if (isWord(i + 4, "sqlc")
        && kindAt(i + 5) == TokenKind.DOT
        && isWord(i + 6, "arg")
        && kindAt(i + 7) == TokenKind.LEFT_PAREN
        && kindAt(i + 9) == TokenKind.RIGHT_PAREN
        && close == i + 10) {
      Token token = significant.get(i + 8);
      switch (token.kind()) {
        case IDENTIFIER -> {
          name = token.text(text);
          key = name.toLowerCase(Locale.ROOT);
        }
        case QUOTED_IDENTIFIER -> {
          name = SqlLexer.identifierName(text, token);
          key = name;
        }
        case STRING -> {
          name = SqlLexer.stringValue(text, token);
          key = name;
        }
        default -> {}
      }
    }
    if (name == null || key == null || name.isEmpty()) {
      error(marker.start(), Message.PATCH_NEEDS_ONE_PARAMETER);
      return close < 0 ? significant.size() : close;
    }
    if (!patchAllowedAt(i, close)) {
      error(marker.start(), Message.PATCH_OUTSIDE_SET, name, name);
      return close;
    }
    occurrences.add(
        new Occurrence(
            Style.PATCH,
            marker.start(),
            significant.get(close).end(),
            i,
            close,
            0,
            name,
            key,
            "",
            "",
            significant.get(i - 2).text(text)));
    return close;
  }

  /**
   * Whether the marker from {@code start} to {@code close} is the whole value of {@code column =}
   * in the SET list of an UPDATE (not of ON CONFLICT DO UPDATE).
   */
  private boolean patchAllowedAt(int start, int close) {
    if (start < 3
        || !isComparison(significant.get(start - 1))
        || !significant.get(start - 1).text(text).equals("=")
        || !isColumnToken(significant.get(start - 2))) {
      return false;
    }
    int after = close + 1;
    boolean endsValue =
        after >= significant.size()
            || kindAt(after) == TokenKind.COMMA
            || kindAt(after) == TokenKind.SEMICOLON
            || isWord(after, "where")
            || isWord(after, "from")
            || isWord(after, "returning");
    if (!endsValue) {
      return false;
    }
    // Back over the assignments before it, at the same depth, to SET, then to UPDATE.
    int depth = 0;
    int j = start - 3;
    for (; j >= 0; j--) {
      TokenKind kind = significant.get(j).kind();
      if (kind == TokenKind.RIGHT_PAREN || kind == TokenKind.RIGHT_BRACKET) {
        depth++;
      } else if (kind == TokenKind.LEFT_PAREN || kind == TokenKind.LEFT_BRACKET) {
        if (depth-- == 0) {
          return false;
        }
      } else if (depth == 0 && kind == TokenKind.IDENTIFIER) {
        String word = significant.get(j).text(text).toLowerCase(Locale.ROOT);
        if (word.equals("set")) {
          break;
        }
        if (CLAUSES.contains(word)) {
          return false;
        }
      }
    }
    if (j < 1 || (j != start - 3 && kindAt(start - 3) != TokenKind.COMMA)) {
      return false;
    }
    for (int k = j - 1; k >= 0; k--) {
      if (isWord(k, "update")) {
        // Not ON CONFLICT DO UPDATE: there "ELSE col" would be ambiguous with EXCLUDED.col.
        return !isWord(k - 1, "do");
      }
      if (kindAt(k) == TokenKind.SEMICOLON) {
        return false;
      }
    }
    return false;
  }
}
