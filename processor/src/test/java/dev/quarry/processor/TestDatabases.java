package dev.quarry.processor;

/**
 * Which schema database processor tests use: {@code embedded} unless the system property {@code
 * quarry.test.database} names another value of the {@code quarry.database} option.
 */
final class TestDatabases {
  private TestDatabases() {}

  static String option() {
    return System.getProperty("quarry.test.database", "embedded");
  }
}
