package dev.quarry.processor.syntax;

/**
 * One SQL statement inside a larger text: {@code start} is the offset of its first token, {@code
 * end} the offset just past its last token (not counting the terminating semicolon). Leading
 * comments are not part of the span; {@code leadingStart} is where the comments and white space
 * before it begin (just after the previous statement's semicolon).
 */
public record StatementSpan(int leadingStart, int start, int end) {}
