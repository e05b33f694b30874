package dev.quarry.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo, as {@code exec:java -Dexec.args=demo} runs it: embedded database, real HTTP. */
class DemoTest {

  @Test
  void demoRunsEveryStepAsExpected() throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      status = Main.run(new String[] {"demo"}, out, out);
    }
    String printed = output.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, printed);
    assertTrue(printed.contains("steps answered as expected"), printed);
    assertTrue(printed.contains("-> 409 ok"), printed);
    assertTrue(printed.contains("-> 404 ok"), printed);
  }

  @Test
  void badCommandLinesAreUsageErrors() throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      assertEquals(2, Main.run(new String[] {}, out, out));
      assertEquals(2, Main.run(new String[] {"fly"}, out, out));
      assertEquals(2, Main.run(new String[] {"demo", "--port", "1"}, out, out));
      assertEquals(2, Main.run(new String[] {"serve", "--database", "mysql://x"}, out, out));
      assertEquals(2, Main.run(new String[] {"demo", "--pool-size", "0"}, out, out));
      assertEquals(2, Main.run(new String[] {"serve", "--pool-timeout-ms", "100"}, out, out));
      assertEquals(2, Main.run(new String[] {"serve", "--pool-size", "four"}, out, out));
    }
    String printed = output.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("usage:"), printed);
    assertTrue(printed.contains("--pool-size must be 1..1000: 0"), printed);
    assertTrue(printed.contains("--pool-timeout-ms must be 250..3600000: 100"), printed);
  }
}
