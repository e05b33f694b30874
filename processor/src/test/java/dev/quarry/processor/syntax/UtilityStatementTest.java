package dev.quarry.processor.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.syntax.UtilityStatement.Check;
import org.junit.jupiter.api.Test;

/** Which statements are utility statements, and how each is checked beyond parsing. */
class UtilityStatementTest {

  private static UtilityStatement of(String sql) {
    return UtilityStatement.of(TokenList.of(sql))
        .orElseThrow(() -> new AssertionError("not utility: " + sql));
  }

  @Test
  void preparableStatementsAndTyposAreLeftToPostgres() {
    for (String sql :
        new String[] {
          "SELECT 1",
          "with x as (select 1) select * from x",
          "INSERT INTO t VALUES (1)",
          "(SELECT 1)",
          "VALUES (1)",
          "EXPLAIN SELECT 1",
          "SELEC 1",
          "MERGE INTO t USING u ON true"
        }) {
      assertTrue(UtilityStatement.of(TokenList.of(sql)).isEmpty(), sql);
    }
  }

  @Test
  void mostAreRunAsTheyAre() {
    UtilityStatement lock = of("lock table jobs in share mode");
    assertEquals("LOCK", lock.keyword());
    assertEquals(Check.RUN, lock.check());
    assertEquals("lock table jobs in share mode", lock.checkSql());
    assertEquals(7, lock.statementIndex(7));
    assertEquals(Check.RUN, of("SET LOCAL statement_timeout = '5s'").check());
    assertEquals(Check.RUN, of("NOTIFY ch, 'x'").check());
  }

  @Test
  void releaseAndRollbackToFirstMakeTheirSavepoint() {
    UtilityStatement release = of("RELEASE SAVEPOINT \"Before\"");
    assertEquals(Check.RUN, release.check());
    assertEquals("SAVEPOINT \"Before\"", release.setup());
    assertEquals("SAVEPOINT b", of("ROLLBACK TO b").setup());
    // A plain ROLLBACK is transaction control: parsed only.
    assertEquals(Check.PARSE_ONLY, of("ROLLBACK").check());
  }

  @Test
  void vacuumIsCheckedAsAnalyzeOfTheSameTablesWithPositionsMappedBack() {
    String sql = "VACUUM (VERBOSE, ANALYZE) jobs (state), queues";
    UtilityStatement vacuum = of(sql);
    assertEquals(Check.LOOK_UP, vacuum.check());
    assertEquals("ANALYZE jobs (state), queues", vacuum.checkSql());
    // "state" at index 14 of the check statement is index 32 of the query.
    assertEquals(sql.indexOf("state"), vacuum.statementIndex("ANALYZE jobs (".length()));
    assertEquals(-1, vacuum.statementIndex(2));
    assertEquals("ANALYZE t", of("vacuum full freeze t").checkSql());
  }

  @Test
  void refreshConcurrentlyIsCheckedWithoutConcurrently() {
    String sql = "REFRESH MATERIALIZED VIEW CONCURRENTLY counts";
    UtilityStatement refresh = of(sql);
    assertEquals("REFRESH MATERIALIZED VIEW  counts", refresh.checkSql());
    assertEquals(
        sql.indexOf("counts"), refresh.statementIndex(refresh.checkSql().indexOf("counts")));
    assertEquals(3, refresh.statementIndex(3));
  }

  @Test
  void transactionControlDiscardAndCallAreOnlyParsed() {
    for (String sql : new String[] {"BEGIN", "COMMIT", "DISCARD ALL", "CALL p($1)", "DO $$ $$"}) {
      assertEquals(Check.PARSE_ONLY, of(sql).check(), sql);
      assertNull(of(sql).checkSql(), sql);
    }
  }

  @Test
  void onlyCallTakesParametersAndTheOthersSayWhatToWriteInstead() {
    assertTrue(of("CALL p($1)").takesParameters());
    assertFalse(of("NOTIFY ch, 'x'").takesParameters());
    assertTrue(of("NOTIFY ch, 'x'").parameterAdvice().contains("pg_notify(@channel, @payload)"));
    assertTrue(of("SET x = 1").parameterAdvice().contains("set_config("));
  }
}
