package dev.quarry.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the benchmarks read and write, the same for every implementation: the row type of {@code
 * accounts} as the hand-written implementations map it, and deterministic ledger entries.
 */
public final class Workload {
  private Workload() {}

  /** SQL shared by every implementation that takes SQL text: the statements Quarry generates. */
  public static final String GET_ACCOUNT =
      "SELECT id, email, name, balance, active, created_at, note FROM accounts WHERE id = ?";

  public static final String LIST_ACCOUNTS =
      "SELECT id, email, name, balance, active, created_at, note FROM accounts WHERE id > ? ORDER BY id LIMIT ?";
  public static final String INSERT_ENTRY =
      "INSERT INTO ledger (account_id, amount, memo, booked_at) VALUES (?, ?, ?, ?)";
  public static final String COPY_ENTRIES =
      "COPY ledger (account_id, amount, memo, booked_at) FROM STDIN";

  /** Rows per list query, batch insert and bulk load. */
  public static final int LIST_SIZE = 100;

  public static final int BATCH_SIZE = 1_000;
  public static final int BULK_SIZE = 100_000;

  /**
   * A row of {@code accounts}, for the implementations other than Quarry (which generates its own).
   */
  public record Account(
      long id,
      String email,
      String name,
      long balance,
      boolean active,
      OffsetDateTime createdAt,
      @Nullable String note) {}

  /** A row to insert into {@code ledger}. */
  public record Entry(
      long accountId, long amount, @Nullable String memo, OffsetDateTime bookedAt) {}

  private static final OffsetDateTime BASE =
      OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  /** {@code count} entries; every third has no memo. */
  public static List<Entry> entries(int count) {
    List<Entry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      entries.add(
          new Entry(
              i % BenchDatabase.ACCOUNTS + 1,
              (i * 37L) % 100_000,
              i % 3 == 0 ? null : "entry number " + i,
              BASE.plusSeconds(i)));
    }
    return List.copyOf(entries);
  }

  /** A comment, as every nested-results implementation maps it. */
  public record Comment(
      long id,
      long postId,
      String author,
      String body,
      @Nullable Short rating,
      OffsetDateTime createdAt) {}

  /** A post with its comments, as the hand-written and jOOQ implementations map it. */
  public record PostWithComments(
      long id, String title, OffsetDateTime createdAt, List<Comment> comments) {}
}
