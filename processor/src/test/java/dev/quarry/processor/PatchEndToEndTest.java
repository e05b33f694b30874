package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.Patch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partial updates end to end: the {@code patch} case is compiled with Quarry, its migration applied
 * to embedded PostgreSQL, and {@code SET col = quarry.patch(@x)} is run with each of the three
 * states of a {@link Patch}: unchanged, set to NULL, set to a value.
 */
class PatchEndToEndTest {
  private static GeneratedRepository generated;
  private static Object repository;

  @BeforeAll
  static void compileAndMigrate() throws Exception {
    generated = new GeneratedRepository(CompileCaseTest.CASES.resolve("patch"));
    repository = generated.repository("PeopleQueries");
  }

  @AfterAll
  static void stop() {
    if (generated != null) {
      generated.close();
    }
  }

  @Test
  void unchangedKeepsTheColumnNullSetsNullAndAValueSetsIt() throws Exception {
    long id = insert("Ann", "old bio", LocalDate.of(1990, 1, 2));

    Object row =
        patchPerson(id, Patch.unchanged(), Patch.setNull(), Patch.set(LocalDate.of(2000, 3, 4)));
    assertEquals("Ann", get(row, "displayName"));
    assertNull(get(row, "bio"));
    assertEquals(LocalDate.of(2000, 3, 4), get(row, "born"));
    assertEquals(1, get(row, "visits"));

    row = patchPerson(id, Patch.set("Bea"), Patch.unchanged(), Patch.unchanged());
    assertEquals("Bea", get(row, "displayName"));
    assertNull(get(row, "bio"), "unchanged keeps NULL");
    assertEquals(LocalDate.of(2000, 3, 4), get(row, "born"), "unchanged keeps the value");
    assertEquals(2, get(row, "visits"));

    assertEquals(1L, call("patchBio", args("bio", Patch.set("new bio"), "id", id)));
    assertEquals(1L, call("patchBio", args("bio", Patch.unchanged(), "id", id)));
    assertEquals(0L, call("patchBio", args("bio", Patch.set("x"), "id", -1L)));
    row = patchPerson(id, Patch.unchanged(), Patch.unchanged(), Patch.setNull());
    assertEquals("new bio", get(row, "bio"));
    assertNull(get(row, "born"));
  }

  @Test
  void settingANotNullColumnToNullIsRejectedBeforeTheStatementRuns() throws Exception {
    long id = insert("Cid", null, null);
    NullPointerException e =
        assertThrows(
            NullPointerException.class,
            () -> patchPerson(id, Patch.setNull(), Patch.set("bio"), Patch.unchanged()));
    assertTrue(
        e.getMessage().startsWith("displayName sets a NOT NULL column to NULL"), e.toString());
    assertThrows(
        NullPointerException.class,
        () -> patchPerson(id, null, Patch.unchanged(), Patch.unchanged()),
        "the Patch itself is never null");
    Object row = patchPerson(id, Patch.unchanged(), Patch.unchanged(), Patch.unchanged());
    assertEquals("Cid", get(row, "displayName"));
    assertNull(get(row, "bio"), "the rejected call changed nothing");
    assertEquals(1, get(row, "visits"));
  }

  @Test
  void batchPatchesEachRowByItsOwnPatches() throws Exception {
    long first = insert("Dee", "dee bio", LocalDate.of(1980, 5, 6));
    long second = insert("Eve", "eve bio", null);
    Class<?> params =
        generated.classes.loadClass(CompileCaseTest.PACKAGE + ".PeopleQueries$PatchPeopleParams");
    var constructor = params.getDeclaredConstructor(Patch.class, Patch.class, long.class);
    Object items =
        java.util.List.of(
            constructor.newInstance(Patch.setNull(), Patch.unchanged(), first),
            constructor.newInstance(
                Patch.unchanged(), Patch.set(LocalDate.of(1999, 9, 9)), second));
    call("patchPeople", args("params", items));
    Object one = patchPerson(first, Patch.unchanged(), Patch.unchanged(), Patch.unchanged());
    assertNull(get(one, "bio"));
    assertEquals(LocalDate.of(1980, 5, 6), get(one, "born"));
    Object two = patchPerson(second, Patch.unchanged(), Patch.unchanged(), Patch.unchanged());
    assertEquals("eve bio", get(two, "bio"));
    assertEquals(LocalDate.of(1999, 9, 9), get(two, "born"));
  }

  private static Object patchPerson(
      long id, Patch<String> displayName, Patch<String> bio, Patch<LocalDate> born)
      throws Exception {
    Object result =
        call("patchPerson", args("displayName", displayName, "bio", bio, "born", born, "id", id));
    return ((Optional<?>) result).orElseThrow();
  }

  private static long insert(String name, String bio, LocalDate born) throws Exception {
    try (Connection connection = generated.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "INSERT INTO people (display_name, bio, born) VALUES (?, ?, ?) RETURNING id")) {
      statement.setString(1, name);
      statement.setString(2, bio);
      statement.setObject(3, born);
      try (ResultSet rows = statement.executeQuery()) {
        assertTrue(rows.next());
        return rows.getLong(1);
      }
    }
  }

  private static Object call(String name, Map<String, ?> arguments) throws Exception {
    return GeneratedRepository.call(repository, name, arguments);
  }

  private static Map<String, Object> args(Object... namesAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  private static Object get(Object record, String component) throws Exception {
    return record.getClass().getMethod(component).invoke(record);
  }
}
