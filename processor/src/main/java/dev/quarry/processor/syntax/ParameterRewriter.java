package dev.quarry.processor.syntax;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.syntax.Occurrence.Style;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 *
 * <p>One class per step: {@link ParameterFinder} finds where parameters are written ({@link
 * SqlcFunctions} reads sqlc's), {@link ParameterNumbering} numbers and names them (with {@link
 * NameInference} for {@code $n}), and this class writes the two texts; {@link StatementReader} is
 * the token reading they share.
 */
public final class ParameterRewriter {
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

  /** The state of rewriting one query. */
  private static final class Run {
    private final QueryDeclaration query;
    private final Diagnostics diagnostics;
    private final String text;
    private final TokenList tokens;
    private final List<Token> significant = new ArrayList<>();

    /**
     * Text written instead of a range of the file: a space for each left-out range, {@code t.*} for
     * {@code sqlc.embed(t)}; by the range's start.
     */
    private final Map<Integer, Replacement> replacements = new HashMap<>();

    private final Shape shape;
    private final int end;

    Run(QueryDeclaration query, Diagnostics diagnostics, Shape shape) {
      this.query = query;
      this.diagnostics = diagnostics;
      this.shape = shape;
      this.text = query.file().text();
      // A block's closing marker may stand after the statement's last token, before its ';'.
      this.end = Math.max(query.sqlEnd(), shape.end());
      // The file was lexed when it was read: the statement's tokens are a range of its tokens.
      this.tokens = query.tokensTo(end);
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
      ParameterFinder finder = new ParameterFinder(query, diagnostics, significant, replacements);
      finder.findOccurrences();
      if (finder.failed()) {
        return Optional.empty();
      }
      List<Occurrence> occurrences = finder.occurrences;
      List<EmbedReference> embeds = finder.embeds;
      ParameterNumbering numbering = new ParameterNumbering(query, diagnostics, significant);
      List<Parameter> parameters = numbering.parameters(occurrences);
      if (numbering.failed() || !numbering.numberedWithoutGaps(parameters)) {
        return Optional.empty();
      }
      Map<String, Integer> numberByKey = numbering.numberByKey;
      Map<Integer, Occurrence> byStart = new HashMap<>();
      for (Occurrence occurrence : occurrences) {
        byStart.put(occurrence.start(), occurrence);
      }

      AnalysisText analysis = new AnalysisText(text, tokens);
      StringBuilder jdbc = new StringBuilder();
      List<Integer> bindings = new ArrayList<>();
      List<ParsedQuery.Mark> marks = new ArrayList<>();
      int copyStart = query.sqlStart();
      int skipUntil = query.sqlStart();
      for (Token token : tokens) {
        if (token.start() < skipUntil) {
          continue;
        }
        if (token.start() == shape.insertAt()) {
          analysis.copy(copyStart, token.start());
          analysis.write(token.start(), shape.insert());
          jdbc.append(shape.insert());
          copyStart = token.start();
        }
        if (shape.marks().contains(token.start())) {
          int jdbcEnd = jdbc.length() + (token.trivia() ? token.length() : 0);
          marks.add(new ParsedQuery.Mark(token.start(), jdbc.length(), jdbcEnd, bindings.size()));
        }
        Replacement replacement = replacements.get(token.start());
        if (replacement != null) {
          analysis.copy(copyStart, token.start());
          analysis.write(token.start(), replacement.text());
          jdbc.append(replacement.text());
          skipUntil = replacement.end();
          copyStart = replacement.end();
          continue;
        }
        Occurrence occurrence = byStart.get(token.start());
        if (occurrence != null) {
          analysis.copy(copyStart, token.start());
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
            int flag =
                Objects.requireNonNull(numberByKey.get(Occurrence.flagKey(occurrence.key())));
            String form = "CASE WHEN %s::boolean THEN %s ELSE " + occurrence.column() + " END";
            String expanded = String.format(form, "$" + flag, "$" + number) + separator;
            analysis.write(occurrence.start(), expanded);
            jdbc.append(String.format(form, "?", "?")).append(separator);
            bindings.add(flag);
            bindings.add(number);
            skipUntil = occurrence.end();
            copyStart = occurrence.end();
            continue;
          }
          String placeholder =
              lead + occurrence.prefix() + "$" + number + occurrence.suffix() + separator;
          analysis.write(occurrence.start(), placeholder);
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
          analysis.copy(copyStart, token.start());
          analysis.write(token.start(), " ");
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
      analysis.copy(copyStart, Math.max(copyStart, end));
      TokenList analysisTokens = analysis.tokens();
      return Optional.of(
          new ParsedQuery(
              query,
              analysisTokens.text(),
              jdbc.toString(),
              parameters,
              bindings,
              analysis.offsets(),
              embeds,
              marks,
              analysisTokens,
              StatementFacts.of(analysisTokens)));
    }
  }
}
