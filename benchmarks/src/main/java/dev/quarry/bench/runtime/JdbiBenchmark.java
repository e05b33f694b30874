package dev.quarry.bench.runtime;

import static dev.quarry.bench.Workload.GET_ACCOUNT;
import static dev.quarry.bench.Workload.INSERT_ENTRY;
import static dev.quarry.bench.Workload.LIST_ACCOUNTS;

import dev.quarry.bench.Workload.Account;
import dev.quarry.bench.Workload.Entry;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * JDBI 3's fluent core API on one {@link Handle} over the benchmark's connection, with the same SQL
 * (positional parameters), a row mapper reading columns by index, and batches in {@link
 * Handle#inTransaction}.
 */
public class JdbiBenchmark extends RuntimeBenchmark {
  private static final RowMapper<Account> ACCOUNT = (rows, context) -> JdbcBenchmark.read(rows);

  private Handle handle;

  @Override
  protected void prepare() {
    handle = Jdbi.open(connection);
  }

  @Override
  protected Account getAccount(long id) {
    return handle.createQuery(GET_ACCOUNT).bind(0, id).map(ACCOUNT).one();
  }

  @Override
  protected List<Account> listAccounts(long afterId, int limit) {
    return handle
        .createQuery(LIST_ACCOUNTS)
        .bind(0, afterId)
        .bind(1, (long) limit)
        .map(ACCOUNT)
        .list();
  }

  @Override
  protected void insertEntry(Entry entry) {
    handle
        .createUpdate(INSERT_ENTRY)
        .bind(0, entry.accountId())
        .bind(1, entry.amount())
        .bind(2, entry.memo())
        .bind(3, entry.bookedAt())
        .execute();
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
    handle.useTransaction(
        h -> {
          PreparedBatch insert = h.prepareBatch(INSERT_ENTRY);
          for (Entry entry : entries) {
            insert
                .bind(0, entry.accountId())
                .bind(1, entry.amount())
                .bind(2, entry.memo())
                .bind(3, entry.bookedAt())
                .add();
          }
          insert.execute();
        });
  }
}
