package dev.quarry.processor.syntax;

import java.util.Optional;

/** The command in a query header ({@code -- name: X :one}), named as sqlc names them. */
public enum Command {
  ONE(":one", true, true),
  MANY(":many", true, true),
  EXEC(":exec", false, true),
  EXECROWS(":execrows", false, true),
  EXECRESULT(":execresult", false, true),
  BATCHEXEC(":batchexec", false, true),
  BATCHMANY(":batchmany", true, true),
  BATCHONE(":batchone", true, true),
  COPYFROM(":copyfrom", false, true);

  private final String text;
  private final boolean returnsRows;
  private final boolean supported;

  Command(String text, boolean returnsRows, boolean supported) {
    this.text = text;
    this.returnsRows = returnsRows;
    this.supported = supported;
  }

  /** The command as written in a header, with its colon. */
  public String text() {
    return text;
  }

  /** Whether the statement must return rows for this command. */
  public boolean returnsRows() {
    return returnsRows;
  }

  /** Whether this version of Quarry generates code for the command. */
  public boolean supported() {
    return supported;
  }

  /** Whether the method runs the statement once per parameter set of a list it is given. */
  public boolean perParameterSet() {
    return this == BATCHEXEC || this == BATCHMANY || this == BATCHONE || this == COPYFROM;
  }

  /** The command written as {@code text} (with its colon, case-sensitive as in sqlc). */
  public static Optional<Command> fromText(String text) {
    for (Command command : values()) {
      if (command.text.equals(text)) {
        return Optional.of(command);
      }
    }
    return Optional.empty();
  }
}
