package dev.quarry.processor.migration;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.syntax.SqlScript;
import dev.quarry.processor.syntax.StatementSpan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Splits a migration file into the statements to send to PostgreSQL, reading it as psql reads a
 * script, so that a schema dump ({@code pg_dump} output) can serve as a migration:
 *
 * <ul>
 *   <li>a psql meta-command (a backslash where a statement starts: {@code \restrict}, {@code
 *       &#92;unrestrict}, {@code \connect}, {@code \set}, ...) is skipped up to the end of its
 *       line; PostgreSQL cannot run it, and on the scratch database it changes nothing Quarry
 *       checks;
 *   <li>{@code \i}, {@code \ir}, {@code \include} and {@code \include_relative} are errors: Quarry
 *       does not follow includes, the included file must be listed as a migration;
 *   <li>{@code COPY ... FROM stdin} and its data rows, up to the {@code \.} line (or the end of the
 *       file), are skipped: the rows are data, not schema, and the statement cannot be sent on its
 *       own.
 * </ul>
 *
 * Everything else, {@code SET ...} and {@code SELECT pg_catalog.set_config(...)} included, runs as
 * written. Settings such a script makes last only for its psql session; {@link #endsSession} tells
 * the runner to reset them after the file.
 */
final class PsqlScript {
  private static final Pattern COPY_FROM_STDIN =
      Pattern.compile("(?is)^COPY\\b.*\\bFROM\\s+STDIN\\b.*");
  private static final Pattern INCLUDE =
      Pattern.compile("(?i)\\\\(i|ir|include|include_relative)(\\s.*)?");
  private static final Pattern SET_PARAMETER =
      Pattern.compile(
          "(?is)SET\\s+(?:SESSION\\s+|LOCAL\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=|TO\\b)");
  private static final Pattern META_LINE = Pattern.compile("(?m)^[ \\t]*\\\\[A-Za-z!?]");

  private PsqlScript() {}

  /**
   * The statements of {@code file} in {@code [from, to)}; null when it includes another file, after
   * reporting that at the include.
   */
  static @Nullable List<StatementSpan> statements(
      SourceFile file, int from, int to, Diagnostics diagnostics) {
    String text = file.text();
    List<StatementSpan> statements = new ArrayList<>();
    int position = from;
    while (position < to) {
      int resume = -1;
      for (StatementSpan span : SqlScript.of(file).statements(position, to)) {
        if (text.charAt(span.start()) == '\\') {
          int lineEnd = lineEnd(text, span.start(), to);
          String command = text.substring(span.start(), lineEnd).strip();
          if (INCLUDE.matcher(command).matches()) {
            diagnostics.report(
                Message.PSQL_INCLUDE, file.locationOf(span.start()), command.split("\\s+")[0]);
            return null;
          }
          resume = lineEnd;
          break;
        }
        if (COPY_FROM_STDIN.matcher(text.substring(span.start(), span.end())).matches()) {
          resume = endOfCopyData(text, lineEnd(text, span.end(), to), to);
          break;
        }
        statements.add(span);
      }
      if (resume < 0) {
        break;
      }
      position = resume;
    }
    return statements;
  }

  /**
   * Whether {@code migration}'s file is a psql script (it holds a meta-command line), whose session
   * settings ({@code SET search_path}, {@code set_config(..., false)}) end with the file, as they
   * end with psql's session.
   */
  static boolean endsSession(Migration migration) {
    return META_LINE.matcher(migration.file().text()).find();
  }

  /**
   * Whether {@code sql} is {@code SET name = ...} (or {@code TO}) for a parameter this server does
   * not have; custom {@code prefix.name} parameters always exist.
   */
  static boolean setsUnknownParameter(Connection connection, String sql) throws SQLException {
    Matcher m = SET_PARAMETER.matcher(sql);
    if (!m.lookingAt()) {
      return false;
    }
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_catalog.pg_settings WHERE name = ?")) {
      query.setString(1, m.group(1).toLowerCase(Locale.ROOT));
      try (ResultSet rs = query.executeQuery()) {
        return !rs.next();
      }
    }
  }

  /** The offset of the end of the line holding {@code offset} (its newline), at most {@code to}. */
  private static int lineEnd(String text, int offset, int to) {
    int newline = text.indexOf('\n', offset);
    return newline < 0 || newline > to ? to : newline;
  }

  /** The offset just past the {@code \.} line that ends data starting after {@code lineEnd}. */
  private static int endOfCopyData(String text, int lineEnd, int to) {
    int line = lineEnd + 1;
    while (line < to) {
      int end = lineEnd(text, line, to);
      if (text.substring(line, end).strip().toLowerCase(Locale.ROOT).equals("\\.")) {
        return end;
      }
      line = end + 1;
    }
    return to;
  }
}
