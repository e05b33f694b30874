package dev.quarry.processor.syntax;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link Token} is, as PostgreSQL's own lexer would see it. Keywords are {@link
 * #IDENTIFIER}s: which words are keywords depends on where they stand, and callers that care
 * compare the text.
 *
 * <p>The {@code UNTERMINATED_*} kinds stand for a string, quoted identifier, dollar quote or
 * comment that runs to the end of the text: the lexer never fails, so callers report these with the
 * token's start as the place where the unclosed construct began.
 */
public enum TokenKind {
  /** Spaces, tabs, line ends, form feeds, vertical tabs. */
  WHITESPACE(true, null),
  /** {@code -- ...} up to (not including) the line end. */
  LINE_COMMENT(true, null),
  /** A slash-star comment, nesting as PostgreSQL's comments do. */
  BLOCK_COMMENT(true, null),
  /** An unquoted identifier or keyword: {@code users}, {@code SELECT}, {@code a$b}. */
  IDENTIFIER(false, null),
  /** {@code "Name"} or {@code U&"d\0061ta"}. */
  QUOTED_IDENTIFIER(false, null),
  /** {@code 'text'} (standard conforming: a backslash is an ordinary character). */
  STRING(false, null),
  /** {@code E'it\'s'}: backslash escapes. */
  ESCAPE_STRING(false, null),
  /** {@code U&'d\0061ta'}. */
  UNICODE_STRING(false, null),
  /** {@code B'1010'}. */
  BIT_STRING(false, null),
  /** {@code X'1F'}. */
  HEX_STRING(false, null),
  /** {@code N'text'}. */
  NATIONAL_STRING(false, null),
  /** {@code $$text$$} or {@code $tag$text$tag$}. */
  DOLLAR_STRING(false, null),
  /** {@code 42}, {@code 1.5e3}, {@code .5}, {@code 0x1F}, {@code 1_000}. */
  NUMBER(false, null),
  /** {@code $1}. */
  POSITIONAL_PARAMETER(false, null),
  /** {@code @name} (sqlc's named parameter). */
  NAMED_PARAMETER(false, null),
  /** An operator: {@code =}, {@code <>}, {@code @>}, {@code ?|}, {@code ->>}, {@code :=}. */
  OPERATOR(false, null),
  /** {@code ::}. */
  CAST(false, null),
  LEFT_PAREN(false, null),
  RIGHT_PAREN(false, null),
  LEFT_BRACKET(false, null),
  RIGHT_BRACKET(false, null),
  COMMA(false, null),
  SEMICOLON(false, null),
  DOT(false, null),
  COLON(false, null),
  /** A character PostgreSQL does not accept outside strings, e.g. a brace, or a lone {@code $}. */
  OTHER(false, null),
  /** A string constant of any form with no closing quote. */
  UNTERMINATED_STRING(false, "string constant"),
  /** A quoted identifier with no closing double quote. */
  UNTERMINATED_QUOTED_IDENTIFIER(false, "quoted identifier"),
  /** A dollar-quoted string with no closing delimiter. */
  UNTERMINATED_DOLLAR_STRING(false, "dollar-quoted string"),
  /** A block comment whose closing star-slash (at its nesting depth) is missing. */
  UNTERMINATED_BLOCK_COMMENT(true, "block comment");

  private final boolean trivia;
  private final @Nullable String unterminatedWhat;

  TokenKind(boolean trivia, @Nullable String unterminatedWhat) {
    this.trivia = trivia;
    this.unterminatedWhat = unterminatedWhat;
  }

  /**
   * Whether the token is white space or a comment, which does not change what a statement means.
   */
  public boolean trivia() {
    return trivia;
  }

  /** Whether the token is a string, identifier, dollar quote or comment that was never closed. */
  public boolean unterminated() {
    return unterminatedWhat != null;
  }

  /** Whether the token is a comment (terminated or not). */
  public boolean comment() {
    return this == LINE_COMMENT || this == BLOCK_COMMENT || this == UNTERMINATED_BLOCK_COMMENT;
  }

  /**
   * For an unterminated kind, what was left open ("string constant", "block comment"...), for
   * messages; an empty string for other kinds.
   */
  public String unterminatedWhat() {
    return unterminatedWhat == null ? "" : unterminatedWhat;
  }
}
