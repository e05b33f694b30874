package dev.quarry.processor.diagnostics;

/** A place in a migration or query file: the path as shown to users, 1-based line and column. */
public record SourceLocation(String path, int line, int column) {
  /** The {@code path:line:col} prefix every Quarry message starts with. */
  @Override
  public String toString() {
    return path + ":" + line + ":" + column;
  }
}
