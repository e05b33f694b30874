package dev.quarry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PatchTest {
  @Test
  void unchangedIsNotSetAndHasNoValue() {
    Patch<String> unchanged = Patch.unchanged();
    assertFalse(unchanged.isSet());
    assertNull(unchanged.value());
    assertEquals("Patch.unchanged()", unchanged.toString());
  }

  @Test
  void setKeepsItsValueAndSetNullIsSetToNull() {
    assertTrue(Patch.set("x").isSet());
    assertEquals("x", Patch.set("x").value());
    assertTrue(Patch.setNull().isSet());
    assertNull(Patch.setNull().value());
    assertEquals(Patch.set(null), Patch.setNull());
    assertEquals("Patch.set(null)", Patch.setNull().toString());
    assertEquals("Patch.set(x)", Patch.set("x").toString());
  }

  @Test
  void equalityTellsTheThreeStatesApart() {
    assertEquals(Patch.set("x"), Patch.set("x"));
    assertEquals(Patch.set("x").hashCode(), Patch.set("x").hashCode());
    assertNotEquals(Patch.set("x"), Patch.set("y"));
    assertNotEquals(Patch.unchanged(), Patch.setNull());
    assertNotEquals(Patch.unchanged().hashCode(), Patch.setNull().hashCode());
    assertEquals(Patch.unchanged(), Patch.unchanged());
  }

  @Test
  void requireNonNullValueRejectsNullPatchAndSetNull() {
    Patch<String> value = Patch.set("x");
    assertSame(value, Patch.requireNonNullValue(value, "name"));
    Patch<String> unchanged = Patch.unchanged();
    assertSame(unchanged, Patch.requireNonNullValue(unchanged, "name"));
    NullPointerException setNull =
        assertThrows(
            NullPointerException.class, () -> Patch.requireNonNullValue(Patch.setNull(), "name"));
    assertTrue(setNull.getMessage().startsWith("name sets a NOT NULL column to NULL"));
    assertThrows(NullPointerException.class, () -> Patch.requireNonNullValue(null, "name"));
  }
}
