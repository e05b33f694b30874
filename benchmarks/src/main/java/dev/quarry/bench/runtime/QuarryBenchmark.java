package dev.quarry.bench.runtime;

import dev.quarry.bench.Workload.Entry;
import dev.quarry.bench.db.AccountsQueries;
import dev.quarry.bench.db.LedgerQueries;
import dev.quarry.bench.db.LedgerQueries.CopyEntriesParams;
import dev.quarry.bench.db.LedgerQueries.InsertEntriesParams;
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

  @Override
  protected void prepare() {
    accounts = new AccountsQueries(connection);
    ledger = new LedgerQueries(connection);
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
