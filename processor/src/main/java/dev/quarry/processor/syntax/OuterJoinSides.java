package dev.quarry.processor.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tells, from the tokens of a statement's top-level FROM clause, whether a table (by name or
 * alias) sits on the nullable side of an outer join: the right of a LEFT JOIN, the left of a
 * RIGHT JOIN, either side of a FULL JOIN.
 *
 * <p>Deliberately small and only for {@code sqlc.embed}: it looks at parenthesis depth 0 only
 * (the statement's own FROM, not subqueries or CTE bodies) and does not follow nested join
 * groups. It is to be replaced by the shared outer-join nullability inference.
 */
public final class OuterJoinSides {
  private static final Set<String> NOT_ALIASES =
      Set.of("on", "using", "where", "join", "left", "right", "full", "inner", "cross", "natural",
          "outer", "group", "order", "having", "limit", "offset", "window", "union", "intersect",
          "except", "returning", "for", "lateral", "tablesample", "fetch", "set");
  private static final Set<String> ENDS_FROM =
      Set.of("where", "group", "having", "order", "limit", "offset", "window", "union", "intersect",
          "except", "returning", "for", "fetch", "on", "using");

  private OuterJoinSides() {}

  private static final class Item {
    final String name;
    final String alias;
    boolean nullable;

    Item(String name, String alias) {
      this.name = name;
      this.alias = alias;
    }
  }

  /** Whether {@code table} (a name or alias, compared as PostgreSQL folds case) is on a nullable side. */
  public static boolean nullable(String text, int from, int to, String table) {
    List<Token> tokens = new ArrayList<>();
    for (Token token : SqlLexer.tokenize(text, from, to)) {
      if (!token.trivia()) {
        tokens.add(token);
      }
    }
    List<Item> items = new ArrayList<>();
    int depth = 0;
    boolean inFrom = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      switch (token.kind()) {
        case LEFT_PAREN -> depth++;
        case RIGHT_PAREN -> depth--;
        default -> {}
      }
      if (depth != 0) {
        continue;
      }
      String word = token.kind() == TokenKind.IDENTIFIER ? token.text(text).toLowerCase(Locale.ROOT) : "";
      if (word.equals("from")) {
        inFrom = true;
        add(items, tokens, i + 1, text);
      } else if (word.equals("join")) {
        inFrom = true;
        String side = joinSide(tokens, i, text);
        Item item = add(items, tokens, i + 1, text);
        if (side.equals("right") || side.equals("full")) {
          for (Item earlier : items) {
            if (earlier != item) {
              earlier.nullable = true;
            }
          }
        }
        if (item != null && (side.equals("left") || side.equals("full"))) {
          item.nullable = true;
        }
      } else if (inFrom && token.kind() == TokenKind.COMMA) {
        add(items, tokens, i + 1, text);
      } else if (ENDS_FROM.contains(word)) {
        inFrom = false;
      }
    }
    String wanted = table.toLowerCase(Locale.ROOT);
    for (Item item : items) {
      if (item.alias.equals(wanted) || (item.alias.isEmpty() && item.name.equals(wanted))) {
        return item.nullable;
      }
    }
    for (Item item : items) {
      if (item.name.equals(wanted)) {
        return item.nullable;
      }
    }
    return false;
  }

  private static String joinSide(List<Token> tokens, int join, String text) {
    int j = join - 1;
    if (j >= 0 && tokens.get(j).isWord(text, "outer")) {
      j--;
    }
    if (j < 0 || tokens.get(j).kind() != TokenKind.IDENTIFIER) {
      return "";
    }
    return tokens.get(j).text(text).toLowerCase(Locale.ROOT);
  }

  /** Reads {@code name[.name] [AS] [alias]} at {@code i}; null when no table name is there. */
  private static @Nullable Item add(List<Item> items, List<Token> tokens, int i, String text) {
    if (i < tokens.size() && tokens.get(i).isWord(text, "only")) {
      i++;
    }
    if (i >= tokens.size() || !isName(tokens.get(i))) {
      return null;
    }
    String name = name(tokens.get(i), text);
    while (i + 2 < tokens.size() && tokens.get(i + 1).kind() == TokenKind.DOT && isName(tokens.get(i + 2))) {
      i += 2;
      name = name(tokens.get(i), text);
    }
    i++;
    if (i < tokens.size() && tokens.get(i).isWord(text, "as")) {
      i++;
    }
    String alias = "";
    if (i < tokens.size() && isName(tokens.get(i))
        && !NOT_ALIASES.contains(tokens.get(i).text(text).toLowerCase(Locale.ROOT))) {
      alias = name(tokens.get(i), text);
    }
    Item item = new Item(name, alias);
    items.add(item);
    return item;
  }

  private static boolean isName(Token token) {
    return token.kind() == TokenKind.IDENTIFIER || token.kind() == TokenKind.QUOTED_IDENTIFIER;
  }

  private static String name(Token token, String text) {
    return token.kind() == TokenKind.QUOTED_IDENTIFIER
        ? SqlLexer.identifierName(text, token)
        : token.text(text).toLowerCase(Locale.ROOT);
  }
}
