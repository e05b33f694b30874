package dev.quarry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgRowsTest {
  record Item(long id, String name, List<Item> children) {}

  private static Item item(PgRows row) throws SQLException {
    return new Item(row.nextLong(), row.nextString(), row.nextList("items", PgRowsTest::item));
  }

  private static List<Item> read(String text) throws SQLException {
    return PgRows.list(text.getBytes(StandardCharsets.UTF_8), "items", PgRowsTest::item);
  }

  @Test
  void readsQuotedEscapedAndNestedRecords() throws SQLException {
    // As PostgreSQL writes ARRAY(SELECT (id, name, children)::items ...): quotes doubled in the
    // record, then backslash-escaped in the array.
    List<Item> items =
        read(
            "{\"(1,\\\"a \\\"\\\"b\\\"\\\", \\\\\\\\c\\\",{})\",\"(2,x,\\\"{\\\"\\\"(3,y,{})\\\"\\\"}\\\")\"}");
    assertEquals(2, items.size());
    assertEquals("a \"b\", \\c", items.get(0).name());
    assertEquals(List.of(), items.get(0).children());
    assertEquals(new Item(3, "y", List.of()), items.get(1).children().get(0));
  }

  @Test
  void nullArraysNullElementsAndExplicitBounds() throws SQLException {
    assertEquals(List.of(), PgRows.list(null, "items", PgRowsTest::item));
    assertEquals(List.of(), read("{}"));
    assertEquals(List.of(), read("{NULL}"));
    assertEquals(List.of(new Item(-5, "z", List.of())), read("[0:1]={NULL,\"(-5,z,{})\"}"));
  }

  @Test
  void wrongShapesAndNullsInNotNullAttributesAreErrors() {
    assertThrows(SQLException.class, () -> read("(1,a,{})"));
    assertThrows(SQLException.class, () -> read("{\"(1,a)\"}"));
    assertThrows(SQLException.class, () -> read("{\"(1,a,{},extra)\"}"));
    assertThrows(SQLException.class, () -> read("{\"(,a,{})\"}"));
    assertThrows(SQLException.class, () -> read("{\"(9223372036854775808,a,{})\"}"));
    assertThrows(SQLException.class, () -> read("{\"(1x,a,{})\"}"));
    assertThrows(SQLException.class, () -> read("{{\"(1,a,{})\"}}"));
  }

  @Test
  void timestampsWithTimeZoneReadInUtcAsTheDriverReadsColumns() throws SQLException {
    List<java.time.OffsetDateTime> times =
        PgRows.list(
            "{\"(\\\"2024-01-02 05:04:05+02\\\")\",\"(infinity)\"}"
                .getBytes(StandardCharsets.UTF_8),
            "t",
            row -> row.required(row.nextNullableOffsetDateTime()));
    assertEquals(java.time.OffsetDateTime.parse("2024-01-02T03:04:05Z"), times.get(0));
    assertEquals(java.time.OffsetDateTime.MAX, times.get(1));
  }

  @Test
  void timestampsOfEveryOffsetFormParseAsPgTextDoes() throws SQLException {
    String[] texts = {
      "2024-01-02 03:04:05+00",
      "2024-01-02 03:04:05.5+05:30",
      "2024-12-31 23:59:59.999999-03",
      "1900-01-01 00:00:00+00:19:32",
      "0044-03-15 12:00:00+00 BC",
      "12345-01-01 00:00:00+00",
      "-infinity"
    };
    StringBuilder array = new StringBuilder("{");
    for (String text : texts) {
      array.append(array.length() > 1 ? "," : "").append("\"(\\\"").append(text).append("\\\")\"");
    }
    List<java.time.OffsetDateTime> times =
        PgRows.list(
            array.append('}').toString().getBytes(StandardCharsets.UTF_8),
            "t",
            row -> row.required(row.nextNullableOffsetDateTime()));
    for (int i = 0; i < texts.length; i++) {
      java.time.OffsetDateTime expected = PgText.toOffsetDateTime(texts[i]);
      assertEquals(expected.toInstant(), times.get(i).toInstant(), texts[i]);
    }
    assertEquals(java.time.ZoneOffset.UTC, times.get(1).getOffset());
  }

  /** array_send of records (record_send), each attribute as OID, length, bytes. */
  private static byte[] binaryArray(byte[]... records) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(20);
    header.putInt(records.length == 0 ? 0 : 1).putInt(0).putInt(0).putInt(records.length).putInt(1);
    out.write(header.array(), 0, records.length == 0 ? 12 : 20);
    for (byte[] record : records) {
      out.write(
          java.nio.ByteBuffer.allocate(4).putInt(record == null ? -1 : record.length).array(),
          0,
          4);
      if (record != null) {
        out.write(record, 0, record.length);
      }
    }
    return out.toByteArray();
  }

  private static byte[] binaryRecord(long id, String name, byte[] children) {
    byte[] text = name.getBytes(StandardCharsets.UTF_8);
    return java.nio.ByteBuffer.allocate(4 + 16 + 8 + text.length + 8 + children.length)
        .putInt(3)
        .putInt(20)
        .putInt(8)
        .putLong(id)
        .putInt(25)
        .putInt(text.length)
        .put(text)
        .putInt(0)
        .putInt(children.length)
        .put(children)
        .array();
  }

  @Test
  void readsTheBinaryFormatNestedAndWithNullElements() throws SQLException {
    byte[] inner = binaryArray(binaryRecord(3, "y", binaryArray()));
    byte[] outer =
        binaryArray(binaryRecord(-1, "ü \"x\"", binaryArray()), null, binaryRecord(2, "", inner));
    List<Item> items = PgRows.list(outer, "items", PgRowsTest::item);
    assertEquals(
        List.of(
            new Item(-1, "ü \"x\"", List.of()),
            new Item(2, "", List.of(new Item(3, "y", List.of())))),
        items);
    assertEquals(List.of(), PgRows.list(binaryArray(), "items", PgRowsTest::item));
  }

  @Test
  void readsArrayAttributesFromText() throws SQLException {
    List<List<String>> lists =
        PgRows.list(
            "{\"(\\\"{a,\\\"\\\"b c\\\"\\\",NULL,\\\"\\\"NULL\\\"\\\"}\\\")\",\"()\"}"
                .getBytes(StandardCharsets.UTF_8),
            "t",
            row -> row.nextNullableValues(PgText::toString));
    assertEquals(java.util.Arrays.asList("a", "b c", null, "NULL"), lists.get(0));
    assertEquals(
        java.time.OffsetDateTime.parse("2024-01-02T03:04:05Z"),
        PgRows.toUtcOffsetDateTime("2024-01-02 08:34:05+05:30"));
    assertEquals(null, lists.get(1));
  }
}
