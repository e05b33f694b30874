package dev.quarry.processor.syntax;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The significant tokens of one statement as the steps of rewriting its parameters read them (what
 * kind of token stands at an index, whether it is a word, a column name, a comparison; where a cast
 * or a parenthesis ends), and the reporting of a problem they find.
 */
abstract class StatementReader {

  /** Words PostgreSQL reserves: never a column name, so never a name to infer. */
  static final Set<String> RESERVED =
      Set.of(
          "all",
          "analyse",
          "analyze",
          "and",
          "any",
          "array",
          "as",
          "asc",
          "asymmetric",
          "both",
          "case",
          "cast",
          "check",
          "collate",
          "column",
          "constraint",
          "create",
          "current_catalog",
          "current_date",
          "current_role",
          "current_time",
          "current_timestamp",
          "current_user",
          "default",
          "deferrable",
          "desc",
          "distinct",
          "do",
          "else",
          "end",
          "except",
          "false",
          "fetch",
          "for",
          "foreign",
          "from",
          "grant",
          "group",
          "having",
          "in",
          "initially",
          "intersect",
          "into",
          "lateral",
          "leading",
          "limit",
          "localtime",
          "localtimestamp",
          "not",
          "null",
          "offset",
          "on",
          "only",
          "or",
          "order",
          "placing",
          "primary",
          "references",
          "returning",
          "select",
          "session_user",
          "some",
          "symmetric",
          "system_user",
          "table",
          "then",
          "to",
          "trailing",
          "true",
          "union",
          "unique",
          "user",
          "using",
          "variadic",
          "when",
          "where",
          "window",
          "with");

  /** Words that continue a multi-word type name after a cast ({@code ::double precision}). */
  static final Set<String> TYPE_WORDS =
      Set.of("precision", "varying", "with", "without", "time", "zone");

  static final Set<String> COMPARISONS = Set.of("=", "<", ">", "<=", ">=", "<>", "!=");

  final QueryDeclaration query;
  final Diagnostics diagnostics;
  final String text;
  final List<Token> significant;
  private boolean failed;

  StatementReader(QueryDeclaration query, Diagnostics diagnostics, List<Token> significant) {
    this.query = query;
    this.diagnostics = diagnostics;
    this.text = query.file().text();
    this.significant = significant;
  }

  /** Whether a problem was reported. */
  boolean failed() {
    return failed;
  }

  /** The index after a parameter's casts ({@code ::int}, {@code ::varchar(255)[]}, ...). */
  int skipCast(int j) {
    while (kindAt(j) == TokenKind.CAST) {
      j++;
      if (kindAt(j) == TokenKind.IDENTIFIER || kindAt(j) == TokenKind.QUOTED_IDENTIFIER) {
        j++;
      }
      while (kindAt(j) == TokenKind.DOT
          && (kindAt(j + 1) == TokenKind.IDENTIFIER
              || kindAt(j + 1) == TokenKind.QUOTED_IDENTIFIER)) {
        j += 2;
      }
      j = skipTypeWords(j);
      if (kindAt(j) == TokenKind.LEFT_PAREN) {
        int close = closingParen(j);
        j = close < 0 ? significant.size() : close + 1;
        j = skipTypeWords(j);
      }
      while (kindAt(j) == TokenKind.LEFT_BRACKET) {
        j++;
        while (j < significant.size() && kindAt(j) != TokenKind.RIGHT_BRACKET) {
          j++;
        }
        j++;
      }
    }
    return j;
  }

  int skipTypeWords(int j) {
    while (kindAt(j) == TokenKind.IDENTIFIER
        && TYPE_WORDS.contains(significant.get(j).text(text).toLowerCase(Locale.ROOT))) {
      j++;
    }
    return j;
  }

  /** The index of the {@code )} that closes the {@code (} at {@code open}, or -1. */
  int closingParen(int open) {
    int depth = 0;
    for (int j = open; j < significant.size(); j++) {
      TokenKind kind = significant.get(j).kind();
      if (kind == TokenKind.LEFT_PAREN) {
        depth++;
      } else if (kind == TokenKind.RIGHT_PAREN && --depth == 0) {
        return j;
      }
    }
    return -1;
  }

  /** The index of the {@code (} that the {@code )} at {@code close} closes, or -1. */
  int matchingOpen(int close) {
    int depth = 0;
    for (int j = close; j >= 0; j--) {
      TokenKind kind = significant.get(j).kind();
      if (kind == TokenKind.RIGHT_PAREN) {
        depth++;
      } else if (kind == TokenKind.LEFT_PAREN && --depth == 0) {
        return j;
      }
    }
    return -1;
  }

  boolean isColumnToken(Token token) {
    return token.kind() == TokenKind.QUOTED_IDENTIFIER
        || (token.kind() == TokenKind.IDENTIFIER
            && !RESERVED.contains(token.text(text).toLowerCase(Locale.ROOT)));
  }

  boolean isComparison(Token token) {
    return token.kind() == TokenKind.OPERATOR && COMPARISONS.contains(token.text(text));
  }

  boolean isWord(int index, String word) {
    return index >= 0 && index < significant.size() && significant.get(index).isWord(text, word);
  }

  @Nullable TokenKind kindAt(int index) {
    return index >= 0 && index < significant.size() ? significant.get(index).kind() : null;
  }

  void error(int offset, Message message, @Nullable Object... arguments) {
    failed = true;
    diagnostics.report(message, query.location(offset), arguments);
  }
}
