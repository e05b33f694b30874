package dev.quarry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GivenTest {
  @Test
  void absentIsNotGivenAndNullIsGiven() {
    Given<String> absent = Given.absent();
    assertFalse(absent.isGiven());
    assertNull(absent.value());
    assertEquals("Given.absent()", absent.toString());
    Given<String> isNull = Given.of(null);
    assertTrue(isNull.isGiven(), "NULL keeps the block");
    assertNull(isNull.value());
    assertNotEquals(absent, isNull);
    assertEquals("Given.of(null)", isNull.toString());
    assertEquals("x", Given.of("x").value());
    assertEquals(Given.of("x"), Given.of("x"));
    assertEquals(Given.of("x").hashCode(), Given.of("x").hashCode());
    assertSame(Given.absent(), Given.ofNullable(null));
    assertEquals(Given.of(1), Given.ofNullable(1));
  }

  @Test
  void requireNonNullValueRejectsNullAndAGivenNull() {
    assertThrows(NullPointerException.class, () -> Given.requireNonNullValue(null, "author"));
    NullPointerException e =
        assertThrows(
            NullPointerException.class, () -> Given.requireNonNullValue(Given.of(null), "author"));
    assertTrue(e.getMessage().startsWith("author does not accept NULL"), e.getMessage());
    Given<Long> absent = Given.absent();
    assertSame(absent, Given.requireNonNullValue(absent, "author"));
    Given<Long> seven = Given.of(7L);
    assertSame(seven, Given.requireNonNullValue(seven, "author"));
  }
}
