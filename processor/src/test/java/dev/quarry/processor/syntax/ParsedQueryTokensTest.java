package dev.quarry.processor.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.query.QueryFile;
import dev.quarry.processor.query.QueryFileReader;
import dev.quarry.processor.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tokens and facts a query carries from its one lexing to the later stages. */
class ParsedQueryTokensTest {
  private final Diagnostics diagnostics = new Diagnostics();

  private QueryFile read(String text) {
    QueryFile file =
        new QueryFileReader(diagnostics)
            .read(new SourceFile(Path.of("/p/queries/q.sql"), "queries/q.sql", text));
    assertEquals(List.of(), diagnostics.all());
    return file;
  }

  private ParsedQuery rewrite(String sql) {
    QueryDeclaration query = read("-- name: Q :many\n" + sql + ";\n").queries().get(0);
    ParsedQuery parsed = new ParameterRewriter().rewrite(query, diagnostics).orElseThrow();
    assertEquals(List.of(), diagnostics.all());
    return parsed;
  }

  private static List<String> texts(TokenList tokens) {
    return tokens.stream().map(tokens::text).toList();
  }

  @Test
  void queriesOfAFileShareItsTokensAndEachSeesItsOwnRange() {
    String text =
        "-- name: A :one\nSELECT 1 /* x */ ;\n-- name: B :many\nSELECT 'a;b' FROM t\n  /* end */;\n";
    QueryFile file = read(text);
    QueryDeclaration a = file.queries().get(0);
    QueryDeclaration b = file.queries().get(1);
    assertTrue(a.fileTokens() == b.fileTokens(), "one token list for the file");
    assertEquals(text, a.fileTokens().text());
    assertEquals(List.of("SELECT", " ", "1"), texts(a.tokens()));
    assertEquals(List.of("SELECT", "'a;b'", "FROM", "t"), texts(b.tokens().significant()));
    assertEquals(b.sqlStart(), b.tokens().get(0).start(), "file offsets");
    // What follows the statement up to its ';' is the file's too, for a block's closing marker.
    assertEquals(
        List.of("/* end */"),
        texts(b.tokensTo(text.lastIndexOf(';')).range(b.sqlEnd(), text.length())).stream()
            .filter(t -> !t.isBlank())
            .toList());
  }

  @Test
  void thePreparedTextKeepsTokensAsItIsWritten() {
    ParsedQuery query =
        rewrite(
            "SELECT sqlc.embed(u), x FROM u WHERE id IN (sqlc.slice(ids)) AND n = @name"
                + " AND a = sqlc.narg('A')");
    assertEquals(
        "SELECT u.*, x FROM u WHERE id = ANY($1) AND n = $2 AND a = $3", query.analysisSql());
    assertEquals(query.analysisSql(), query.tokens().text());
    assertEquals(SqlLexer.tokenize(query.analysisSql()), query.tokens());
    assertEquals(
        List.of(
            "SELECT", "u", ".", "*", ",", "x", "FROM", "u", "WHERE", "id", "=", "ANY", "(", "$1",
            ")", "AND", "n", "=", "$2", "AND", "a", "=", "$3"),
        texts(query.tokens().significant()));
  }

  @Test
  void factsAreReadFromThePreparedTokens() {
    ParsedQuery query =
        rewrite(
            "SELECT a.x FROM s.a LEFT JOIN \"B\" b ON b.id = a.id"
                + " WHERE a.m = @m::int[][] AND a.v = $2::pg_catalog.int4[][][] AND a.w = $3::int[]");
    StatementFacts facts = query.facts();
    assertEquals("select", facts.kind());
    assertEquals(Map.of(1, 2, 2, 3), facts.castDimensions());
    assertTrue(facts.mayNullExtend());
    assertTrue(facts.identifiers().containsAll(Set.of("a", "x", "s", "B", "b", "id", "m", "int")));
    assertFalse(facts.identifiers().contains("sqlc"));
    // Dots left out, so that "s.a" gives the pair (s, a); other tokens are "".
    assertEquals(
        List.of("select", "a", "x", "from", "s", "a", "left"), facts.names().subList(0, 7));
    assertEquals(List.of("B", "b", "on", "b", "id", "", "a", "id"), facts.names().subList(8, 16));
  }

  @Test
  void wordsInStringsCommentsAndParameterNamesAreNoFacts() {
    StatementFacts facts =
        rewrite("WITH q AS (SELECT 'left join' /* full */ AS c) SELECT c, sqlc.arg(cube) FROM q")
            .facts();
    assertEquals("with", facts.kind());
    assertFalse(facts.mayNullExtend(), facts.toString());
    assertFalse(facts.identifiers().contains("cube"));
    assertEquals(Map.of(), facts.castDimensions());
  }

  @Test
  void tokenListRangesSignificantTokensAndNames() {
    TokenList tokens = TokenList.of("select \"A\"\"b\", 'it''s' -- c\n from t");
    assertEquals(
        List.of("select", "\"A\"\"b\"", ",", "'it''s'", "from", "t"), texts(tokens.significant()));
    Token quoted = tokens.significant().get(1);
    assertEquals("A\"b", tokens.name(quoted));
    assertEquals("it's", tokens.stringValue(tokens.significant().get(3)));
    assertEquals(List.of("\"A\"\"b\"", ",", " "), texts(tokens.range(7, 15)));
    assertEquals(List.of(), tokens.range(8, 13), "no token starts inside a token");
    assertTrue(tokens.significant().isWord(0, "SELECT"));
    assertEquals(null, tokens.significant().kindAt(6));
  }

  @Test
  void aScriptSplitsItsRangesLikeLexingThemAlone() {
    String text =
        "-- up\nCREATE TABLE t (a int);\nINSERT INTO t VALUES (1);\n"
            + "\\set x 'oops\nSELECT 1;\n-- down\nDROP TABLE t;\n";
    SqlScript script =
        SqlScript.of(new SourceFile(Path.of("/p/migrations/1.sql"), "migrations/1.sql", text));
    int down = text.indexOf("-- down");
    int afterCommand = text.indexOf("SELECT 1") - 1;
    int midLine = text.indexOf("oops");
    for (int[] range :
        new int[][] {
          {0, down},
          {6, down},
          {7, down},
          {afterCommand, down},
          {midLine, down},
          {down, text.length()}
        }) {
      assertEquals(
          SqlLexer.splitStatements(text, range[0], range[1]),
          script.statements(range[0], range[1]),
          () -> text.substring(range[0], range[1]));
    }
    // The psql command's quote opens a string to the end of the file, as the file lexes: the
    // ranges inside it were lexed alone, as psql reads on after the command's line.
    assertEquals(List.of("-- up"), script.lineComments().stream().map(c -> c.text(text)).toList());
  }
}
