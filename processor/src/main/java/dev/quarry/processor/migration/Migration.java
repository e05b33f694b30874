package dev.quarry.processor.migration;

import dev.quarry.processor.config.MigrationFormat;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.syntax.StatementSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One migration to apply: its file, its version as written in the file name (or the file name for
 * plain folders), a description, and the statements of its up part with their offsets in the file.
 * The down part, where the format has one, is a migration of its own ({@link #down}); it is applied
 * only by the down round-trip check, never to build the schema.
 *
 * @param format the format the migration was read as
 * @param transaction how the format runs the migration
 * @param down the down (undo) part, or null when the migration has none
 * @param placeholders Flyway placeholder values ({@code ${name}}) substituted into the statements;
 *     empty for other formats
 */
public record Migration(
    SourceFile file,
    String version,
    String description,
    List<StatementSpan> statements,
    MigrationFormat format,
    Transaction transaction,
    @Nullable Migration down,
    Map<String, String> placeholders) {

  /** How a migration's statements are run. */
  public enum Transaction {
    /**
     * In one transaction, unless a statement cannot run in one: then statement by statement
     * (Flyway, golang-migrate and plain folders, whose tools behave so or send one statement).
     */
    AUTO,
    /**
     * In one transaction, always: the format wraps it, and a statement that cannot run in one
     * fails.
     */
    WRAPPED,
    /** Statement by statement outside a transaction: the migration is marked so. */
    NONE
  }

  /** Flyway's placeholder syntax with its default prefix and suffix. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}\\s]+)}");

  public Migration {
    statements = List.copyOf(statements);
    placeholders = Map.copyOf(placeholders);
  }

  /** A plain migration, run as Flyway would run it, without a down part. */
  public Migration(
      SourceFile file, String version, String description, List<StatementSpan> statements) {
    this(
        file,
        version,
        description,
        statements,
        MigrationFormat.PLAIN,
        Transaction.AUTO,
        null,
        Map.of());
  }

  /** The statement as sent to PostgreSQL: its text in the file, placeholders substituted. */
  public String statementText(StatementSpan span) {
    String text = file.text().substring(span.start(), span.end());
    if (placeholders.isEmpty()) {
      return text;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = placeholders.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The file offset of {@code offset} in {@link #statementText}, so that PostgreSQL's error
   * positions point into the file even after placeholders changed the text's length. An offset
   * inside a substituted value maps to the placeholder's start.
   */
  public int fileOffset(StatementSpan span, int offset) {
    if (placeholders.isEmpty()) {
      return span.start() + offset;
    }
    String text = file.text().substring(span.start(), span.end());
    Matcher m = PLACEHOLDER.matcher(text);
    int shift = 0;
    List<int[]> substitutions = new ArrayList<>();
    while (m.find()) {
      String value = placeholders.get(m.group(1));
      int length = value == null ? m.group().length() : value.length();
      substitutions.add(new int[] {m.start(), m.start() + shift, length, m.group().length()});
      shift += length - m.group().length();
    }
    int original = offset;
    for (int[] s : substitutions) {
      int executedStart = s[1];
      if (offset < executedStart) {
        break;
      }
      original =
          offset < executedStart + s[2] ? s[0] : s[0] + s[3] + (offset - executedStart - s[2]);
    }
    return span.start() + original;
  }

  /** The name shown in messages: the file, and for a Liquibase changeset its id. */
  public String displayName() {
    return format == MigrationFormat.LIQUIBASE
        ? file.displayPath() + " changeset " + version
        : file.displayPath();
  }
}
