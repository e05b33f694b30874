package dev.quarry.processor.syntax;

/** Text written instead of {@code [start, end)} of the file, in both forms of the query. */
record Replacement(int end, String text) {}
