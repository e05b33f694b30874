package dev.quarry.processor.config;

import dev.quarry.processor.diagnostics.Message;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL major version to build the schema with, from the processor option {@value
 * #OPTION}; it picks the container image and the embedded binaries. A server given by URL runs
 * whatever version it runs.
 */
public record PostgresVersion(int major) {
  /** The processor option's name. */
  public static final String OPTION = "quarry.postgresVersion";

  /** The version used when the option is absent. */
  public static final int DEFAULT_MAJOR = 17;

  /** The oldest major accepted: from 10 on, a major version is one number. */
  public static final int OLDEST_MAJOR = 10;

  public PostgresVersion {
    if (major < OLDEST_MAJOR) {
      throw new IllegalArgumentException("PostgreSQL major version " + major + " is too old");
    }
  }

  /** The default version, {@value #DEFAULT_MAJOR}. */
  public static PostgresVersion defaultVersion() {
    return new PostgresVersion(DEFAULT_MAJOR);
  }

  /** Parses the option's value; {@code null} or blank means the default. */
  public static PostgresVersion parse(@Nullable String value) throws InvalidOptionException {
    if (value == null || value.isBlank()) {
      return defaultVersion();
    }
    String trimmed = value.strip();
    int major;
    try {
      major = trimmed.matches("[0-9]{1,3}") ? Integer.parseInt(trimmed) : -1;
    } catch (NumberFormatException e) {
      major = -1;
    }
    if (major < OLDEST_MAJOR) {
      throw new InvalidOptionException(
          OPTION,
          Message.OPTION_POSTGRES_VERSION_INVALID,
          OPTION,
          trimmed,
          OLDEST_MAJOR,
          DEFAULT_MAJOR);
    }
    return new PostgresVersion(major);
  }
}
