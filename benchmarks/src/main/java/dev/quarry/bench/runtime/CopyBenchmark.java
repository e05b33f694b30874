package dev.quarry.bench.runtime;

import dev.quarry.bench.BenchDatabase;
import dev.quarry.bench.Workload;
import dev.quarry.bench.Workload.Entry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The floor for Quarry's {@code :copyfrom}: the same 100,000 rows through pgjdbc's COPY API,
 * encoded by hand in COPY's text format (escaping included) and sent in 64 KiB chunks, as Quarry's
 * runtime does.
 */
@State(Scope.Benchmark)
@Fork(1)
public class CopyBenchmark {
  private static final int CHUNK = 64 * 1024;

  private BenchDatabase database;
  private Connection connection;
  private List<Entry> bulk;

  @Setup(Level.Trial)
  public void open() throws Exception {
    database = BenchDatabase.create();
    connection = database.connect();
    bulk = Workload.entries(Workload.BULK_SIZE);
  }

  @Setup(Level.Iteration)
  public void emptyLedger() throws SQLException {
    BenchDatabase.truncateLedger(connection);
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    connection.close();
    database.close();
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  // Single shots warm the JIT slowly: a few shots more than the others need before they settle.
  @Warmup(iterations = 8)
  @Measurement(iterations = 4)
  public long bulkLoad100k() throws SQLException {
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(Workload.COPY_ENTRIES);
    try {
      StringBuilder buffer = new StringBuilder(CHUNK + 1024);
      for (Entry entry : bulk) {
        buffer.append(entry.accountId()).append('\t').append(entry.amount()).append('\t');
        if (entry.memo() == null) {
          buffer.append("\\N");
        } else {
          escape(entry.memo(), buffer);
        }
        buffer.append('\t');
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.formatTo(entry.bookedAt(), buffer);
        buffer.append('\n');
        if (buffer.length() >= CHUNK) {
          send(copy, buffer);
        }
      }
      send(copy, buffer);
      return copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private static void send(CopyIn copy, StringBuilder buffer) throws SQLException {
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    buffer.setLength(0);
  }

  private static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
  }
}
