package dev.quarry.processor.syntax;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Finds the parameters of a query and writes the query the two ways it is needed: with {@code $n}
 * placeholders for PostgreSQL to prepare at build time, and with {@code ?} for JDBC at run time.
 *
 * <p>Parameters are written as sqlc writes them: {@code $1}, {@code @name}, {@code sqlc.arg(name)}
 * and {@code sqlc.narg(name)} (nullable; the name bare, {@code 'quoted'} or {@code "quoted"}), and
 * {@code sqlc.slice(name)}: the whole list of an {@code IN}, or elsewhere an array value. A {@code
 * $n} parameter keeps its number; named parameters, in order of first appearance, take the lowest
 * numbers no {@code $n} uses (as sqlc numbers them); a name used twice is one parameter. A {@code
 * $n} parameter gets a name inferred, as sqlc does, from the tokens around it: the column it is
 * compared with ({@code col = $1}, {@code $1 = t.col}, {@code col LIKE $1}, {@code col IN ($1)},
 * {@code col = ANY($1)}), the column it is assigned to ({@code SET col = $1}) or inserted into (its
 * position in {@code INSERT INTO t (a, b) VALUES ($1, $2)}), {@code limit} and {@code offset};
 * otherwise {@code arg<n>}. Inference works on tokens, so it also works where no SQL parser would.
 *
 * <p>Bare names ({@code @UserId}, {@code sqlc.arg(UserId)}) are compared ignoring case, as
 * PostgreSQL folds unquoted identifiers; a parameter keeps the spelling of its first occurrence.
 * Quoted names ({@code sqlc.arg('UserId')}) are compared exactly.
 *
 * <p>Because everything works on {@link SqlLexer} tokens, text in strings, comments, quoted
 * identifiers and dollar quotes is never touched.
 */
public final class ParameterRewriter {
  /** PostgreSQL's limit on the parameters of one statement (the wire protocol uses 16 bits). */
  private static final int MAX_PARAMETERS = 65535;

  /** Words PostgreSQL reserves: never a column name, so never a name to infer. */
  private static final Set<String> RESERVED =
      Set.of(
          "all",
          "analyse",
          "analyze",
          "and",
          "any",
          "array",
          "as",
          "asc",
          "asymmetric",
          "both",
          "case",
          "cast",
          "check",
          "collate",
          "column",
          "constraint",
          "create",
          "current_catalog",
          "current_date",
          "current_role",
          "current_time",
          "current_timestamp",
          "current_user",
          "default",
          "deferrable",
          "desc",
          "distinct",
          "do",
          "else",
          "end",
          "except",
          "false",
          "fetch",
          "for",
          "foreign",
          "from",
          "grant",
          "group",
          "having",
          "in",
          "initially",
          "intersect",
          "into",
          "lateral",
          "leading",
          "limit",
          "localtime",
          "localtimestamp",
          "not",
          "null",
          "offset",
          "on",
          "only",
          "or",
          "order",
          "placing",
          "primary",
          "references",
          "returning",
          "select",
          "session_user",
          "some",
          "symmetric",
          "system_user",
          "table",
          "then",
          "to",
          "trailing",
          "true",
          "union",
          "unique",
          "user",
          "using",
          "variadic",
          "when",
          "where",
          "window",
          "with");

  /** Words that continue a multi-word type name after a cast ({@code ::double precision}). */
  private static final Set<String> TYPE_WORDS =
      Set.of("precision", "varying", "with", "without", "time", "zone");

  /** Words that start a clause: between SET and a patch marker, they mean it is not in SET. */
  private static final Set<String> CLAUSES =
      Set.of(
          "where",
          "from",
          "select",
          "returning",
          "values",
          "on",
          "having",
          "group",
          "order",
          "limit",
          "with",
          "union",
          "into",
          "using",
          "insert",
          "delete",
          "update");

  private static final Set<String> COMPARISONS = Set.of("=", "<", ">", "<=", ">=", "<>", "!=");

  /**
   * Rewrites the parameters of {@code query}.
   *
   * @return the rewritten query, or empty when a problem was reported to {@code diagnostics} (then
   *     nothing usable can be said about the query's parameters)
   */
  public Optional<ParsedQuery> rewrite(QueryDeclaration query, Diagnostics diagnostics) {
    return new Run(query, diagnostics, Shape.AS_WRITTEN).rewrite();
  }

