package dev.quarry.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.quarry.processor.config.Check;
import dev.quarry.processor.config.DatabaseChoice;
import dev.quarry.processor.config.KeepAlive;
import dev.quarry.processor.config.LockMode;
import dev.quarry.processor.config.MigrationOptions;
import dev.quarry.processor.config.PostgresVersion;
import dev.quarry.processor.config.ProcessorOptions;
import dev.quarry.processor.config.ProjectRequest;
import dev.quarry.processor.config.TypeOverrideSpec;
import dev.quarry.processor.syntax.TokenList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unchanged-inputs key: the same inputs give the same key, and a change of any kind of input
 * gives another, so that the build runs in full.
 */
class UnchangedInputsTest {
  @TempDir Path project;

  private ProcessorOptions options;
  private ProjectRequest request;

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(project.resolve("migrations/nested"));
    Files.createDirectories(project.resolve("queries"));
    Files.writeString(project.resolve("migrations/V1__users.sql"), "CREATE TABLE users (id int);");
    Files.writeString(project.resolve("migrations/nested/V2__more.sql"), "ALTER TABLE users;");
    Files.writeString(project.resolve("queries/users.sql"), "-- name: Users :many\nSELECT 1;\n");
    Files.writeString(project.resolve("queries/quarry.lock"), "lock v1\n");
    options =
        new ProcessorOptions(
            project, new DatabaseChoice.Embedded(), PostgresVersion.defaultVersion());
    request = new ProjectRequest("com.example", List.of("migrations"), List.of("queries"));
  }

  private String key() {
    return key("jar");
  }

  private String key(String processorHash) {
    return UnchangedInputs.key(
        new GenerationCache.KeyBuilder(processorHash),
        options,
        request,
        project.resolve("queries/quarry.lock"));
  }

  @Test
  void tokensAreKeyedByTheirTextAndRangeNotTokenByToken() {
    TokenList tokens = TokenList.of("SELECT a FROM t WHERE b = $1");
    assertEquals(
        UnchangedInputs.canonical(tokens, true),
        UnchangedInputs.canonical(TokenList.of("SELECT a FROM t WHERE b = $1"), true));
    assertNotEquals(
        UnchangedInputs.canonical(tokens, true),
        UnchangedInputs.canonical(TokenList.of("SELECT a FROM t WHERE b = $2"), true));
    assertNotEquals(
        UnchangedInputs.canonical(tokens, true),
        UnchangedInputs.canonical(tokens.range(0, 8), true));
    // One line, not one entry per token: the model of a large query file stays cheap to key.
    assertEquals(1, UnchangedInputs.canonical(tokens, true).split("Token\\[").length);
  }

  @Test
  void theSameInputsGiveTheSameKey() {
    String first = key();
    assertNotNull(first);
    assertEquals(first, key());
  }

  @Test
  void anEditedQueryFileChangesTheKey() throws IOException {
    String before = key();
    Files.writeString(project.resolve("queries/users.sql"), "-- name: Users :many\nSELECT 2;\n");
    assertNotEquals(before, key());
  }

  @Test
  void aNewQueryFileChangesTheKey() throws IOException {
    String before = key();
    Files.writeString(project.resolve("queries/more.sql"), "");
    assertNotEquals(before, key());
  }

  @Test
  void anEditedMigrationChangesTheKey() throws IOException {
    String before = key();
    Files.writeString(
        project.resolve("migrations/V1__users.sql"), "CREATE TABLE users (id bigint);");
    assertNotEquals(before, key());
  }

  @Test
  void aNestedMigrationFileChangesTheKey() throws IOException {
    String before = key();
    Files.writeString(project.resolve("migrations/nested/V2__more.sql"), "ALTER TABLE users x;");
    assertNotEquals(before, key());
  }

  @Test
  void theAtlasSumBesideASingleMigrationFileIsAnInput() throws IOException {
    request =
        new ProjectRequest("com.example", List.of("migrations/V1__users.sql"), List.of("queries"));
    String before = key();
    Files.writeString(project.resolve("migrations/atlas.sum"), "h1:abc\n");
    assertNotEquals(before, key());
  }

  @Test
  void anEditedLockFileChangesTheKey() throws IOException {
    String before = key();
    Files.writeString(project.resolve("queries/quarry.lock"), "lock v2\n");
    assertNotEquals(before, key());
  }

  @Test
  void aLockFileOutsideTheQueriesFolderIsAnInput() throws IOException {
    request =
        new ProjectRequest("com.example", List.of("migrations"), List.of("queries/users.sql"));
    String before = key();
    Files.writeString(project.resolve("queries/quarry.lock"), "lock v2\n");
    assertNotEquals(before, key());
  }

  @Test
  void anotherProcessorOptionChangesTheKey() {
    String before = key();
    options =
        new ProcessorOptions(
            project,
            new DatabaseChoice.Embedded(),
            PostgresVersion.defaultVersion(),
            MigrationOptions.defaults(),
            LockMode.OFFLINE,
            false,
            KeepAlive.DEFAULT);
    assertNotEquals(before, key());
  }

  @Test
  void anotherTypeOverrideChangesTheKey() {
    String before = key();
    request =
        new ProjectRequest(
            "com.example",
            List.of("migrations"),
            List.of("queries"),
            List.of(
                new TypeOverrideSpec(
                    "jsonb", null, "com.example.Json", "java.lang.String", "com.example.Doc")));
    assertNotEquals(before, key());
  }

  @Test
  void anotherPackageChangesTheKey() {
    String before = key();
    request = new ProjectRequest("com.example.other", List.of("migrations"), List.of("queries"));
    assertNotEquals(before, key());
  }

  @Test
  void anotherProcessorJarChangesTheKey() {
    assertNotEquals(key("jar"), key("another jar"));
  }

  @Test
  void aMissingPathIsKeyedAsMissing() throws IOException {
    request = new ProjectRequest("com.example", List.of("migrations"), List.of("queries/x.sql"));
    String before = key();
    Files.writeString(project.resolve("queries/x.sql"), "");
    assertNotEquals(before, key());
  }

  @Test
  void mapsAndSetsAreKeyedWhateverTheirIterationOrder() {
    Map<String, String> forward = new LinkedHashMap<>();
    forward.put("a", "1");
    forward.put("b", "2");
    Map<String, String> backward = new LinkedHashMap<>();
    backward.put("b", "2");
    backward.put("a", "1");
    assertEquals(UnchangedInputs.canonical(forward), UnchangedInputs.canonical(backward));
    assertEquals(
        UnchangedInputs.canonical(new LinkedHashSet<>(List.of("x", "y"))),
        UnchangedInputs.canonical(new LinkedHashSet<>(List.of("y", "x"))));
    assertNotEquals(
        UnchangedInputs.canonical(Map.of("a", "1")), UnchangedInputs.canonical(Map.of("a", "2")));
  }

  @Test
  void everyComponentOfTheOptionsIsKeyed() {
    String before = UnchangedInputs.canonical(options);
    Map<Check, Check.Level> checks = new EnumMap<>(Check.class);
    checks.put(Check.DOWN, Check.Level.WARNING);
    options =
        new ProcessorOptions(
            project,
            new DatabaseChoice.Embedded(),
            PostgresVersion.defaultVersion(),
            new MigrationOptions(null, Map.of(), checks, null, null, null),
            LockMode.AUTO,
            false);
    assertNotEquals(before, UnchangedInputs.canonical(options));
  }

  @Test
  void aLinkLoopInTheMigrationsHasNoKey() throws IOException {
    Files.createSymbolicLink(
        project.resolve("migrations/nested/loop"), project.resolve("migrations"));
    assertNull(key());
  }
}
