package dev.quarry.processor.syntax;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Test hook: the texts the lexer runs over while a piece of code runs, each with how many times it
 * was lexed. For tests outside {@code syntax}, which cannot reach the lexer.
 */
public final class LexerRuns {
  private LexerRuns() {}

  /** What {@link #during} saw, and what the code returned. */
  public record Seen<T>(T result, Map<String, Integer> runs, Map<String, String> callers) {}

  /** The first frames outside {@code syntax}'s lexing classes: who asked for the run. */
  private static String caller() {
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (StackTraceElement frame : new Throwable().getStackTrace()) {
      String name = frame.getClassName();
      if (name.startsWith("dev.quarry.processor.syntax.SqlLexer")
          || name.startsWith("dev.quarry.processor.syntax.LexerRuns")
          || name.startsWith("dev.quarry.processor.syntax.TokenList")) {
        continue;
      }
      out.append("\n    at ").append(frame);
      if (++shown == 4) {
        break;
      }
    }
    return out.toString();
  }

  /** Runs {@code code}, counting the lexer's runs by text. Not for code running in parallel. */
  public static synchronized <T> Seen<T> during(Callable<T> code) throws Exception {
    Map<String, Integer> runs = new LinkedHashMap<>();
    Map<String, String> callers = new LinkedHashMap<>();
    SqlLexer.observer =
        text -> {
          synchronized (runs) {
            runs.merge(text, 1, Integer::sum);
            callers.putIfAbsent(text, caller());
          }
        };
    try {
      T result = code.call();
      synchronized (runs) {
        return new Seen<>(result, Map.copyOf(runs), Map.copyOf(callers));
      }
    } finally {
      SqlLexer.observer = null;
    }
  }
}