  /**
   * Rewrites one variant of {@code query}: the text of {@code shape}'s left-out ranges is left out
   * (a space stands in for each), its insertion is made, and the place of each of its marks in the
   * JDBC text is recorded in {@link ParsedQuery#marks()}.
   */
  public Optional<ParsedQuery> rewrite(
      QueryDeclaration query, Diagnostics diagnostics, Shape shape) {
    return new Run(query, diagnostics, shape).rewrite();
  }

  /**
   * How a variant of a query differs from its text as written (docs/dynamic-queries.md).
   *
   * @param leftOut file ranges {@code [start, end)} left out, each starting at a token's start
   * @param insertAt the file offset of the token before which {@code insert} goes; -1 for none
   * @param insert text written before that token, in both forms of the query
   * @param marks the file offsets of tokens whose place in the JDBC text is recorded
   * @param end where the text ends, when past the statement's last token (a block's closing marker
   *     after it); -1 otherwise
   */
  public record Shape(
      List<int[]> leftOut, int insertAt, String insert, List<Integer> marks, int end) {
    public static final Shape AS_WRITTEN = new Shape(List.of(), -1, "", List.of(), -1);

    public Shape {
      leftOut = List.copyOf(leftOut);
      marks = List.copyOf(marks);
    }
  }

  private enum Style {
    POSITIONAL,
    NAMED,
    ARG,
    NARG,
    /** {@code quarry.patch(@name)}: the value and a hidden set-flag, in a {@code CASE}. */
    PATCH
  }

  /** The key of the hidden boolean parameter that says whether patch {@code key} is set. */
  private static String flagKey(String key) {
    return "\0set:" + key;
  }

  /**
   * One place a parameter is written: {@code [start, end)} in the file, and the indexes of its
   * first and last token in the list of significant tokens.
   */
  private record Occurrence(
      Style style,
      int start,
      int end,
      int firstToken,
      int lastToken,
      int number,
      String name,
      String key,
      String prefix,
      String suffix,
      String column) {
    Occurrence(
        Style style,
        int start,
        int end,
        int firstToken,
        int lastToken,
        int number,
        String name,
        String key,
        String prefix,
        String suffix) {
      this(style, start, end, firstToken, lastToken, number, name, key, prefix, suffix, "");
    }
  }

  /** Text written instead of {@code [start, end)} of the file, in both forms of the query. */
  private record Replacement(int end, String text) {}

  /** A parameter while its occurrences are collected. */
  private static final class Collected {
    final List<Occurrence> occurrences = new ArrayList<>();
    int number;
    boolean nullable;
    boolean patch;
    boolean plain;
  }

  /** The state of rewriting one query. */
  private static final class Run {
    private final QueryDeclaration query;
    private final Diagnostics diagnostics;
    private final String text;
    private final List<Token> tokens;
    private final List<Token> significant = new ArrayList<>();
    private final List<Occurrence> occurrences = new ArrayList<>();

    /** The number of each parameter, by {@link Occurrence#key()}. */
    private final Map<String, Integer> numberByKey = new HashMap<>();

    /** {@code sqlc.embed(t)} rewritten to {@code t.*}, by the file offset of {@code sqlc}. */
    private final Map<Integer, Replacement> replacements = new HashMap<>();

    private final List<EmbedReference> embeds = new ArrayList<>();
    private final Shape shape;
    private final int end;
    private boolean failed;

    Run(QueryDeclaration query, Diagnostics diagnostics, Shape shape) {
      this.query = query;
      this.diagnostics = diagnostics;
      this.shape = shape;
      this.text = query.file().text();
      // A block's closing marker may stand after the statement's last token, before its ';'.
      this.end = Math.max(query.sqlEnd(), shape.end());
      this.tokens = SqlLexer.tokenize(text, query.sqlStart(), end);
      for (Token token : tokens) {
        if (!token.trivia() && !leftOut(token.start())) {
          significant.add(token);
        }
      }
      for (int[] range : shape.leftOut()) {
        replacements.put(range[0], new Replacement(range[1], " "));
      }
    }

    private boolean leftOut(int offset) {
      for (int[] range : shape.leftOut()) {
        if (offset >= range[0] && offset < range[1]) {
          return true;
        }
      }
      return false;
    }

