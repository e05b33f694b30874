package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.QueryException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Injection attempts through every kind of parameter, against embedded PostgreSQL: values that look
 * like SQL, COPY syntax, array or record syntax, JSON, or PgJDBC placeholders are written through
 * generated code (text, varchar, numeric, text[], sqlc.slice, sqlc.narg, enum, json, jsonb,
 * composite, bytea parameters, :batchexec parameter sets and :copyfrom rows) and must come back
 * exactly, match only themselves, add exactly the rows written, and leave the table {@code canary}
 * as it was. The {@code injection} case holds the schema and queries.
 */
class InjectionEndToEndTest {
  private static final Path CASE = CompileCaseTest.CASES.resolve("injection");
  private static final String PACKAGE = CompileCaseTest.PACKAGE + ".";
  private static final String EVIL_LABEL = "o'brien; DROP TABLE canary; --";

  /** Strings that would change a statement if any layer pasted them into SQL or COPY text. */
  static final List<String> PAYLOADS =
      List.of(
          "'); DROP TABLE canary; --",
          "' OR '1'='1",
          "\"; DROP TABLE canary; --",
          "x'; DELETE FROM notes; SELECT '",
          "$$; DROP TABLE canary; $$",
          "$tag$ DROP TABLE canary $tag$",
          "?",
          "??",
          "? ?| ?&",
          "$1",
          "$2::int",
          "@body",
          ":body",
          "sqlc.arg(body)",
          "sqlc.slice(bodies)",
          "/* comment */",
          "*/ DROP TABLE canary /*",
          "-- comment",
          "; COMMIT; DROP TABLE canary; BEGIN;",
          "\\",
          "\\\\",
          "\\.",
          "\\.\n",
          "a\n\\.\nb",
          "\\N",
          "NULL",
          "null",
          "",
          " ",
          "\t",
          "\n",
          "\r\n",
          "\r",
          "tab\there",
          "line\nbreak",
          "\\t\\n\\r",
          "E'\\x41'",
          "\\x41",
          "\\\\x41",
          "{a,b}",
          "{\"a\",NULL}",
          "(a,b)",
          "(\"a\",\"b\")",
          "\"quoted\"",
          "O'Brien",
          "''",
          "' '",
          "日本語",
          "😀 emoji",
          "é",
          "e\u0301",
          "\u2028\u2029",
          "\uFEFFbom",
          "\u0001\u001f control",
          "\u007f",
          "x".repeat(10_000));

  private static GeneratedRepository generated;
  private static Object repository;
  private static final AtomicInteger MARKERS = new AtomicInteger();
  private long notesBefore;

  @BeforeAll
  static void compileAndMigrate() throws Exception {
    generated = new GeneratedRepository(CASE);
    repository = generated.repository("NotesQueries");
  }

  @AfterAll
  static void stop() {
    if (generated != null) {
      generated.close();
    }
  }

  @BeforeEach
  void countNotes() throws Exception {
    notesBefore = count();
  }

  @AfterEach
  void canaryIsUntouched() throws Exception {
    assertEquals(1L, call("countCanaries", Map.of()));
    try (Connection connection = generated.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id FROM canary")) {
      assertTrue(rows.next());
      assertEquals(1, rows.getInt(1));
    }
  }

