package dev.quarry.runtime;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Bulk inserts through PostgreSQL's {@code COPY ... FROM STDIN} protocol, for generated {@code
 * :copyfrom} methods. Rows are encoded in COPY's text format and sent in chunks, so the rows can
 * come from a stream of any length.
 *
 * <p>Each value is written in the text form PostgreSQL reads for its column: SQL NULL as {@code
 * \N}; numbers and booleans as literals; {@code byte[]} in bytea's hex form; enums by their label;
 * {@link Interval} in PostgreSQL's form; {@code java.time} values and UUIDs in ISO form; strings
 * (text, JSON) as they are; lists as array literals with every element quoted, so commas, quotes,
 * braces and backslashes inside elements survive, nested lists as multi-dimensional arrays. Then
 * COPY's own escaping is applied (backslash, newline, carriage return, tab).
 */
public final class CopyRows {
  /** Encoded bytes sent per {@code CopyData} message. */
  private static final int CHUNK = 64 * 1024;

  private CopyRows() {}

  /** Writes the values of one row, in the order of the COPY statement's columns. */
  @FunctionalInterface
  public interface RowWriter<T> {
    void write(T row, Row out);
  }

  /** One row being encoded: {@link #add} each column's value in order. */
  public static final class Row {
    private final StringBuilder line;
    private boolean first = true;

    Row(StringBuilder line) {
      this.line = line;
    }

    /** Appends the next column's value; null is SQL NULL. */
    public Row add(@Nullable Object value) {
      if (!first) {
        line.append('\t');
      }
      first = false;
      if (value == null) {
        line.append("\\N");
      } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
        // Integers never need escaping; appending the primitive skips a String per value.
        line.append(((Number) value).longValue());
      } else if (value instanceof String text) {
        escape(text, line);
      } else {
        escape(text(value), line);
      }
      return this;
    }
  }

  /**
   * Copies {@code rows} into the table with {@code copySql} (a {@code COPY t (a, b) FROM STDIN}
   * statement) and returns the number of rows PostgreSQL stored. Runs in the connection's open
   * transaction, or in one of its own in autocommit mode; a failure cancels the whole copy.
   */
  public static <T> long copy(
      Connection connection, String copySql, Iterable<? extends T> rows, RowWriter<T> writer)
      throws SQLException {
    return Transactions.atomically(
        connection,
        () -> {
          CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
          try {
            StringBuilder buffer = new StringBuilder(CHUNK + 1024);
            for (T row : rows) {
              writer.write(row, new Row(buffer));
              buffer.append('\n');
              if (buffer.length() >= CHUNK) {
                send(copy, buffer);
              }
            }
            send(copy, buffer);
            return copy.endCopy();
          } finally {
            if (copy.isActive()) {
              // Only reached when encoding or sending failed: abandon the copy so the connection
              // stays usable; the error on its way out says why.
              copy.cancelCopy();
            }
          }
        });
  }

  private static void send(CopyIn copy, StringBuilder buffer) throws SQLException {
    if (buffer.length() > 0) {
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      buffer.setLength(0);
    }
  }

  /** The value's PostgreSQL text form, before COPY escaping. */
  static String text(Object value) {
    if (value instanceof List<?> list) {
      StringBuilder array = new StringBuilder("{");
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          array.append(',');
        }
        Object element = list.get(i);
        if (element == null) {
          array.append("NULL");
        } else if (element instanceof List<?>) {
          array.append(text(element));
        } else {
          array.append('"');
          String elementText = text(element);
          for (int j = 0; j < elementText.length(); j++) {
            char c = elementText.charAt(j);
            if (c == '"' || c == '\\') {
              array.append('\\');
            }
            array.append(c);
          }
          array.append('"');
        }
      }
      return array.append('}').toString();
    }
    return java.util.Objects.requireNonNull(PgText.of(value));
  }

  private static void escape(String text, StringBuilder out) {
    int special = 0;
    while (special < text.length() && !needsEscape(text.charAt(special))) {
      special++;
    }
    // Most values hold nothing to escape: one bulk append instead of one per character.
    if (special == text.length()) {
      out.append(text);
      return;
    }
    out.append(text, 0, special);
    for (int i = special; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
  }

  private static boolean needsEscape(char c) {
    return c == '\\' || c == '\n' || c == '\r' || c == '\t';
  }
}
