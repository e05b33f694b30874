package dev.quarry.build;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * README.md as the tests read it: its sections and fenced code blocks, exactly as printed. A test
 * that cannot find what it looks for fails, naming the section: README and tests must agree.
 */
final class Readme {
  /** A fenced code block and the line just above it (its caption, often a file name). */
  record Block(String caption, String language, String text) {}

  /** The example project: the paths its tree lists, and each file's text. */
  record Example(String root, List<String> listed, Map<String, String> files) {}

  private static final Pattern FILE_CAPTION = Pattern.compile("^`([^`]+)`(?: \\([^)]*\\))?:$");

  private final String text;

  private Readme(String text) {
    this.text = text;
  }

  static Readme load() throws IOException {
    Path root = Path.of(System.getProperty("quarry.repoRoot", ".."));
    return new Readme(Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8));
  }

  /** The text under the level-2 heading {@code heading}, up to the next level-2 heading. */
  String section(String heading) {
    List<String> lines = text.lines().toList();
    int start = lines.indexOf("## " + heading);
    if (start < 0) {
      fail("README.md has no section \"## " + heading + "\"");
    }
    StringBuilder section = new StringBuilder();
    boolean inFence = false;
    for (int i = start + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        inFence = !inFence;
      }
      if (!inFence && line.startsWith("## ")) {
        break;
      }
      section.append(line).append('\n');
    }
    return section.toString();
  }

  /** The fenced blocks of a section, in order, with their text exactly as printed. */
  static List<Block> blocks(String section) {
    List<String> lines = section.lines().toList();
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("```")) {
        continue;
      }
      String caption = i > 0 ? lines.get(i - 1) : "";
      String language = lines.get(i).substring(3).strip();
      StringBuilder body = new StringBuilder();
      int j = i + 1;
      while (j < lines.size() && !lines.get(j).startsWith("```")) {
        body.append(lines.get(j)).append('\n');
        j++;
      }
      if (j == lines.size()) {
        fail("README.md: a code block that starts after \"" + caption + "\" is not closed");
      }
      blocks.add(new Block(caption, language, body.toString()));
      i = j;
    }
    return blocks;
  }

  /**
   * The example project of a section: the first block is its tree ({@code my-app/} and one indented
   * path a line), and each file is a block captioned {@code `path`:}.
   */
  Example example(String heading) {
    List<Block> blocks = blocks(section(heading));
    assertTrue(!blocks.isEmpty(), "README.md section \"" + heading + "\" has no code block");
    List<String> tree = blocks.get(0).text().lines().toList();
    String root = tree.get(0).strip();
    assertTrue(
        root.endsWith("/"), "the first block of \"" + heading + "\" should be the project's tree");
    List<String> listed = new ArrayList<>();
    for (String line : tree.subList(1, tree.size())) {
      if (!line.isBlank()) {
        listed.add(line.strip());
      }
    }
    Map<String, String> files = new LinkedHashMap<>();
    for (Block block : blocks.subList(1, blocks.size())) {
      Matcher caption = FILE_CAPTION.matcher(block.caption().strip());
      if (caption.matches()) {
        files.put(caption.group(1), block.text());
      }
    }
    return new Example(root.substring(0, root.length() - 1), listed, files);
  }
}
