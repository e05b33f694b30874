package dev.quarry.processor.syntax;

import java.util.Optional;

/** The command in a query header ({@code -- name: X :one}), named as sqlc names them. */
public enum Command {
  ONE(":one", true),
  MANY(":many", true),
  EXEC(":exec", false),
  EXECROWS(":execrows", false),
  EXECRESULT(":execresult", false),
  BATCHEXEC(":batchexec", false),
  BATCHMANY(":batchmany", true),
  BATCHONE(":batchone", true),
  COPYFROM(":copyfrom", false);

  private final String text;
  private final boolean returnsRows;

  Command(String text, boolean returnsRows) {
    this.text = text;
    this.returnsRows = returnsRows;
  }

  /** The command as written in a header, with its colon. */
  public String text() {
    return text;
  }

  /** Whether the statement must return rows for this command. */
  public boolean returnsRows() {
    return returnsRows;
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
