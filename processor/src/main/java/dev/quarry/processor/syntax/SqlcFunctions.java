package dev.quarry.processor.syntax;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.syntax.Occurrence.Style;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads sqlc's functions: {@code sqlc.arg(name)}, {@code sqlc.narg(name)} and {@code
 * sqlc.slice(name)} are parameters, {@code sqlc.embed(table)} a table's columns as one record.
 */
final class SqlcFunctions extends StatementReader {
  private final List<Occurrence> occurrences;

  /** {@code sqlc.embed(t)} rewritten to {@code t.*}, by the file offset of {@code sqlc}. */
  private final Map<Integer, Replacement> replacements;

  private final List<EmbedReference> embeds;

  SqlcFunctions(
      QueryDeclaration query,
      Diagnostics diagnostics,
      List<Token> significant,
      List<Occurrence> occurrences,
      Map<Integer, Replacement> replacements,
      List<EmbedReference> embeds) {
    super(query, diagnostics, significant);
    this.occurrences = occurrences;
    this.replacements = replacements;
    this.embeds = embeds;
  }

  /**
   * Reads {@code sqlc.<function>(...)} starting at the {@code sqlc} token; the index to resume
   * after.
   */
  int sqlcFunction(int i) {
    Token sqlc = significant.get(i);
    String function = significant.get(i + 2).text(text).toLowerCase(Locale.ROOT);
    String written = "sqlc." + significant.get(i + 2).text(text);
    boolean call = kindAt(i + 3) == TokenKind.LEFT_PAREN;
    switch (function) {
      case "embed" -> {
        return embed(i, written, call);
      }
      case "arg", "narg", "slice" -> {
        if (!call) {
          error(sqlc.start(), Message.SQLC_FUNCTION_WITHOUT_PARENTHESES, written, written);
          return i + 2;
        }
        Token nameToken = i + 4 < significant.size() ? significant.get(i + 4) : null;
        if (nameToken == null || nameToken.kind() == TokenKind.RIGHT_PAREN) {
          error(sqlc.start(), Message.SQLC_FUNCTION_WITHOUT_NAME, written, written);
          return nameToken == null ? significant.size() : i + 4;
        }
        String name;
        String key;
        switch (nameToken.kind()) {
          case IDENTIFIER -> {
            name = nameToken.text(text);
            key = name.toLowerCase(Locale.ROOT);
          }
          case QUOTED_IDENTIFIER -> {
            name = SqlLexer.identifierName(text, nameToken);
            key = name;
          }
          case STRING -> {
            name = SqlLexer.stringValue(text, nameToken);
            key = name;
          }
          default -> {
            error(
                nameToken.start(),
                Message.SQLC_FUNCTION_NAME_INVALID,
                written,
                nameToken.text(text),
                written,
                written,
                written);
            return Math.max(i + 4, closingParen(i + 3));
          }
        }
        if (name.isEmpty()) {
          error(nameToken.start(), Message.SQLC_FUNCTION_NAME_EMPTY, written, written);
          return i + 4;
        }
        if (kindAt(i + 5) != TokenKind.RIGHT_PAREN) {
          error(
              sqlc.start(),
              Message.SQLC_FUNCTION_UNCLOSED,
              written,
              nameToken.text(text),
              written,
              nameToken.text(text));
          return i + 4;
        }
        if (function.equals("slice")) {
          return slice(i, name, key);
        }
        return namedCall(function.equals("arg") ? Style.ARG : Style.NARG, i, name, key);
      }
      default -> {
        if (call) {
          error(sqlc.start(), Message.SQLC_FUNCTION_UNKNOWN, written);
          return Math.max(i + 3, closingParen(i + 3));
        }
        // sqlc.something without parentheses is a column of a table called sqlc.
        return i + 2;
      }
    }
  }

  /**
   * Records {@code sqlc.<function>(name)}, its six tokens starting at {@code i}, as one occurrence
   * of a named parameter; the index to resume after.
   */
  private int namedCall(Style style, int i, String name, String key) {
    occurrences.add(
        new Occurrence(
            style,
            significant.get(i).start(),
            significant.get(i + 5).end(),
            i,
            i + 5,
            0,
            name,
            key,
            "",
            ""));
    return i + 5;
  }

  /**
   * {@code x IN (sqlc.slice(name))} becomes {@code x = ANY($n)} ({@code NOT IN} becomes {@code <>
   * ALL($n)}): one array parameter, so the statement's text does not depend on the list's size, and
   * an empty list matches nothing (or, for NOT IN, everything) as {@code IN ()} would.
   */
  private int slice(int i, String name, String key) {
    boolean inList =
        kindAt(i - 1) == TokenKind.LEFT_PAREN
            && isWord(i - 2, "in")
            && kindAt(i + 6) == TokenKind.RIGHT_PAREN;
    if (!inList) {
      // Anywhere else it is an array value, as sqlc's PostgreSQL engine reads it: col =
      // ANY(sqlc.slice(ids)::uuid[]). Tested with IS [NOT] NULL, it may be null (no filter).
      int after = skipCast(i + 6);
      boolean nullTested =
          isWord(after, "is")
              && (isWord(after + 1, "null")
                  || (isWord(after + 1, "not") && isWord(after + 2, "null")));
      return namedCall(nullTested ? Style.NARG : Style.ARG, i, name, key);
    }
    boolean not = isWord(i - 3, "not");
    int first = not ? i - 3 : i - 2;
    occurrences.add(
        new Occurrence(
            Style.ARG,
            significant.get(first).start(),
            significant.get(i + 6).end(),
            first,
            i + 6,
            0,
            name,
            key,
            not ? "<> ALL(" : "= ANY(",
            ")"));
    return i + 6;
  }

  /** {@code sqlc.embed(t)} becomes {@code t.*}; the model turns those columns into one record. */
  private int embed(int i, String written, boolean call) {
    Token sqlc = significant.get(i);
    Token nameToken = call && i + 4 < significant.size() ? significant.get(i + 4) : null;
    boolean named =
        nameToken != null
            && (nameToken.kind() == TokenKind.IDENTIFIER
                || nameToken.kind() == TokenKind.QUOTED_IDENTIFIER)
            && kindAt(i + 5) == TokenKind.RIGHT_PAREN;
    if (nameToken == null || !named) {
      error(sqlc.start(), Message.EMBED_WITHOUT_TABLE, written, written);
      return call ? Math.max(i + 3, closingParen(i + 3)) : i + 2;
    }
    String table =
        nameToken.kind() == TokenKind.QUOTED_IDENTIFIER
            ? SqlLexer.identifierName(text, nameToken)
            : nameToken.text(text).toLowerCase(Locale.ROOT);
    replacements.put(
        sqlc.start(), new Replacement(significant.get(i + 5).end(), nameToken.text(text) + ".*"));
    embeds.add(new EmbedReference(table, sqlc.start()));
    return i + 5;
  }
}