    Optional<ParsedQuery> rewrite() {
      findOccurrences();
      if (failed) {
        return Optional.empty();
      }
      List<Parameter> parameters = parameters();
      if (failed || !numberedWithoutGaps(parameters)) {
        return Optional.empty();
      }
      Map<Integer, Occurrence> byStart = new HashMap<>();
      for (Occurrence occurrence : occurrences) {
        byStart.put(occurrence.start(), occurrence);
      }

      StringBuilder analysis = new StringBuilder();
      StringBuilder jdbc = new StringBuilder();
      OffsetMap.Builder offsets = new OffsetMap.Builder();
      List<Integer> bindings = new ArrayList<>();
      List<ParsedQuery.Mark> marks = new ArrayList<>();
      int copyStart = query.sqlStart();
      int skipUntil = query.sqlStart();
      for (Token token : tokens) {
        if (token.start() < skipUntil) {
          continue;
        }
        if (token.start() == shape.insertAt()) {
          analysis.append(text, copyStart, token.start());
          offsets.copied(copyStart, token.start() - copyStart);
          analysis.append(shape.insert());
          offsets.replaced(token.start(), shape.insert().length());
          jdbc.append(shape.insert());
          copyStart = token.start();
        }
        if (shape.marks().contains(token.start())) {
          int jdbcEnd = jdbc.length() + (token.trivia() ? token.length() : 0);
          marks.add(new ParsedQuery.Mark(token.start(), jdbc.length(), jdbcEnd, bindings.size()));
        }
        Replacement replacement = replacements.get(token.start());
        if (replacement != null) {
          analysis.append(text, copyStart, token.start());
          offsets.copied(copyStart, token.start() - copyStart);
          analysis.append(replacement.text());
          offsets.replaced(token.start(), replacement.text().length());
          jdbc.append(replacement.text());
          skipUntil = replacement.end();
          copyStart = replacement.end();
          continue;
        }
        Occurrence occurrence = byStart.get(token.start());
        if (occurrence != null) {
          analysis.append(text, copyStart, token.start());
          offsets.copied(copyStart, token.start() - copyStart);
          int number = Objects.requireNonNull(numberByKey.get(occurrence.key()));
          // "sqlc.arg(a)AS" must not become "$1AS", nor "$1" + "1" become "$11" (PgJDBC turns
          // each ? into $n too): keep the placeholder apart from a following word character. A
          // following ? operator or parameter is kept apart too, in both forms alike: "? ??|",
          // not "???|", and "sqlc.arg(a)@b" gives "? ?", not "??" (PgJDBC's escaped "?").
          char next = occurrence.end() < end ? text.charAt(occurrence.end()) : ' ';
          String separator =
              SqlLexer.isIdentCont(next) || next == '?' || byStart.containsKey(occurrence.end())
                  ? " "
                  : "";
          // Nor may "$" + "$1" become "$$1", the start of a dollar quote.
          String lead =
              occurrence.start() > query.sqlStart() && text.charAt(occurrence.start() - 1) == '$'
                  ? " "
                  : "";
          if (occurrence.style() == Style.PATCH) {
            int flag = Objects.requireNonNull(numberByKey.get(flagKey(occurrence.key())));
            String form = "CASE WHEN %s::boolean THEN %s ELSE " + occurrence.column() + " END";
            String expanded = String.format(form, "$" + flag, "$" + number) + separator;
            analysis.append(expanded);
            offsets.replaced(occurrence.start(), expanded.length());
            jdbc.append(String.format(form, "?", "?")).append(separator);
            bindings.add(flag);
            bindings.add(number);
            skipUntil = occurrence.end();
            copyStart = occurrence.end();
            continue;
          }
          String placeholder =
              lead + occurrence.prefix() + "$" + number + occurrence.suffix() + separator;
          analysis.append(placeholder);
          offsets.replaced(occurrence.start(), placeholder.length());
          jdbc.append(lead)
              .append(occurrence.prefix())
              .append('?')
              .append(occurrence.suffix())
              .append(separator);
          bindings.add(number);
          skipUntil = occurrence.end();
          copyStart = occurrence.end();
          continue;
        }
        String tokenText = token.text(text);
        boolean dollarQuote =
            token.kind() == TokenKind.DOLLAR_STRING
                || token.kind() == TokenKind.UNTERMINATED_DOLLAR_STRING;
        if (dollarQuote
            && jdbc.length() > 0
            && (SqlLexer.isIdentCont(jdbc.charAt(jdbc.length() - 1))
                || jdbc.charAt(jdbc.length() - 1) == '$')) {
          // PostgreSQL starts a dollar quote right after "$$$$" or "1", PgJDBC does not (it takes
          // a $ after a word character for part of the word) and would read ? and ; inside it:
          // a space, in both forms, makes them agree.
          analysis.append(text, copyStart, token.start());
          offsets.copied(copyStart, token.start() - copyStart);
          analysis.append(' ');
          offsets.replaced(token.start(), 1);
          copyStart = token.start();
          jdbc.append(' ');
        }
        if (token.kind() == TokenKind.OPERATOR) {
          // PgJDBC reads every ? outside strings and comments as a placeholder and ?? as a literal
          // ?, so a placeholder right before a doubled operator needs a space: "? ??", not "???".
          if (tokenText.startsWith("?")
              && jdbc.length() > 0
              && jdbc.charAt(jdbc.length() - 1) == '?'
              && copyStart == token.start()) {
            jdbc.append(' ');
          }
          tokenText = tokenText.replace("?", "??");
        }
        jdbc.append(tokenText);
      }
      analysis.append(text, copyStart, Math.max(copyStart, end));
      offsets.copied(copyStart, Math.max(copyStart, end) - copyStart);
      return Optional.of(
          new ParsedQuery(
              query,
              analysis.toString(),
              jdbc.toString(),
              parameters,
              bindings,
              offsets.build(),
              embeds,
              marks));
    }

