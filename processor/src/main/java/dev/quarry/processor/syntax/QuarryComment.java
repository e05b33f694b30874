package dev.quarry.processor.syntax;

import dev.quarry.processor.diagnostics.Message;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@code -- quarry:<word> [arguments]} line comment: the one grammar of the options Quarry reads
 * from SQL files. Migrations take {@code -- quarry:allow lock-risk} and {@code -- quarry:check
 * lock-risk=error} anywhere in the file; queries take {@code -- quarry:stream} under their header.
 * Each reader knows its words and reports any other one at the comment, with the nearest known
 * word.
 *
 * @param word the word after {@code quarry:}, lower-cased ({@code allow})
 * @param arguments the rest of the comment after the word, stripped
 * @param wordOffset offset of the word's first character in the file
 */
public record QuarryComment(String word, String arguments, int wordOffset) {
  private static final Pattern COMMENT =
      Pattern.compile("--\\s*quarry:([A-Za-z_-]*)(.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /** The comment as a quarry comment, or empty when it is an ordinary comment. */
  public static Optional<QuarryComment> of(String text, Token comment) {
    if (comment.kind() != TokenKind.LINE_COMMENT) {
      return Optional.empty();
    }
    Matcher matcher = COMMENT.matcher(comment.text(text));
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new QuarryComment(
            matcher.group(1).toLowerCase(java.util.Locale.ROOT),
            matcher.group(2).strip(),
            comment.start() + matcher.start(1)));
  }

  /**
   * For a word the reader does not know: the suggestion of the nearest known one within two edits
   * ({@link Message.Phrase#DID_YOU_MEAN_OPTION}), or the empty string.
   */
  public String suggestion(Collection<String> known) {
    String nearest = nearest(word, known);
    return nearest != null ? Message.Phrase.DID_YOU_MEAN_OPTION.format(nearest) : "";
  }

  /** The known words as written in a file, for a message: {@code quarry:allow, quarry:check}. */
  public static String listed(Collection<String> known) {
    return String.join(", ", known.stream().map(w -> "quarry:" + w).toList());
  }

  /** The known word nearest to {@code word} within two edits, or null. */
  public static @Nullable String nearest(String word, Collection<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : known) {
      int distance = editDistance(word, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Levenshtein distance, for "did you mean" suggestions. */
  public static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
