package dev.quarry.processor.syntax;

/**
 * One token of SQL text: its kind and its offsets in the text it was read from ({@code start}
 * inclusive, {@code end} exclusive). Offsets are into the whole text even when only a range of it
 * was read, so they are file offsets when the text is a file.
 */
public record Token(TokenKind kind, int start, int end) {

  /** The token's text. */
  public String text(String source) {
    return source.substring(start, end);
  }

  public int length() {
    return end - start;
  }

  /** Whether the token is white space or a comment. */
  public boolean trivia() {
    return kind.trivia();
  }

  /** Whether this is an unquoted identifier equal to {@code word}, ignoring ASCII case. */
  public boolean isWord(String source, String word) {
    return kind == TokenKind.IDENTIFIER
        && length() == word.length()
        && source.regionMatches(true, start, word, 0, word.length());
  }
}
