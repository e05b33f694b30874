package dev.quarry.processor.syntax;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A statement PostgreSQL's {@code PREPARE} refuses ({@code SAVEPOINT}, {@code SET}, {@code NOTIFY},
 * {@code VACUUM}, {@code CALL} ...): a utility statement. The extended protocol still parses and
 * describes it, but parsing checks only its syntax; the names it uses are looked up when it runs.
 * So Quarry runs it once, in a transaction it rolls back, where that is safe ({@link #check()}), or
 * runs a statement that looks up the same names.
 *
 * <p>Only {@code CALL} takes parameters; in any other utility statement PostgreSQL rejects a {@code
 * $n} with a bare syntax error, so Quarry says which statement cannot take one and what to write
 * instead ({@link #parameterAdvice()}).
 *
 * @param keyword the statement's first word, upper case ({@code NOTIFY})
 * @param check how to check the statement beyond parsing
 * @param checkSql the statement to run for {@link Check#RUN}, or the one that looks up the same
 *     names for {@link Check#LOOK_UP} (the text from {@code checkOffset} of the statement, behind a
 *     prefix), else null
 * @param checkOffset where in the statement the part of {@code checkSql} after its {@code
 *     prefixLength} characters starts, for mapping an error position back
 * @param prefixLength how many characters of {@code checkSql} come before that part
 * @param setup a statement to run before {@code checkSql} in the same transaction (the savepoint a
 *     {@code RELEASE} names), or null
 */
public record UtilityStatement(
    String keyword,
    Check check,
    @Nullable String checkSql,
    int checkOffset,
    int prefixLength,
    @Nullable String setup) {

  /** How far a utility statement can be checked. */
  public enum Check {
    /**
     * Parsing is all: transaction control, {@code DISCARD}, {@code CALL} (not run: it may commit).
     */
    PARSE_ONLY,
    /** Run it in a transaction that is rolled back. */
    RUN,
    /** Run {@code checkSql}, which names the same objects, in a transaction that is rolled back. */
    LOOK_UP
  }

  /**
   * The first words of utility statements. Anything else (SELECT, INSERT, UPDATE, DELETE, MERGE,
   * VALUES, WITH, TABLE, EXPLAIN, a typo) goes to PostgreSQL as it is, which says what is wrong.
   */
  private static final Set<String> UTILITY =
      Set.of(
          "savepoint",
          "release",
          "rollback",
          "set",
          "reset",
          "listen",
          "unlisten",
          "notify",
          "lock",
          "refresh",
          "vacuum",
          "analyze",
          "analyse",
          "discard",
          "call",
          "do",
          "begin",
          "start",
          "commit",
          "end",
          "abort",
          "prepare",
          "truncate",
          "show",
          "cluster",
          "reindex",
          "checkpoint",
          "load",
          "create",
          "alter",
          "drop",
          "grant",
          "revoke",
          "comment",
          "security",
          "reassign");

  /** Transaction control: parsing checks them; running them would end Quarry's own transaction. */
  private static final Set<String> TRANSACTION_CONTROL =
      Set.of("begin", "start", "commit", "end", "abort", "prepare");

  /**
   * The utility statement {@code sql} is, or empty for a statement PostgreSQL can prepare (or one
   * Quarry does not know, which PostgreSQL then judges).
   */
  public static Optional<UtilityStatement> of(TokenList statement) {
    String sql = statement.text();
    List<Token> tokens = statement.significant();
    if (tokens.isEmpty() || tokens.get(0).kind() != TokenKind.IDENTIFIER) {
      return Optional.empty();
    }
    String first = word(sql, tokens, 0);
    if (!UTILITY.contains(first)) {
      return Optional.empty();
    }
    String keyword = first.toUpperCase(Locale.ROOT);
    if (TRANSACTION_CONTROL.contains(first)
        || first.equals("discard")
        || first.equals("call")
        || first.equals("do")
        || first.equals("checkpoint")
        || first.equals("load")) {
      return Optional.of(new UtilityStatement(keyword, Check.PARSE_ONLY, null, 0, 0, null));
    }
    if (first.equals("rollback") || first.equals("release")) {
      // ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name, RELEASE [SAVEPOINT] name: they need
      // the savepoint they name. A plain ROLLBACK is transaction control.
      boolean toSavepoint = first.equals("release");
      for (int i = 1; i < tokens.size(); i++) {
        toSavepoint |= tokens.get(i).isWord(sql, "to");
      }
      Token name = tokens.get(tokens.size() - 1);
      if (!toSavepoint
          || tokens.size() < 2
          || (name.kind() != TokenKind.IDENTIFIER && name.kind() != TokenKind.QUOTED_IDENTIFIER)) {
        return Optional.of(new UtilityStatement(keyword, Check.PARSE_ONLY, null, 0, 0, null));
      }
      return Optional.of(
          new UtilityStatement(keyword, Check.RUN, sql, 0, 0, "SAVEPOINT " + name.text(sql)));
    }
    if (first.equals("vacuum")) {
      // VACUUM refuses to run in a transaction; ANALYZE takes the same table and column list and
      // looks the names up without changing anything.
      int i = 1;
      if (i < tokens.size() && tokens.get(i).kind() == TokenKind.LEFT_PAREN) {
        int depth = 0;
        for (; i < tokens.size(); i++) {
          TokenKind kind = tokens.get(i).kind();
          depth += kind == TokenKind.LEFT_PAREN ? 1 : kind == TokenKind.RIGHT_PAREN ? -1 : 0;
          if (depth == 0) {
            i++;
            break;
          }
        }
      }
      while (i < tokens.size()
          && Set.of("full", "freeze", "verbose", "analyze", "analyse")
              .contains(word(sql, tokens, i))) {
        i++;
      }
      int from = i < tokens.size() ? tokens.get(i).start() : sql.length();
      String prefix = "ANALYZE ";
      return Optional.of(
          new UtilityStatement(
              keyword, Check.LOOK_UP, prefix + sql.substring(from), from, prefix.length(), null));
    }
    if (first.equals("refresh")) {
      // CONCURRENTLY needs a populated view, which a scratch schema never has; the names are the
      // same without it.
      for (int i = 1; i < tokens.size(); i++) {
        if (tokens.get(i).isWord(sql, "concurrently")) {
          Token word = tokens.get(i);
          String prefix = sql.substring(0, word.start());
          return Optional.of(
              new UtilityStatement(
                  keyword,
                  Check.LOOK_UP,
                  prefix + sql.substring(word.end()),
                  word.end(),
                  prefix.length(),
                  null));
        }
      }
    }
    return Optional.of(new UtilityStatement(keyword, Check.RUN, sql, 0, 0, null));
  }

  /** Whether PostgreSQL accepts parameters in this statement ({@code CALL} only). */
  public boolean takesParameters() {
    return keyword.equals("CALL");
  }

  /** What to write instead of a parameter in this statement. */
  public String parameterAdvice() {
    return switch (keyword) {
      case "NOTIFY" ->
          "send the notification with a function instead, which takes parameters: SELECT"
              + " pg_notify(@channel, @payload)";
      case "SET" ->
          "set the value with a function instead, which takes parameters: SELECT"
              + " set_config('name', @value, false) (true instead of false for SET LOCAL)";
      case "RESET", "LISTEN", "UNLISTEN", "SAVEPOINT", "RELEASE", "ROLLBACK" ->
          "write the name into the statement itself";
      default ->
          "write the value or name into the statement itself, or move the work into a function"
              + " and CALL or SELECT it with parameters";
    };
  }

  /**
   * A position PostgreSQL reported (counted from 0, in characters) in {@code checkSql}, as a
   * position in the statement; -1 when it falls in the prefix Quarry wrote.
   */
  public int statementIndex(int checkIndex) {
    if (checkIndex >= prefixLength) {
      return checkOffset + checkIndex - prefixLength;
    }
    // REFRESH's prefix is the statement's own text; VACUUM's is "ANALYZE ", which Quarry wrote.
    return keyword.equals("REFRESH") ? checkIndex : -1;
  }

  private static String word(String sql, List<Token> tokens, int index) {
    if (index >= tokens.size() || tokens.get(index).kind() != TokenKind.IDENTIFIER) {
      return "";
    }
    return tokens.get(index).text(sql).toLowerCase(Locale.ROOT);
  }
}
