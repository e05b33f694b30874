package dev.quarry.runtime;

/**
 * Implemented by every Java enum Quarry generates for a PostgreSQL enum type: the label is the
 * value as PostgreSQL spells it, which need not be a Java identifier.
 */
public interface PgEnum {
  /** The PostgreSQL label of this value, e.g. {@code "in progress"}. */
  String label();
}
