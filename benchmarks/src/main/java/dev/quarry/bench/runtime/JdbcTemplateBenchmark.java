package dev.quarry.bench.runtime;

import static dev.quarry.bench.Workload.GET_ACCOUNT;
import static dev.quarry.bench.Workload.INSERT_ENTRY;
import static dev.quarry.bench.Workload.LIST_ACCOUNTS;

import dev.quarry.bench.Workload.Account;
import dev.quarry.bench.Workload.Entry;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring's {@link JdbcTemplate} on a {@link SingleConnectionDataSource} over the benchmark's
 * connection, with the same SQL, a row mapper reading columns by index, and argument types given
 * (so that Spring need not ask the driver for parameter metadata for a null memo). Batches run in a
 * {@link TransactionTemplate}, as a Spring application runs them.
 */
public class JdbcTemplateBenchmark extends RuntimeBenchmark {
  private static final int[] ENTRY_TYPES = {
    Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE
  };
  private static final RowMapper<Account> ACCOUNT = (rows, rowNumber) -> JdbcBenchmark.read(rows);

  private JdbcTemplate jdbc;
  private TransactionTemplate transactions;

  @Override
  protected void prepare() {
    SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
    jdbc = new JdbcTemplate(dataSource);
    transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  @Override
  protected Account getAccount(long id) {
    return jdbc.queryForObject(GET_ACCOUNT, ACCOUNT, id);
  }

  @Override
  protected List<Account> listAccounts(long afterId, int limit) {
    return jdbc.query(LIST_ACCOUNTS, ACCOUNT, afterId, (long) limit);
  }

  @Override
  protected void insertEntry(Entry entry) {
    jdbc.update(
        INSERT_ENTRY,
        new Object[] {entry.accountId(), entry.amount(), entry.memo(), entry.bookedAt()},
        ENTRY_TYPES);
  }

  @Override
  protected void insertBatch() {
    insertAll(batch);
  }

  @Override
  protected void bulkLoad() {
    insertAll(bulk);
  }

  private void insertAll(List<Entry> entries) {
    transactions.executeWithoutResult(
        status ->
            jdbc.batchUpdate(
                INSERT_ENTRY,
                new BatchPreparedStatementSetter() {
                  @Override
                  public void setValues(PreparedStatement statement, int i) throws SQLException {
                    Entry entry = entries.get(i);
                    statement.setLong(1, entry.accountId());
                    statement.setLong(2, entry.amount());
                    statement.setString(3, entry.memo());
                    statement.setObject(4, entry.bookedAt());
                  }

                  @Override
                  public int getBatchSize() {
                    return entries.size();
                  }
                }));
  }
}
