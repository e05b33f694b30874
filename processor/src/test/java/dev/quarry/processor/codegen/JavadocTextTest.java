package dev.quarry.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class JavadocTextTest {

  @Test
  void plainSqlIsShownAsCode() {
    assertEquals(
        "<pre>{@code\nSELECT * FROM users WHERE email = @email\n}</pre>\n",
        JavadocText.sqlBlock("SELECT * FROM users WHERE email = @email\n"));
  }

  @Test
  void sqlThatWouldBreakTheCommentIsEscaped() {
    String block = JavadocText.sqlBlock("SELECT 1 /* a */ + 2");
    assertFalse(block.contains("*/"), block);
    String unicode = JavadocText.sqlBlock("SELECT E'\\u000a'");
    assertFalse(unicode.contains("\\u"), "javac reads \\u escapes even in comments: " + unicode);
    String tag = JavadocText.sqlBlock("SELECT 1\n@x");
    assertEquals("<pre>\nSELECT 1\n&#64;x\n</pre>\n", tag);
    String braces = JavadocText.sqlBlock("SELECT '}'");
    assertEquals("<pre>\nSELECT '&#125;'\n</pre>\n", braces);
  }

  @Test
  void proseIsHtmlEscaped() {
    assertEquals("a &lt; b &amp;&amp; c", JavadocText.prose("a < b && c"));
  }
}
