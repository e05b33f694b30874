package dev.quarry.runtime;

/**
 * Converts between the Java type Quarry uses for a PostgreSQL type ({@code D}, e.g. {@code String}
 * for {@code jsonb}) and a type of the application's ({@code J}, e.g. a Jackson {@code JsonNode} or
 * a record). Named in a {@link dev.quarry.TypeOverride}; generated code creates one instance per
 * repository class through the public no-argument constructor, so implementations must be
 * thread-safe. Neither method is called with null: SQL NULL stays null.
 */
public interface ValueConverter<D, J> {
  /** The application's value for a value read from the database. */
  J fromDatabase(D value);

  /** The database's value for a value the application binds. */
  D toDatabase(J value);
}
