package dev.quarry.processor.diagnostics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects every diagnostic of a build; the processor reports them together at the end and
 * generates nothing when any of them is an error. Stages report here and go on where they can, so
 * one build shows all problems at once.
 */
public final class Diagnostics {
  private final List<Diagnostic> all = new ArrayList<>();

  /** Reports {@code message} at its severity, with {@code args} in its placeholders. */
  public void report(Message message, @Nullable SourceLocation location, @Nullable Object... args) {
    all.add(Diagnostic.of(message, location, args));
  }

  /**
   * Reports {@code message} at {@code severity} instead of its own: for the checks whose level a
   * build or a migration sets.
   */
  public void report(
      Severity severity,
      Message message,
      @Nullable SourceLocation location,
      @Nullable Object... args) {
    all.add(new Diagnostic(severity, message.problem(), location, message.format(args)));
  }

  public void add(Diagnostic diagnostic) {
    all.add(diagnostic);
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  public int errorCount() {
    return (int) all.stream().filter(d -> d.severity() == Severity.ERROR).count();
  }

  public List<Diagnostic> all() {
    return Collections.unmodifiableList(all);
  }
}
