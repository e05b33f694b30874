package dev.quarry.processor.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The tables a statement names after {@code FROM}, {@code JOIN}, {@code UPDATE}, {@code INTO} and
 * {@code USING}, with the alias each is known by: enough to suggest a column name for a misspelled
 * one. Subqueries, functions and other items of a FROM list are skipped: they name no table.
 */
public final class TableReferences {
  private static final Set<String> BEFORE_TABLE = Set.of("from", "join", "update", "into", "using");

  /** Words that end a table reference rather than alias it. */
  private static final Set<String> NOT_ALIASES =
      Set.of(
          "where",
          "join",
          "inner",
          "left",
          "right",
          "full",
          "cross",
          "natural",
          "on",
          "using",
          "group",
          "order",
          "having",
          "limit",
          "offset",
          "fetch",
          "for",
          "window",
          "union",
          "intersect",
          "except",
          "returning",
          "set",
          "values",
          "select",
          "default",
          "tablesample",
          "only",
          "lateral",
          "as",
          "with",
          "do",
          "overriding",
          "when",
          "then",
          "outer",
          "is",
          "and",
          "or",
          "not");

  /** One table as the statement names it: {@code alias} is the alias, else the table's name. */
  public record TableReference(@Nullable String schema, String name, String alias) {}

  private TableReferences() {}

  /** The tables named in the statement whose tokens are {@code statement}, in order. */
  public static List<TableReference> of(TokenList statement) {
    String sql = statement.text();
    List<Token> tokens = statement.significant();
    List<TableReference> found = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (!BEFORE_TABLE.contains(word(sql, tokens.get(i)))) {
        continue;
      }
      int at = i + 1;
      while (true) {
        if (isWord(tokens, at) && word(sql, tokens.get(at)).equals("only")) {
          at++;
        }
        at = reference(sql, tokens, at, found);
        if (at < 0 || at >= tokens.size() || tokens.get(at).kind() != TokenKind.COMMA) {
          break;
        }
        at++; // FROM a, b: the next item of the list
      }
    }
    return found;
  }

  /**
   * Reads {@code [schema.]name [[AS] alias]} at {@code at} into {@code found}; returns the index
   * after it, or -1 when no table name starts there.
   */
  private static int reference(String sql, List<Token> tokens, int at, List<TableReference> found) {
    if (!isName(tokens, at)) {
      return -1;
    }
    String schema = null;
    String name = SqlLexer.identifierName(sql, tokens.get(at));
    at++;
    if (at + 1 < tokens.size()
        && tokens.get(at).kind() == TokenKind.DOT
        && isName(tokens, at + 1)) {
      schema = name;
      name = SqlLexer.identifierName(sql, tokens.get(at + 1));
      at += 2;
    }
    if (at < tokens.size() && tokens.get(at).kind() == TokenKind.LEFT_PAREN) {
      // INSERT INTO t (a, b), or a function in FROM (which names no table of the catalog)
      found.add(new TableReference(schema, name, name));
      return -1;
    }
    String alias = name;
    boolean as = isWord(tokens, at) && word(sql, tokens.get(at)).equals("as");
    if (as) {
      at++;
    }
    if (isName(tokens, at)
        && (as
            || tokens.get(at).kind() == TokenKind.QUOTED_IDENTIFIER
            || !NOT_ALIASES.contains(word(sql, tokens.get(at))))) {
      alias = SqlLexer.identifierName(sql, tokens.get(at));
      at++;
    }
    found.add(new TableReference(schema, name, alias));
    return at;
  }

  private static boolean isName(List<Token> tokens, int at) {
    return at < tokens.size()
        && (tokens.get(at).kind() == TokenKind.IDENTIFIER
            || tokens.get(at).kind() == TokenKind.QUOTED_IDENTIFIER);
  }

  private static boolean isWord(List<Token> tokens, int at) {
    return at < tokens.size() && tokens.get(at).kind() == TokenKind.IDENTIFIER;
  }

  private static String word(String sql, Token token) {
    return token.kind() == TokenKind.IDENTIFIER ? token.text(sql).toLowerCase(Locale.ROOT) : "";
  }
}
