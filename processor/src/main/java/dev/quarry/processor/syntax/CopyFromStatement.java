package dev.quarry.processor.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The shape {@code :copyfrom} needs, as sqlc restricts it: a single-row {@code INSERT INTO table
 * (a, b) VALUES (p1, p2)} whose values are parameters only, and nothing after the VALUES row. Read
 * from tokens, so comments and quoting never confuse it.
 *
 * @param table the target table as written ({@code river_job}, {@code "My Table"}, {@code s.t})
 * @param columns the target columns as written, in order
 * @param valueOffsets where, in the query file, each column's parameter starts (the offset a {@code
 *     Parameter} records for its first use), in the order of {@code columns}
 */
public record CopyFromStatement(String table, List<String> columns, List<Integer> valueOffsets) {

  public CopyFromStatement {
    columns = List.copyOf(columns);
    valueOffsets = List.copyOf(valueOffsets);
  }

  /** The {@code COPY ... FROM STDIN} statement that loads the same columns. */
  public String copySql() {
    return "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
  }

  /** Why a statement cannot be copied into, and where. */
  public record Mismatch(int fileOffset, String message) {}

  /**
   * The statement of {@code query} as a copy target; when it is not one, tells {@code mismatches}
   * why.
   */
  public static Optional<CopyFromStatement> parse(
      QueryDeclaration query, Consumer<Mismatch> mismatches) {
    Object parsed = read(query);
    if (parsed instanceof Mismatch mismatch) {
      mismatches.accept(mismatch);
      return Optional.empty();
    }
    return Optional.of((CopyFromStatement) parsed);
  }

  /** A {@link CopyFromStatement} or a {@link Mismatch}. */
  private static Object read(QueryDeclaration query) {
    String text = query.file().text();
    List<Token> tokens = query.tokens().significant();
    String shape =
        "; :copyfrom needs INSERT INTO table (columns...) VALUES (parameters...), one row of "
            + "parameters only, as sqlc requires";
    int i = 0;
    if (!word(tokens, i, text, "insert") || !word(tokens, i + 1, text, "into")) {
      return new Mismatch(query.sqlStart(), query.name() + " is not an INSERT" + shape);
    }
    i += 2;
    int tableStart = i;
    while (i < tokens.size() && isName(tokens.get(i)) && (kind(tokens, i + 1) == TokenKind.DOT)) {
      i += 2;
    }
    if (i >= tokens.size() || !isName(tokens.get(i))) {
      return new Mismatch(
          offset(tokens, i, query), query.name() + ": expected the table name" + shape);
    }
    String table = text.substring(tokens.get(tableStart).start(), tokens.get(i).end());
    i++;
    if (kind(tokens, i) != TokenKind.LEFT_PAREN) {
      return new Mismatch(
          offset(tokens, i, query), query.name() + ": the INSERT must list its columns" + shape);
    }
    List<String> columns = new ArrayList<>();
    i++;
    while (true) {
      if (i >= tokens.size() || !isName(tokens.get(i))) {
        return new Mismatch(
            offset(tokens, i, query), query.name() + ": expected a column name" + shape);
      }
      columns.add(tokens.get(i).text(text));
      i++;
      if (kind(tokens, i) == TokenKind.RIGHT_PAREN) {
        i++;
        break;
      }
      if (kind(tokens, i) != TokenKind.COMMA) {
        return new Mismatch(
            offset(tokens, i, query),
            query.name() + ": expected , or ) in the column list" + shape);
      }
      i++;
    }
    if (!word(tokens, i, text, "values") || kind(tokens, i + 1) != TokenKind.LEFT_PAREN) {
      return new Mismatch(
          offset(tokens, i, query), query.name() + ": expected VALUES (...)" + shape);
    }
    i += 2;
    List<Integer> valueOffsets = new ArrayList<>();
    while (true) {
      int next = parameterEnd(tokens, i, text);
      if (next < 0) {
        return new Mismatch(
            offset(tokens, i, query),
            query.name()
                + ": every value must be a parameter (@name, sqlc.arg(name), sqlc.narg(name) or $n)"
                + shape);
      }
      valueOffsets.add(tokens.get(i).start());
      i = next;
      if (kind(tokens, i) == TokenKind.RIGHT_PAREN) {
        i++;
        break;
      }
      if (kind(tokens, i) != TokenKind.COMMA) {
        return new Mismatch(
            offset(tokens, i, query),
            query.name()
                + ": every value must be a parameter alone, with no cast or operator after it (COPY"
                + " stores each value as it is sent)"
                + shape);
      }
      i++;
    }
    if (i < tokens.size()) {
      return new Mismatch(
          offset(tokens, i, query),
          query.name()
              + ": nothing may follow the VALUES row (no second row, ON CONFLICT or RETURNING)"
              + shape);
    }
    if (valueOffsets.size() != columns.size()) {
      return new Mismatch(
          query.sqlStart(),
          query.name()
              + " lists "
              + columns.size()
              + " columns but "
              + valueOffsets.size()
              + " values"
              + shape);
    }
    return new CopyFromStatement(table, columns, valueOffsets);
  }

  /** The index after the parameter starting at {@code i}, or -1 when there is none. */
  private static int parameterEnd(List<Token> tokens, int i, String text) {
    TokenKind kind = kind(tokens, i);
    if (kind == TokenKind.NAMED_PARAMETER || kind == TokenKind.POSITIONAL_PARAMETER) {
      return i + 1;
    }
    if (word(tokens, i, text, "sqlc")
        && kind(tokens, i + 1) == TokenKind.DOT
        && (word(tokens, i + 2, text, "arg") || word(tokens, i + 2, text, "narg"))
        && kind(tokens, i + 3) == TokenKind.LEFT_PAREN
        && kind(tokens, i + 5) == TokenKind.RIGHT_PAREN) {
      return i + 6;
    }
    return -1;
  }

  private static boolean isName(Token token) {
    return token.kind() == TokenKind.IDENTIFIER || token.kind() == TokenKind.QUOTED_IDENTIFIER;
  }

  private static boolean word(List<Token> tokens, int i, String text, String word) {
    return i < tokens.size() && tokens.get(i).isWord(text, word);
  }

  private static TokenKind kind(List<Token> tokens, int i) {
    return i < tokens.size() ? tokens.get(i).kind() : TokenKind.WHITESPACE;
  }

  private static int offset(List<Token> tokens, int i, QueryDeclaration query) {
    return i < tokens.size() ? tokens.get(i).start() : query.sqlEnd();
  }
}