  @Test
  void everyParameterKindRoundTripsAndMatchesOnlyItself() throws Exception {
    Object evil = mood(EVIL_LABEL);
    List<Long> ids = new ArrayList<>();
    for (String payload : PAYLOADS) {
      String title = payload.length() <= 200 ? payload : payload.substring(0, 200);
      List<String> tags = List.of(payload, "NULL", "", "{x}", "a,b", "\"", "\\");
      BigDecimal amount = new BigDecimal("12345678901234567890.000000000001");
      Object pair = pair(payload, amount);
      byte[] data = bytes(payload);
      Map<String, Object> values =
          args(
              "body",
              payload,
              "title",
              title,
              "amount",
              amount,
              "score",
              Double.NaN,
              "count",
              Integer.MIN_VALUE,
              "tags",
              tags,
              "mood",
              evil,
              "doc",
              json(payload) + " ",
              "docb",
              json(payload),
              "pair",
              pair,
              "data",
              data);
      Object note = call("createNote", values);
      long id = (long) get(note, "id");
      ids.add(id);
      Object read = ((Optional<?>) call("getNote", Map.of("id", id))).orElseThrow();
      for (Object row : List.of(note, read)) {
        assertEquals(payload, get(row, "body"), "body");
        assertEquals(title, get(row, "title"), "title");
        assertEquals(0, amount.compareTo((BigDecimal) get(row, "amount")), "amount");
        assertEquals(Double.NaN, get(row, "score"));
        assertEquals(Integer.MIN_VALUE, get(row, "count"));
        assertEquals(tags, get(row, "tags"), "text[] elements, \"NULL\" included, stay strings");
        assertEquals(evil, get(row, "mood"));
        assertEquals(json(payload) + " ", get(row, "doc"), "json keeps its text");
        assertEquals(json(payload), get(row, "docb"), "jsonb");
        assertEquals(payload, get(get(row, "pair"), "label"), "composite attribute");
        assertArrayEquals(data, (byte[]) get(row, "data"), "bytea");
      }

      assertOnly(id, "notesByBody", Map.of("body", payload), "body", payload);
      assertOnly(id, "notesByTitle", args("title", title), "title", title);
      assertOnly(
          id, "notesByBodies", Map.of("bodies", List.of(payload, "x' OR '1'='1")), "body", payload);
      assertOnly(id, "notesWithTags", Map.of("tags", tags), "tags", tags);
      assertOnly(id, "notesByDoc", Map.of("docb", json(payload)), "docb", json(payload));
      assertOnly(id, "notesByPair", Map.of("pair", pair), "pair", pair);
      List<?> tagged = (List<?>) call("notesWithTag", Map.of("tag", payload));
      assertTrue(tagged.contains(id), payload);
      for (Object other : tagged) {
        assertTrue(
            ((List<?>) get(note((long) other), "tags")).contains(payload),
            "only rows tagged " + payload);
      }
    }
    List<?> byMood = (List<?>) call("notesByMood", Map.of("mood", evil));
    assertTrue(byMood.containsAll(ids), "the enum label that reads like SQL is a value");
    assertEquals(
        List.of(),
        call("notesByBodies", Map.of("bodies", List.of())),
        "an empty slice matches nothing");
    List<?> nullTitles = (List<?>) call("notesByTitle", args("title", null));
    for (Object other : nullTitles) {
      assertNull(get(note((long) other), "title"), "a null narg binds SQL NULL");
    }
    assertEquals(notesBefore + PAYLOADS.size(), count(), "exactly the rows written");
  }

  @Test
  void nullableParametersTakeNullAndPayloads() throws Exception {
    Object note =
        call(
            "createNote",
            args(
                "body",
                "nulls",
                "title",
                null,
                "amount",
                null,
                "score",
                null,
                "count",
                null,
                "tags",
                List.of(),
                "mood",
                null,
                "doc",
                null,
                "docb",
                null,
                "pair",
                pair(null, null),
                "data",
                null));
    Object read = note((long) get(note, "id"));
    for (String column :
        List.of("title", "amount", "score", "count", "mood", "doc", "docb", "data")) {
      assertNull(get(read, column), column);
    }
    Object pair = get(read, "pair");
    assertTrue(pair == null || get(pair, "label") == null, String.valueOf(pair));
    assertEquals(notesBefore + 1, count());
  }

  @Test
  void textWithNulIsRejectedCleanly() throws Exception {
    // PostgreSQL's text cannot hold NUL: the driver refuses the value, nothing is half written.
    QueryException failure =
        assertThrows(
            QueryException.class,
            () -> call("notesByBody", Map.of("body", "a\u0000b'); DROP TABLE canary; --")));
    assertTrue(failure.getMessage().contains("NotesByBody"), failure.getMessage());
    assertEquals(notesBefore, count());
    // bytea holds NUL bytes fine.
    byte[] data = {0, 39, 59, 92, 0};
    Object note =
        call(
            "createNote",
            args(
                "body", "bytes", "title", null, "amount", null, "score", null, "count", null,
                "tags", List.of(), "mood", null, "doc", null, "docb", null, "pair", null, "data",
                data));
    assertArrayEquals(data, (byte[]) get(note((long) get(note, "id")), "data"));
  }

  @Test
  void batchExecParameterSetsStayValues() throws Exception {
    String marker = marker();
    List<Object> sets = new ArrayList<>();
    for (String payload : PAYLOADS) {
      sets.add(newRecord("NotesQueries$AddNotesParams", Map.of("body", payload, "title", marker)));
    }
    long[] counts = (long[]) call("addNotes", Map.of("params", sets));
    long[] ones = new long[PAYLOADS.size()];
    Arrays.fill(ones, 1L);
    assertArrayEquals(ones, counts);
    assertEquals(PAYLOADS, bodies(marker));
    assertEquals(notesBefore + PAYLOADS.size(), count());
  }

