package dev.quarry.processor.database;

/**
 * No schema database could be started or reached. The message says what failed and which option to
 * change; it never holds a password, so it can be shown to the user as it is.
 */
public final class DatabaseUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public DatabaseUnavailableException(String message) {
    super(message);
  }
}
