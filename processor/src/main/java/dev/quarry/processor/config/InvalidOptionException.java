package dev.quarry.processor.config;

/**
 * A processor option whose value Quarry cannot use. The message names the option, the value and the
 * values that are allowed, so the configuration stage can report it as it is.
 */
public final class InvalidOptionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String option;

  public InvalidOptionException(String option, String message) {
    super(message);
    this.option = option;
  }

  /** The option's name, e.g. {@code quarry.database}. */
  public String option() {
    return option;
  }
}
