package dev.quarry.processor.query;

import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.diagnostics.Severity;
import dev.quarry.processor.diagnostics.SourceLocation;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.source.SourceReader;
import dev.quarry.processor.syntax.OffsetMap;
import dev.quarry.processor.syntax.Parameter;
import dev.quarry.processor.syntax.ParameterRewriter;
import dev.quarry.processor.syntax.ParsedQuery;
import dev.quarry.processor.syntax.QueryDeclaration;
import dev.quarry.processor.syntax.Token;
import dev.quarry.processor.syntax.TokenKind;
import dev.quarry.processor.syntax.TokenList;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

/**
 * What must hold for any bytes given to Quarry as a query file, checked by the fuzz test and by the
 * test over every real SQL file: reading and rewriting never throw; every diagnostic has a location
 * inside the file and one of the tags these stages report; queries and rewritten SQL stay inside
 * their file; and the rewritten SQL has exactly the parameters it claims, as PgJDBC (which runs it)
 * and a second rewrite count them.
 */
public final class QueryFileProperties {
  /** Where the fuzzed file pretends to live, relative to the project directory. */
  static final Path PROJECT = Path.of("/fuzz-project");

  static final Path FILE = PROJECT.resolve("queries/fuzz.sql");

  private static final Set<Problem> READER_PROBLEMS =
      Set.of(
          Problem.NOT_TEXT,
          Problem.NO_QUERIES,
          Problem.BAD_HEADER,
          Problem.BAD_COMMAND,
          Problem.SQL_ERROR,
          Problem.BAD_PARAMETER);

  private QueryFileProperties() {}

