package dev.quarry.processor.analysis;

import dev.quarry.processor.catalog.Catalog;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.syntax.Parameter;
import dev.quarry.processor.syntax.ParsedQuery;
import dev.quarry.processor.syntax.QueryDeclaration;
import dev.quarry.processor.syntax.Token;
import dev.quarry.processor.syntax.TokenKind;
import dev.quarry.processor.syntax.TokenList;
import dev.quarry.processor.syntax.UtilityStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns PostgreSQL's error about a query into the user's message: at the place in the query file
 * PostgreSQL points to, with the parameters named as the user wrote them and, for an unknown name,
 * what the schema has instead.
 */
final class ServerErrorReporter {
  private static final Pattern PARAMETER_REFERENCE = Pattern.compile("\\$(\\d+)");

  private final UnknownNameExplainer explainer;
  private final Catalog catalog;

  ServerErrorReporter(UnknownNameExplainer explainer, Catalog catalog) {
    this.explainer = explainer;
    this.catalog = catalog;
  }

  /**
   * The possibly qualified name at PostgreSQL's error position, read in the text PostgreSQL was
   * sent (so that a name from an expansion such as {@code quarry.patch} is the one it means), one
   * part per identifier ({@code u.bio} gives {@code [u, bio]}); empty without a position or when no
   * identifier starts there.
   */
  static List<String> nameAtPosition(QueryWork item, ServerErrorMessage server) {
    if (server.getPosition() <= 0) {
      return List.of();
    }
    TokenList tokens = sentTokens(item);
    String sent = tokens.text();
    int codePoints = server.getPosition() - 1;
    if (codePoints >= sent.codePointCount(0, sent.length())) {
      return List.of();
    }
    int index = sent.offsetByCodePoints(0, codePoints);
    List<String> parts = new ArrayList<>();
    boolean wantName = true;
    for (Token token : tokens.range(index, sent.length())) {
      boolean name =
          token.kind() == TokenKind.IDENTIFIER || token.kind() == TokenKind.QUOTED_IDENTIFIER;
      if (wantName && name) {
        parts.add(tokens.name(token));
        wantName = false;
      } else if (!wantName && token.kind() == TokenKind.DOT) {
        wantName = true;
      } else {
        break;
      }
    }
    return List.copyOf(parts);
  }

  /** Reports PostgreSQL's error {@code e} for {@code item}'s query, at its place in the file. */
  void report(QueryWork item, PSQLException e) {
    ParsedQuery query = item.query;
    QueryDeclaration declaration = query.declaration();
    ServerErrorMessage server = e.getServerErrorMessage();
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String serverMessage = server == null ? null : server.getMessage();
    String message = serverMessage != null ? serverMessage : String.valueOf(e.getMessage());
    int fileOffset = locate(item, server, message);
    message = renameParameters(query, message);

    // What PostgreSQL adds to its message (hint, detail), and what Quarry knows of the name.
    StringBuilder remarks = new StringBuilder();
    List<String> name = server == null ? List.of() : nameAtPosition(item, server);
    String hint = server == null ? null : server.getHint();
    if (hint != null) {
      // For a misspelled column, Quarry's own suggestion in place of the hint, which is in the
      // server's language; other hints as PostgreSQL gives them.
      Optional<String> column =
          server != null && state.equals("42703")
              ? ColumnSuggestion.suggest(sentTokens(item), name, catalog)
              : Optional.empty();
      remarks.append(column.map(c -> " (did you mean " + c + "?)").orElse(" (" + hint + ")"));
    }
    String detail = server == null ? null : server.getDetail();
    if (detail != null) {
      remarks.append("; ").append(detail);
    }
    Message kind = Message.QUERY_REJECTED;
    if (state.equals("42703") || state.equals("42P01")) {
      kind = Message.QUERY_NAME_UNKNOWN;
      if (server != null) {
        explainer.explain(state, name).ifPresent(reason -> remarks.append("; ").append(reason));
      }
    } else if (state.equals("42P18")) {
      kind = Message.QUERY_PARAMETER_UNTYPED;
    }
    item.diagnostics.report(
        kind, declaration.location(fileOffset), declaration.name(), message, remarks, state);
  }

  /**
   * The tokens of the text PostgreSQL was sent: the statement's, kept from its parse, or those of a
   * utility statement's check statement (Quarry's own text, lexed only on this error path).
   */
  private static TokenList sentTokens(QueryWork item) {
    UtilityStatement utility = item.utility;
    String checkSql = utility == null || item.described == null ? null : utility.checkSql();
    return checkSql != null ? TokenList.of(checkSql) : item.query.tokens();
  }

  /**
   * Where in the query file the error is: PostgreSQL's position (in the statement, or in the check
   * statement run for a utility statement), else the parameter it names.
   */
  private static int locate(QueryWork item, @Nullable ServerErrorMessage server, String message) {
    ParsedQuery query = item.query;
    String sql = query.analysisSql();
    if (server != null && server.getPosition() > 0) {
      // PostgreSQL counts characters (code points) from 1 in the text it was sent.
      int codePoints = server.getPosition() - 1;
      String sent = sql;
      UtilityStatement utility = item.utility;
      String checkSql = utility == null || item.described == null ? null : utility.checkSql();
      if (checkSql != null) {
        sent = checkSql;
      }
      int index;
      try {
        index =
            sent.offsetByCodePoints(0, Math.min(codePoints, sent.codePointCount(0, sent.length())));
      } catch (IndexOutOfBoundsException outside) {
        index = sent.length();
      }
      if (checkSql != null && utility != null) {
        index = Math.max(0, utility.statementIndex(index));
      }
      return query.offsets().fileOffset(Math.min(index, sql.length()));
    }
    Matcher parameter = PARAMETER_REFERENCE.matcher(message);
    if (parameter.find()) {
      int number = Integer.parseInt(parameter.group(1));
      for (Parameter p : query.parameters()) {
        if (p.number() == number) {
          return p.fileOffset();
        }
      }
    }
    return query.declaration().sqlStart();
  }

  /** PostgreSQL speaks of {@code $2}; the user wrote {@code @email}. */
  private static String renameParameters(ParsedQuery query, String message) {
    Matcher matcher = PARAMETER_REFERENCE.matcher(message);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      int number = Integer.parseInt(matcher.group(1));
      String replacement = matcher.group();
      for (Parameter p : query.parameters()) {
        if (p.number() == number && p.explicitlyNamed()) {
          replacement = "@" + p.name();
        }
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
