package dev.quarry.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's commands are typed into bash, zsh, cmd.exe and PowerShell 5.1, and must mean the
 * same in all four. This checks each command keeps to the forms that do: one line starting with
 * {@code mvn}; no operator any of the shells reads ({@code &&} does not exist in PowerShell 5.1;
 * {@code ;}, {@code |}, {@code &}, redirections, {@code %}, {@code $}, {@code '}, backticks,
 * parentheses, braces, {@code @}, {@code #} and commas mean something in one or another); an
 * unquoted option holds no dot or colon (PowerShell splits {@code -Dexec.args=demo} at the dot); a
 * quoted argument is in double quotes with nothing inside that a shell expands.
 *
 * <p>What this cannot do is run cmd.exe or PowerShell; the commands were run for real in bash and
 * zsh (see docs/testing.md).
 */
class ReadmeCommandsTest {
  private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|(\\S+)");
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/=+.-]+");
  private static final Pattern QUOTED = Pattern.compile("[A-Za-z0-9_/=+. -]*");

  @Test
  void theCommandsParseTheSameInEveryShell() throws Exception {
    List<Readme.Block> blocks =
        Readme.blocks(Readme.load().section("Two commands on a fresh machine"));
    assertEquals(2, blocks.size(), "the section should show two commands");
    for (Readme.Block block : blocks) {
      List<String> lines = block.text().lines().filter(l -> !l.isBlank()).toList();
      assertEquals(1, lines.size(), "one command a block, on one line: " + block.text());
      String command = lines.get(0).strip();
      assertEquals(List.of(), problems(command), command);
    }
  }

  @Test
  void theRulesCatchWhatBreaksAShell() {
    assertTrue(!problems("mvn -B install && mvn -pl x exec:java").isEmpty());
    assertTrue(!problems("mvn -B exec:java -Dexec.args=demo").isEmpty());
    assertTrue(!problems("mvn -B exec:java '-Dexec.args=demo'").isEmpty());
    assertTrue(!problems("mvn -B exec:java \"-Dexec.args=$HOME\"").isEmpty());
    assertTrue(!problems("mvn -B -pl a,b install").isEmpty());
    assertTrue(!problems("./mvnw -B install").isEmpty());
    assertEquals(List.of(), problems("mvn -B -q install -DskipTests -Pdemo"));
    assertEquals(List.of(), problems("mvn -B exec:java \"-Dexec.args=serve --port 8080\""));
  }

  /** What in {@code command} does not read the same in all four shells. */
  static List<String> problems(String command) {
    List<String> problems = new ArrayList<>();
    Matcher tokens = TOKEN.matcher(command);
    List<String> seen = new ArrayList<>();
    while (tokens.find()) {
      String quoted = tokens.group(1);
      String plain = tokens.group(2);
      seen.add(quoted != null ? quoted : plain);
      if (quoted != null) {
        if (!QUOTED.matcher(quoted).matches()) {
          problems.add("\"" + quoted + "\": a character some shell expands inside double quotes");
        }
      } else if (!PLAIN.matcher(plain).matches() && !plain.matches("[a-z]+:[a-z-]+")) {
        problems.add(plain + ": a character some shell reads as an operator; quote it");
      } else if (plain.startsWith("-") && (plain.contains(".") || plain.contains(":"))) {
        problems.add(plain + ": PowerShell splits an unquoted option at a dot; quote it");
      }
    }
    if (seen.isEmpty() || !seen.get(0).equals("mvn")) {
      problems.add("a command starts with mvn, which every shell finds on the PATH the same way");
    }
    return problems;
  }
}
