package dev.quarry.processor.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitTest {

  private static List<String> statements(String text) {
    return SqlLexer.splitStatements(text).stream()
        .map(s -> text.substring(s.start(), s.end()))
        .toList();
  }

  @Test
  void splitsAtTopLevelSemicolons() {
    assertEquals(List.of("SELECT 1", "SELECT 2"), statements("SELECT 1; SELECT 2;"));
  }

  @Test
  void spanOffsetsFollowTheirJavadoc() {
    String text = "-- first\nSELECT 1 ;\n\n/* c */ SELECT 2";
    List<StatementSpan> spans = SqlLexer.splitStatements(text);
    assertEquals(new StatementSpan(0, 9, 17), spans.get(0));
    int afterSemicolon = text.indexOf(';') + 1;
    assertEquals(
        new StatementSpan(afterSemicolon, text.indexOf("SELECT 2"), text.length()), spans.get(1));
  }

  @Test
  void trailingStatementWithoutSemicolon() {
    assertEquals(
        List.of("SELECT 1", "SELECT 2 -- not trailing\n  FROM t"),
        statements("SELECT 1;\nSELECT 2 -- not trailing\n  FROM t\n-- trailing comment\n"));
  }

  @Test
  void skipsEmptyAndCommentOnlyStatements() {
    assertEquals(
        List.of("SELECT 1"), statements(";;\n-- only a comment\n;/* and */;SELECT 1;\n-- end\n"));
    assertEquals(List.of(), statements("  -- nothing\n/* at all */"));
    assertEquals(List.of(), statements(""));
  }

  @Test
  void semicolonsInsideStringsCommentsAndQuotesDoNotSplit() {
    String text = "SELECT ';', \";\", E'\\';', $$;$$, $f$ ; $f$ /* ; */ -- ;\n FROM t; SELECT 2";
    assertEquals(
        List.of("SELECT ';', \";\", E'\\';', $$;$$, $f$ ; $f$ /* ; */ -- ;\n FROM t", "SELECT 2"),
        statements(text));
  }

  @Test
  void semicolonsInsideParenthesesDoNotSplit() {
    assertEquals(
        List.of(
            "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); NOTIFY t)",
            "SELECT 1"),
        statements(
            "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); NOTIFY t); SELECT 1;"));
  }

  @Test
  void beginAtomicBodiesAreOneStatement() {
    String function =
        """
        CREATE FUNCTION grade(score int) RETURNS text
        LANGUAGE SQL
        BEGIN ATOMIC
          SELECT CASE WHEN score > 90 THEN 'A' ELSE 'B' END;
          INSERT INTO log VALUES (score);
        END""";
    String text = function + ";\nSELECT grade(95);\n";
    assertEquals(List.of(function, "SELECT grade(95)"), statements(text));
  }

  @Test
  void beginAtomicIsCaseInsensitiveAndCaseNests() {
    String function =
        "create procedure p() begin atomic select case when true then case when"
            + " false then 1 end end; end";
    assertEquals(List.of(function, "select 1"), statements(function + "; select 1"));
  }

  @Test
  void beginAtomicOutsideCreateFunctionIsNotABody() {
    // Found by fuzzing: "begin atomic" here is a column and its alias; taking it for a function
    // body swallowed every later statement of the file (psql looks for CREATE FUNCTION first).
    assertEquals(
        List.of("SELECT s.begin atomic FROM s", "SELECT 1"),
        statements("SELECT s.begin atomic FROM s; SELECT 1;"));
    String replaced =
        "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END";
    assertEquals(List.of(replaced, "SELECT 2"), statements(replaced + "; SELECT 2"));
  }

  @Test
  void transactionBeginIsAnOrdinaryStatement() {
    assertEquals(
        List.of("BEGIN", "UPDATE t SET a = 1", "END"),
        statements("BEGIN; UPDATE t SET a = 1; END;"));
  }

  @Test
  void crlfFiles() {
    String text = "-- a\r\nSELECT 1;\r\n-- b\r\nSELECT 2\r\n;\r\n";
    List<StatementSpan> spans = SqlLexer.splitStatements(text);
    assertEquals(2, spans.size());
    assertEquals("SELECT 1", text.substring(spans.get(0).start(), spans.get(0).end()));
    assertEquals("SELECT 2", text.substring(spans.get(1).start(), spans.get(1).end()));
    assertEquals(text.indexOf(';') + 1, spans.get(1).leadingStart());
  }

  @Test
  void unterminatedStringRunsToTheEnd() {
    assertEquals(
        List.of("SELECT 1", "SELECT 'oops; SELECT 3;"),
        statements("SELECT 1; SELECT 'oops; SELECT 3;"));
  }

  @Test
  void rangeSplitting() {
    String text = "SELECT 0; SELECT 1; SELECT 2; SELECT 3";
    int from = text.indexOf("SELECT 1");
    int to = text.indexOf("SELECT 3");
    List<StatementSpan> spans = SqlLexer.splitStatements(text, from, to);
    assertEquals(2, spans.size());
    assertEquals(from, spans.get(0).leadingStart());
    assertEquals("SELECT 2", text.substring(spans.get(1).start(), spans.get(1).end()));
  }
}
