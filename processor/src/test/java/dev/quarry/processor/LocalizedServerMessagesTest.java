package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quarry reads PostgreSQL's SQLSTATE, error position and structured fields, never its message text,
 * whose language is the server's {@code lc_messages}: a build against the local server with German
 * messages still names the migration that renamed the column a query uses, and still suggests the
 * column a misspelled name means (from the catalog, not from the server's German hint). Needs the
 * local server and the OS locale de_DE.UTF-8 ({@code .ci/run} generates it with localedef); skips,
 * with the reason, without them. (Embedded PostgreSQL ships no translations.)
 */
class LocalizedServerMessagesTest {
  private static final String LOCALE = "de_DE.UTF-8";

  @TempDir Path project;

  @Test
  void aRenamedColumnIsExplainedWhenTheServerSpeaksGerman() throws IOException {
    LocalServer.assumeAnswers();
    assumeTrue(
        serverAccepts(LOCALE),
        "the local server cannot set lc_messages = '"
            + LOCALE
            + "' (the OS lacks the locale): localedef --no-archive -i de_DE -f UTF-8 "
            + LOCALE
            + " makes it, as .ci/run does");
    DatabaseFaultsTest.write(
        project,
        "migrations/V1__users.sql",
        "CREATE TABLE users (id bigint PRIMARY KEY, bio text);\n"
            + "CREATE TABLE profiles (id bigint PRIMARY KEY);\n",
        "migrations/V2__rename_bio.sql",
        "ALTER TABLE users RENAME COLUMN bio TO biography;\n",
        "migrations/V3__drop_profiles.sql",
        "DROP TABLE profiles;\n",
        "queries/users.sql",
        "-- name: GetBio :one\nSELECT u.bio FROM users u WHERE u.id = @id;\n"
            + "\n-- name: ListProfiles :many\nSELECT id FROM profiles;\n"
            + "\n-- name: Misspelled :one\nSELECT u.biograpy FROM users u WHERE u.id = @id;\n"
            + "\n-- name: MisspelledBare :one\nSELECT biografy FROM users WHERE id = @id;\n");
    Compilation compilation =
        CompileCaseTest.compileWith(
            List.of(
                "-Aquarry.projectDir=" + project.toAbsolutePath(),
                // pgjdbc's options parameter: every session of the build speaks German.
                "-Aquarry.database=" + LocalServer.URL + "&options=-c%20lc_messages=" + LOCALE,
                "-Aquarry.lock=off"),
            "migrations",
            "queries");
    List<String> errors =
        compilation.errors().stream().map(d -> d.getMessage(null)).sorted().toList();
    assertEquals(4, errors.size(), errors::toString);
    String renamed = error(errors, "GetBio");
    String unknownTable = error(errors, "ListProfiles");
    String misspelled = error(errors, "Misspelled");
    String misspelledBare = error(errors, "MisspelledBare");
    // The server really spoke German: its own text is in the messages.
    assertTrue(renamed.contains("existiert nicht"), renamed);
    assertTrue(
        renamed.startsWith("queries/users.sql:2:8: GetBio: "), () -> renamed + "\n" + errors);
    assertTrue(
        renamed.contains(
            "migrations/V2__rename_bio.sql renamed users.bio to users.biography;"
                + " update the query to the new schema [SQLSTATE 42703] [quarry:unknown-name]"),
        renamed);
    assertTrue(unknownTable.startsWith("queries/users.sql:5:16: ListProfiles: "), unknownTable);
    assertTrue(
        unknownTable.endsWith(
            "; migrations/V3__drop_profiles.sql dropped profiles; update the query to the new"
                + " schema [SQLSTATE 42P01] [quarry:unknown-name]"),
        unknownTable);
    // PostgreSQL's hint ("Perhaps you meant ...") is German here; the suggestion is Quarry's own.
    assertTrue(misspelled.startsWith("queries/users.sql:8:8: Misspelled: "), misspelled);
    assertTrue(
        misspelled.contains(" (did you mean u.biography?) [SQLSTATE 42703] [quarry:unknown-name]"),
        misspelled);
    assertTrue(misspelled.contains("existiert nicht"), misspelled);
    assertTrue(
        misspelledBare.contains(
            " (did you mean users.biography?) [SQLSTATE 42703] [quarry:unknown-name]"),
        misspelledBare);
    assertTrue(
        compilation.diagnostics().stream()
            .noneMatch(d -> d.getKind() == Diagnostic.Kind.WARNING && isQuarry(d)),
        compilation.diagnostics()::toString);
  }

  private static String error(List<String> errors, String query) {
    return errors.stream()
        .filter(e -> e.contains(": " + query + ": "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no error of " + query + " in " + errors));
  }

  private static boolean isQuarry(Diagnostic<?> d) {
    return d.getMessage(null).contains("[quarry:");
  }

  private static boolean serverAccepts(String locale) {
    try (Connection connection = LocalServer.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("SET lc_messages = '" + locale + "'");
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
