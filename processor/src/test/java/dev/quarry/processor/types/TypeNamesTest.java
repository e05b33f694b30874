package dev.quarry.processor.types;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.catalog.PgType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Type names as users write them in overrides, matched on Quarry's side. */
class TypeNamesTest {
  private static PgType type(String schema, String name) {
    return new PgType(1, schema, name, name, 'b', 0, 0, List.of(), 0, ' ');
  }

  @Test
  void sqlSpellingsMatchInternalNames() {
    assertTrue(TypeNames.names("integer", type("pg_catalog", "int4")));
    assertTrue(TypeNames.names("timestamp with time zone", type("pg_catalog", "timestamptz")));
    assertTrue(TypeNames.names("Double Precision", type("pg_catalog", "float8")));
    assertTrue(TypeNames.names("varchar(20)", type("pg_catalog", "varchar")));
    assertTrue(TypeNames.names("jsonb", type("pg_catalog", "jsonb")));
  }

  @Test
  void quotedNamesMatchExactlyAndUnquotedIgnoreCase() {
    assertTrue(TypeNames.names("\"LeaseKind\"", type("public", "LeaseKind")));
    assertFalse(TypeNames.names("\"leasekind\"", type("public", "LeaseKind")));
    assertTrue(TypeNames.names("LeaseKind", type("public", "LeaseKind")));
    assertTrue(TypeNames.names("\"Billing\".\"Cents\"", type("Billing", "Cents")));
    assertTrue(TypeNames.names("public.mood", type("public", "mood")));
    assertFalse(TypeNames.names("audit.mood", type("public", "mood")));
  }

  @Test
  void notATypeName() {
    assertNull(TypeNames.parse("text[]"));
    assertNull(TypeNames.parse(""));
    assertNull(TypeNames.parse("a.b.c"));
  }
}
