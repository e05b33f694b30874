package dev.quarry.processor.migration;

import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.syntax.StatementSpan;
import java.util.List;

/**
 * One migration to apply: its file, its version as written in the file name (or the file name
 * for plain folders), a description, and the statements of its up part with their offsets in
 * the file. Down and undo parts are not here.
 */
public record Migration(
    SourceFile file, String version, String description, List<StatementSpan> statements) {
  public Migration {
    statements = List.copyOf(statements);
  }

  public String statementText(StatementSpan span) {
    return file.text().substring(span.start(), span.end());
  }
}
