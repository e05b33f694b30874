package dev.quarry.processor.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The name the driver is given for a type: plain for a lower-case identifier in {@code pg_catalog}
 * or {@code public} (what {@code [a-z_][a-z0-9_]*} matches), quoted with its schema otherwise.
 */
class ResolvedTypeTest {

  private static String driverName(String schema, String name) {
    return new ResolvedType(schema, name, name, 'b', null, null, List.of(), ' ', List.of())
        .driverName();
  }

  @Test
  void plainLowerCaseIdentifiersInTheDefaultSchemasAreWrittenPlain() {
    assertEquals("int4", driverName("pg_catalog", "int4"));
    assertEquals("_int4", driverName("pg_catalog", "_int4"));
    assertEquals("lease_kind_2", driverName("public", "lease_kind_2"));
  }

  @Test
  void anythingElseIsQuotedWithItsSchema() {
    assertEquals("\"public\".\"LeaseKind\"", driverName("public", "LeaseKind"));
    assertEquals("\"public\".\"2kind\"", driverName("public", "2kind"));
    assertEquals("\"public\".\"\"", driverName("public", ""));
    assertEquals("\"public\".\"lease-kind\"", driverName("public", "lease-kind"));
    assertEquals("\"public\".\"caf\u00e9\"", driverName("public", "caf\u00e9"));
    assertEquals("\"audit\".\"level\"", driverName("audit", "level"));
    assertEquals("\"public\".\"a\"\"b\"", driverName("public", "a\"b"));
  }
}