  @Test
  void copyFromRowsStayValues() throws Exception {
    String marker = marker();
    Object evil = mood(EVIL_LABEL);
    List<Object> rows = new ArrayList<>();
    for (String payload : PAYLOADS) {
      Map<String, Object> row =
          args(
              "body",
              payload,
              "title",
              marker,
              "tags",
              Arrays.asList(payload, null, "NULL", "\\.", "a\tb", "\\N"),
              "mood",
              evil,
              "docb",
              json(payload),
              "pair",
              pair(payload, new BigDecimal("-0.5")),
              "data",
              bytes(payload));
      rows.add(newRecord("NotesQueries$CopyNotesParams", row));
    }
    assertEquals((long) PAYLOADS.size(), call("copyNotes", Map.of("params", rows)));
    assertEquals(PAYLOADS, bodies(marker));
    List<?> ids = (List<?>) call("notesByTitle", args("title", marker));
    for (int i = 0; i < ids.size(); i++) {
      String payload = PAYLOADS.get(i);
      Object note = note((long) ids.get(i));
      assertEquals(
          Arrays.asList(payload, null, "NULL", "\\.", "a\tb", "\\N"), get(note, "tags"), payload);
      assertEquals(evil, get(note, "mood"));
      assertEquals(json(payload), get(note, "docb"));
      assertEquals(payload, get(get(note, "pair"), "label"));
      assertArrayEquals(bytes(payload), (byte[]) get(note, "data"));
    }
    assertEquals(notesBefore + PAYLOADS.size(), count());
  }

  // ---- helpers ----

  /**
   * {@code method} finds {@code id}, and every row it finds has {@code column} equal to {@code
   * value}.
   */
  private static void assertOnly(
      long id, String method, Map<String, ?> arguments, String column, Object value)
      throws Exception {
    List<?> found = (List<?>) call(method, arguments);
    assertTrue(found.contains(id), method + " finds the row written with " + arguments);
    for (Object other : found) {
      assertEquals(
          value, get(note((long) other), column), method + " finds only rows holding the value");
    }
  }

  /** The bodies of the rows titled {@code marker}, in id order. */
  private static List<String> bodies(String marker) throws Exception {
    List<String> bodies = new ArrayList<>();
    for (Object id : (List<?>) call("notesByTitle", args("title", marker))) {
      bodies.add((String) get(note((long) id), "body"));
    }
    return bodies;
  }

  private static Object note(long id) throws Exception {
    return ((Optional<?>) call("getNote", Map.of("id", id))).orElseThrow();
  }

  private static long count() throws Exception {
    return (long) call("countNotes", Map.of());
  }

  private static String marker() {
    return "marker " + MARKERS.incrementAndGet() + " " + System.nanoTime();
  }

  private static byte[] bytes(String payload) {
    byte[] text = payload.getBytes(StandardCharsets.UTF_8);
    byte[] data = Arrays.copyOf(text, text.length + 3);
    data[text.length] = 0;
    data[text.length + 1] = '\\';
    data[text.length + 2] = '\'';
    return data;
  }

  /** {@code {"k": "<payload>"}} written as jsonb prints it, so that it round-trips exactly. */
  static String json(String payload) {
    StringBuilder out = new StringBuilder("{\"k\": \"");
    for (int i = 0; i < payload.length(); i++) {
      char c = payload.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append("\"}").toString();
  }

  private static Object mood(String label) throws Exception {
    return generated
        .classes
        .loadClass(PACKAGE + "Mood")
        .getMethod("fromLabel", String.class)
        .invoke(null, label);
  }

  private static Object pair(String label, BigDecimal amount) throws Exception {
    return newRecord("Pair", args("label", label, "amount", amount));
  }

  private static Object call(String name, Map<String, ?> arguments) throws Exception {
    return GeneratedRepository.call(repository, name, arguments);
  }

  /** A map that, unlike Map.of, takes null values. */
  private static Map<String, Object> args(Object... namesAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  private static Object get(Object record, String component) {
    try {
      return record.getClass().getMethod(component).invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** A generated record, each component taken from {@code values} by name. */
  private static Object newRecord(String className, Map<String, ?> values) throws Exception {
    Class<?> type = generated.classes.loadClass(PACKAGE + className);
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] arguments = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      assertTrue(
          values.containsKey(components[i].getName()), "no value for " + components[i].getName());
      arguments[i] = values.get(components[i].getName());
    }
    return type.getDeclaredConstructor(types).newInstance(arguments);
  }
}
