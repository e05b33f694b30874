package dev.quarry.processor.config;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A migration safety check that can be set per build ({@code -Aquarry.checks=lock-risk=error}) and
 * per migration (a {@code -- quarry:allow lock-risk} comment).
 */
public enum Check {
  /** Statements that lock or rewrite a table that existed before the migration. */
  LOCK_RISK("lock-risk", Level.WARNING, Level.WARNING),
  /** Up, then every down in reverse, then every up again must leave the same schema. */
  DOWN("down", Level.OFF, Level.ERROR),
  /** The previous release's queries must still prepare against the new schema. */
  EXPAND_CONTRACT("expand-contract", Level.ERROR, Level.ERROR);

  /** How a check's findings are reported. */
  public enum Level {
    OFF,
    WARNING,
    ERROR
  }

  private final String optionName;
  private final Level defaultLevel;
  private final Level onLevel;

  Check(String optionName, Level defaultLevel, Level onLevel) {
    this.optionName = optionName;
    this.defaultLevel = defaultLevel;
    this.onLevel = onLevel;
  }

  /** The check's name in options and comments, e.g. {@code lock-risk}. */
  public String optionName() {
    return optionName;
  }

  /** The level when nothing sets one. */
  public Level defaultLevel() {
    return defaultLevel;
  }

  /** The level {@code on} stands for. */
  public Level onLevel() {
    return onLevel;
  }

  /** The check named {@code name}, ignoring case. */
  public static Optional<Check> named(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return Stream.of(values()).filter(c -> c.optionName.equals(wanted)).findFirst();
  }

  /** The names of all checks, for messages. */
  public static String names() {
    return Stream.of(values()).map(Check::optionName).collect(Collectors.joining(", "));
  }

  /**
   * Parses {@code off}, {@code warning} ({@code warn}), {@code error} or {@code on}; empty when
   * none of them.
   */
  public Optional<Level> parseLevel(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "off" -> Optional.of(Level.OFF);
      case "warning", "warn" -> Optional.of(Level.WARNING);
      case "error" -> Optional.of(Level.ERROR);
      case "on" -> Optional.of(onLevel);
      default -> Optional.empty();
    };
  }
}
