package dev.quarry.processor.config;

import dev.quarry.processor.diagnostics.Message;
import java.util.Arrays;
import java.util.List;

/**
 * A processor option whose value Quarry cannot use. It carries its catalog {@link Message} (which
 * names the option, the value and the values that are allowed) and the message's arguments, so the
 * configuration stage can report it as it is; {@link #getMessage()} is the formatted text.
 */
public final class InvalidOptionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String option;
  private final Message message;
  private final List<String> arguments;

  public InvalidOptionException(String option, Message message, Object... arguments) {
    super(message.format(arguments));
    this.option = option;
    this.message = message;
    this.arguments = Arrays.stream(arguments).map(String::valueOf).toList();
  }

  /** The option's name, e.g. {@code quarry.database}. */
  public String option() {
    return option;
  }

  /** The catalog message that says what is wrong. */
  public Message message() {
    return message;
  }

  /** The arguments of {@link #message()}, as text. */
  public Object[] arguments() {
    return arguments.toArray();
  }
}
