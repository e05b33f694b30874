package dev.quarry.bench.runtime;

import static dev.quarry.bench.Workload.GET_ACCOUNT;
import static dev.quarry.bench.Workload.INSERT_ENTRY;
import static dev.quarry.bench.Workload.LIST_ACCOUNTS;

import dev.quarry.bench.Workload.Account;
import dev.quarry.bench.Workload.Entry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written JDBC, the floor: what a careful person writes without a library, with the same
 * statements and connection handling as the generated code (a prepared statement per call, closed;
 * batches in a transaction of their own). The bulk load is a plain JDBC batch insert.
 */
public class JdbcBenchmark extends RuntimeBenchmark {
  @Override
  protected void prepare() {}

  @Override
  protected Account getAccount(long id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(GET_ACCOUNT)) {
      statement.setLong(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? read(rows) : null;
      }
    }
  }

  @Override
  protected List<Account> listAccounts(long afterId, int limit) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(LIST_ACCOUNTS)) {
      statement.setLong(1, afterId);
      statement.setLong(2, limit);
      try (ResultSet rows = statement.executeQuery()) {
        List<Account> accounts = new ArrayList<>();
        while (rows.next()) {
          accounts.add(read(rows));
        }
        return accounts;
      }
    }
  }

  @Override
  protected void insertEntry(Entry entry) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INSERT_ENTRY)) {
      bind(statement, entry);
      statement.executeUpdate();
    }
  }

  @Override
  protected void insertBatch() throws SQLException {
    insertAll(batch);
  }

  @Override
  protected void bulkLoad() throws SQLException {
    insertAll(bulk);
  }

  private void insertAll(List<Entry> entries) throws SQLException {
    connection.setAutoCommit(false);
    try (PreparedStatement statement = connection.prepareStatement(INSERT_ENTRY)) {
      for (Entry entry : entries) {
        bind(statement, entry);
        statement.addBatch();
      }
      statement.executeBatch();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static void bind(PreparedStatement statement, Entry entry) throws SQLException {
    statement.setLong(1, entry.accountId());
    statement.setLong(2, entry.amount());
    statement.setString(3, entry.memo());
    statement.setObject(4, entry.bookedAt());
  }

  static Account read(ResultSet rows) throws SQLException {
    return new Account(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3),
        rows.getLong(4),
        rows.getBoolean(5),
        rows.getObject(6, OffsetDateTime.class),
        rows.getString(7));
  }
}
