package dev.quarry.runtime;

/**
 * Implemented by the records Quarry generates for PostgreSQL composite types: their value in
 * PostgreSQL's text form, e.g. {@code ("Main St",12345)}, which is how they are bound.
 */
public interface PgRecord {
  /** This value as PostgreSQL reads a record literal. */
  String pgText();
}
