package dev.quarry.processor.database;

import dev.quarry.processor.diagnostics.Message;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * No schema database could be started or reached. It carries its catalog {@link Message} (what
 * failed and which option to change) and the message's arguments; the text never holds a password,
 * so it can be shown to the user as it is. {@link #getMessage()} is the formatted text.
 */
public final class DatabaseUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Message message;
  private final List<String> arguments;

  public DatabaseUnavailableException(Message message, @Nullable Object... arguments) {
    super(message.format(arguments));
    this.message = message;
    this.arguments = Arrays.stream(arguments).map(String::valueOf).toList();
  }

  /** The catalog message that says what failed. */
  public Message message() {
    return message;
  }

  /** The arguments of {@link #message()}, as text. */
  public Object[] arguments() {
    return arguments.toArray();
  }
}