  /**
   * The number of queries that got through reading and rewriting; throws AssertionError on a
   * violation.
   */
  public static int check(byte[] bytes) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<SourceFile> decoded = new SourceReader(PROJECT, diagnostics).decode(FILE, bytes);
    SourceFile lenient = lenient(bytes);
    if (decoded.isEmpty()) {
      require(diagnostics.hasErrors(), "a file that was not read must have an error");
      checkDiagnostics(diagnostics, lenient);
      return 0;
    }
    SourceFile file = decoded.get();
    QueryFile read = new QueryFileReader(diagnostics).read(file);
    require(read.file() == file, "the query file keeps its source");
    int rewritten = 0;
    Set<String> names = new HashSet<>();
    int previousEnd = -1;
    for (QueryDeclaration query : read.queries()) {
      checkDeclaration(file, query, previousEnd);
      previousEnd = query.sqlEnd();
      names.add(query.name());
      Optional<ParsedQuery> parsed = new ParameterRewriter().rewrite(query, diagnostics);
      if (parsed.isPresent()) {
        checkRewrite(file, parsed.get());
        rewritten++;
      }
    }
    checkDiagnostics(diagnostics, file);
    return rewritten;
  }

  private static void checkDeclaration(SourceFile file, QueryDeclaration query, int previousEnd) {
    int length = file.text().length();
    require(
        0 <= query.headerOffset() && query.headerOffset() < query.sqlStart(),
        "header before the statement: " + query);
    require(
        query.sqlStart() < query.sqlEnd() && query.sqlEnd() <= length,
        "statement inside the file: " + query);
    require(
        query.sqlStart() > previousEnd, "queries in file order, not overlapping: " + query.name());
    require(
        query.commandOffset() > query.headerOffset() && query.commandOffset() < query.sqlStart(),
        "command inside the header: " + query.name());
    require(
        file.text().charAt(query.commandOffset()) == ':',
        "command offset at its colon: " + query.name());
    require(
        query.name().matches("[A-Za-z_][A-Za-z0-9_]*"),
        "query name is an identifier: " + query.name());
    for (String line : query.docLines()) {
      require(!line.contains("\n") && !line.contains("\r"), "doc lines are single lines: " + line);
    }
  }

  private static void checkRewrite(SourceFile file, ParsedQuery parsed) {
    QueryDeclaration query = parsed.declaration();
    String analysis = parsed.analysisSql();
    List<Parameter> parameters = parsed.parameters();
    List<Integer> bindings = parsed.jdbcBindings();

    // The prepared text's tokens, kept as it was written, are the tokens it lexes into; and the
    // statement's tokens are the file's tokens of its range, as lexing the range alone gives them.
    require(
        parsed.tokens().text().equals(analysis) && parsed.tokens().equals(TokenList.of(analysis)),
        "the kept tokens of the prepared text are its tokens: " + analysis);
    List<Token> alone = new ArrayList<>();
    for (Token token : TokenList.of(query.sql())) {
      alone.add(
          new Token(
              token.kind(), token.start() + query.sqlStart(), token.end() + query.sqlStart()));
    }
    require(
        query.tokens().equals(alone),
        "the statement's tokens are the file's tokens of its range: " + query.sql());

    // Parameters are numbered 1..n, each bound at least once, and every binding names one.
    for (int i = 0; i < parameters.size(); i++) {
      Parameter parameter = parameters.get(i);
      require(
          parameter.number() == i + 1, "parameters numbered from 1 without gaps: " + parameters);
      require(bindings.contains(parameter.number()), "parameter " + parameter + " is bound");
      require(
          parameter.fileOffset() >= query.sqlStart() && parameter.fileOffset() < query.sqlEnd(),
          "parameter inside its statement: " + parameter);
    }
    for (int number : bindings) {
      require(
          number >= 1 && number <= parameters.size(), "binding " + number + " names a parameter");
    }
    require(
        parameters.stream().map(Parameter::name).distinct().count() == parameters.size(),
        "parameter names unique: " + parameters);

    // The $n placeholders of the analysis SQL are exactly the bindings, in order.
    require(
        positionalNumbers(analysis).equals(bindings),
        "analysis SQL holds the bound placeholders " + bindings + ": " + analysis);

    // Every position of the analysis SQL maps back into the statement, in order.
    OffsetMap offsets = parsed.offsets();
    int previous = -1;
    for (int i = 0; i <= analysis.length(); i++) {
      int offset = offsets.fileOffset(i);
      require(
          offset >= query.sqlStart() && offset <= query.sqlEnd(),
          "position "
              + i
              + " maps into the statement ["
              + query.sqlStart()
              + ", "
              + query.sqlEnd()
              + "): "
              + offset);
      require(offset >= previous, "offsets never go backwards at " + i);
      previous = offset;
    }

    // PgJDBC, which runs the JDBC form, sees one placeholder per binding and turns it into the
    // analysis SQL once its $k are numbered as the bindings say.
    List<NativeQuery> native_;
    try {
      native_ = Parser.parseJdbcSql(parsed.jdbcSql(), true, true, false, false, false);
    } catch (SQLException e) {
      throw new AssertionError(
          "PgJDBC cannot parse the JDBC SQL " + parsed.jdbcSql() + ": " + e, e);
    }
    int placeholders = native_.stream().mapToInt(q -> q.bindPositions.length).sum();
    require(
        placeholders == bindings.size(),
        "PgJDBC finds "
            + placeholders
            + " placeholders, Quarry binds "
            + bindings.size()
            + ": "
            + parsed.jdbcSql());
    // (Only where parentheses balance: at a ';' after an unmatched ')' PgJDBC and psql, which
    // Quarry splits like, disagree; PostgreSQL rejects such a statement at build time anyway.)
    if (native_.size() == 1 && parenthesesBalance(analysis)) {
      String renumbered = renumber(native_.get(0).nativeSql, bindings);
      require(
          renumbered.equals(analysis),
          "PgJDBC's form of the JDBC SQL is the analysis SQL:\n  jdbc:     "
              + parsed.jdbcSql()
              + "\n  pgjdbc:   "
              + renumbered
              + "\n  analysis: "
              + analysis);
    }

    // Rewriting the rewritten statement again changes nothing: same text, same bindings.
    SourceFile rewrittenFile =
        new SourceFile(file.path(), file.displayPath(), "-- name: Again :exec\n" + analysis);
    Diagnostics diagnostics = new Diagnostics();
    QueryFile again = new QueryFileReader(diagnostics).read(rewrittenFile);
    if (again.queries().size() == 1 && again.queries().get(0).sql().equals(analysis)) {
      Optional<ParsedQuery> second =
          new ParameterRewriter().rewrite(again.queries().get(0), diagnostics);
      require(second.isPresent(), "the rewritten statement rewrites again: " + diagnostics.all());
      require(
          second.get().analysisSql().equals(analysis),
          "rewriting is idempotent:\n  " + analysis + "\n  " + second.get().analysisSql());
      require(second.get().jdbcBindings().equals(bindings), "same bindings after a second rewrite");
    }
  }

  private static boolean parenthesesBalance(String sql) {
    int depth = 0;
    for (Token token : TokenList.of(sql)) {
      if (token.kind() == TokenKind.LEFT_PAREN) {
        depth++;
      } else if (token.kind() == TokenKind.RIGHT_PAREN && --depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  /** The numbers of the {@code $n} tokens of {@code sql}, in order. */
  private static List<Integer> positionalNumbers(String sql) {
    List<Integer> numbers = new ArrayList<>();
    for (Token token : TokenList.of(sql)) {
      if (token.kind() == TokenKind.POSITIONAL_PARAMETER) {
        numbers.add(Integer.parseInt(token.text(sql).substring(1)));
      }
    }
    return numbers;
  }

  /** PgJDBC's {@code $k} (k-th placeholder) written as the parameter number bound there. */
  private static String renumber(String nativeSql, List<Integer> bindings) {
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (Token token : TokenList.of(nativeSql)) {
      if (token.kind() == TokenKind.POSITIONAL_PARAMETER) {
        int k = Integer.parseInt(token.text(nativeSql).substring(1));
        out.append(nativeSql, copied, token.start())
            .append('$')
            .append(k >= 1 && k <= bindings.size() ? bindings.get(k - 1) : -k);
        copied = token.end();
      }
    }
    return out.append(nativeSql.substring(copied)).toString();
  }

  private static void checkDiagnostics(Diagnostics diagnostics, SourceFile file) {
    int lines = file.lineOf(file.text().length());
    for (Diagnostic diagnostic : diagnostics.all()) {
      require(
          READER_PROBLEMS.contains(diagnostic.problem()), "unexpected tag: " + diagnostic.render());
      require(diagnostic.severity() != Severity.NOTE, "no notes: " + diagnostic.render());
      SourceLocation location = diagnostic.location();
      require(location != null, "every problem has a location: " + diagnostic.render());
      require(
          location.path().equals("queries/fuzz.sql"),
          "the location names the file: " + diagnostic.render());
      require(
          location.line() >= 1 && location.line() <= lines,
          "line inside the file (1.." + lines + "): " + diagnostic.render());
      int lineStart = file.offsetOfLine(location.line());
      int lineEnd =
          location.line() < lines ? file.offsetOfLine(location.line() + 1) : file.text().length();
      int lineLength = file.text().codePointCount(lineStart, lineEnd);
      require(
          location.column() >= 1 && location.column() <= lineLength + 1,
          "column inside line "
              + location.line()
              + " (1.."
              + (lineLength + 1)
              + "): "
              + diagnostic.render());
      require(!diagnostic.message().isBlank(), "a message says what is wrong");
    }
  }

  /**
   * The bytes decoded leniently (each bad sequence one replacement character), BOM dropped, to
   * measure lines.
   */
  private static SourceFile lenient(byte[] bytes) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new AssertionError(e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return new SourceFile(FILE, "queries/fuzz.sql", text);
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
  }
}
