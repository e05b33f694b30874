package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The type-overrides case against PostgreSQL: values of the application's types go through the
 * user's converters on the way in and out, including array elements, and null is written through an
 * overridden column as SQL NULL (the converter never sees it) and read back as null.
 */
class TypeOverrideRoundTripTest {

  @Test
  void convertersRunBothWays() throws Exception {
    try (GeneratedRepository generated =
        new GeneratedRepository(CompileCaseTest.CASES.resolve("type-overrides"))) {
      Object orders = generated.repository("OrdersQueries");
      Class<?> money = generated.classes.loadClass(CompileCaseTest.PACKAGE + ".Money");
      Class<?> settings = generated.classes.loadClass(CompileCaseTest.PACKAGE + ".Settings");
      Object total = money.getConstructor(long.class).newInstance(123_456L);
      Object doc = settings.getConstructor(String.class).newInstance("{\"theme\": \"dark\"}");
      Object old = settings.getConstructor(String.class).newInstance("{\"theme\": \"light\"}");
      Map<String, Object> arguments = new HashMap<>();
      arguments.put("total", total);
      arguments.put("settings", doc);
      arguments.put("history", List.of(old, doc));
      arguments.put("note", null);
      Object created = GeneratedRepository.call(orders, "createOrder", arguments);
      long id = (long) created.getClass().getMethod("id").invoke(created);
      Object read =
          ((Optional<?>) GeneratedRepository.call(orders, "getOrder", Map.of("id", id)))
              .orElseThrow();
      assertEquals(created, read);
      assertEquals(total, read.getClass().getMethod("total").invoke(read));
      assertEquals(List.of(old, doc), read.getClass().getMethod("history").invoke(read));

      Object refund = money.getConstructor(long.class).newInstance(500L);
      Map<String, Object> update = new HashMap<>();
      update.put("refund", refund);
      update.put("id", id);
      assertEquals(1L, GeneratedRepository.call(orders, "setRefund", update));
      List<?> summaries =
          (List<?>) GeneratedRepository.call(orders, "orderSummaries", Map.of("settings", doc));
      assertEquals(1, summaries.size());
      assertEquals(
          refund, summaries.get(0).getClass().getMethod("refund").invoke(summaries.get(0)));

      // Null through the converter's column: written as SQL NULL, read back as null.
      assertNull(created.getClass().getMethod("refund").invoke(created));
      Map<String, Object> clear = new HashMap<>();
      clear.put("refund", null);
      clear.put("id", id);
      assertEquals(1L, GeneratedRepository.call(orders, "setRefund", clear));
      Object cleared =
          ((Optional<?>) GeneratedRepository.call(orders, "getOrder", Map.of("id", id)))
              .orElseThrow();
      assertNull(cleared.getClass().getMethod("refund").invoke(cleared));
      try (Connection connection = generated.connect();
          PreparedStatement statement =
              connection.prepareStatement("SELECT refund IS NULL FROM orders WHERE id = ?")) {
        statement.setLong(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          assertTrue(rows.next() && rows.getBoolean(1), "refund is SQL NULL in the table");
        }
      }
    }
  }
}
