package dev.quarry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Dates and timestamps in the text form PostgreSQL reads and writes (COPY rows, composite
 * attributes), where Java's ISO form differs: years before 1 and after 9999, and infinity.
 */
class PgTextTest {

  @Test
  void ordinaryDatesAreIso() {
    assertEquals("2024-02-29", PgText.of(LocalDate.of(2024, 2, 29)));
    assertEquals(LocalDate.of(2024, 2, 29), PgText.toLocalDate("2024-02-29"));
    assertEquals(
        "2024-06-01T12:00:00.500Z",
        PgText.of(OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 500_000_000, ZoneOffset.UTC)));
    assertEquals(
        LocalDateTime.of(2024, 6, 1, 12, 0, 0, 500_000_000),
        PgText.toLocalDateTime("2024-06-01 12:00:00.5"));
  }

  @Test
  void yearsBeforeOneAreBc() {
    // ISO year 0 is 1 BC, as in the driver's LocalDate mapping.
    assertEquals("0001-01-01 BC", PgText.of(LocalDate.of(0, 1, 1)));
    assertEquals("0044-03-15 BC", PgText.of(LocalDate.of(-43, 3, 15)));
    assertEquals(LocalDate.of(-43, 3, 15), PgText.toLocalDate("0044-03-15 BC"));
    assertEquals("0044-03-15T10:00 BC", PgText.of(LocalDateTime.of(-43, 3, 15, 10, 0)));
    assertEquals(
        LocalDateTime.of(-43, 3, 15, 10, 0), PgText.toLocalDateTime("0044-03-15 10:00:00 BC"));
    assertEquals(
        "0001-01-01T00:00Z BC", PgText.of(OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
    assertEquals(
        OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
        PgText.toOffsetDateTime("0001-01-01 00:00:00+00 BC"));
  }

  @Test
  void yearsAfter9999HaveNoPlusSign() {
    assertEquals("10000-01-01", PgText.of(LocalDate.of(10_000, 1, 1)));
    assertEquals(LocalDate.of(10_000, 1, 1), PgText.toLocalDate("10000-01-01"));
    assertEquals(
        LocalDateTime.of(12_345, 6, 7, 8, 9, 10), PgText.toLocalDateTime("12345-06-07 08:09:10"));
    assertEquals(
        OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2)),
        PgText.toOffsetDateTime("10000-01-01 00:00:00+02"));
  }

  @Test
  void maxAndMinAreInfinity() {
    assertEquals("infinity", PgText.of(LocalDate.MAX));
    assertEquals("-infinity", PgText.of(LocalDate.MIN));
    assertEquals("infinity", PgText.of(LocalDateTime.MAX));
    assertEquals("-infinity", PgText.of(OffsetDateTime.MIN));
    assertEquals(LocalDate.MAX, PgText.toLocalDate("infinity"));
    assertEquals(LocalDateTime.MIN, PgText.toLocalDateTime("-infinity"));
    assertEquals(OffsetDateTime.MAX, PgText.toOffsetDateTime("infinity"));
    assertEquals("infinity", CopyRows.text(OffsetDateTime.MAX));
  }
}
