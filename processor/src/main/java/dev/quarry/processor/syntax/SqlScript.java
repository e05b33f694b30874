package dev.quarry.processor.syntax;

import dev.quarry.processor.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A migration file's tokens, lexed once for every stage that reads the file: the reader (its
 * sections and statements), the checks (directives, lock risks) and the runner.
 *
 * <p>The tokens are kept with the file for as long as the file is in use (weakly: a file no stage
 * holds any more takes its tokens with it).
 */
public final class SqlScript {
  private static final Map<SourceFile, SqlScript> SCRIPTS = new WeakHashMap<>();

  private final TokenList tokens;

  private SqlScript(TokenList tokens) {
    this.tokens = tokens;
  }

  /** The tokens of {@code file}, lexed the first time they are asked for. */
  public static SqlScript of(SourceFile file) {
    synchronized (SCRIPTS) {
      return SCRIPTS.computeIfAbsent(file, f -> new SqlScript(TokenList.of(f.text())));
    }
  }

  /** The file's text. */
  public String text() {
    return tokens.text();
  }

  /** All of the file's tokens. */
  public TokenList tokens() {
    return tokens;
  }

  /** The file's {@code --} comments, in order. */
  public List<Token> lineComments() {
    List<Token> comments = new ArrayList<>();
    for (Token token : tokens) {
      if (token.kind() == TokenKind.LINE_COMMENT) {
        comments.add(token);
      }
    }
    return comments;
  }

  /** The tokens of a statement of the file (or of any range that starts and ends at tokens). */
  public TokenList tokens(StatementSpan span) {
    return tokens.range(span.start(), span.end());
  }

  /**
   * The statements in {@code [from, to)} of the file, split at top-level semicolons as psql splits
   * a script. The file's tokens are used when the range starts at a token or inside white space and
   * ends at a token's end (a section between marker comments does); a range that starts inside
   * another token (after a psql meta-command, which is no SQL) is lexed on its own, as psql reads
   * on after the command's line.
   */
  public List<StatementSpan> statements(int from, int to) {
    int end = Math.max(0, Math.min(to, text().length()));
    int start = Math.max(0, Math.min(from, end));
    TokenList range = tokens.range(start, end);
    boolean aligned =
        (range.isEmpty() || range.get(range.size() - 1).end() <= end) && startsCleanly(start);
    if (aligned) {
      return SqlLexer.splitStatements(text(), range, start, end);
    }
    return SqlLexer.splitStatements(text(), start, end);
  }

  /** Whether lexing from {@code offset} gives the file's tokens from there on. */
  private boolean startsCleanly(int offset) {
    TokenList before = tokens.range(0, offset);
    if (before.isEmpty()) {
      return true;
    }
    Token last = before.get(before.size() - 1);
    return last.end() <= offset || last.kind() == TokenKind.WHITESPACE;
  }
}
