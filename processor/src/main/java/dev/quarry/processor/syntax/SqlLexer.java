package dev.quarry.processor.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL lexer: splits SQL text into {@link Token}s the way PostgreSQL's own scanner ({@code
 * scan.l}) does, so that a {@code ;}, {@code ?} or {@code @} inside a string, quoted identifier,
 * dollar quote or comment is never mistaken for syntax. It also splits a text into statements
 * ({@link #splitStatements(String)}).
 *
 * <p>Beyond PostgreSQL it knows sqlc's named parameters: {@code @name} is one {@link
 * TokenKind#NAMED_PARAMETER} token when the {@code @} starts a token (is not part of an operator
 * such as {@code <@} or {@code @@}), is followed by an identifier start and does not directly
 * follow an identifier character, so {@code a @> b}, {@code x <@ y} and {@code ts @@ q} stay
 * operators.
 *
 * <p>The lexer never throws: an unclosed string, quoted identifier, dollar quote or comment becomes
 * an {@code UNTERMINATED_*} token running to the end of the range, and a character PostgreSQL
 * rejects becomes {@link TokenKind#OTHER}. Tokens cover the range without gaps.
 *
 * <p>Like PostgreSQL with {@code standard_conforming_strings} on (the default since 9.1), a
 * backslash is an ordinary character in {@code '...'} and only escapes in {@code E'...'}.
 */
final class SqlLexer {
  private final String text;
  private final int to;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private SqlLexer(String text, int from, int to) {
    this.text = text;
    this.to = to;
    this.pos = from;
  }

  /**
   * Test hook: told of every text the lexer runs over, but for the short texts Quarry writes itself
   * ({@link #tokenizeWritten}). Tests set it to prove that no stage lexes a file twice.
   */
  static volatile @Nullable Consumer<String> observer;

  /** The tokens of the whole text, white space and comments included. */
  static List<Token> tokenize(String text) {
    return tokenize(text, 0, text.length());
  }

  /**
   * The tokens of a short text Quarry writes into a statement (a {@code $n} placeholder, {@code
   * t.*}), so that the statement's tokens are known without lexing the whole statement again.
   */
  static List<Token> tokenizeWritten(String written) {
    SqlLexer lexer = new SqlLexer(written, 0, written.length());
    lexer.run();
    return List.copyOf(lexer.tokens);
  }

  /**
   * The tokens of {@code text} in {@code [from, to)}, white space and comments included; token
   * offsets are offsets into {@code text}. The range is clamped into the text.
   */
  static List<Token> tokenize(String text, int from, int to) {
    int end = Math.max(0, Math.min(to, text.length()));
    int start = Math.max(0, Math.min(from, end));
    Consumer<String> watching = observer;
    if (watching != null) {
      watching.accept(text);
    }
    SqlLexer lexer = new SqlLexer(text, start, end);
    lexer.run();
    return List.copyOf(lexer.tokens);
  }

  /**
   * The statements of the whole text, split at top-level semicolons. See {@link
   * #splitStatements(String, List, int, int)}.
   */
  static List<StatementSpan> splitStatements(String text) {
    return splitStatements(text, tokenize(text), 0, text.length());
  }

  /**
   * The statements of {@code text} in {@code [from, to)}, split at top-level semicolons. See {@link
   * #splitStatements(String, List, int, int)}.
   */
  static List<StatementSpan> splitStatements(String text, int from, int to) {
    int end = Math.max(0, Math.min(to, text.length()));
    int start = Math.max(0, Math.min(from, end));
    return splitStatements(text, tokenize(text, start, end), start, end);
  }

  /**
   * Splits already lexed text into statements, for callers that need the tokens as well.
   *
   * <p>A statement ends at a {@code ;} that is outside parentheses and outside the body of a
   * SQL-standard function ({@code BEGIN ATOMIC ... END}, inside which {@code CASE ... END} nests),
   * as psql splits scripts. A statement that holds only white space and comments is skipped. The
   * last statement needs no {@code ;}. An unterminated string or comment runs to the end, so it
   * ends the last statement.
   *
   * @param tokens the tokens of {@code text} in {@code [from, to)}, as {@link #tokenize} gives them
   * @param from where the tokens start: the first statement's {@code leadingStart}
   * @param to where the tokens end
   */
  static List<StatementSpan> splitStatements(String text, List<Token> tokens, int from, int to) {
    List<StatementSpan> spans = new ArrayList<>();
    int leadingStart = from;
    int start = -1;
    int end = -1;
    int parens = 0;
    // Depth of BEGIN ATOMIC bodies plus CASE expressions inside them: both close with END.
    int atomicDepth = 0;
    // The statement's leading words, to tell CREATE [OR REPLACE] FUNCTION|PROCEDURE: as in psql,
    // only there is BEGIN ATOMIC a body ("SELECT t.begin atomic FROM t" is a column alias).
    List<String> leadingWords = new ArrayList<>();
    Token previous = null;
    for (Token token : tokens) {
      if (token.trivia()) {
        continue;
      }
      if (token.kind() == TokenKind.SEMICOLON && parens == 0 && atomicDepth == 0) {
        if (start >= 0) {
          spans.add(new StatementSpan(leadingStart, start, end));
        }
        leadingStart = token.end();
        start = -1;
        previous = null;
        leadingWords.clear();
        continue;
      }
      if (start < 0) {
        start = token.start();
      }
      end = token.end();
      switch (token.kind()) {
        case LEFT_PAREN -> parens++;
        case RIGHT_PAREN -> parens = Math.max(0, parens - 1);
        case IDENTIFIER -> {
          if (leadingWords.size() < 4) {
            leadingWords.add(token.text(text).toLowerCase(java.util.Locale.ROOT));
          }
          if (token.isWord(text, "atomic")
              && previous != null
              && previous.isWord(text, "begin")
              && createsRoutine(leadingWords)) {
            atomicDepth++;
          } else if (atomicDepth > 0 && token.isWord(text, "case")) {
            atomicDepth++;
          } else if (atomicDepth > 0 && token.isWord(text, "end")) {
            atomicDepth--;
          }
        }
        default -> {}
      }
      previous = token;
    }
    if (start >= 0) {
      spans.add(new StatementSpan(leadingStart, start, end));
    }
    return List.copyOf(spans);
  }

  /**
   * Whether a statement starting with these words is {@code CREATE [OR REPLACE]
   * FUNCTION|PROCEDURE}.
   */
  private static boolean createsRoutine(List<String> words) {
    int kind =
        words.size() >= 4 && words.get(1).equals("or") && words.get(2).equals("replace") ? 3 : 1;
    return words.size() > kind
        && words.get(0).equals("create")
        && (words.get(kind).equals("function") || words.get(kind).equals("procedure"));
  }

  /**
   * The name an identifier token stands for: an unquoted identifier folded to lower case (ASCII
   * letters only, as PostgreSQL folds them in UTF-8 databases), a quoted one without its quotes and
   * with {@code ""} read as {@code "}. A {@code U&"..."} identifier has its {@code \XXXX} and
   * {@code \+XXXXXX} escapes decoded (a {@code UESCAPE} clause is not looked at). Other tokens give
   * their text.
   */
  static String identifierName(String text, Token token) {
    String raw = token.text(text);
    if (token.kind() == TokenKind.IDENTIFIER) {
      StringBuilder folded = new StringBuilder(raw.length());
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
      }
      return folded.toString();
    }
    if (token.kind() != TokenKind.QUOTED_IDENTIFIER) {
      return raw;
    }
    boolean unicode = raw.startsWith("U&") || raw.startsWith("u&");
    String inner = raw.substring(unicode ? 3 : 1, raw.length() - 1).replace("\"\"", "\"");
    return unicode ? decodeUnicodeEscapes(inner) : inner;
  }

  /**
   * The value of a {@link TokenKind#STRING} token: without its quotes, {@code ''} read as {@code
   * '}.
   */
  static String stringValue(String text, Token token) {
    String raw = token.text(text);
    if (raw.length() < 2) {
      return raw;
    }
    return raw.substring(1, raw.length() - 1).replace("''", "'");
  }

  private static String decodeUnicodeEscapes(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        if (s.charAt(i + 1) == '\\') {
          out.append('\\');
          i += 2;
          continue;
        }
        int digits = s.charAt(i + 1) == '+' ? 6 : 4;
        int hexStart = i + (digits == 6 ? 2 : 1);
        if (hexStart + digits <= s.length()) {
          try {
            int codePoint = Integer.parseInt(s.substring(hexStart, hexStart + digits), 16);
            if (Character.isValidCodePoint(codePoint)) {
              out.appendCodePoint(codePoint);
              i = hexStart + digits;
              continue;
            }
          } catch (NumberFormatException e) {
            // Not an escape after all: keep the backslash as written.
          }
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  // ---- scanning ----

  private void run() {
    while (pos < to) {
      int start = pos;
      TokenKind kind = next();
      if (pos <= start) {
        // Defensive: every branch advances, but a lexer that loops forever would hang javac.
        pos = start + 1;
      }
      tokens.add(new Token(kind, start, pos));
    }
  }

  private TokenKind next() {
    char c = text.charAt(pos);
    if (isWhitespace(c)) {
      while (pos < to && isWhitespace(text.charAt(pos))) {
        pos++;
      }
      return TokenKind.WHITESPACE;
    }
    if (c == '-' && peek(1) == '-') {
      return lineComment();
    }
    if (c == '/' && peek(1) == '*') {
      return blockComment();
    }
    if (c == '\'') {
      return quoted(1, TokenKind.STRING, false, true);
    }
    if (c == '"') {
      return quotedIdentifier(1);
    }
    if (peek(1) == '\'') {
      switch (c) {
        case 'E', 'e' -> {
          return quoted(2, TokenKind.ESCAPE_STRING, true, true);
        }
        case 'B', 'b' -> {
          // PostgreSQL ends bit and hex strings at the first quote: no '' inside them.
          return quoted(2, TokenKind.BIT_STRING, false, false);
        }
        case 'X', 'x' -> {
          return quoted(2, TokenKind.HEX_STRING, false, false);
        }
        case 'N', 'n' -> {
          return quoted(2, TokenKind.NATIONAL_STRING, false, true);
        }
        default -> {}
      }
    }
    if ((c == 'U' || c == 'u') && peek(1) == '&') {
      if (peek(2) == '\'') {
        return quoted(3, TokenKind.UNICODE_STRING, false, true);
      }
      if (peek(2) == '"') {
        return quotedIdentifier(3);
      }
    }
    if (c == '$') {
      return dollar();
    }
    // ".." is PostgreSQL's DOT_DOT token, so "..5" is not "." then ".5" (here: two DOTs, then 5).
    if (isDigit(c) || (c == '.' && isDigit(peek(1)) && !(pos > 0 && text.charAt(pos - 1) == '.'))) {
      return number();
    }
    if (isIdentStart(c)) {
      pos++;
      while (pos < to && isIdentCont(text.charAt(pos))) {
        pos++;
      }
      return TokenKind.IDENTIFIER;
    }
    switch (c) {
      case '(' -> {
        pos++;
        return TokenKind.LEFT_PAREN;
      }
      case ')' -> {
        pos++;
        return TokenKind.RIGHT_PAREN;
      }
      case '[' -> {
        pos++;
        return TokenKind.LEFT_BRACKET;
      }
      case ']' -> {
        pos++;
        return TokenKind.RIGHT_BRACKET;
      }
      case ',' -> {
        pos++;
        return TokenKind.COMMA;
      }
      case ';' -> {
        pos++;
        return TokenKind.SEMICOLON;
      }
      case '.' -> {
        pos++;
        return TokenKind.DOT;
      }
      case ':' -> {
        if (peek(1) == ':') {
          pos += 2;
          return TokenKind.CAST;
        }
        if (peek(1) == '=') {
          pos += 2;
          return TokenKind.OPERATOR;
        }
        pos++;
        return TokenKind.COLON;
      }
      default -> {}
    }
    if (c == '@' && isIdentStart(peek(1)) && !(pos > 0 && isIdentCont(text.charAt(pos - 1)))) {
      pos++;
      while (pos < to && isIdentCont(text.charAt(pos))) {
        pos++;
      }
      return TokenKind.NAMED_PARAMETER;
    }
    if (isOperatorChar(c)) {
      return operator();
    }
    pos += Character.isHighSurrogate(c) && Character.isLowSurrogate(peek(1)) ? 2 : 1;
    return TokenKind.OTHER;
  }

  private TokenKind lineComment() {
    pos += 2;
    while (pos < to && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
      pos++;
    }
    return TokenKind.LINE_COMMENT;
  }

  private TokenKind blockComment() {
    pos += 2;
    int depth = 1;
    while (pos < to) {
      char c = text.charAt(pos);
      if (c == '/' && peek(1) == '*') {
        depth++;
        pos += 2;
      } else if (c == '*' && peek(1) == '/') {
        pos += 2;
        if (--depth == 0) {
          return TokenKind.BLOCK_COMMENT;
        }
      } else {
        pos++;
      }
    }
    return TokenKind.UNTERMINATED_BLOCK_COMMENT;
  }

  /**
   * A quoted string whose opening quote is the last of {@code prefix} characters. PostgreSQL
   * continues a string across a quote, white space holding a line end, and another quote ({@code
   * 'a'\n'b'} is {@code 'ab'}), in the same escape mode, so that is one token too.
   */
  private TokenKind quoted(
      int prefix, TokenKind kind, boolean backslashEscapes, boolean doubledQuotes) {
    pos += prefix;
    while (true) {
      boolean closed = false;
      while (pos < to) {
        char c = text.charAt(pos);
        if (backslashEscapes && c == '\\') {
          pos = Math.min(to, pos + 2);
        } else if (c == '\'') {
          if (doubledQuotes && peek(1) == '\'') {
            pos += 2;
          } else {
            pos++;
            closed = true;
            break;
          }
        } else {
          pos++;
        }
      }
      if (!closed) {
        return TokenKind.UNTERMINATED_STRING;
      }
      int continuation = continuationQuote(pos);
      if (continuation < 0) {
        return kind;
      }
      pos = continuation + 1;
    }
  }

  /**
   * The offset of the quote that continues a string closed just before {@code at}, or -1: the quote
   * must follow horizontal white space, a line end, then white space or {@code --} comments, as in
   * PostgreSQL's {@code quotecontinue} rule.
   */
  private int continuationQuote(int at) {
    int i = at;
    while (i < to
        && (text.charAt(i) == ' '
            || text.charAt(i) == '\t'
            || text.charAt(i) == '\f'
            || text.charAt(i) == '\u000B')) {
      i++;
    }
    if (i >= to || (text.charAt(i) != '\n' && text.charAt(i) != '\r')) {
      return -1;
    }
    while (i < to) {
      char c = text.charAt(i);
      if (isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < to && text.charAt(i + 1) == '-') {
        while (i < to && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          i++;
        }
        if (i >= to) {
          return -1;
        }
      } else {
        break;
      }
    }
    return i < to && text.charAt(i) == '\'' ? i : -1;
  }

  private TokenKind quotedIdentifier(int prefix) {
    pos += prefix;
    while (pos < to) {
      if (text.charAt(pos) == '"') {
        if (peek(1) == '"') {
          pos += 2;
        } else {
          pos++;
          return TokenKind.QUOTED_IDENTIFIER;
        }
      } else {
        pos++;
      }
    }
    return TokenKind.UNTERMINATED_QUOTED_IDENTIFIER;
  }

  private TokenKind dollar() {
    char next = peek(1);
    if (isDigit(next)) {
      pos++;
      digits(false);
      return TokenKind.POSITIONAL_PARAMETER;
    }
    int tagEnd = pos + 1;
    if (isDollarTagStart(next)) {
      while (tagEnd < to && isDollarTagCont(text.charAt(tagEnd))) {
        tagEnd++;
      }
    }
    if (tagEnd < to && text.charAt(tagEnd) == '$') {
      String delimiter = text.substring(pos, tagEnd + 1);
      int close = text.indexOf(delimiter, tagEnd + 1);
      if (close < 0 || close + delimiter.length() > to) {
        pos = to;
        return TokenKind.UNTERMINATED_DOLLAR_STRING;
      }
      pos = close + delimiter.length();
      return TokenKind.DOLLAR_STRING;
    }
    // "$foo" without a closing "$": PostgreSQL returns the "$" alone and rescans the rest.
    pos++;
    return TokenKind.OTHER;
  }

  private TokenKind number() {
    char c = text.charAt(pos);
    if (c == '0' && isRadixPrefix(peek(1)) && isRadixDigit(peek(1), peek(2))) {
      char radix = peek(1);
      pos += 2;
      while (pos < to
          && (isRadixDigit(radix, text.charAt(pos))
              || (text.charAt(pos) == '_' && isRadixDigit(radix, peek(1))))) {
        pos++;
      }
      return TokenKind.NUMBER;
    }
    if (c != '.') {
      digits(true);
      // "1..5" is the integer 1 followed by "..", as in PostgreSQL's numericfail rule.
      if (pos < to && text.charAt(pos) == '.' && peek(1) != '.') {
        pos++;
        digits(true);
      }
    } else {
      pos++;
      digits(true);
    }
    if (pos < to && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int exponent = pos + 1;
      if (exponent < to && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
        exponent++;
      }
      if (exponent < to && isDigit(text.charAt(exponent))) {
        pos = exponent;
        digits(true);
      }
    }
    return TokenKind.NUMBER;
  }

  /** Decimal digits, with single underscores between digits as PostgreSQL 16 allows. */
  private void digits(boolean underscores) {
    while (pos < to) {
      char c = text.charAt(pos);
      if (isDigit(c)
          || (underscores
              && c == '_'
              && pos > 0
              && isDigit(text.charAt(pos - 1))
              && isDigit(peek(1)))) {
        pos++;
      } else {
        break;
      }
    }
  }

  /**
   * A run of operator characters, cut as PostgreSQL cuts it: before an embedded comment start, and
   * without trailing {@code +}/{@code -} unless the operator holds a character that SQL's own
   * operators do not use (so {@code =-1} is {@code =} then {@code -1}, while {@code @-} stays).
   */
  private TokenKind operator() {
    int start = pos;
    int end = pos;
    while (end < to && isOperatorChar(text.charAt(end))) {
      end++;
    }
    for (int i = start; i + 1 < end; i++) {
      char c = text.charAt(i);
      char d = text.charAt(i + 1);
      if ((c == '/' && d == '*') || (c == '-' && d == '-')) {
        end = i;
        break;
      }
    }
    int length = end - start;
    if (length > 1 && (text.charAt(end - 1) == '+' || text.charAt(end - 1) == '-')) {
      boolean nonSqlChar = false;
      for (int i = start; i < end - 1; i++) {
        if ("~!@#^&|`?%".indexOf(text.charAt(i)) >= 0) {
          nonSqlChar = true;
          break;
        }
      }
      if (!nonSqlChar) {
        do {
          end--;
        } while (end - start > 1 && (text.charAt(end - 1) == '+' || text.charAt(end - 1) == '-'));
      }
    }
    pos = Math.max(end, start + 1);
    return TokenKind.OPERATOR;
  }

  private char peek(int ahead) {
    int at = pos + ahead;
    return at < to ? text.charAt(at) : '\0';
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** PostgreSQL treats every non-ASCII character (every byte >= 0x80 in UTF-8) as a letter. */
  static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  static boolean isIdentCont(char c) {
    return isIdentStart(c) || isDigit(c) || c == '$';
  }

  private static boolean isDollarTagStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  private static boolean isDollarTagCont(char c) {
    return isDollarTagStart(c) || isDigit(c);
  }

  static boolean isOperatorChar(char c) {
    return "+-*/<>=~!@#%^&|`?".indexOf(c) >= 0;
  }

  private static boolean isRadixPrefix(char c) {
    return c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' || c == 'B';
  }

  private static boolean isRadixDigit(char radix, char c) {
    return switch (radix) {
      case 'x', 'X' -> isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      case 'o', 'O' -> c >= '0' && c <= '7';
      case 'b', 'B' -> c == '0' || c == '1';
      default -> false;
    };
  }
}
