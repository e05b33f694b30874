package dev.quarry.processor.diagnostics;

import org.jspecify.annotations.Nullable;

/**
 * One message for the user. Rendered as {@code path:line:col: message [quarry:tag]} when it has a
 * location in a SQL file, otherwise as {@code message [quarry:tag]}.
 */
public record Diagnostic(
    Severity severity, Problem problem, @Nullable SourceLocation location, String message) {

  /** {@code message} of the catalog with {@code args} in its placeholders, at its severity. */
  public static Diagnostic of(
      Message message, @Nullable SourceLocation location, @Nullable Object... args) {
    return new Diagnostic(message.severity(), message.problem(), location, message.format(args));
  }

  public String render() {
    String prefix = location == null ? "" : location + ": ";
    return prefix + message + " [" + problem.tag() + "]";
  }
}
