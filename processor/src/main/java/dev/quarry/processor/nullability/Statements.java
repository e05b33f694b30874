package dev.quarry.processor.nullability;

import dev.quarry.processor.syntax.SqlLexer;
import dev.quarry.processor.syntax.Token;
import dev.quarry.processor.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/**
 * Parses a statement with JSqlParser, working around its keywords that PostgreSQL lets stand as
 * column names ({@code errors}, {@code settings}, ...). When the statement does not parse as it is,
 * every lower-case bare word that stands in a name's place somewhere (after {@code (}, {@code ,} or
 * {@code .}, or before {@code ,}, {@code )} or {@code =}) is written quoted wherever it is not a
 * function's name, which PostgreSQL reads as the same name, and the statement is parsed once more.
 * SQL words that stand in such places ({@code null}, {@code default}, {@code desc}, {@code select}
 * ...) stay bare.
 */
public final class Statements {
  private static final Set<String> KEEP =
      Set.of(
          "null",
          "true",
          "false",
          "default",
          "asc",
          "desc",
          "nulls",
          "first",
          "last",
          "end",
          "select",
          "values",
          "with",
          "not",
          "exists",
          "case",
          "distinct",
          "all",
          "partition",
          "order",
          "rows",
          "range",
          "current_date",
          "current_time",
          "current_timestamp",
          "localtime",
          "localtimestamp",
          "current_user",
          "session_user",
          "user",
          "current_role",
          "current_schema",
          "current_catalog",
          "array",
          "row",
          "interval",
          "and",
          "or",
          "in",
          "is",
          "then",
          "else",
          "when",
          "as",
          "on",
          "from",
          "where",
          "limit",
          "offset",
          "returning");

  private Statements() {}

  /** The statement, or empty when JSqlParser cannot read it even with names quoted. */
  public static Optional<Statement> parse(String sql) {
    Optional<Statement> plain = tryParse(sql);
    if (plain.isPresent()) {
      return plain;
    }
    String quoted = quoteNames(sql);
    return quoted.equals(sql) ? Optional.empty() : tryParse(quoted);
  }

  private static Optional<Statement> tryParse(String sql) {
    try {
      return Optional.of(CCJSqlParserUtil.parse(sql));
    } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  static String quoteNames(String sql) {
    List<Token> tokens = new ArrayList<>();
    for (Token token : SqlLexer.tokenize(sql)) {
      if (!token.trivia()) {
        tokens.add(token);
      }
    }
    // First the words that stand where a name does; then every bare use of those words.
    Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      String word = token.text(sql);
      if (token.kind() != TokenKind.IDENTIFIER
          || !word.matches("[a-z_][a-z0-9_]*")
          || KEEP.contains(word)) {
        continue;
      }
      String before = i > 0 ? tokens.get(i - 1).text(sql) : "";
      String after = i + 1 < tokens.size() ? tokens.get(i + 1).text(sql) : "";
      boolean name =
          before.equals("(")
              || before.equals(",")
              || before.equals(".")
              || after.equals(",")
              || after.equals(")")
              || after.equals("=");
      if (name && !after.equals("(")) {
        names.add(word);
      }
    }
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      String word = token.text(sql);
      String after = i + 1 < tokens.size() ? tokens.get(i + 1).text(sql) : "";
      if (token.kind() != TokenKind.IDENTIFIER || !names.contains(word) || after.equals("(")) {
        continue;
      }
      out.append(sql, copied, token.start()).append('"').append(word).append('"');
      copied = token.start() + word.length();
    }
    return out.append(sql.substring(copied)).toString();
  }
}
