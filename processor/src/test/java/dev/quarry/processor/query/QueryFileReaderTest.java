package dev.quarry.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.syntax.Command;
import dev.quarry.processor.syntax.QueryDeclaration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryFileReaderTest {
  private Diagnostics diagnostics = new Diagnostics();

  private QueryFile read(String text) {
    return new QueryFileReader(diagnostics)
        .read(new SourceFile(Path.of("/p/queries/q.sql"), "queries/q.sql", text));
  }

  private Diagnostic onlyError() {
    assertEquals(1, diagnostics.all().size(), () -> "diagnostics: " + diagnostics.all());
    return diagnostics.all().get(0);
  }

  private void assertNoDiagnostics() {
    assertEquals(List.of(), diagnostics.all());
  }

  @Test
  void readsNamedQueriesWithOffsets() {
    String text =
        "-- name: GetUser :one\nSELECT * FROM users WHERE id = $1;\n\n"
            + "-- name: ListUsers :many\nSELECT * FROM users\n";
    QueryFile file = read(text);
    assertNoDiagnostics();
    assertEquals(2, file.queries().size());
    QueryDeclaration get = file.queries().get(0);
    assertEquals("GetUser", get.name());
    assertEquals(Command.ONE, get.command());
    assertEquals(0, get.headerOffset());
    assertEquals(text.indexOf(":one"), get.commandOffset());
    assertEquals("SELECT * FROM users WHERE id = $1", get.sql());
    assertEquals(text.indexOf("SELECT"), get.sqlStart());
    assertEquals(List.of(), get.docLines());
    QueryDeclaration list = file.queries().get(1);
    assertEquals("ListUsers", list.name());
    assertEquals(Command.MANY, list.command());
    assertEquals(text.indexOf("-- name: ListUsers"), list.headerOffset());
    assertEquals("SELECT * FROM users", list.sql());
    assertEquals("queries/q.sql:4:1", list.headerLocation().toString());
  }

  @Test
  void docLinesBetweenHeaderAndStatement() {
    String text =
        "-- A comment before the header is not documentation.\n"
            + "-- name: CreateCity :one\n"
            + "-- Create a new city.\n"
            + "--\n"
            + "--   Indented second line  \n"
            + "/* A block\n * comment */\n"
            + "INSERT INTO city (name) VALUES ($1) RETURNING *;";
    QueryDeclaration query = read(text).queries().get(0);
    assertNoDiagnostics();
    assertEquals(
        List.of("Create a new city.", "", "Indented second line", "A block", "comment"),
        query.docLines());
    assertEquals(text.indexOf("-- name:"), query.headerOffset());
  }

  @Test
  void blockCommentHeaders() {
    String text = "/* name: CountPilots :one */ SELECT COUNT(*) FROM pilots;";
    QueryDeclaration query = read(text).queries().get(0);
    assertNoDiagnostics();
    assertEquals("CountPilots", query.name());
    assertEquals(text.indexOf(":one"), query.commandOffset());
    assertEquals("SELECT COUNT(*) FROM pilots", query.sql());
  }

  @Test
  void skipsStatementsWithoutHeaderSilently() {
    String text =
        "CREATE TABLE t (id int);\n-- just a comment\nCREATE TYPE e AS ENUM ('a');\n"
            + "-- name: Get :one\nSELECT 1;\n";
    QueryFile file = read(text);
    assertNoDiagnostics();
    assertEquals(List.of("Get"), file.queries().stream().map(QueryDeclaration::name).toList());
  }

  @Test
  void readsEveryCommandIncludingUnsupportedOnes() {
    StringBuilder text = new StringBuilder();
    for (Command command : Command.values()) {
      text.append("-- name: Q")
          .append(command.name())
          .append(' ')
          .append(command.text())
          .append("\nSELECT 1;\n");
    }
    QueryFile file = read(text.toString());
    assertNoDiagnostics();
    assertEquals(
        List.of(Command.values()), file.queries().stream().map(QueryDeclaration::command).toList());
  }

  @Test
  void headerWithoutName() {
    QueryFile file = read("SELECT 0;\n-- name:\nSELECT 1;");
    Diagnostic error = onlyError();
    assertEquals(Problem.BAD_HEADER, error.problem());
    assertEquals("queries/q.sql:2:4", error.location().toString());
    assertTrue(error.message().contains("-- name: FindUserByEmail :one"), error.message());
    assertEquals(List.of(), file.queries());
  }

  @Test
  void headerWithOnlyACommand() {
    read("-- name: :one\nSELECT 1;");
    Diagnostic error = onlyError();
    assertEquals("queries/q.sql:1:10", error.location().toString());
    assertTrue(error.message().contains("no name before the command :one"), error.message());
  }

  @Test
  void invalidName() {
    read("-- name: Get-User :one\nSELECT 1;");
    Diagnostic error = onlyError();
    assertEquals(Problem.BAD_HEADER, error.problem());
    assertEquals("queries/q.sql:1:10", error.location().toString());
    assertTrue(error.message().contains("\"Get-User\" is not valid"), error.message());
  }

  @Test
  void nameStartingWithDigit() {
    read("-- name: 1Get :one\nSELECT 1;");
    assertEquals("queries/q.sql:1:10", onlyError().location().toString());
  }

  @Test
  void missingCommand() {
    read("\n-- name: GetUser\nSELECT 1;");
    Diagnostic error = onlyError();
    assertEquals(Problem.BAD_HEADER, error.problem());
    assertEquals("queries/q.sql:2:10", error.location().toString());
    assertTrue(error.message().contains("GetUser has no command"), error.message());
    assertTrue(error.message().contains(":one"), error.message());
  }

  @Test
  void unknownCommandSuggestsTheNearest() {
    read("-- name: GetUser :mnay\nSELECT 1;");
    Diagnostic error = onlyError();
    assertEquals(Problem.BAD_COMMAND, error.problem());
    assertEquals("queries/q.sql:1:18", error.location().toString());
    assertTrue(error.message().contains("did you mean :many?"), error.message());
    assertTrue(
        error.message().contains(":one, :many, :exec, :execrows, :execresult, :batchexec"),
        error.message());
  }

  @Test
  void unknownCommandFarFromAnyGetsNoSuggestion() {
    read("-- name: GetUser :whatever\nSELECT 1;");
    Diagnostic error = onlyError();
    assertEquals(Problem.BAD_COMMAND, error.problem());
    assertTrue(!error.message().contains("did you mean"), error.message());
  }

  @Test
  void commandWithoutColon() {
    read("-- name: GetUser one\nSELECT 1;");
    Diagnostic error = onlyError();
    assertEquals(Problem.BAD_COMMAND, error.problem());
    assertTrue(error.message().contains("did you mean :one?"), error.message());
    assertTrue(error.message().contains("starts with a colon"), error.message());
  }

  @Test
  void extraWordsAfterTheCommand() {
    QueryFile file = read("-- name: GetUser :one returns a user\nSELECT 1;");
    Diagnostic error = onlyError();
    assertEquals(Problem.BAD_HEADER, error.problem());
    assertEquals("queries/q.sql:1:23", error.location().toString());
    assertTrue(error.message().contains("\"returns\""), error.message());
    assertEquals(List.of(), file.queries());
  }

  @Test
  void headerAtEndOfFileWithoutStatement() {
    QueryFile file = read("-- name: A :one\nSELECT 1;\n\n-- name: B :one\n-- nothing here\n");
    Diagnostic error = onlyError();
    assertEquals(Problem.BAD_HEADER, error.problem());
    assertEquals("queries/q.sql:4:1", error.location().toString());
    assertTrue(error.message().contains("B has no statement after it"), error.message());
    assertEquals(List.of("A"), file.queries().stream().map(QueryDeclaration::name).toList());
  }

  @Test
  void headerFollowedByAnotherHeader() {
    QueryFile file = read("-- name: A :one\n\n-- name: B :many\nSELECT 1;");
    Diagnostic error = onlyError();
    assertEquals("queries/q.sql:1:1", error.location().toString());
    assertTrue(error.message().contains("A has no statement after it"), error.message());
    assertTrue(error.message().contains("line 3"), error.message());
    assertEquals(List.of("B"), file.queries().stream().map(QueryDeclaration::name).toList());
  }

  @Test
  void headerInsideAStatementMeansAMissingSemicolon() {
    read("-- name: A :one\nSELECT 1\n-- name: B :one\nSELECT 2;");
    Diagnostic error = onlyError();
    assertEquals("queries/q.sql:3:1", error.location().toString());
    assertTrue(error.message().contains("';'"), error.message());
  }

  @Test
  void commentsMentioningNamesAreNotHeaders() {
    QueryFile file =
        read(
            "-- name: A :one\nSELECT 1 -- the name: of the user\n, 2;\n-- names: x\n-- namespace: y\nSELECT 3;");
    assertNoDiagnostics();
    assertEquals(1, file.queries().size());
  }

  @Test
  void errorsInSeveralHeadersAreAllReported() {
    read("-- name: A :onne\nSELECT 1;\n-- name: B\nSELECT 2;\n-- name: C :one\nSELECT 3;");
    assertEquals(2, diagnostics.errorCount());
  }

  @Test
  void unterminatedThingsAreReportedAtTheirStart() {
    QueryFile file = read("-- name: A :one\nSELECT 'abc;\n-- name: B :one\nSELECT 2;");
    Diagnostic error = onlyError();
    assertEquals(Problem.SQL_ERROR, error.problem());
    assertEquals("queries/q.sql:2:8", error.location().toString());
    assertTrue(error.message().startsWith("unterminated string constant"), error.message());
    assertEquals(List.of(), file.queries());
  }

  @Test
  void unterminatedDollarQuoteCommentAndIdentifier() {
    read("-- name: A :one\nSELECT $body$ x;");
    assertTrue(onlyError().message().contains("close it with $body$"), onlyError().message());
    diagnosticsClear();
    read("-- name: A :one\nSELECT 1 /* x /* y */;");
    assertEquals("queries/q.sql:2:10", onlyError().location().toString());
    assertTrue(onlyError().message().startsWith("unterminated block comment"));
    diagnosticsClear();
    read("-- name: A :one\nSELECT \"x;");
    assertTrue(onlyError().message().startsWith("unterminated quoted identifier"));
  }

  private void diagnosticsClear() {
    diagnostics = new Diagnostics();
  }

  @Test
  void crlfTabsAndMultiByteCharactersGiveRightColumns() {
    // Columns count code points: the emoji (two UTF-16 chars) and the tab are one column each.
    read("-- name: A :one\r\nSELECT 1;\r\n\r\n/* é😀 */\t-- name:\tB\t:mnay\r\nSELECT 2;\r\n");
    assertEquals("queries/q.sql:4:21", onlyError().location().toString());
    diagnosticsClear();
    read("-- name: A :one\r\nSELECT 'é😀',\t'oops\r\n");
    assertEquals("queries/q.sql:2:14", onlyError().location().toString());
  }

  @Test
  void crlfFileOffsets() {
    String text =
        "-- name: A :one\r\n-- doc\r\nSELECT 1\r\n;\r\n-- name: B :exec\r\nDELETE FROM t;";
    QueryFile file = read(text);
    assertNoDiagnostics();
    assertEquals(List.of("doc"), file.queries().get(0).docLines());
    assertEquals("SELECT 1", file.queries().get(0).sql());
    assertEquals("DELETE FROM t", file.queries().get(1).sql());
    assertEquals("queries/q.sql:5:1", file.queries().get(1).headerLocation().toString());
  }

  @Test
  void headerAfterAStatementOnTheSameLine() {
    QueryFile file = read("SELECT 0; -- name: A :one\nSELECT 1;");
    assertNoDiagnostics();
    assertEquals("SELECT 1", file.queries().get(0).sql());
  }

  @Test
  void editDistance() {
    assertEquals(0, QueryFileReader.editDistance(":one", ":one"));
    assertEquals(2, QueryFileReader.editDistance(":mnay", ":many"));
    assertEquals(3, QueryFileReader.editDistance("kitten", "sitting"));
  }

  @Test
  void queriesBeforeAnUnterminatedStringAreStillRead() {
    QueryFile file =
        read("-- name: First :one\nSELECT 1;\n\n-- name: Broken :one\nSELECT 'oops;\n");
    assertEquals(1, file.queries().size(), "the query before the unclosed string");
    assertEquals("First", file.queries().get(0).name());
    assertEquals("queries/q.sql:5:8", onlyError().location().toString());
  }
}
