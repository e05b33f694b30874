package dev.quarry.processor.syntax;

import dev.quarry.processor.diagnostics.SourceLocation;
import dev.quarry.processor.source.SourceFile;
import java.util.List;

/**
 * One named query read from a query file.
 *
 * @param file the query file
 * @param name the name from the header, as written ({@code FindUserByEmail})
 * @param command the header's command
 * @param headerOffset offset of the header comment's first character ({@code -})
 * @param commandOffset offset of the command's colon in the header
 * @param sqlStart offset of the statement's first token (after the header and any comments)
 * @param sqlEnd offset just past the statement's last token (the {@code ;} is not included)
 * @param docLines comment lines between the header and the statement, without {@code --} and
 *     trimmed; empty lines are kept as empty strings; {@code -- quarry:} option lines are not among
 *     them
 * @param options the {@code -- quarry:<word>} option lines under the header
 * @param fileTokens the tokens of the whole query file, lexed once when it was read
 */
public record QueryDeclaration(
    SourceFile file,
    String name,
    Command command,
    int headerOffset,
    int commandOffset,
    int sqlStart,
    int sqlEnd,
    List<String> docLines,
    QueryOptions options,
    TokenList fileTokens) {

  public QueryDeclaration {
    docLines = List.copyOf(docLines);
  }

  /** The statement's text exactly as in the file, without the trailing semicolon. */
  public String sql() {
    return file.text().substring(sqlStart, sqlEnd);
  }

  /** The statement's tokens, white space and comments included; offsets are file offsets. */
  public TokenList tokens() {
    return fileTokens.range(sqlStart, sqlEnd);
  }

  /**
   * The tokens that start in {@code [sqlStart, to)}: the statement and, for a {@code to} past its
   * end, what follows it (a block's closing marker before the {@code ;}).
   */
  public TokenList tokensTo(int to) {
    return fileTokens.range(sqlStart, to);
  }

  public SourceLocation headerLocation() {
    return file.locationOf(headerOffset);
  }

  public SourceLocation location(int fileOffset) {
    return file.locationOf(fileOffset);
  }
}
