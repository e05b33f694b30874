package dev.quarry.processor.syntax;

import dev.quarry.processor.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Infers the name of a {@code $n} parameter, as sqlc does, from the tokens around it: the column it
 * is compared with, assigned to or inserted into, {@code limit} and {@code offset}.
 */
final class NameInference extends StatementReader {
  NameInference(QueryDeclaration query, Diagnostics diagnostics, List<Token> significant) {
    super(query, diagnostics, significant);
  }

  /** The name inferred for the {@code $n} written at {@code occurrence}, or null. */
  @Nullable String inferName(Occurrence occurrence) {
    String fromLeft = inferFromLeft(occurrence.firstToken());
    return fromLeft != null ? fromLeft : inferFromRight(occurrence.lastToken());
  }

  private @Nullable String inferFromLeft(int i) {
    if (i == 0) {
      return null;
    }
    Token before = significant.get(i - 1);
    if (isComparison(before)) {
      return columnEndingAt(i - 2);
    }
    if (isWord(i - 1, "like") || isWord(i - 1, "ilike")) {
      return columnEndingAt(isWord(i - 2, "not") ? i - 3 : i - 2);
    }
    if (isWord(i - 1, "limit")) {
      return "limit";
    }
    if (isWord(i - 1, "offset")) {
      return "offset";
    }
    if (before.kind() == TokenKind.LEFT_PAREN || before.kind() == TokenKind.COMMA) {
      return inferFromList(i);
    }
    return null;
  }

  /**
   * {@code $1} as a whole element of a parenthesized list: {@code IN (...)}, {@code ANY(...)},
   * {@code VALUES (...)}.
   */
  private @Nullable String inferFromList(int i) {
    TokenKind after = kindAt(skipCast(i + 1));
    if (after != TokenKind.COMMA && after != TokenKind.RIGHT_PAREN) {
      return null;
    }
    int position = 0;
    int depth = 0;
    int open = -1;
    for (int j = i - 1; j >= 0 && open < 0; j--) {
      switch (significant.get(j).kind()) {
        case RIGHT_PAREN, RIGHT_BRACKET -> depth++;
        case LEFT_PAREN, LEFT_BRACKET -> {
          if (depth == 0) {
            if (significant.get(j).kind() != TokenKind.LEFT_PAREN) {
              return null;
            }
            open = j;
          } else {
            depth--;
          }
        }
        case COMMA -> position += depth == 0 ? 1 : 0;
        default -> {}
      }
    }
    if (open < 1) {
      return null;
    }
    if (isWord(open - 1, "in")) {
      return columnEndingAt(isWord(open - 2, "not") ? open - 3 : open - 2);
    }
    if ((isWord(open - 1, "any") || isWord(open - 1, "some") || isWord(open - 1, "all"))
        && open >= 2
        && isComparison(significant.get(open - 2))) {
      return columnEndingAt(open - 3);
    }
    // Multi-row VALUES: step back over "(...)," rows to the VALUES keyword.
    int row = open;
    while (kindAt(row - 1) == TokenKind.COMMA && kindAt(row - 2) == TokenKind.RIGHT_PAREN) {
      row = matchingOpen(row - 2);
      if (row < 0) {
        return null;
      }
    }
    if (isWord(row - 1, "values")) {
      return insertColumn(row - 1, position);
    }
    return null;
  }

  /**
   * The column at {@code position} in the column list of the INSERT whose VALUES is at {@code
   * values}.
   */
  private @Nullable String insertColumn(int values, int position) {
    int close = values - 1;
    if (isWord(close, "value") && isWord(close - 2, "overriding")) {
      close -= 3;
    }
    if (kindAt(close) != TokenKind.RIGHT_PAREN) {
      return null;
    }
    int open = matchingOpen(close);
    if (open < 1) {
      return null;
    }
    boolean into = false;
    for (int j = open - 1; j >= 0 && j >= open - 8; j--) {
      if (isWord(j, "into")) {
        into = true;
        break;
      }
      TokenKind kind = significant.get(j).kind();
      if (kind != TokenKind.IDENTIFIER
          && kind != TokenKind.QUOTED_IDENTIFIER
          && kind != TokenKind.DOT) {
        break;
      }
    }
    if (!into) {
      return null;
    }
    List<List<Token>> columns = new ArrayList<>();
    List<Token> column = new ArrayList<>();
    int depth = 0;
    for (int j = open + 1; j < close; j++) {
      Token token = significant.get(j);
      if (token.kind() == TokenKind.COMMA && depth == 0) {
        columns.add(column);
        column = new ArrayList<>();
        continue;
      }
      if (token.kind() == TokenKind.LEFT_PAREN || token.kind() == TokenKind.LEFT_BRACKET) {
        depth++;
      } else if (token.kind() == TokenKind.RIGHT_PAREN || token.kind() == TokenKind.RIGHT_BRACKET) {
        depth--;
      }
      column.add(token);
    }
    columns.add(column);
    if (position >= columns.size() || columns.get(position).size() != 1) {
      return null;
    }
    Token name = columns.get(position).get(0);
    return isColumnToken(name) ? SqlLexer.identifierName(text, name) : null;
  }

  private @Nullable String inferFromRight(int last) {
    int j = skipCast(last + 1);
    if (j >= significant.size() || !isComparison(significant.get(j))) {
      return null;
    }
    int k = j + 1;
    if (k >= significant.size() || !isColumnToken(significant.get(k))) {
      return null;
    }
    while (kindAt(k + 1) == TokenKind.DOT
        && k + 2 < significant.size()
        && isColumnToken(significant.get(k + 2))) {
      k += 2;
    }
    if (kindAt(k + 1) == TokenKind.LEFT_PAREN || kindAt(k + 1) == TokenKind.DOT) {
      return null;
    }
    return SqlLexer.identifierName(text, significant.get(k));
  }

  /**
   * The column name whose (last) identifier is at {@code j}, unless it is a type after {@code ::}.
   */
  private @Nullable String columnEndingAt(int j) {
    if (j < 0 || j >= significant.size() || !isColumnToken(significant.get(j))) {
      return null;
    }
    if (kindAt(j - 1) == TokenKind.CAST
        || (kindAt(j - 1) == TokenKind.IDENTIFIER && kindAt(j - 2) == TokenKind.CAST)) {
      return null;
    }
    return SqlLexer.identifierName(text, significant.get(j));
  }
}
