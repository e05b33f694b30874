package dev.quarry.processor.types;

import dev.quarry.processor.syntax.Token;
import dev.quarry.processor.syntax.TokenKind;
import dev.quarry.processor.syntax.TokenList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Matches a type name as a user writes it in a type override ({@code jsonb}, {@code integer},
 * {@code timestamp with time zone}, {@code public.mood}, {@code "LeaseKind"}, {@code billing."Lease
 * Kind"}) against catalog types, on Quarry's side: no type name is sent to the server. Quoted
 * identifiers match exactly; unquoted ones ignore case, as they always did here. An unqualified
 * name matches the type in any schema; SQL's own spellings match PostgreSQL's internal names
 * ({@code integer} is {@code int4}); a type modifier ({@code varchar(20)}) is ignored.
 *
 * @param schema the schema written, or null
 * @param name the type's name as written, without quotes
 * @param quoted whether the name was quoted (then it is compared exactly)
 */
public record TypeNames(@Nullable String schema, String name, boolean quoted) {

  private static final Map<String, String> STANDARD_NAMES =
      Map.ofEntries(
          Map.entry("integer", "int4"),
          Map.entry("int", "int4"),
          Map.entry("smallint", "int2"),
          Map.entry("bigint", "int8"),
          Map.entry("real", "float4"),
          Map.entry("float", "float8"),
          Map.entry("double precision", "float8"),
          Map.entry("boolean", "bool"),
          Map.entry("character varying", "varchar"),
          Map.entry("char varying", "varchar"),
          Map.entry("character", "bpchar"),
          Map.entry("char", "bpchar"),
          Map.entry("decimal", "numeric"),
          Map.entry("dec", "numeric"),
          Map.entry("timestamp without time zone", "timestamp"),
          Map.entry("timestamp with time zone", "timestamptz"),
          Map.entry("time without time zone", "time"),
          Map.entry("time with time zone", "timetz"),
          Map.entry("bit varying", "varbit"));

  /** Reads a written type name; null when it is not one. */
  public static @Nullable TypeNames parse(String written) {
    String text = written.strip();
    TokenList tokens = TokenList.of(text).significant();
    // A type modifier, "(20)", says nothing about which type it is.
    int end = tokens.size();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).kind() == TokenKind.LEFT_PAREN) {
        end = i;
        break;
      }
    }
    List<Token> parts = tokens.subList(0, end);
    if (parts.isEmpty()) {
      return null;
    }
    if (parts.size() == 3
        && parts.get(1).kind() == TokenKind.DOT
        && isIdentifier(parts.get(0))
        && isIdentifier(parts.get(2))) {
      Token name = parts.get(2);
      return new TypeNames(
          name(tokens, parts.get(0)),
          name(tokens, name),
          name.kind() == TokenKind.QUOTED_IDENTIFIER);
    }
    StringBuilder words = new StringBuilder();
    for (Token part : parts) {
      if (!isIdentifier(part)) {
        return null;
      }
      if (part.kind() == TokenKind.QUOTED_IDENTIFIER) {
        if (parts.size() != 1) {
          return null;
        }
        return new TypeNames(null, tokens.name(part), true);
      }
      words.append(words.length() == 0 ? "" : " ").append(part.text(text));
    }
    String lower = words.toString().toLowerCase(Locale.ROOT);
    return new TypeNames(null, STANDARD_NAMES.getOrDefault(lower, words.toString()), false);
  }

  private static boolean isIdentifier(Token token) {
    return token.kind() == TokenKind.IDENTIFIER || token.kind() == TokenKind.QUOTED_IDENTIFIER;
  }

  private static String name(TokenList tokens, Token token) {
    return token.kind() == TokenKind.QUOTED_IDENTIFIER ? tokens.name(token) : tokens.text(token);
  }

  /** Whether the type {@code typeName} in {@code typeSchema} is the type this name names. */
  public boolean matches(String typeSchema, String typeName) {
    boolean nameMatches = quoted ? name.equals(typeName) : name.equalsIgnoreCase(typeName);
    return nameMatches && (schema == null || schema.equalsIgnoreCase(typeSchema));
  }

  /**
   * Whether {@code written} names the type {@code typeName} in {@code typeSchema}, by {@link
   * #parse} and {@link #matches}.
   */
  public static boolean names(String written, String typeSchema, String typeName) {
    TypeNames parsed = parse(written);
    return parsed != null && parsed.matches(typeSchema, typeName);
  }
}
