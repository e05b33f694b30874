package dev.quarry.processor.migration;

/** How a folder of migrations names and orders its files. */
public enum MigrationFormat {
  /** Flyway: {@code V<version>__<description>.sql}, {@code R__<description>.sql}; undo files ignored. */
  FLYWAY("Flyway", "V<version>__<description>.sql"),
  /** golang-migrate: {@code <version>_<name>.up.sql} and {@code .down.sql} (ignored). */
  GOLANG_MIGRATE("golang-migrate", "<version>_<name>.up.sql"),
  /** Any other {@code .sql} files, applied in file name order. */
  PLAIN("plain", "<name>.sql");

  private final String displayName;
  private final String pattern;

  MigrationFormat(String displayName, String pattern) {
    this.displayName = displayName;
    this.pattern = pattern;
  }

  /** The name shown in messages, e.g. "Flyway". */
  public String displayName() {
    return displayName;
  }

  /** The file name pattern shown in messages. */
  public String pattern() {
    return pattern;
  }
}
