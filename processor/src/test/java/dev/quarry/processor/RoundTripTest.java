package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.Interval;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every type in the table of docs/types.md goes through a generated repository and back: the {@code
 * types} case is compiled with Quarry, its migrations applied to embedded PostgreSQL, and the
 * generated {@code TypesQueries} writes a row of values and reads it back; every value must come
 * back equal. A second row of NULLs must come back as nulls.
 */
class RoundTripTest {
  private static final Path CASE = CompileCaseTest.CASES.resolve("types");
  private static GeneratedRepository generated;
  private static GeneratedClasses classes;
  private static Object repository;

  @BeforeAll
  static void compileAndMigrate() throws Exception {
    generated = new GeneratedRepository(CASE);
    classes = generated.classes;
    repository = generated.repository("TypesQueries");
  }

  @AfterAll
  static void stop() {
    if (generated != null) {
      generated.close();
    }
  }

  /** A value for each column, in the form PostgreSQL gives back (canonical text forms). */
  private static Map<String, Object> values() throws Exception {
    Class<?> mood = classes.loadClass(CompileCaseTest.PACKAGE + ".Mood");
    Object happy = mood.getMethod("fromLabel", String.class).invoke(null, "happy");
    Object soSo = mood.getMethod("fromLabel", String.class).invoke(null, "so so");
    Map<String, Object> v = new HashMap<>();
    v.put("cInt2", (short) -12);
    v.put("cInt4", 123_456);
    v.put("cInt8", 9_007_199_254_740_993L);
    v.put("cNumeric", new BigDecimal("12345.678"));
    v.put("cFloat4", 1.5f);
    v.put("cFloat8", -2.25e10);
    v.put("cBool", true);
    v.put("cText", "naïve \"quoted\", 'text' \\ 😀");
    v.put("cVarchar", "short");
    v.put("cBpchar", "ab   ");
    v.put("cName", "a_name");
    v.put("cCitext", "MixedCase");
    v.put("cBytea", new byte[] {0, 1, (byte) 0xff, 42});
    v.put("cUuid", UUID.fromString("8c4b2f0e-6d7a-4c1e-9a3b-2f1e0d9c8b7a"));
    v.put("cDate", LocalDate.of(2024, 2, 29));
    v.put("cTime", LocalTime.of(23, 59, 58, 123_456_000));
    v.put("cTimetz", OffsetTime.of(10, 15, 30, 0, ZoneOffset.ofHours(2)));
    v.put("cTimestamp", LocalDateTime.of(2024, 12, 31, 23, 59, 59, 999_999_000));
    v.put("cTimestamptz", OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 500_000_000, ZoneOffset.UTC));
    v.put("cInterval", new Interval(14, 3, 4_000_005L));
    v.put("cJson", "{\"b\": [1, 2],  \"a\": null}");
    v.put("cJsonb", "{\"a\": null, \"b\": [1, 2]}");
    v.put("cInet", "192.168.0.1");
    v.put("cCidr", "10.0.0.0/8");
    v.put("cMacaddr", "08:00:2b:01:02:03");
    v.put("cMoney", "$1,234.56");
    v.put("cBit", "1010");
    v.put("cVarbit", "101");
    v.put("cXml", "<a>x</a>");
    v.put("cOid", 12_345L);
    v.put("cTsvector", "'a' 'b'");
    v.put("cInt4range", "[1,5)");
    v.put("cInt4multirange", "{[1,3),[5,7)}");
    v.put("cPoint", "(1,2)");
    v.put("cBox", "(3,4),(1,2)");
    v.put("cCircle", "<(1,2),3>");
    v.put("cLine", "{1,-1,0}");
    v.put("cLseg", "[(1,2),(3,4)]");
    v.put("cPath", "((1,2),(3,4))");
    v.put("cPolygon", "((1,2),(3,4),(5,6))");
    v.put("cMood", soSo);
    v.put("cDomain", 7);
    Class<?> address = classes.loadClass(CompileCaseTest.PACKAGE + ".Address");
    Object home =
        address
            .getConstructor(String.class, Integer.class)
            .newInstance("Main St, \"2\" (back) \\ 😀", 12345);
    Object empty = address.getConstructor(String.class, Integer.class).newInstance("", null);
    v.put("cAddress", home);
    Class<?> stamp = classes.loadClass(CompileCaseTest.PACKAGE + ".Stamp");
    v.put(
        "cStamp",
        stamp
            .getConstructor(String.class, mood, OffsetDateTime.class, address)
            .newInstance(
                "first", soSo, OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC), home));
    v.put("cAddressArray", Arrays.asList(home, empty, null));
    v.put("cIntArray", Arrays.asList(1, null, 3));
    v.put("cTextArray", Arrays.asList("a", "b,c", "d\"e", "{f}", null, "NULL", ""));
    v.put("cMoodArray", List.of(happy, soSo));
    v.put("cIntMatrix", List.of(List.of(1, 2), List.of(3, 4)));
    v.put("cUuidArray", List.of(UUID.fromString("8c4b2f0e-6d7a-4c1e-9a3b-2f1e0d9c8b7a")));
    v.put("cDateArray", List.of(LocalDate.of(2000, 1, 1), LocalDate.of(1999, 12, 31)));
    v.put("cTimestamptzArray", List.of(OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC)));
    v.put("cNumericArray", List.of(new BigDecimal("1.5"), new BigDecimal("-2")));
    v.put("cBoolArray", List.of(true, false));
    v.put("cByteaArray", List.of(new byte[] {1, 2}, new byte[] {}));
    v.put("cJsonbArray", List.of("{\"a\": 1}", "[]"));
    return v;
  }

  @Test
  void everyTypeComesBackEqual() throws Exception {
    Map<String, Object> values = values();
    Object written = call("insertEverything", values);
    assertRow(values, written);
    long id = (long) written.getClass().getMethod("id").invoke(written);
    Object read = ((Optional<?>) call("getEverything", Map.of("id", id))).orElseThrow();
    assertRow(values, read);
  }

  @Test
  void nullsComeBackAsNulls() throws Exception {
    Map<String, Object> values = new HashMap<>();
    for (String name : values().keySet()) {
      values.put(name, null);
    }
    values.put("cDomain", 1);
    Object written = call("insertNulls", values);
    for (RecordComponent component : written.getClass().getRecordComponents()) {
      String name = component.getName();
      if (!name.equals("id") && !name.equals("cDomain")) {
        assertNull(component.getAccessor().invoke(written), name);
      }
    }
  }

  @Test
  void enumAndBigintArraysBindAsParameters() throws Exception {
    Map<String, Object> values = values();
    Object written = call("insertEverything", values);
    long id = (long) written.getClass().getMethod("id").invoke(written);
    List<?> rows = (List<?>) call("findByMoods", Map.of("moods", List.of(values.get("cMood"))));
    assertTrue(rows.stream().anyMatch(r -> r.toString().contains("id=" + id)), rows.toString());
    assertEquals(1L, call("countByIds", Map.of("ids", List.of(id, -1L))));
  }

  private static Object call(String name, Map<String, Object> arguments) throws Exception {
    Object result = GeneratedRepository.call(repository, name, arguments);
    return result instanceof Optional<?> optional && name.startsWith("insert")
        ? optional.orElseThrow()
        : result;
  }

  /**
   * Every component of {@code row} but its id equals the value written, and every value written has
   * its component: a column missing from either side fails, it is never skipped.
   */
  private static void assertRow(Map<String, Object> expected, Object row) throws Exception {
    List<String> mismatches = new ArrayList<>();
    List<String> components = new ArrayList<>();
    for (RecordComponent component : row.getClass().getRecordComponents()) {
      components.add(component.getName());
    }
    for (String name : expected.keySet()) {
      if (!components.contains(name)) {
        mismatches.add(
            name + ": written, but " + row.getClass().getSimpleName() + " has no such component");
      }
    }
    for (RecordComponent component : row.getClass().getRecordComponents()) {
      String name = component.getName();
      if (name.equals("id")) {
        continue;
      }
      if (!expected.containsKey(name)) {
        mismatches.add(name + ": a component the test writes no value for; add one to values()");
        continue;
      }
      Object want = expected.get(name);
      Object got = component.getAccessor().invoke(row);
      if (!Arrays.deepEquals(new Object[] {normalize(want)}, new Object[] {normalize(got)})) {
        mismatches.add(name + ": wrote " + show(want) + ", read " + show(got));
      }
    }
    assertEquals(List.of(), mismatches);
  }

  /** Lists of byte arrays compare by content. */
  private static Object normalize(Object value) {
    if (value instanceof List<?> list) {
      return list.stream()
          .map(e -> e == null ? "null" : normalize(e))
          .map(e -> e instanceof byte[] b ? Arrays.toString(b) : e)
          .toList();
    }
    return value;
  }

  private static String show(Object value) {
    return value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value);
  }
}
