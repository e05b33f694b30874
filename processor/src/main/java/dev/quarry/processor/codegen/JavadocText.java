package dev.quarry.processor.codegen;

/**
 * Puts user text (SQL, comment lines) into Javadoc safely: nothing may end the comment early, start
 * a block tag, or be read by javac as a Unicode escape.
 */
final class JavadocText {
  private JavadocText() {}

  /** Prose from SQL comments, HTML-escaped. */
  static String prose(String text) {
    return html(text);
  }

  /**
   * SQL as a preformatted block: inside an inline code tag when that shows it exactly (the common
   * case, readable in the source), else HTML-escaped.
   */
  static String sqlBlock(String sql) {
    String trimmed = sql.strip();
    if (codeSafe(trimmed)) {
      return "<pre>{@code\n" + trimmed + "\n}</pre>\n";
    }
    return "<pre>\n" + html(trimmed) + "\n</pre>\n";
  }

  private static boolean codeSafe(String sql) {
    if (sql.contains("*/") || sql.contains("\\u")) {
      return false;
    }
    int depth = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth < 0) {
        return false;
      }
    }
    if (depth != 0) {
      return false;
    }
    for (String line : sql.split("\\R", -1)) {
      if (line.strip().startsWith("@")) {
        return false;
      }
    }
    return true;
  }

  private static String html(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '{' -> out.append("&#123;");
        case '}' -> out.append("&#125;");
        case '\\' -> out.append("&#92;");
        case '/' -> out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
