package dev.quarry.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's minimal example, exactly as printed, built offline by a real nested Maven on the
 * artifacts this build installed: the first build generates what the README says; a build with
 * nothing changed compiles nothing; editing a query and building again regenerates the code; a
 * migration that drops a column a query uses fails the build at the query's file:line:col. When
 * README and test disagree, the test fails.
 */
class ReadmeExampleTest {
  static final String SECTION = "A complete minimal example";

  @TempDir Path work;

  @Test
  void theMinimalExampleBuildsAndFollowsItsSql() throws Exception {
    NestedMaven maven = NestedMaven.find();
    Readme readme = Readme.load();
    Readme.Example example = readme.example(SECTION);
    assertEquals(
        new TreeSet<>(example.listed()),
        new TreeSet<>(example.files().keySet()),
        "the files the README's tree lists and the files it prints");
    assertTrue(
        example
            .files()
            .get("pom.xml")
            .contains(
                "<quarry.version>" + System.getProperty("quarry.version") + "</quarry.version>"),
        "the README's pom.xml should name this build's version, "
            + System.getProperty("quarry.version"));

    Path project = work.resolve(example.root());
    for (var file : example.files().entrySet()) {
      Path path = project.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
    Path packageInfo =
        example.files().keySet().stream()
            .filter(p -> p.endsWith("/package-info.java"))
            .map(Path::of)
            .findFirst()
            .orElseThrow(() -> new AssertionError("the example has no package-info.java"));
    Path generated =
        project
            .resolve("target/generated-sources/annotations")
            .resolve(Path.of("src/main/java").relativize(packageInfo.getParent()));

    maven.fetchPlugins(project);
    NestedMaven.Result first = maven.offline(project, "compile");
    assertTrue(first.succeeded(), first.output());
    whatYouGetIsGenerated(readme, generated, first.output());

    // Nothing changed (the lock file the first build wrote is Quarry's output, not an input).
    NestedMaven.Result again = maven.offline(project, "compile");
    assertTrue(again.succeeded(), again.output());
    assertTrue(again.output().contains("Quarry: SQL inputs unchanged"), again.output());
    assertTrue(again.output().contains("Nothing to compile"), again.output());

    // Edit a query: one more column in a result.
    Path queries = project.resolve("queries/users.sql");
    String before = Files.readString(queries);
    String after =
        before.replace(
            "SELECT id, email FROM users WHERE role",
            "SELECT id, email, created_at FROM users WHERE role");
    assertNotEquals(before, after, "the README's ListUsersByRole query changed; update this test");
    Files.writeString(queries, after);
    NestedMaven.Result second = maven.offline(project, "compile");
    assertTrue(second.succeeded(), second.output());
    assertTrue(
        second.output().contains("Quarry: SQL inputs changed (changed queries/users.sql)"),
        second.output());
    assertFalse(second.output().contains("Nothing to compile"), second.output());
    assertTrue(
        normalized(Files.readString(generated.resolve("UsersQueries.java")))
            .contains("record ListUsersByRoleRow(long id, String email, OffsetDateTime createdAt)"),
        second.output());

    // A migration that drops a column UpdateBio uses.
    Files.writeString(
        project.resolve("migrations/V2__drop_bio.sql"), "ALTER TABLE users DROP COLUMN bio;\n");
    NestedMaven.Result third = maven.offline(project, "compile");
    assertFalse(third.succeeded(), third.output());
    String where = "queries/users.sql:" + lineAndColumnOf(after, "UPDATE users SET bio", "bio");
    assertTrue(
        third.output().contains(where + ": UpdateBio: "),
        "expected the error at " + where + ":\n" + third.output());
    assertTrue(third.output().contains("migrations/V2__drop_bio.sql"), third.output());
  }

  /**
   * Every {@code public} declaration in the README's "What you get" block is in the generated
   * sources (spacing aside); the enum line is a summary and is left out.
   */
  private static void whatYouGetIsGenerated(Readme readme, Path generated, String output)
      throws Exception {
    Readme.Block block =
        Readme.blocks(readme.section(SECTION)).stream()
            .filter(b -> b.language().equals("java") && b.text().contains("final class"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no \"What you get\" block in the README"));
    StringBuilder sources = new StringBuilder();
    try (Stream<Path> files = Files.list(generated)) {
      for (Path file : files.sorted().toList()) {
        sources.append(Files.readString(file)).append('\n');
      }
    }
    String all = normalized(sources.toString());
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (String line : block.text().lines().toList()) {
      String declaration = line.replaceAll("//.*$", "").strip();
      if (!declaration.startsWith("public ") || declaration.contains(" enum ")) {
        continue;
      }
      declaration = normalized(declaration.replaceAll("\\s*\\{\\s*}?$", ""));
      checked++;
      if (!all.contains(declaration)) {
        missing.add(declaration);
      }
    }
    assertTrue(checked >= 5, "the README's \"What you get\" block has too few declarations");
    assertEquals(
        List.of(), missing, "declarations the README shows but Quarry did not generate\n" + output);
  }

  /** Java text with runs of white space made one space, and none inside parentheses' edges. */
  private static String normalized(String java) {
    return java.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
  }

  /**
   * {@code line:column} (1-based) of {@code word} in the first line of {@code text} containing
   * {@code marker}.
   */
  private static String lineAndColumnOf(String text, String marker, String word) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      int at = lines.get(i).indexOf(marker);
      if (at >= 0) {
        return (i + 1) + ":" + (lines.get(i).indexOf(word, at + marker.indexOf(word)) + 1);
      }
    }
    throw new AssertionError("no line with \"" + marker + "\" in the README's query file");
  }
}
