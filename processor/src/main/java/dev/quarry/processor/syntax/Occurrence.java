package dev.quarry.processor.syntax;

/**
 * One place a parameter is written: {@code [start, end)} in the file, and the indexes of its first
 * and last token in the list of significant tokens; with the ways a parameter is written.
 */
record Occurrence(
    Style style,
    int start,
    int end,
    int firstToken,
    int lastToken,
    int number,
    String name,
    String key,
    String prefix,
    String suffix,
    String column) {
  Occurrence(
      Style style,
      int start,
      int end,
      int firstToken,
      int lastToken,
      int number,
      String name,
      String key,
      String prefix,
      String suffix) {
    this(style, start, end, firstToken, lastToken, number, name, key, prefix, suffix, "");
  }

  enum Style {
    POSITIONAL,
    NAMED,
    ARG,
    NARG,
    /** {@code quarry.patch(@name)}: the value and a hidden set-flag, in a {@code CASE}. */
    PATCH
  }

  /** The key of the hidden boolean parameter that says whether patch {@code key} is set. */
  static String flagKey(String key) {
    return "\0set:" + key;
  }
}
