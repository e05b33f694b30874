package dev.quarry.bench.runtime;

import dev.quarry.bench.BenchDatabase;
import dev.quarry.bench.Workload;
import dev.quarry.bench.Workload.Entry;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The runtime benchmarks, the same for every implementation: each subclass implements the five
 * operations with one library, on the one connection this class opens for the whole run (so the
 * comparison is about the library layer, not about pools). The ledger table the write benchmarks
 * fill is emptied before every iteration. {@link Rounds} runs them; the iterations here are one
 * round's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public abstract class RuntimeBenchmark {
  private BenchDatabase database;
  protected Connection connection;
  protected List<Entry> batch;
  protected List<Entry> bulk;
  private long nextId;
  private long nextAfter;
  private int nextEntry;

  @Setup(Level.Trial)
  public void open() throws Exception {
    database = BenchDatabase.create();
    System.out.println("# database: " + database.description());
    connection = database.connect();
    batch = Workload.entries(Workload.BATCH_SIZE);
    bulk = Workload.entries(Workload.BULK_SIZE);
    prepare();
  }

  @Setup(Level.Iteration)
  public void emptyLedger() throws Exception {
    BenchDatabase.truncateLedger(connection);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    connection.close();
    database.close();
  }

  /** Builds the library's objects on {@link #connection}, and any input in its own types. */
  protected abstract void prepare() throws Exception;

  /** The account with this id. */
  protected abstract Object getAccount(long id) throws Exception;

  /** {@code limit} accounts after {@code afterId}, by id. */
  protected abstract Object listAccounts(long afterId, int limit) throws Exception;

  /** Inserts one entry (autocommit). */
  protected abstract void insertEntry(Entry entry) throws Exception;

  /** Inserts the {@link #batch} entries as one JDBC batch, in one transaction. */
  protected abstract void insertBatch() throws Exception;

  /** Loads the {@link #bulk} entries as fast as the library allows, in one transaction. */
  protected abstract void bulkLoad() throws Exception;

  @Benchmark
  public Object pointLookup() throws Exception {
    nextId = nextId % BenchDatabase.ACCOUNTS + 1;
    return getAccount(nextId);
  }

  @Benchmark
  public Object list100() throws Exception {
    nextAfter = (nextAfter + Workload.LIST_SIZE) % (BenchDatabase.ACCOUNTS - Workload.LIST_SIZE);
    return listAccounts(nextAfter, Workload.LIST_SIZE);
  }

  @Benchmark
  public void insertOne() throws Exception {
    insertEntry(batch.get(nextEntry));
    nextEntry = (nextEntry + 1) % batch.size();
  }

  @Benchmark
  public void batchInsert1000() throws Exception {
    insertBatch();
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  // Single shots warm the JIT slowly: a few shots more than the others need before they settle.
  @Warmup(iterations = 8)
  @Measurement(iterations = 4)
  public void bulkLoad100k() throws Exception {
    bulkLoad();
  }
}
