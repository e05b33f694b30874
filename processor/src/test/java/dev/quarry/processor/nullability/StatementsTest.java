package dev.quarry.processor.nullability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import org.junit.jupiter.api.Test;

/**
 * Within a parsing session each statement text is parsed once (the analysis of one query asks for
 * it up to three times), and the answer is the same as without a session.
 */
class StatementsTest {
  private static final String SQL = "SELECT id, name FROM users WHERE id = $1";

  @Test
  @SuppressWarnings("try") // the sessions are opened for their effect on parsing
  void aSessionParsesEachTextOnce() {
    Statement outside = Statements.parsePlain(SQL).orElseThrow();
    try (Statements.Session session = Statements.session()) {
      Statement first = Statements.parsePlain(SQL).orElseThrow();
      assertSame(first, Statements.parsePlain(SQL).orElseThrow());
      assertSame(first, Statements.parse(SQL).orElseThrow());
      assertEquals(outside.toString(), first.toString());
      try (Statements.Session nested = Statements.session()) {
        assertSame(first, Statements.parsePlain(SQL).orElseThrow(), "a nested session shares");
      }
      assertSame(first, Statements.parsePlain(SQL).orElseThrow(), "closing a nested one keeps it");
    }
    assertNotSame(outside, Statements.parsePlain(SQL).orElseThrow());
  }

  @Test
  void statementsHandedOverAheadAreParsedInTheBackground() throws InterruptedException {
    String other = "SELECT count(*) FROM users WHERE name = $1";
    try (Statements.Session session = Statements.session()) {
      session.parseAhead(java.util.List.of(SQL, other));
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (!(session.parsed(SQL) && session.parsed(other)) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertTrue(session.parsed(SQL) && session.parsed(other), "not parsed in the background");
      Statement ahead = Statements.parsePlain(other).orElseThrow();
      assertSame(ahead, Statements.parsePlain(other).orElseThrow());
      assertEquals(
          "SELECT count(*) FROM users WHERE name = $1", ahead.toString(), "parsed as without");
    }
  }

  @Test
  @SuppressWarnings("try") // the sessions are opened for their effect on parsing
  void failuresAreRememberedAndTheQuotingFallbackStillWorks() {
    try (Statements.Session session = Statements.session()) {
      assertEquals(Optional.empty(), Statements.parsePlain("SELECT FROM WHERE ("));
      assertEquals(Optional.empty(), Statements.parsePlain("SELECT FROM WHERE ("));
      // errors is a JSqlParser keyword PostgreSQL takes as a column name.
      String keyword = "SELECT id, errors FROM river_job WHERE id = $1";
      assertEquals(Optional.empty(), Statements.parsePlain(keyword));
      assertTrue(Statements.parse(keyword).isPresent());
    }
  }

  @Test
  void aSessionStopsParsesThatRunPastTheirTimeLimit() throws InterruptedException {
    try (Statements.Session session = Statements.session()) {
      CCJSqlParser overdue = CCJSqlParserUtil.newParser("SELECT 1").withTimeOut(20);
      CCJSqlParser patient = CCJSqlParserUtil.newParser("SELECT 2");
      session.watch(overdue);
      session.watch(patient);
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!overdue.interrupted && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(overdue.interrupted, "the watchdog did not stop a parse past its time limit");
      Thread.sleep(500);
      assertFalse(patient.interrupted, "a parse within its time limit was stopped");
    }
  }
}
