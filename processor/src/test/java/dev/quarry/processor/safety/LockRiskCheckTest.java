package dev.quarry.processor.safety;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which column type changes rewrite the table, by the catalog's type names. */
class LockRiskCheckTest {
  @Test
  void wideningVarcharOrToTextIsFree() {
    assertFalse(LockRiskCheck.rewrites("character varying(20)", "character varying(40)"));
    assertFalse(LockRiskCheck.rewrites("character varying(20)", "text"));
    assertFalse(LockRiskCheck.rewrites("character varying(20)", "character varying"));
    assertFalse(LockRiskCheck.rewrites("character varying(20)[]", "text[]"));
    assertFalse(LockRiskCheck.rewrites("text", "character varying"));
    assertFalse(LockRiskCheck.rewrites("numeric(10,2)", "numeric(12,2)"));
    assertFalse(LockRiskCheck.rewrites("numeric(10,2)", "numeric"));
    assertFalse(LockRiskCheck.rewrites("cidr", "inet"));
  }

  @Test
  void narrowingAndOtherChangesRewrite() {
    assertTrue(LockRiskCheck.rewrites("character varying(40)", "character varying(20)"));
    assertTrue(LockRiskCheck.rewrites("text", "character varying(20)"));
    assertTrue(LockRiskCheck.rewrites("integer", "bigint"));
    assertTrue(LockRiskCheck.rewrites("numeric(10,2)", "numeric(12,3)"));
    assertTrue(LockRiskCheck.rewrites("timestamp without time zone", "timestamp with time zone"));
  }
}