    // ---- finding parameters ----

    private void findOccurrences() {
      for (int i = 0; i < significant.size(); i++) {
        Token token = significant.get(i);
        switch (token.kind()) {
          case POSITIONAL_PARAMETER -> positional(i, token);
          case NAMED_PARAMETER -> {
            String name = text.substring(token.start() + 1, token.end());
            occurrences.add(
                new Occurrence(
                    Style.NAMED,
                    token.start(),
                    token.end(),
                    i,
                    i,
                    0,
                    name,
                    name.toLowerCase(Locale.ROOT),
                    "",
                    ""));
          }
          case IDENTIFIER -> {
            if (token.isWord(text, "sqlc")
                && kindAt(i + 1) == TokenKind.DOT
                && kindAt(i + 2) == TokenKind.IDENTIFIER) {
              i = sqlcFunction(i);
            } else if (token.isWord(text, "quarry")
                && kindAt(i + 1) == TokenKind.DOT
                && isWord(i + 2, "patch")
                && kindAt(i + 3) == TokenKind.LEFT_PAREN) {
              i = patch(i);
            }
          }
          default -> {}
        }
      }
    }

    private void positional(int index, Token token) {
      String digits = text.substring(token.start() + 1, token.end());
      // Five digits cannot overflow an int; more are over the limit anyway.
      int number = digits.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(digits);
      if (number > MAX_PARAMETERS) {
        error(token.start(), Message.PARAMETER_NUMBER_TOO_LARGE, token.text(text), MAX_PARAMETERS);
        return;
      }
      if (number == 0) {
        error(token.start(), Message.PARAMETER_ZERO);
        return;
      }
      occurrences.add(
          new Occurrence(
              Style.POSITIONAL,
              token.start(),
              token.end(),
              index,
              index,
              number,
              token.text(text),
              "$" + number,
              "",
              ""));
    }

