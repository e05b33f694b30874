package dev.quarry.processor.lock;

/**
 * Names a type or table across databases as {@code schema.name} ({@code pg_catalog.int8}, {@code
 * public.users}); a schema that holds a dot or a quote is written in double quotes, so that the
 * first unquoted dot always ends the schema.
 */
public final class TypeKey {
  private TypeKey() {}

  public static String of(String schema, String name) {
    boolean quote = schema.isEmpty() || schema.contains(".") || schema.contains("\"");
    return (quote ? '"' + schema.replace("\"", "\"\"") + '"' : schema) + "." + name;
  }

  /** The schema and the name of a key made by {@link #of}. */
  public static String[] split(String key) {
    if (key.startsWith("\"")) {
      StringBuilder schema = new StringBuilder();
      int i = 1;
      while (i < key.length()) {
        char c = key.charAt(i);
        if (c == '"' && i + 1 < key.length() && key.charAt(i + 1) == '"') {
          schema.append('"');
          i += 2;
        } else if (c == '"') {
          break;
        } else {
          schema.append(c);
          i++;
        }
      }
      if (i + 1 >= key.length() || key.charAt(i + 1) != '.') {
        throw new IllegalArgumentException("not a schema-qualified name: " + key);
      }
      return new String[] {schema.toString(), key.substring(i + 2)};
    }
    int dot = key.indexOf('.');
    if (dot <= 0) {
      throw new IllegalArgumentException("not a schema-qualified name: " + key);
    }
    return new String[] {key.substring(0, dot), key.substring(dot + 1)};
  }
}
