package dev.quarry.processor.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * How SQL names become Java names: {@code user_role} gives the type {@code UserRole}, the member
 * {@code userRole} and, for an enum label, the constant {@code USER_ROLE}. Names that would be Java
 * keywords get a trailing underscore; characters that cannot appear in an identifier act as word
 * separators.
 */
public final class JavaNames {
  private JavaNames() {}

  private static final Set<String> RESERVED_MEMBERS =
      Set.of("hashCode", "toString", "equals", "getClass");

  /** PascalCase: {@code river_job} and {@code RiverJob} give {@code RiverJob}. */
  public static String typeName(String sql) {
    StringBuilder out = new StringBuilder();
    for (String word : words(sql)) {
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return identifier(out.toString(), "Type");
  }

  /**
   * camelCase: {@code author_id} gives {@code authorId}, {@code FindUser} gives {@code findUser}.
   */
  public static String memberName(String sql) {
    List<String> words = words(sql);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (i == 0) {
        out.append(lowerFirstWord(word));
      } else {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    String name = identifier(out.toString(), "value");
    return RESERVED_MEMBERS.contains(name) ? name + "_" : name;
  }

  /** UPPER_SNAKE for enum constants: {@code in progress} gives {@code IN_PROGRESS}. */
  public static String constantName(String label) {
    String joined = String.join("_", words(label)).toUpperCase(Locale.ROOT);
    return identifier(joined, "VALUE");
  }

  /** The singular of a table name for its record: {@code users} gives {@code user}. */
  public static String singular(String table) {
    String lower = table.toLowerCase(Locale.ROOT);
    if (lower.endsWith("ies") && table.length() > 3) {
      return table.substring(0, table.length() - 3) + "y";
    }
    if (lower.endsWith("sses")
        || lower.endsWith("shes")
        || lower.endsWith("ches")
        || lower.endsWith("xes")
        || lower.endsWith("zzes")) {
      return table.substring(0, table.length() - 2);
    }
    if (lower.endsWith("s")
        && !lower.endsWith("ss")
        && !lower.endsWith("us")
        && !lower.endsWith("is")
        && table.length() > 1) {
      return table.substring(0, table.length() - 1);
    }
    return table;
  }

  /**
   * Splits a SQL name into words at underscores, non-identifier characters and lower-to-upper case
   * changes ({@code createdAt}, {@code created_at} and {@code "created at"} all give {@code
   * created}, {@code at}). Words keep their case except that all-caps words are lowered.
   */
  static List<String> words(String sql) {
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int[] codePoints = sql.codePoints().toArray();
    for (int i = 0; i < codePoints.length; i++) {
      int c = codePoints[i];
      boolean part = Character.isLetterOrDigit(c);
      if (!part) {
        flush(words, current);
        continue;
      }
      if (current.length() > 0 && Character.isUpperCase(c)) {
        int previous = codePoints[i - 1];
        boolean nextIsLower = i + 1 < codePoints.length && Character.isLowerCase(codePoints[i + 1]);
        if (Character.isLowerCase(previous)
            || Character.isDigit(previous)
            || (Character.isUpperCase(previous) && nextIsLower)) {
          flush(words, current);
        }
      }
      current.appendCodePoint(c);
    }
    flush(words, current);
    return words;
  }

  private static void flush(List<String> words, StringBuilder current) {
    if (current.length() == 0) {
      return;
    }
    String word = current.toString();
    boolean allCaps =
        word.equals(word.toUpperCase(Locale.ROOT)) && !word.equals(word.toLowerCase(Locale.ROOT));
    words.add(allCaps && word.length() > 1 ? word.toLowerCase(Locale.ROOT) : word);
    current.setLength(0);
  }

  private static String lowerFirstWord(String word) {
    return Character.toLowerCase(word.charAt(0)) + word.substring(1);
  }

  /** Makes {@code name} a legal Java identifier that is not a keyword. */
  private static String identifier(String name, String fallback) {
    if (name.isEmpty()) {
      return fallback;
    }
    String result = name;
    if (!Character.isJavaIdentifierStart(result.codePointAt(0))) {
      result = "_" + result;
    }
    if (SourceVersion.isKeyword(result) || result.equals("_")) {
      result = result + "_";
    }
    return result;
  }
}
