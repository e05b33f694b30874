package dev.quarry.processor.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

  /** The non-white-space tokens of {@code sql} as {@code KIND:text}, one string. */
  private static String lex(String sql) {
    return SqlLexer.tokenize(sql).stream()
        .filter(t -> t.kind() != TokenKind.WHITESPACE)
        .map(t -> t.kind() + ":" + t.text(sql))
        .collect(Collectors.joining(" | "));
  }

  private static TokenKind single(String sql) {
    List<Token> tokens = SqlLexer.tokenize(sql);
    assertEquals(1, tokens.size(), () -> "expected one token for " + sql + " but got " + tokens);
    assertEquals(0, tokens.get(0).start());
    assertEquals(sql.length(), tokens.get(0).end());
    return tokens.get(0).kind();
  }

  @Test
  void everyTokenKind() {
    assertEquals(TokenKind.WHITESPACE, single(" \t\r\n\f\u000B"));
    assertEquals(TokenKind.LINE_COMMENT, single("-- hello ' \" $$ ; /*"));
    assertEquals(TokenKind.BLOCK_COMMENT, single("/* a ; ' */"));
    assertEquals(TokenKind.IDENTIFIER, single("users"));
    assertEquals(TokenKind.IDENTIFIER, single("_a$b1"));
    assertEquals(TokenKind.IDENTIFIER, single("café_ñ"));
    assertEquals(TokenKind.IDENTIFIER, single("名前"));
    assertEquals(TokenKind.QUOTED_IDENTIFIER, single("\"Weird \"\"Name\"\" ;\""));
    assertEquals(TokenKind.QUOTED_IDENTIFIER, single("U&\"d\\0061t\\+000061\""));
    assertEquals(TokenKind.STRING, single("'it''s ; -- not a comment'"));
    assertEquals(TokenKind.STRING, single("'back\\'"));
    assertEquals(TokenKind.ESCAPE_STRING, single("E'it\\'s \\\\ ok'"));
    assertEquals(TokenKind.ESCAPE_STRING, single("e'a''b'"));
    assertEquals(TokenKind.UNICODE_STRING, single("U&'d\\0061ta'"));
    assertEquals(TokenKind.UNICODE_STRING, single("u&'x'"));
    assertEquals(TokenKind.BIT_STRING, single("B'1010'"));
    assertEquals(TokenKind.HEX_STRING, single("x'1F'"));
    assertEquals(TokenKind.NATIONAL_STRING, single("N'text'"));
    assertEquals(TokenKind.DOLLAR_STRING, single("$$ it's ; $$"));
    assertEquals(TokenKind.DOLLAR_STRING, single("$fn$ BEGIN $$x$$; END $fn$"));
    assertEquals(TokenKind.NUMBER, single("42"));
    assertEquals(TokenKind.NUMBER, single("1.5e3"));
    assertEquals(TokenKind.NUMBER, single(".5"));
    assertEquals(TokenKind.NUMBER, single("1.5E-3"));
    assertEquals(TokenKind.NUMBER, single("1."));
    assertEquals(TokenKind.NUMBER, single("0x1F"));
    assertEquals(TokenKind.NUMBER, single("1_000_000"));
    assertEquals(TokenKind.POSITIONAL_PARAMETER, single("$12"));
    assertEquals(TokenKind.NAMED_PARAMETER, single("@user_id"));
    assertEquals(TokenKind.CAST, single("::"));
    assertEquals(TokenKind.OPERATOR, single("->>"));
    assertEquals(TokenKind.LEFT_PAREN, single("("));
    assertEquals(TokenKind.RIGHT_PAREN, single(")"));
    assertEquals(TokenKind.LEFT_BRACKET, single("["));
    assertEquals(TokenKind.RIGHT_BRACKET, single("]"));
    assertEquals(TokenKind.COMMA, single(","));
    assertEquals(TokenKind.SEMICOLON, single(";"));
    assertEquals(TokenKind.DOT, single("."));
    assertEquals(TokenKind.COLON, single(":"));
    assertEquals(TokenKind.OTHER, single("{"));
    assertEquals(TokenKind.OTHER, single("\\"));
    assertEquals(TokenKind.UNTERMINATED_STRING, single("'abc"));
    assertEquals(TokenKind.UNTERMINATED_QUOTED_IDENTIFIER, single("\"abc"));
    assertEquals(TokenKind.UNTERMINATED_DOLLAR_STRING, single("$t$ abc $x$"));
    assertEquals(TokenKind.UNTERMINATED_BLOCK_COMMENT, single("/* a /* b */"));
  }

  @Test
  void statementWithManyKinds() {
    assertEquals(
        "IDENTIFIER:SELECT | IDENTIFIER:a | DOT:. | IDENTIFIER:b | CAST::: | IDENTIFIER:text"
            + " | COMMA:, | STRING:'x;y' | OPERATOR:|| | ESCAPE_STRING:E'\\'' | IDENTIFIER:FROM"
            + " | IDENTIFIER:t | IDENTIFIER:WHERE | IDENTIFIER:id | OPERATOR:= | POSITIONAL_PARAMETER:$1"
            + " | LINE_COMMENT:-- done | SEMICOLON:;",
        lex("SELECT a.b::text, 'x;y' || E'\\'' FROM t WHERE id = $1 -- done\n;"));
  }

  @Test
  void jsonbAndGeometryOperatorsAreSingleTokens() {
    for (String op :
        List.of(
            "@>", "<@", "@@", "?", "?|", "?&", "->", "->>", "#>", "#>>", "#-", "@?", "&&", "||",
            "<->", "!~~*", "<>", "!=", ">=", "<=", "~*")) {
      assertEquals("IDENTIFIER:a | OPERATOR:" + op + " | IDENTIFIER:b", lex("a " + op + " b"), op);
    }
    assertEquals(
        "IDENTIFIER:doc | OPERATOR:?| | IDENTIFIER:array | LEFT_BRACKET:[ | STRING:'a'"
            + " | RIGHT_BRACKET:]",
        lex("doc ?| array['a']"));
  }

  @Test
  void operatorsFollowPostgresTrailingSignRule() {
    // "=-" is "=" then the sign of -1: + and - cannot end an operator made of SQL characters.
    assertEquals("IDENTIFIER:a | OPERATOR:= | OPERATOR:- | NUMBER:1", lex("a=-1"));
    assertEquals("IDENTIFIER:a | OPERATOR:<= | OPERATOR:- | NUMBER:1", lex("a<=-1"));
    // With a non-SQL character inside, the trailing - stays part of the operator.
    assertEquals("IDENTIFIER:a | OPERATOR:@- | NUMBER:1", lex("a @-1"));
    assertEquals("IDENTIFIER:a | OPERATOR:#- | IDENTIFIER:b", lex("a #- b"));
    // An operator stops where a comment starts.
    assertEquals("IDENTIFIER:a | OPERATOR:= | LINE_COMMENT:--1", lex("a =--1"));
    assertEquals(
        "IDENTIFIER:a | OPERATOR:* | BLOCK_COMMENT:/* c */ | IDENTIFIER:b", lex("a */* c */b"));
  }

  @Test
  void atSignIsAParameterOnlyWhereSqlcReadsOne() {
    assertEquals("IDENTIFIER:a | OPERATOR:@> | IDENTIFIER:b", lex("a @> b"));
    assertEquals("IDENTIFIER:x | OPERATOR:<@ | IDENTIFIER:y", lex("x <@ y"));
    assertEquals("IDENTIFIER:x | OPERATOR:<@ | IDENTIFIER:y", lex("x <@y"));
    assertEquals("IDENTIFIER:ts | OPERATOR:@@ | IDENTIFIER:q", lex("ts @@ q"));
    assertEquals("IDENTIFIER:ts | OPERATOR:@@ | IDENTIFIER:q", lex("ts @@q"));
    assertEquals("IDENTIFIER:id | OPERATOR:= | NAMED_PARAMETER:@id", lex("id = @id"));
    assertEquals(
        "LEFT_PAREN:( | NAMED_PARAMETER:@a | COMMA:, | NAMED_PARAMETER:@b | RIGHT_PAREN:)",
        lex("(@a,@b)"));
    assertEquals("NAMED_PARAMETER:@id | CAST::: | IDENTIFIER:bigint", lex("@id::bigint"));
    assertEquals("NUMBER:2 | OPERATOR:- | NAMED_PARAMETER:@max", lex("2 - @max"));
    // Glued to an operator, "@" is part of that operator, as PostgreSQL lexes it.
    assertEquals("IDENTIFIER:a | OPERATOR:=@ | IDENTIFIER:b", lex("a=@b"));
    // Directly after an identifier, "a@b" is the binary operator @ (and $1 could not be glued on).
    assertEquals("IDENTIFIER:a | OPERATOR:@ | IDENTIFIER:b", lex("a@b"));
    // "@" before a digit or a space is the absolute-value operator.
    assertEquals("OPERATOR:@ | NUMBER:5", lex("@5"));
    assertEquals("OPERATOR:@ | OPERATOR:- | NUMBER:5", lex("@ -5"));
  }

  @Test
  void nestedBlockComments() {
    String sql = "/* outer /* inner ; */ still comment ' */ SELECT";
    assertEquals(
        "BLOCK_COMMENT:/* outer /* inner ; */ still comment ' */ | IDENTIFIER:SELECT", lex(sql));
    assertEquals("BLOCK_COMMENT:/**/ | IDENTIFIER:x", lex("/**/x"));
  }

  @Test
  void dollarQuotes() {
    assertEquals("DOLLAR_STRING:$a$ $b$ ; $a $a$ | IDENTIFIER:x", lex("$a$ $b$ ; $a $a$ x"));
    assertEquals("DOLLAR_STRING:$_1$x$_1$", lex("$_1$x$_1$"));
    // $1 is a parameter, not a dollar quote with tag "1".
    assertEquals("POSITIONAL_PARAMETER:$1 | OPERATOR:+ | POSITIONAL_PARAMETER:$2", lex("$1+$2"));
    assertEquals("POSITIONAL_PARAMETER:$1 | POSITIONAL_PARAMETER:$2", lex("$1$2"));
    // "$" inside an identifier is an identifier character, so this is no dollar quote.
    assertEquals("IDENTIFIER:a$b$ | IDENTIFIER:c", lex("a$b$ c"));
    assertEquals("OTHER:$ | IDENTIFIER:foo", lex("$foo"));
    assertEquals("DOLLAR_STRING:$Tag$a$tag$b$Tag$", lex("$Tag$a$tag$b$Tag$"));
  }

  @Test
  void escapeStrings() {
    assertEquals("ESCAPE_STRING:E'it\\'s' | IDENTIFIER:x", lex("E'it\\'s' x"));
    assertEquals("ESCAPE_STRING:E'\\\\' | STRING:'a'", lex("E'\\\\' 'a'"));
    // In a standard string a backslash is ordinary, so the quote after it ends the string.
    assertEquals("STRING:'\\' | IDENTIFIER:x", lex("'\\' x"));
    assertEquals("UNTERMINATED_STRING:E'\\'", lex("E'\\'"));
  }

  @Test
  void stringsContinueAcrossLineBreaks() {
    assertEquals("STRING:'a'\n  'b'", lex("'a'\n  'b'"));
    assertEquals("STRING:'a' | STRING:'b'", lex("'a' 'b'"));
    assertEquals("ESCAPE_STRING:E'a'\n-- c\n'\\'' | IDENTIFIER:x", lex("E'a'\n-- c\n'\\'' x"));
  }

  @Test
  void bitAndHexStringsEndAtTheFirstQuote() {
    assertEquals("BIT_STRING:B'10' | STRING:'01'", lex("B'10''01'"));
  }

  @Test
  void numbers() {
    assertEquals("NUMBER:1 | DOT:. | DOT:. | NUMBER:5", lex("1..5"));
    assertEquals("NUMBER:1 | IDENTIFIER:e", lex("1e"));
    assertEquals("NUMBER:1 | IDENTIFIER:e | OPERATOR:+", lex("1e+"));
    assertEquals("NUMBER:3.14 | IDENTIFIER:abc", lex("3.14abc"));
    assertEquals("IDENTIFIER:t | DOT:. | IDENTIFIER:c", lex("t.c"));
  }

  @Test
  void castsColonsAndSlices() {
    assertEquals(
        "IDENTIFIER:a | LEFT_BRACKET:[ | NUMBER:1 | COLON:: | NUMBER:2 | RIGHT_BRACKET:]",
        lex("a[1:2]"));
    assertEquals(
        "IDENTIFIER:f | LEFT_PAREN:( | IDENTIFIER:x | OPERATOR::= | NUMBER:1 | RIGHT_PAREN:)"
            + " | OPERATOR:=> | NUMBER:2",
        lex("f(x := 1) => 2"));
  }

  @Test
  void unterminatedTokensRunToTheEndAndKeepTheirStart() {
    List<Token> tokens = SqlLexer.tokenize("SELECT 'abc; -- x");
    Token last = tokens.get(tokens.size() - 1);
    assertEquals(TokenKind.UNTERMINATED_STRING, last.kind());
    assertEquals(7, last.start());
    assertTrue(last.kind().unterminated());
    assertEquals("string constant", last.kind().unterminatedWhat());
    assertFalse(TokenKind.STRING.unterminated());
    assertEquals("UNTERMINATED_QUOTED_IDENTIFIER:U&\"x", lex("U&\"x"));
    assertEquals("UNTERMINATED_DOLLAR_STRING:$$ abc", lex("$$ abc"));
  }

  @Test
  void rangesGiveOffsetsIntoTheWholeText() {
    String sql = "xx SELECT 1; yy";
    List<Token> tokens = SqlLexer.tokenize(sql, 3, 11);
    assertEquals(3, tokens.get(0).start());
    assertEquals(11, tokens.get(tokens.size() - 1).end());
    assertEquals("SELECT", tokens.get(0).text(sql));
    // A string cut by the end of the range is unterminated within the range.
    assertEquals(TokenKind.UNTERMINATED_STRING, SqlLexer.tokenize("'abc'", 0, 3).get(0).kind());
  }

  @Test
  void identifierNamesAndStringValues() {
    String sql = "MyTable \"My \"\"T\"\"\" U&\"d\\0061t\\+000061\" 'it''s'";
    List<Token> t = SqlLexer.tokenize(sql).stream().filter(x -> !x.trivia()).toList();
    assertEquals("mytable", SqlLexer.identifierName(sql, t.get(0)));
    assertEquals("My \"T\"", SqlLexer.identifierName(sql, t.get(1)));
    assertEquals("data", SqlLexer.identifierName(sql, t.get(2)));
    assertEquals("it's", SqlLexer.stringValue(sql, t.get(3)));
  }

  @Test
  void neverThrowsAndCoversEveryCharacter() {
    Random random = new Random(42);
    String alphabet = "ab$1@'\"E&U-/*\\;:?|.()[]\n é😀_0x";
    for (int round = 0; round < 3000; round++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(30);
      for (int i = 0; i < length; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String sql = sb.toString();
      List<Token> tokens = SqlLexer.tokenize(sql);
      int expected = 0;
      for (Token token : tokens) {
        assertEquals(expected, token.start(), sql);
        assertTrue(token.end() > token.start(), sql);
        expected = token.end();
      }
      assertEquals(sql.length(), expected, sql);
      SqlLexer.splitStatements(sql);
    }
  }
}
