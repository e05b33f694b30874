package dev.quarry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** How {@link CopyRows} encodes values in COPY's text format, without a database. */
class CopyRowsTest {

  /** The COPY text line of one row of these values. */
  private static String line(@Nullable Object... values) {
    StringBuilder line = new StringBuilder();
    CopyRows.Row row = new CopyRows.Row(line);
    for (Object value : values) {
      row.add(value);
    }
    return line.toString();
  }

  @Test
  void columnsAreTabSeparatedAndNullIsBackslashN() {
    assertEquals("1\t\\N\tx", line(1, null, "x"));
    assertEquals("\\N", line((Object) null));
  }

  @Test
  void emptyStringIsNotNull() {
    assertEquals("\t\\N\t", line("", null, ""));
  }

  @Test
  void tabNewlineCarriageReturnAndBackslashAreEscaped() {
    assertEquals("a\\tb\\nc\\rd\\\\e", line("a\tb\nc\rd\\e"));
    // A value that reads like COPY's markers stays a value.
    assertEquals("\\\\N", line("\\N"));
    assertEquals("\\\\.", line("\\."));
    assertEquals("NULL", line("NULL"));
  }

  @Test
  void integersOfEveryWidthAreTheirDecimalText() {
    assertEquals(
        "-32768\t2147483647\t-9223372036854775808\t0",
        line((short) -32768, Integer.MAX_VALUE, Long.MIN_VALUE, 0L));
  }

  @Test
  void scalarsUsePostgresTextForms() {
    assertEquals("t\tf", line(true, false));
    assertEquals("1000\t-0.50", line(new BigDecimal("1E+3"), new BigDecimal("-0.50")));
    assertEquals("\\\\x00ff5c", line((Object) new byte[] {0, (byte) 0xff, 0x5c}));
    assertEquals("\\\\x", line((Object) new byte[0]));
    assertEquals(
        "8c4b2f0e-6d7a-4c1e-9a3b-2f1e0d9c8b7a",
        line(UUID.fromString("8c4b2f0e-6d7a-4c1e-9a3b-2f1e0d9c8b7a")));
  }

  @Test
  void arrayElementsAreQuotedAndNullsAreBare() {
    assertEquals(
        "{\"a\",\"b,c\",NULL,\"NULL\",\"\"}",
        CopyRows.text(Arrays.asList("a", "b,c", null, "NULL", "")));
    assertEquals("{}", CopyRows.text(List.of()));
    assertEquals("{NULL}", CopyRows.text(Arrays.asList((Object) null)));
  }

  @Test
  void arrayQuotesAndBackslashesAreEscapedTwice() {
    // Array syntax escapes " and \ with a backslash; COPY then doubles every backslash.
    List<String> tricky = List.of("d\"e", "back\\slash", "{f}", "tab\there");
    assertEquals("{\"d\\\"e\",\"back\\\\slash\",\"{f}\",\"tab\there\"}", CopyRows.text(tricky));
    assertEquals("{\"d\\\\\"e\",\"back\\\\\\\\slash\",\"{f}\",\"tab\\there\"}", line(tricky));
  }

  @Test
  void nestedListsAreMultiDimensionalArrays() {
    assertEquals(
        "{{\"1\",\"2\"},{\"3\",NULL}}",
        CopyRows.text(List.of(List.of(1, 2), Arrays.asList(3, null))));
    assertEquals("{{{\"x\"}}}", CopyRows.text(List.of(List.of(List.of("x")))));
  }

  @Test
  void arraysOfByteArraysAndIntervals() {
    assertEquals("{\"\\\\x0102\"}", CopyRows.text(List.of(new byte[] {1, 2})));
    assertEquals(Interval.ofDays(3).toPostgres(), CopyRows.text(Interval.ofDays(3)));
  }
}
