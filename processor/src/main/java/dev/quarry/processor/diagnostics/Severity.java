package dev.quarry.processor.diagnostics;

public enum Severity {
  ERROR,
  WARNING,
  NOTE
}
