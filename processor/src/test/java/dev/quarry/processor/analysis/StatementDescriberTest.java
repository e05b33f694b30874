package dev.quarry.processor.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.quarry.processor.analysis.StatementDescriber.Column;
import dev.quarry.processor.analysis.StatementDescriber.Described;
import dev.quarry.processor.analysis.StatementDescriber.Failed;
import dev.quarry.processor.analysis.StatementDescriber.Request;
import dev.quarry.processor.config.DatabaseChoice;
import dev.quarry.processor.database.DatabaseLauncher;
import dev.quarry.processor.database.SchemaDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * The describer against embedded PostgreSQL: types by OID (a quoted mixed-case enum included),
 * table OIDs and column numbers, statements PREPARE refuses, and a failed statement that costs the
 * others nothing.
 */
class StatementDescriberTest {
  private static SchemaDatabase database;
  private static Connection connection;

  @BeforeAll
  static void start() throws Exception {
    database = DatabaseLauncher.start(new DatabaseChoice.Embedded(), 17);
    connection = database.connect();
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TYPE \"LeaseKind\" AS ENUM ('Short', 'Long');"
              + "CREATE SCHEMA \"Billing\";"
              + "CREATE TABLE \"Billing\".\"Lease\" (\"Id\" bigint PRIMARY KEY, \"Kind\" \"LeaseKind\" NOT NULL)");
    }
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    database.close();
  }

  private static int oid(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getInt(1);
    }
  }

  @Test
  void typesTablesAndColumnsComeAsOids() throws SQLException {
    int enumOid = oid("SELECT oid FROM pg_type WHERE typname = 'LeaseKind'");
    int tableOid = oid("SELECT oid FROM pg_class WHERE relname = 'Lease'");
    List<StatementDescriber.Answer> answers =
        new StatementDescriber(connection)
            .describe(
                List.of(
                    Request.inferring(
                        "SELECT \"Id\", \"Kind\", $2::\"LeaseKind\" AS k FROM \"Billing\".\"Lease\""
                            + " WHERE \"Kind\" = $1",
                        2),
                    Request.inferring("SAVEPOINT before_lease", 0),
                    Request.inferring("UPDATE \"Billing\".\"Lease\" SET \"Kind\" = $1", 1)));
    Described select = assertInstanceOf(Described.class, answers.get(0));
    assertArrayEquals(new int[] {enumOid, enumOid}, select.parameterTypes());
    assertEquals(
        List.of(
            new Column("Id", 20, tableOid, 1),
            new Column("Kind", enumOid, tableOid, 2),
            new Column("k", enumOid, 0, 0)),
        select.columns());
    Described savepoint = assertInstanceOf(Described.class, answers.get(1));
    assertNull(savepoint.columns());
    Described update = assertInstanceOf(Described.class, answers.get(2));
    assertArrayEquals(new int[] {enumOid}, update.parameterTypes());
    assertNull(update.columns());
  }

  @Test
  void aFailedStatementCostsTheOthersNothing() throws SQLException {
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      requests.add(
          Request.inferring(
              i % 150 == 7 ? "SELECT nope FROM \"Billing\".\"Lease\"" : "SELECT $1::int + " + i,
              i % 150 == 7 ? 0 : 1));
    }
    List<StatementDescriber.Answer> answers = new StatementDescriber(connection).describe(requests);
    assertEquals(600, answers.size());
    for (int i = 0; i < 600; i++) {
      if (i % 150 == 7) {
        Failed failed = assertInstanceOf(Failed.class, answers.get(i));
        PSQLException error = assertInstanceOf(PSQLException.class, failed.error());
        assertEquals("42703", error.getSQLState());
        assertEquals(8, error.getServerErrorMessage().getPosition());
      } else {
        Described described = assertInstanceOf(Described.class, answers.get(i), "statement " + i);
        assertArrayEquals(new int[] {23}, described.parameterTypes());
      }
    }
  }

  @Test
  void declaredTypesAreSentAsOids() throws SQLException {
    List<StatementDescriber.Answer> answers =
        new StatementDescriber(connection)
            .describe(List.of(new Request("SELECT $1 AS x", new int[] {600})));
    Described described = assertInstanceOf(Described.class, answers.get(0));
    assertArrayEquals(new int[] {600}, described.parameterTypes());
    assertEquals(600, described.columns().get(0).typeOid());
  }
}
