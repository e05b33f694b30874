package dev.quarry.processor.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at top-level semicolons, skipping semicolons inside string
 * literals ({@code '...'}, {@code E'...'} with backslash escapes), quoted identifiers, dollar
 * quotes ({@code $tag$...$tag$}), line comments and nested block comments.
 */
public final class SqlLexer {
  private SqlLexer() {}

  /**
   * The statements of {@code sql} in order. Empty statements (a lone semicolon, or only
   * comments) are left out; text after the last semicolon is a statement when it holds a token.
   */
  public static List<StatementSpan> splitStatements(String sql) {
    List<StatementSpan> spans = new ArrayList<>();
    int leadingStart = 0;
    int start = -1;
    int lastTokenEnd = -1;
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = skipBlockComment(sql, i);
      } else if (c == ';') {
        if (start >= 0) {
          spans.add(new StatementSpan(leadingStart, start, lastTokenEnd));
        }
        start = -1;
        leadingStart = i + 1;
        i++;
      } else {
        if (start < 0) {
          start = i;
        }
        i = skipToken(sql, i);
        lastTokenEnd = i;
      }
    }
    if (start >= 0) {
      spans.add(new StatementSpan(leadingStart, start, lastTokenEnd));
    }
    return spans;
  }

  /** The end of the token starting at {@code i}: a literal, a quoted name, or one character. */
  private static int skipToken(String sql, int i) {
    char c = sql.charAt(i);
    int n = sql.length();
    if (c == '\'') {
      boolean backslashEscapes =
          i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
              && (i < 2 || !isIdentifierPart(sql.charAt(i - 2)));
      return skipQuoted(sql, i, '\'', backslashEscapes);
    }
    if (c == '"') {
      return skipQuoted(sql, i, '"', false);
    }
    if (c == '$' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
      int tagEnd = i + 1;
      if (tagEnd < n && isIdentifierStart(sql.charAt(tagEnd))) {
        while (tagEnd < n && sql.charAt(tagEnd) != '$' && isIdentifierPart(sql.charAt(tagEnd))) {
          tagEnd++;
        }
      }
      if (tagEnd < n && sql.charAt(tagEnd) == '$') {
        String tag = sql.substring(i, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        return close < 0 ? n : close + tag.length();
      }
      return i + 1;
    }
    if (isIdentifierPart(c)) {
      int j = i;
      while (j < n && isIdentifierPart(sql.charAt(j))) {
        j++;
      }
      // E'..' is handled when the quote is reached; stop before it.
      return j;
    }
    return i + 1;
  }

  private static int skipQuoted(String sql, int i, char quote, boolean backslashEscapes) {
    int n = sql.length();
    int j = i + 1;
    while (j < n) {
      char c = sql.charAt(j);
      if (backslashEscapes && c == '\\') {
        j += 2;
      } else if (c == quote) {
        if (j + 1 < n && sql.charAt(j + 1) == quote) {
          j += 2;
        } else {
          return j + 1;
        }
      } else {
        j++;
      }
    }
    return n;
  }

  private static int skipBlockComment(String sql, int i) {
    int n = sql.length();
    int depth = 0;
    int j = i;
    while (j < n) {
      if (sql.startsWith("/*", j)) {
        depth++;
        j += 2;
      } else if (sql.startsWith("*/", j)) {
        depth--;
        j += 2;
        if (depth == 0) {
          return j;
        }
      } else {
        j++;
      }
    }
    return n;
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_' || c > 127;
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
  }
}
