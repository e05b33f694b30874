package dev.quarry.processor.config;

import dev.quarry.processor.diagnostics.Message;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How the build uses the lock file ({@code quarry.lock} next to the queries), from the processor
 * option {@value #OPTION}.
 */
public enum LockMode {
  /**
   * The default: use the lock file when it matches the migrations and queries; otherwise resolve
   * what changed against a database and rewrite it.
   */
  AUTO,
  /** Never connect: use the lock file, and fail when it does not match (for CI checks). */
  OFFLINE,
  /** No lock file: always analyse against a database, and neither read nor write the file. */
  OFF;

  /** The processor option's name. */
  public static final String OPTION = "quarry.lock";

  /** Parses the option's value; {@code null} or blank means {@link #AUTO}. */
  public static LockMode parse(@Nullable String value) throws InvalidOptionException {
    if (value == null || value.isBlank()) {
      return AUTO;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "auto" -> AUTO;
      case "offline" -> OFFLINE;
      case "off" -> OFF;
      default ->
          throw new InvalidOptionException(
              OPTION, Message.OPTION_LOCK_MODE_INVALID, OPTION, value.strip());
    };
  }
}
