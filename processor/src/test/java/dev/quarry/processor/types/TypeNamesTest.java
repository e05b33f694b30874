package dev.quarry.processor.types;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Type names as users write them in overrides, matched on Quarry's side. */
class TypeNamesTest {

  @Test
  void sqlSpellingsMatchInternalNames() {
    assertTrue(TypeNames.names("integer", "pg_catalog", "int4"));
    assertTrue(TypeNames.names("timestamp with time zone", "pg_catalog", "timestamptz"));
    assertTrue(TypeNames.names("Double Precision", "pg_catalog", "float8"));
    assertTrue(TypeNames.names("varchar(20)", "pg_catalog", "varchar"));
    assertTrue(TypeNames.names("jsonb", "pg_catalog", "jsonb"));
  }

  @Test
  void quotedNamesMatchExactlyAndUnquotedIgnoreCase() {
    assertTrue(TypeNames.names("\"LeaseKind\"", "public", "LeaseKind"));
    assertFalse(TypeNames.names("\"leasekind\"", "public", "LeaseKind"));
    assertTrue(TypeNames.names("LeaseKind", "public", "LeaseKind"));
    assertTrue(TypeNames.names("\"Billing\".\"Cents\"", "Billing", "Cents"));
    assertTrue(TypeNames.names("public.mood", "public", "mood"));
    assertFalse(TypeNames.names("audit.mood", "public", "mood"));
  }

  @Test
  void notATypeName() {
    assertNull(TypeNames.parse("text[]"));
    assertNull(TypeNames.parse(""));
    assertNull(TypeNames.parse("a.b.c"));
  }
}