    /**
     * Reads {@code sqlc.<function>(...)} starting at the {@code sqlc} token; the index to resume
     * after.
     */
    private int sqlcFunction(int i) {
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
     * Reads {@code quarry.patch(@name)} or {@code quarry.patch(sqlc.arg(name))} starting at the
     * {@code quarry} token; the index to resume after. Allowed only as the whole right-hand side of
     * an {@code UPDATE ... SET col = ...} assignment, where it becomes {@code CASE WHEN $k::boolean
     * THEN $n ELSE col END}.
     */
    private int patch(int i) {
      Token marker = significant.get(i);
      int close = closingParen(i + 3);
      String name = null;
      String key = null;
      if (kindAt(i + 4) == TokenKind.NAMED_PARAMETER && close == i + 5) {
        Token token = significant.get(i + 4);
        name = text.substring(token.start() + 1, token.end());
        key = name.toLowerCase(Locale.ROOT);
      } else if (isWord(i + 4, "sqlc")
          && kindAt(i + 5) == TokenKind.DOT
          && isWord(i + 6, "arg")
          && kindAt(i + 7) == TokenKind.LEFT_PAREN
          && kindAt(i + 9) == TokenKind.RIGHT_PAREN
          && close == i + 10) {
        Token token = significant.get(i + 8);
        switch (token.kind()) {
          case IDENTIFIER -> {
            name = token.text(text);
            key = name.toLowerCase(Locale.ROOT);
          }
          case QUOTED_IDENTIFIER -> {
            name = SqlLexer.identifierName(text, token);
            key = name;
          }
          case STRING -> {
            name = SqlLexer.stringValue(text, token);
            key = name;
          }
          default -> {}
        }
      }
      if (name == null || key == null || name.isEmpty()) {
        error(marker.start(), Message.PATCH_NEEDS_ONE_PARAMETER);
        return close < 0 ? significant.size() : close;
      }
      if (!patchAllowedAt(i, close)) {
        error(marker.start(), Message.PATCH_OUTSIDE_SET, name, name);
        return close;
      }
      occurrences.add(
          new Occurrence(
              Style.PATCH,
              marker.start(),
              significant.get(close).end(),
              i,
              close,
              0,
              name,
              key,
              "",
              "",
              significant.get(i - 2).text(text)));
      return close;
    }

    /**
     * Whether the marker from {@code start} to {@code close} is the whole value of {@code column =}
     * in the SET list of an UPDATE (not of ON CONFLICT DO UPDATE).
     */
    private boolean patchAllowedAt(int start, int close) {
      if (start < 3
          || !isComparison(significant.get(start - 1))
          || !significant.get(start - 1).text(text).equals("=")
          || !isColumnToken(significant.get(start - 2))) {
        return false;
      }
      int after = close + 1;
      boolean endsValue =
          after >= significant.size()
              || kindAt(after) == TokenKind.COMMA
              || kindAt(after) == TokenKind.SEMICOLON
              || isWord(after, "where")
              || isWord(after, "from")
              || isWord(after, "returning");
      if (!endsValue) {
        return false;
      }
      // Back over the assignments before it, at the same depth, to SET, then to UPDATE.
      int depth = 0;
      int j = start - 3;
      for (; j >= 0; j--) {
        TokenKind kind = significant.get(j).kind();
        if (kind == TokenKind.RIGHT_PAREN || kind == TokenKind.RIGHT_BRACKET) {
          depth++;
        } else if (kind == TokenKind.LEFT_PAREN || kind == TokenKind.LEFT_BRACKET) {
          if (depth-- == 0) {
            return false;
          }
        } else if (depth == 0 && kind == TokenKind.IDENTIFIER) {
          String word = significant.get(j).text(text).toLowerCase(Locale.ROOT);
          if (word.equals("set")) {
            break;
          }
          if (CLAUSES.contains(word)) {
            return false;
          }
        }
      }
      if (j < 1 || (j != start - 3 && kindAt(start - 3) != TokenKind.COMMA)) {
        return false;
      }
      for (int k = j - 1; k >= 0; k--) {
        if (isWord(k, "update")) {
          // Not ON CONFLICT DO UPDATE: there "ELSE col" would be ambiguous with EXCLUDED.col.
          return !isWord(k - 1, "do");
        }
        if (kindAt(k) == TokenKind.SEMICOLON) {
          return false;
        }
      }
      return false;
    }

    /**
     * Records {@code sqlc.<function>(name)}, its six tokens starting at {@code i}, as one
     * occurrence of a named parameter; the index to resume after.
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
     * ALL($n)}): one array parameter, so the statement's text does not depend on the list's size,
     * and an empty list matches nothing (or, for NOT IN, everything) as {@code IN ()} would.
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

    /**
     * PostgreSQL needs the parameters numbered from 1 without gaps; named parameters fill the
     * lowest free numbers, so a gap is left only by {@code $n} numbers beyond the count.
     */
    private boolean numberedWithoutGaps(List<Parameter> parameters) {
      TreeMap<Integer, Parameter> byNumber = new TreeMap<>();
      for (Parameter parameter : parameters) {
        byNumber.put(parameter.number(), parameter);
      }
      if (byNumber.isEmpty() || byNumber.lastKey() == byNumber.size()) {
        return true;
      }
      List<String> missing = new ArrayList<>();
      for (int n = 1; n < byNumber.lastKey(); n++) {
        if (!byNumber.containsKey(n)) {
          missing.add("$" + n);
        }
      }
      int firstMissing = Integer.parseInt(missing.get(0).substring(1));
      Parameter after = byNumber.higherEntry(firstMissing).getValue();
      String used = byNumber.keySet().stream().map(n -> "$" + n).collect(Collectors.joining(", "));
      error(
          after.fileOffset(),
          Message.PARAMETER_NUMBERS_MISSING,
          (missing.size() == 1
              ? "parameter " + missing.get(0) + " is"
              : "parameters " + String.join(", ", missing) + " are"),
          query.name(),
          used,
          (byNumber.size() > byNumber.values().stream().filter(p -> !p.explicitlyNamed()).count()
              ? " (named parameters take the lowest numbers no $n uses)"
              : ""));
      return false;
    }

    // ---- building parameters ----

    private List<Parameter> parameters() {
      Map<String, Collected> named = new LinkedHashMap<>();
      TreeMap<Integer, Collected> positional = new TreeMap<>();
      for (Occurrence occurrence : occurrences) {
        Collected collected =
            occurrence.style() == Style.POSITIONAL
                ? positional.computeIfAbsent(occurrence.number(), n -> new Collected())
                : named.computeIfAbsent(occurrence.key(), k -> new Collected());
        collected.occurrences.add(occurrence);
        collected.nullable |= occurrence.style() == Style.NARG;
        if (occurrence.style() == Style.PATCH) {
          collected.patch = true;
          Collected flag = named.computeIfAbsent(flagKey(occurrence.key()), k -> new Collected());
          if (flag.occurrences.isEmpty()) {
            flag.occurrences.add(occurrence);
          }
        } else {
          collected.plain = true;
        }
      }
      for (Collected collected : named.values()) {
        if (collected.patch && collected.plain) {
          Occurrence plain =
              collected.occurrences.stream()
                  .filter(o -> o.style() != Style.PATCH)
                  .findFirst()
                  .orElseThrow();
          error(plain.start(), Message.PATCH_PARAMETER_REUSED, plain.name(), plain.name());
          return List.of();
        }
      }
      // As sqlc numbers them (internal/sql/named/param_set.go): a $n keeps its number, and each
      // named parameter, in order of first appearance, takes the lowest number no $n uses.
      for (Map.Entry<Integer, Collected> entry : positional.entrySet()) {
        entry.getValue().number = entry.getKey();
      }
      int next = 1;
      for (Collected collected : named.values()) {
        while (positional.containsKey(next)) {
          next++;
        }
        collected.number = next++;
      }

      Set<String> used = new HashSet<>();
      List<Parameter> parameters = new ArrayList<>();
      for (Collected collected : named.values()) {
        Occurrence first = collected.occurrences.get(0);
        if (first.style() == Style.PATCH && !collected.patch) {
          // The hidden flag of a patch: numbered right after its value.
          numberByKey.put(flagKey(first.key()), collected.number);
          parameters.add(
              new Parameter(
                  collected.number,
                  first.name() + "_set",
                  false,
                  true,
                  first.start(),
                  0,
                  Objects.requireNonNull(named.get(first.key())).number));
          continue;
        }
        used.add(first.name());
        numberByKey.put(first.key(), collected.number);
        parameters.add(
            new Parameter(
                collected.number,
                first.name(),
                collected.nullable,
                true,
                first.start(),
                collected.patch
                    ? Objects.requireNonNull(named.get(flagKey(first.key()))).number
                    : 0,
                0));
      }
      for (Collected collected : positional.values()) {
        Occurrence first = collected.occurrences.get(0);
        String inferred = null;
        for (Occurrence occurrence : collected.occurrences) {
          inferred = inferName(occurrence);
          if (inferred != null) {
            break;
          }
        }
        String name = unique(inferred != null ? inferred : "arg" + collected.number, used);
        used.add(name);
        numberByKey.put(first.key(), collected.number);
        parameters.add(new Parameter(collected.number, name, false, false, first.start()));
      }
      parameters.sort((a, b) -> Integer.compare(a.number(), b.number()));
      return parameters;
    }

    private static String unique(String base, Set<String> used) {
      if (!used.contains(base)) {
        return base;
      }
      int suffix = 2;
      while (used.contains(base + "_" + suffix)) {
        suffix++;
      }
      return base + "_" + suffix;
    }

    // ---- name inference for $n ----

    private @Nullable String inferName(Occurrence occurrence) {
      String fromLeft = inferFromLeft(occurrence.firstToken());
      return fromLeft != null ? fromLeft : inferFromRight(occurrence.lastToken());
    }

    private @Nullable String inferFromLeft(int i) {
      if (i == 0) {
        return null;
      }
      Token before = significant.get(i - 1);
      if (isComparison(before)) {
        return columnEndingAt(i - 2);
      }
      if (isWord(i - 1, "like") || isWord(i - 1, "ilike")) {
        return columnEndingAt(isWord(i - 2, "not") ? i - 3 : i - 2);
      }
      if (isWord(i - 1, "limit")) {
        return "limit";
      }
      if (isWord(i - 1, "offset")) {
        return "offset";
      }
      if (before.kind() == TokenKind.LEFT_PAREN || before.kind() == TokenKind.COMMA) {
        return inferFromList(i);
      }
      return null;
    }

    /**
     * {@code $1} as a whole element of a parenthesized list: {@code IN (...)}, {@code ANY(...)},
     * {@code VALUES (...)}.
     */
    private @Nullable String inferFromList(int i) {
      TokenKind after = kindAt(skipCast(i + 1));
      if (after != TokenKind.COMMA && after != TokenKind.RIGHT_PAREN) {
        return null;
      }
      int position = 0;
      int depth = 0;
      int open = -1;
      for (int j = i - 1; j >= 0 && open < 0; j--) {
        switch (significant.get(j).kind()) {
          case RIGHT_PAREN, RIGHT_BRACKET -> depth++;
          case LEFT_PAREN, LEFT_BRACKET -> {
            if (depth == 0) {
              if (significant.get(j).kind() != TokenKind.LEFT_PAREN) {
                return null;
              }
              open = j;
            } else {
              depth--;
            }
          }
          case COMMA -> position += depth == 0 ? 1 : 0;
          default -> {}
        }
      }
      if (open < 1) {
        return null;
      }
      if (isWord(open - 1, "in")) {
        return columnEndingAt(isWord(open - 2, "not") ? open - 3 : open - 2);
      }
      if ((isWord(open - 1, "any") || isWord(open - 1, "some") || isWord(open - 1, "all"))
          && open >= 2
          && isComparison(significant.get(open - 2))) {
        return columnEndingAt(open - 3);
      }
      // Multi-row VALUES: step back over "(...)," rows to the VALUES keyword.
      int row = open;
      while (kindAt(row - 1) == TokenKind.COMMA && kindAt(row - 2) == TokenKind.RIGHT_PAREN) {
        row = matchingOpen(row - 2);
        if (row < 0) {
          return null;
        }
      }
      if (isWord(row - 1, "values")) {
        return insertColumn(row - 1, position);
      }
      return null;
    }

    /**
     * The column at {@code position} in the column list of the INSERT whose VALUES is at {@code
     * values}.
     */
    private @Nullable String insertColumn(int values, int position) {
      int close = values - 1;
      if (isWord(close, "value") && isWord(close - 2, "overriding")) {
        close -= 3;
      }
      if (kindAt(close) != TokenKind.RIGHT_PAREN) {
        return null;
      }
      int open = matchingOpen(close);
      if (open < 1) {
        return null;
      }
      boolean into = false;
      for (int j = open - 1; j >= 0 && j >= open - 8; j--) {
        if (isWord(j, "into")) {
          into = true;
          break;
        }
        TokenKind kind = significant.get(j).kind();
        if (kind != TokenKind.IDENTIFIER
            && kind != TokenKind.QUOTED_IDENTIFIER
            && kind != TokenKind.DOT) {
          break;
        }
      }
      if (!into) {
        return null;
      }
      List<List<Token>> columns = new ArrayList<>();
      List<Token> column = new ArrayList<>();
      int depth = 0;
      for (int j = open + 1; j < close; j++) {
        Token token = significant.get(j);
        if (token.kind() == TokenKind.COMMA && depth == 0) {
          columns.add(column);
          column = new ArrayList<>();
          continue;
        }
        if (token.kind() == TokenKind.LEFT_PAREN || token.kind() == TokenKind.LEFT_BRACKET) {
          depth++;
        } else if (token.kind() == TokenKind.RIGHT_PAREN
            || token.kind() == TokenKind.RIGHT_BRACKET) {
          depth--;
        }
        column.add(token);
      }
      columns.add(column);
      if (position >= columns.size() || columns.get(position).size() != 1) {
        return null;
      }
      Token name = columns.get(position).get(0);
      return isColumnToken(name) ? SqlLexer.identifierName(text, name) : null;
    }

    private @Nullable String inferFromRight(int last) {
      int j = skipCast(last + 1);
      if (j >= significant.size() || !isComparison(significant.get(j))) {
        return null;
      }
      int k = j + 1;
      if (k >= significant.size() || !isColumnToken(significant.get(k))) {
        return null;
      }
      while (kindAt(k + 1) == TokenKind.DOT
          && k + 2 < significant.size()
          && isColumnToken(significant.get(k + 2))) {
        k += 2;
      }
      if (kindAt(k + 1) == TokenKind.LEFT_PAREN || kindAt(k + 1) == TokenKind.DOT) {
        return null;
      }
      return SqlLexer.identifierName(text, significant.get(k));
    }

    /**
     * The column name whose (last) identifier is at {@code j}, unless it is a type after {@code
     * ::}.
     */
    private @Nullable String columnEndingAt(int j) {
      if (j < 0 || j >= significant.size() || !isColumnToken(significant.get(j))) {
        return null;
      }
      if (kindAt(j - 1) == TokenKind.CAST
          || (kindAt(j - 1) == TokenKind.IDENTIFIER && kindAt(j - 2) == TokenKind.CAST)) {
        return null;
      }
      return SqlLexer.identifierName(text, significant.get(j));
    }

    /** The index after a parameter's casts ({@code ::int}, {@code ::varchar(255)[]}, ...). */
    private int skipCast(int j) {
      while (kindAt(j) == TokenKind.CAST) {
        j++;
        if (kindAt(j) == TokenKind.IDENTIFIER || kindAt(j) == TokenKind.QUOTED_IDENTIFIER) {
          j++;
        }
        while (kindAt(j) == TokenKind.DOT
            && (kindAt(j + 1) == TokenKind.IDENTIFIER
                || kindAt(j + 1) == TokenKind.QUOTED_IDENTIFIER)) {
          j += 2;
        }
        j = skipTypeWords(j);
        if (kindAt(j) == TokenKind.LEFT_PAREN) {
          int close = closingParen(j);
          j = close < 0 ? significant.size() : close + 1;
          j = skipTypeWords(j);
        }
        while (kindAt(j) == TokenKind.LEFT_BRACKET) {
          j++;
          while (j < significant.size() && kindAt(j) != TokenKind.RIGHT_BRACKET) {
            j++;
          }
          j++;
        }
      }
      return j;
    }

    private int skipTypeWords(int j) {
      while (kindAt(j) == TokenKind.IDENTIFIER
          && TYPE_WORDS.contains(significant.get(j).text(text).toLowerCase(Locale.ROOT))) {
        j++;
      }
      return j;
    }

    /** The index of the {@code )} that closes the {@code (} at {@code open}, or -1. */
    private int closingParen(int open) {
      int depth = 0;
      for (int j = open; j < significant.size(); j++) {
        TokenKind kind = significant.get(j).kind();
        if (kind == TokenKind.LEFT_PAREN) {
          depth++;
        } else if (kind == TokenKind.RIGHT_PAREN && --depth == 0) {
          return j;
        }
      }
      return -1;
    }

    /** The index of the {@code (} that the {@code )} at {@code close} closes, or -1. */
    private int matchingOpen(int close) {
      int depth = 0;
      for (int j = close; j >= 0; j--) {
        TokenKind kind = significant.get(j).kind();
        if (kind == TokenKind.RIGHT_PAREN) {
          depth++;
        } else if (kind == TokenKind.LEFT_PAREN && --depth == 0) {
          return j;
        }
      }
      return -1;
    }

    private boolean isColumnToken(Token token) {
      return token.kind() == TokenKind.QUOTED_IDENTIFIER
          || (token.kind() == TokenKind.IDENTIFIER
              && !RESERVED.contains(token.text(text).toLowerCase(Locale.ROOT)));
    }

    private boolean isComparison(Token token) {
      return token.kind() == TokenKind.OPERATOR && COMPARISONS.contains(token.text(text));
    }

    private boolean isWord(int index, String word) {
      return index >= 0 && index < significant.size() && significant.get(index).isWord(text, word);
    }

    private @Nullable TokenKind kindAt(int index) {
      return index >= 0 && index < significant.size() ? significant.get(index).kind() : null;
    }

    private void error(int offset, Message message, @Nullable Object... arguments) {
      failed = true;
      diagnostics.report(message, query.location(offset), arguments);
    }
  }
}
