package dev.quarry.bench.runtime;

import dev.quarry.bench.Workload.Entry;
import dev.quarry.bench.db.AccountsQueries;
import dev.quarry.bench.db.LedgerQueries;
import dev.quarry.bench.db.LedgerQueries.CopyEntriesParams;
import dev.quarry.bench.db.LedgerQueries.InsertEntriesParams;
import dev.quarry.runtime.QueryRunner;
import java.util.List;

/**
 * Quarry's generated repositories ({@code benchmarks/queries}), built on the connection as an
 * application runs calls inside its own transaction. The bulk load is the {@code :copyfrom} method.
 */
public class QuarryBenchmark extends RuntimeBenchmark {
  private AccountsQueries accounts;
  private LedgerQueries ledger;
  private List<InsertEntriesParams> batchParams;
  private List<CopyEntriesParams> bulkParams;

  /** The runner the repositories are built on: the connection, without a listener. */
  protected QueryRunner runner() {
    return QueryRunner.of(connection);
  }

  @Override
  protected void prepare() {
    QueryRunner runner = runner();
    accounts = new AccountsQueries(runner);
    ledger = new LedgerQueries(runner);
    batchParams =
        batch.stream()
            .map(e -> new InsertEntriesParams(e.accountId(), e.amount(), e.memo(), e.bookedAt()))
            .toList();
    bulkParams =
        bulk.stream()
            .map(e -> new CopyEntriesParams(e.accountId(), e.amount(), e.memo(), e.bookedAt()))
            .toList();
  }

  @Override
  protected Object getAccount(long id) {
    return accounts.getAccount(id);
  }

  @Override
  protected Object listAccounts(long afterId, int limit) {
    return accounts.listAccounts(afterId, limit);
  }

  @Override
  protected void insertEntry(Entry entry) {
    ledger.insertEntry(entry.accountId(), entry.amount(), entry.memo(), entry.bookedAt());
  }

  @Override
  protected void insertBatch() {
    ledger.insertEntries(batchParams);
  }

  @Override
  protected void bulkLoad() {
    ledger.copyEntries(bulkParams);
  }
}
