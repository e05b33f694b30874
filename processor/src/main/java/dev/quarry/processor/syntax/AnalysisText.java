package dev.quarry.processor.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The text PostgreSQL prepares for a query, written from the statement's tokens: the file's text
 * copied token by token, and the text Quarry writes in place of parameters. Its tokens are kept as
 * it is written (copied tokens moved to their new offsets; only the short texts Quarry writes
 * itself are lexed), so that the written text is never lexed again; with the map of its positions
 * back to the file.
 */
final class AnalysisText {
  private final String source;
  private final TokenList sourceTokens;
  private final StringBuilder text = new StringBuilder();
  private final List<Token> tokens = new ArrayList<>();
  private final OffsetMap.Builder offsets = new OffsetMap.Builder();

  /**
   * @param source the file's text
   * @param sourceTokens the tokens that may be copied, in file order
   */
  AnalysisText(String source, TokenList sourceTokens) {
    this.source = source;
    this.sourceTokens = sourceTokens;
  }

  /** Copies the file's text in {@code [from, to)}, which starts and ends at token boundaries. */
  void copy(int from, int to) {
    if (to <= from) {
      return;
    }
    int shift = text.length() - from;
    for (Token token : sourceTokens.range(from, to)) {
      tokens.add(new Token(token.kind(), token.start() + shift, token.end() + shift));
    }
    text.append(source, from, to);
    offsets.copied(from, to - from);
  }

  /** Writes {@code written} in place of the file's text at {@code fileOffset}. */
  void write(int fileOffset, String written) {
    if (written.isEmpty()) {
      return;
    }
    int shift = text.length();
    for (Token token : SqlLexer.tokenizeWritten(written)) {
      tokens.add(new Token(token.kind(), token.start() + shift, token.end() + shift));
    }
    text.append(written);
    offsets.replaced(fileOffset, written.length());
  }

  OffsetMap offsets() {
    return offsets.build();
  }

  /** The tokens of the text written so far. */
  TokenList tokens() {
    return new TokenList(text.toString(), List.copyOf(tokens));
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
