package dev.quarry.processor.syntax;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * The tokens of a text, lexed once: an immutable list of {@link Token}s with the text they index
 * into, so that a later stage reads names, strings and words from them without lexing again.
 *
 * <p>A query file is lexed once when it is read; each query's statement is a {@link #range} of the
 * file's list, and the text PostgreSQL prepares gets its own list while it is written ({@link
 * ParsedQuery#tokens()}). A migration file is lexed once too ({@link SqlScript}). Other short texts
 * that are no file (a type name from the configuration, a view definition from the catalog) are
 * lexed with {@link #of(String)}.
 */
public final class TokenList extends AbstractList<Token> implements RandomAccess {
  private final String text;
  private final List<Token> tokens;
  private @Nullable TokenList significant;

  /** The list's hash, once computed: records holding the list are map keys. 0 until then. */
  private int hash;

  TokenList(String text, List<Token> tokens) {
    this.text = text;
    this.tokens = tokens;
  }

  /**
   * The tokens of {@code text}, for a text that is not a query or migration file: those are lexed
   * once where they are read, and their tokens passed on.
   */
  public static TokenList of(String text) {
    return new TokenList(text, SqlLexer.tokenize(text));
  }

  /** The text the tokens' offsets index into. */
  public String text() {
    return text;
  }

  @Override
  public Token get(int index) {
    return tokens.get(index);
  }

  @Override
  public int size() {
    return tokens.size();
  }

  /**
   * The tokens that start in {@code [from, to)} of the text: a statement's tokens when the range is
   * one of {@link #statements()}. Offsets stay offsets into {@link #text()}.
   */
  public TokenList range(int from, int to) {
    int first = firstStartingAtOrAfter(from);
    int last = firstStartingAtOrAfter(to);
    return new TokenList(text, tokens.subList(first, Math.max(first, last)));
  }

  @Override
  public int hashCode() {
    int result = hash;
    if (result == 0) {
      result = super.hashCode();
      hash = result;
    }
    return result;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return super.equals(other);
  }

  /** The tokens that are neither white space nor comments. */
  public TokenList significant() {
    TokenList result = significant;
    if (result == null) {
      List<Token> kept = new ArrayList<>(tokens.size());
      for (Token token : tokens) {
        if (!token.trivia()) {
          kept.add(token);
        }
      }
      result = new TokenList(text, List.copyOf(kept));
      result.significant = result;
      significant = result;
    }
    return result;
  }

  /** The kind of the token at {@code index}, or null past either end. */
  public @Nullable TokenKind kindAt(int index) {
    return index >= 0 && index < tokens.size() ? tokens.get(index).kind() : null;
  }

  /** Whether the token at {@code index} is the unquoted word {@code word}, ignoring ASCII case. */
  public boolean isWord(int index, String word) {
    return index >= 0 && index < tokens.size() && tokens.get(index).isWord(text, word);
  }

  /** The token's text. */
  public String text(Token token) {
    return token.text(text);
  }

  /**
   * The name an identifier token stands for (folded or unquoted, as PostgreSQL reads it); other
   * tokens give their text. See {@link SqlLexer#identifierName}.
   */
  public String name(Token token) {
    return SqlLexer.identifierName(text, token);
  }

  /** The value of a {@link TokenKind#STRING} token, without its quotes. */
  public String stringValue(Token token) {
    return SqlLexer.stringValue(text, token);
  }

  /** The statements of the tokens, split at top-level semicolons as psql splits a script. */
  public List<StatementSpan> statements() {
    int from = tokens.isEmpty() ? 0 : tokens.get(0).start();
    int to = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end();
    return SqlLexer.splitStatements(text, this, from, to);
  }

  private int firstStartingAtOrAfter(int offset) {
    int low = 0;
    int high = tokens.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (tokens.get(mid).start() < offset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
