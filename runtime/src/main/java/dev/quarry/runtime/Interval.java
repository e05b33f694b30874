package dev.quarry.runtime;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PGInterval;

/**
 * A PostgreSQL {@code interval}: months, days and microseconds kept apart as PostgreSQL keeps them,
 * because a month or a day is not a fixed number of seconds. {@link java.time.Duration} cannot hold
 * months, so Quarry maps {@code interval} to this type.
 */
public record Interval(int months, int days, long microseconds) {

  public static Interval ofMonths(int months) {
    return new Interval(months, 0, 0);
  }

  public static Interval ofDays(int days) {
    return new Interval(0, days, 0);
  }

  /** An interval of exactly {@code duration} (microsecond precision). */
  public static Interval of(Duration duration) {
    return new Interval(0, 0, duration.toNanos() / 1000);
  }

  /** The time part as a {@link Duration}; months and days are not included. */
  public Duration timePart() {
    return Duration.ofNanos(Math.multiplyExact(microseconds, 1000L));
  }

  /**
   * The driver's form, for binding. Not public: beside the static {@link #toPgInterval(Interval)}
   * that generated code calls, an instance method of the same name made {@code
   * Interval::toPgInterval} ambiguous.
   */
  private PGInterval pgInterval() {
    long seconds = microseconds / 1_000_000;
    long micros = microseconds % 1_000_000;
    int hours = (int) (seconds / 3600);
    int minutes = (int) ((seconds % 3600) / 60);
    double secs = (seconds % 60) + micros / 1_000_000.0;
    return new PGInterval(months / 12, months % 12, days, hours, minutes, secs);
  }

  /**
   * Converts the driver's form; SQL NULL gives null. (The driver reads a NULL interval as a {@code
   * PGInterval} whose value is null, not as null.)
   */
  public static @Nullable Interval from(@Nullable PGInterval pg) {
    if (pg == null || pg.getValue() == null) {
      return null;
    }
    int months = pg.getYears() * 12 + pg.getMonths();
    long micros =
        ((long) pg.getHours() * 3600L + (long) pg.getMinutes() * 60L + pg.getWholeSeconds())
                * 1_000_000L
            + pg.getMicroSeconds();
    return new Interval(months, pg.getDays(), micros);
  }

  /** The driver's form of a nullable interval, for binding. */
  public static @Nullable PGInterval toPgInterval(@Nullable Interval interval) {
    return interval == null ? null : interval.pgInterval();
  }

  /** PostgreSQL's input form, e.g. {@code 1 mons 2 days 3000000 microseconds}. */
  public String toPostgres() {
    return months + " mons " + days + " days " + microseconds + " microseconds";
  }

  @Override
  public String toString() {
    return toPostgres();
  }
}
