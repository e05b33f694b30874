package dev.quarry.processor.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.query.QueryFile;
import dev.quarry.processor.query.QueryFileReader;
import dev.quarry.processor.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterRewriterTest {
  private final Diagnostics diagnostics = new Diagnostics();

  private QueryDeclaration declare(String sql) {
    String text = "-- name: Q :many\n" + sql + ";\n";
    QueryFile file =
        new QueryFileReader(diagnostics)
            .read(new SourceFile(Path.of("/p/queries/q.sql"), "queries/q.sql", text));
    assertEquals(List.of(), diagnostics.all());
    return file.queries().get(0);
  }

  private ParsedQuery rewrite(String sql) {
    Optional<ParsedQuery> parsed = new ParameterRewriter().rewrite(declare(sql), diagnostics);
    assertEquals(List.of(), diagnostics.all());
    return parsed.orElseThrow();
  }

  private Diagnostic error(String sql) {
    Optional<ParsedQuery> parsed = new ParameterRewriter().rewrite(declare(sql), diagnostics);
    assertTrue(parsed.isEmpty());
    assertEquals(1, diagnostics.all().size(), () -> diagnostics.all().toString());
    Diagnostic error = diagnostics.all().get(0);
    assertEquals(Problem.BAD_PARAMETER, error.problem());
    return error;
  }

  private static List<String> names(ParsedQuery query) {
    return query.parameters().stream().map(Parameter::name).toList();
  }

  @Test
  void positionalParametersKeepTheirNumbers() {
    ParsedQuery query = rewrite("SELECT * FROM t WHERE b = $2 AND a = $1 OR c = $2");
    assertEquals("SELECT * FROM t WHERE b = $2 AND a = $1 OR c = $2", query.analysisSql());
    assertEquals("SELECT * FROM t WHERE b = ? AND a = ? OR c = ?", query.jdbcSql());
    assertEquals(List.of(2, 1, 2), query.jdbcBindings());
    assertEquals(List.of("a", "b"), names(query));
    assertEquals(List.of(1, 2), query.parameters().stream().map(Parameter::number).toList());
    assertFalse(query.parameters().get(0).explicitlyNamed());
  }

  @Test
  void namedParametersAreNumberedByFirstAppearance() {
    ParsedQuery query = rewrite("SELECT * FROM t WHERE b = @beta AND a = @alpha OR c = @beta");
    assertEquals("SELECT * FROM t WHERE b = $1 AND a = $2 OR c = $1", query.analysisSql());
    assertEquals("SELECT * FROM t WHERE b = ? AND a = ? OR c = ?", query.jdbcSql());
    assertEquals(List.of(1, 2, 1), query.jdbcBindings());
    assertEquals(List.of("beta", "alpha"), names(query));
    assertTrue(query.parameters().get(0).explicitlyNamed());
    assertFalse(query.parameters().get(0).nullable());
  }

  @Test
  void sqlcArgAndNargInEveryForm() {
    ParsedQuery query =
        rewrite(
            "SELECT sqlc.arg(a), SQLC.Arg ('b'), sqlc.arg(\"c\"), sqlc . narg ( d ), sqlc.narg('a'), @b");
    assertEquals("SELECT $1, $2, $3, $4, $1, $2", query.analysisSql());
    assertEquals(List.of("a", "b", "c", "d"), names(query));
    assertEquals(
        List.of(true, false, false, true),
        query.parameters().stream().map(Parameter::nullable).toList());
    assertEquals(List.of(1, 2, 3, 4, 1, 2), query.jdbcBindings());
  }

  @Test
  void spaceBeforeTheParenthesisAsInSqlcsBatchExample() {
    ParsedQuery query = rewrite("DELETE FROM books\nWHERE book_id = sqlc.arg (book_id)");
    assertEquals("DELETE FROM books\nWHERE book_id = $1", query.analysisSql());
    assertEquals(List.of("book_id"), names(query));
  }

  @Test
  void castsAfterParameters() {
    ParsedQuery query =
        rewrite("SELECT @id::bigint, sqlc.narg('now')::timestamptz, @tags::varchar(255)[]");
    assertEquals("SELECT $1::bigint, $2::timestamptz, $3::varchar(255)[]", query.analysisSql());
    assertEquals("SELECT ?::bigint, ?::timestamptz, ?::varchar(255)[]", query.jdbcSql());
  }

  @Test
  void jsonbQuestionMarkOperatorsAreDoubledForJdbc() {
    ParsedQuery query =
        rewrite(
            "SELECT '?', \"a?\", $$?$$ /* ? */ FROM t WHERE doc ? 'k' AND doc ?| @keys AND doc ?& array['a'] -- ?\n AND x = @x");
    assertEquals(
        "SELECT '?', \"a?\", $$?$$ /* ? */ FROM t WHERE doc ?? 'k' AND doc ??| ? AND doc ??& array['a'] -- ?\n AND x = ?",
        query.jdbcSql());
    assertEquals(
        "SELECT '?', \"a?\", $$?$$ /* ? */ FROM t WHERE doc ? 'k' AND doc ?| $1 AND doc ?& array['a'] -- ?\n AND x = $2",
        query.analysisSql());
    assertEquals(List.of(1, 2), query.jdbcBindings());
  }

  @Test
  void placeholdersStayApartFromWhatFollows() {
    // Both forms alike (found by fuzzing: the analysis SQL had "$2?'k'" where PgJDBC ran "$2
    // ?'k'"),
    // and two parameters written together stay two ("??" would be PgJDBC's escaped "?").
    ParsedQuery query =
        rewrite(
            "SELECT sqlc.arg(a)AS x, sqlc.arg(doc)?'k', sqlc.arg(doc)?|array['a'], sqlc.arg(c)@d");
    assertEquals("SELECT $1 AS x, $2 ?'k', $2 ?|array['a'], $3 $4", query.analysisSql());
    assertEquals("SELECT ? AS x, ? ??'k', ? ??|array['a'], ? ?", query.jdbcSql());
    assertEquals(List.of(1, 2, 2, 3, 4), query.jdbcBindings());
    String fileText = query.declaration().file().text();
    assertEquals(
        fileText.indexOf("AS x"), query.offsets().fileOffset(query.analysisSql().indexOf("AS x")));
  }

  @Test
  void dollarQuotesRightAfterADollarOrDigitStayDollarQuotesForPgJdbc() {
    // Found by fuzzing: PostgreSQL reads "$$$$$$a ? ;$$" as two dollar quotes, PgJDBC (which
    // takes a $ after a word character for part of the word) as one and then "a ? ;" as SQL.
    ParsedQuery query = rewrite("SELECT $$$$$$a ? ;$$, @x::int, 1$$b$$");
    assertEquals("SELECT $$$$ $$a ? ;$$, $1::int, 1 $$b$$", query.analysisSql());
    assertEquals("SELECT $$$$ $$a ? ;$$, ?::int, 1 $$b$$", query.jdbcSql());
    String fileText = query.declaration().file().text();
    assertEquals(
        fileText.indexOf("$$a"), query.offsets().fileOffset(query.analysisSql().indexOf("$$a")));
    // Nor does a parameter right after a lone $ become "$$1", a dollar quote's start.
    assertEquals("SELECT $ $1", rewrite("SELECT $sqlc.arg(a)").analysisSql());
  }

  @Test
  void operatorsWithAtSignAreNotParameters() {
    ParsedQuery query =
        rewrite("SELECT * FROM t WHERE tags @> @wanted AND x <@ y AND ts @@ to_tsquery(@q)");
    assertEquals(
        "SELECT * FROM t WHERE tags @> $1 AND x <@ y AND ts @@ to_tsquery($2)",
        query.analysisSql());
    assertEquals(List.of("wanted", "q"), names(query));
  }

  @Test
  void parametersInStringsAndCommentsAreNotParameters() {
    ParsedQuery query =
        rewrite("SELECT '@a $1', E'\\'@b', \"@c\" -- @d $2\n, $$ sqlc.arg(x) $$ /* @e */");
    assertEquals(List.of(), query.parameters());
    assertEquals(query.declaration().sql(), query.analysisSql());
  }

  @Test
  void offsetsMapBackToTheFileEvenAfterLongerNamesShrank() {
    String sql =
        "SELECT * FROM t WHERE a = @a_very_long_parameter_name AND b = sqlc.narg('other') AND c = 1";
    ParsedQuery query = rewrite(sql);
    String fileText = query.declaration().file().text();
    String analysis = query.analysisSql();
    // "c" after two rewrites that shortened the text.
    int inAnalysis = analysis.indexOf("c = 1");
    assertEquals(fileText.indexOf("c = 1"), query.offsets().fileOffset(inAnalysis));
    // Every character of "= 1" maps 1:1.
    assertEquals(
        fileText.indexOf("1", fileText.indexOf("c = 1")),
        query.offsets().fileOffset(inAnalysis + 4));
    // A replaced parameter maps to the start of the token it replaced, at any position inside it.
    int second = analysis.indexOf("$2");
    assertEquals(fileText.indexOf("sqlc.narg"), query.offsets().fileOffset(second));
    assertEquals(fileText.indexOf("sqlc.narg"), query.offsets().fileOffset(second + 1));
    assertEquals(fileText.indexOf("@a_very"), query.offsets().fileOffset(analysis.indexOf("$1")));
    // The start maps to the statement's first token.
    assertEquals(query.declaration().sqlStart(), query.offsets().fileOffset(0));
    assertEquals(fileText.indexOf("AND b"), query.offsets().fileOffset(analysis.indexOf("AND b")));
  }

  @Test
  void parameterFileOffsetsPointAtTheFirstOccurrence() {
    ParsedQuery query = rewrite("SELECT @x, @y, @x");
    String fileText = query.declaration().file().text();
    assertEquals(fileText.indexOf("@x"), query.parameters().get(0).fileOffset());
    assertEquals(fileText.indexOf("@y"), query.parameters().get(1).fileOffset());
  }

  @Test
  void namedParametersTakeTheLowestNumbersPositionalOnesLeave() {
    // As sqlc numbers them (param_set.go, nextArgNum): $n keep theirs, names fill the gaps.
    ParsedQuery query =
        rewrite(
            "SELECT * FROM t WHERE a = @a AND b = $2 AND c = sqlc.arg(c) AND d = $4 AND e = @a");
    assertEquals(
        "SELECT * FROM t WHERE a = $1 AND b = $2 AND c = $3 AND d = $4 AND e = $1",
        query.analysisSql());
    assertEquals(List.of("a", "b", "c", "d"), names(query));
    assertEquals(
        List.of(1, 2, 3, 1 + 3), query.parameters().stream().map(Parameter::number).toList());
    assertEquals(List.of(1, 2, 3, 4, 1), query.jdbcBindings());
  }

  @Test
  void aGapLeftByNamedAndPositionalParametersIsAnError() {
    Diagnostic error = error("SELECT * FROM t WHERE a = @a AND b = $3");
    assertEquals("queries/q.sql:2:38", error.location().toString());
    assertTrue(error.message().contains("parameter $2 is missing"), error.message());
    assertTrue(
        error.message().contains("named parameters take the lowest numbers no $n uses"),
        error.message());
  }

  @Test
  void gapsInPositionalNumbersAreAnError() {
    Diagnostic error = error("SELECT * FROM t WHERE a = $1 AND b = $3");
    assertEquals("queries/q.sql:2:38", error.location().toString());
    assertTrue(error.message().startsWith("parameter $2 is missing"), error.message());
  }

  @Test
  void severalGaps() {
    Diagnostic error = error("SELECT $4, $2");
    assertTrue(error.message().startsWith("parameters $1, $3 are missing"), error.message());
    assertEquals("queries/q.sql:2:12", error.location().toString());
  }

  @Test
  void dollarZero() {
    assertTrue(error("SELECT $0").message().contains("from $1"));
  }

  @Test
  void sqlcArgWithoutClosingParenthesis() {
    Diagnostic error = error("SELECT * FROM t WHERE a = sqlc.arg(a AND b = 1");
    assertEquals("queries/q.sql:2:27", error.location().toString());
    assertTrue(error.message().contains("missing its closing parenthesis"), error.message());
  }

  @Test
  void sqlcArgWithoutName() {
    Diagnostic error = error("SELECT sqlc.arg()");
    assertEquals("queries/q.sql:2:8", error.location().toString());
    assertTrue(error.message().contains("has no parameter name"), error.message());
  }

  @Test
  void sqlcArgWithoutParentheses() {
    assertTrue(error("SELECT sqlc.narg FROM t").message().contains("write sqlc.narg(name)"));
  }

  @Test
  void sqlcArgWithAnExpressionInsteadOfAName() {
    assertTrue(error("SELECT sqlc.arg(1)").message().contains("is not a parameter name"));
  }

  @Test
  void sqlcSliceBecomesOneArrayParameter() {
    ParsedQuery parsed =
        rewrite("SELECT * FROM t WHERE id IN (sqlc.slice(ids)) AND x NOT IN (sqlc.slice('xs'))");
    assertEquals("SELECT * FROM t WHERE id = ANY($1) AND x <> ALL($2)", parsed.analysisSql());
    assertEquals("SELECT * FROM t WHERE id = ANY(?) AND x <> ALL(?)", parsed.jdbcSql());
  }

  @Test
  void sqlcSliceOutsideInIsAnArrayValue() {
    ParsedQuery query =
        rewrite(
            "SELECT * FROM t WHERE (sqlc.slice(ids)::int[] IS NULL OR id = ANY(sqlc.slice(ids)::int[]))"
                + " AND tag = ANY(sqlc.slice(tags))");
    assertEquals(
        "SELECT * FROM t WHERE ($1::int[] IS NULL OR id = ANY($1::int[])) AND tag = ANY($2)",
        query.analysisSql());
    assertEquals(List.of("ids", "tags"), names(query));
    // Tested with IS NULL, a slice may be null ("no filter"); otherwise it may not.
    assertTrue(query.parameters().get(0).nullable());
    assertFalse(query.parameters().get(1).nullable());
  }

  @Test
  void sqlcEmbedBecomesTheTablesColumns() {
    ParsedQuery parsed = rewrite("SELECT sqlc.embed(t), u.x FROM t JOIN u ON true");
    assertEquals("SELECT t.*, u.x FROM t JOIN u ON true", parsed.jdbcSql());
    assertEquals("t", parsed.embeds().get(0).table());
  }

  @Test
  void unknownSqlcFunction() {
    assertTrue(error("SELECT sqlc.args(x)").message().contains("unknown function sqlc.args"));
  }

  @Test
  void aColumnOfATableCalledSqlcIsNoParameter() {
    assertEquals(List.of(), rewrite("SELECT sqlc.id FROM t sqlc").parameters());
  }

  // ---- name inference ----

  @Test
  void inferredFromComparisons() {
    assertEquals(
        List.of("id", "name", "age", "age_2", "score", "x", "y", "email", "login", "status"),
        names(
                rewrite(
                    "SELECT * FROM t WHERE id = $1 AND t.name <> $2 AND age >= $3 AND age < $4"
                        + " AND $5::int = t.score AND x != $6 AND y <= $7 AND email LIKE $8"
                        + " AND login NOT ILIKE $9 AND \"Status\" > $10"))
            .stream()
            .map(n -> n.equals("Status") ? "status" : n)
            .toList());
  }

  @Test
  void quotedColumnsGiveTheirUnquotedName() {
    assertEquals(
        List.of("Status", "userid"),
        names(rewrite("SELECT * FROM t WHERE \"Status\" = $1 AND UserId = $2")));
  }

  @Test
  void inferredFromInAndAny() {
    assertEquals(
        List.of("id", "id_2", "kind", "state"),
        names(
            rewrite(
                "SELECT * FROM t WHERE id IN ($1, $2) AND kind = ANY($3::text[]) AND state NOT IN ($4)")));
  }

  @Test
  void inferredFromUpdateSet() {
    assertEquals(
        List.of("title", "tags", "book_id", "isbn"),
        names(rewrite("UPDATE books\nSET title = $1, tags = $2, isbn = $4\nWHERE book_id = $3")));
  }

  @Test
  void inferredFromInsertColumnsIncludingMultiRowValues() {
    assertEquals(
        List.of("a", "b", "a_2", "b_2"),
        names(
            rewrite(
                "INSERT INTO s.t AS x (a, b, c) VALUES ($1, $2, now()), ($3, $4::int, now())")));
  }

  @Test
  void limitAndOffset() {
    assertEquals(
        List.of("id", "limit", "offset"),
        names(rewrite("SELECT * FROM t WHERE id > $1 ORDER BY id LIMIT $2 OFFSET $3")));
  }

  @Test
  void argNumberWhenNothingElseFits() {
    assertEquals(
        List.of("arg1", "arg2", "arg3"),
        names(
            rewrite("SELECT say_hello($1) FROM t WHERE tags && $2::varchar[] AND count(*) > $3")));
  }

  @Test
  void noNameFromKeywordsOrTypes() {
    assertEquals(
        List.of("arg1", "arg2", "arg3"),
        names(rewrite("SELECT CASE WHEN a THEN 1 END = $1, x::text = $2, $3 = lower(y)")));
  }

  @Test
  void inferredNamesNeverCollideWithArgFallbacks() {
    assertEquals(
        List.of("arg2", "arg2_2"), names(rewrite("SELECT * FROM t WHERE arg2 = $1 AND f($2)")));
  }

  @Test
  void sameParameterTwiceIsOneParameter() {
    ParsedQuery query = rewrite("DELETE FROM venue WHERE slug = $1 AND slug = $1");
    assertEquals(List.of("slug"), names(query));
    assertEquals(List.of(1, 1), query.jdbcBindings());
  }

  @Test
  void aLaterOccurrenceNamesAParameterWhenTheFirstCannot() {
    assertEquals(List.of("id"), names(rewrite("SELECT f($1) FROM t WHERE id = $1")));
  }
}
