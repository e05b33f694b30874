package dev.quarry.processor.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.config.MigrationFormat;
import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.diagnostics.Severity;
import dev.quarry.processor.diagnostics.SourceLocation;
import dev.quarry.processor.migration.SchemaSnapshot.Column;
import dev.quarry.processor.migration.SchemaSnapshot.ColumnKey;
import dev.quarry.processor.migration.SchemaSnapshot.NotNullCheck;
import dev.quarry.processor.migration.SchemaSnapshot.Relation;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.syntax.StatementSpan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The record kept with a cached migrated schema, and the key it is cached under. */
class MigrationRecordTest {
  private static Migration migration(String name, String text, Map<String, String> placeholders) {
    return new Migration(
        new SourceFile(Path.of("/p/migrations/" + name), "migrations/" + name, text),
        name.substring(1, 2),
        name,
        List.of(new StatementSpan(0, 0, text.length())),
        MigrationFormat.PLAIN,
        Migration.Transaction.AUTO,
        null,
        placeholders);
  }

  @Test
  void aRecordReadsBackAsTheHistoryAndDiagnosticsItWasMadeOf() throws Exception {
    Migration one = migration("V1__a.sql", "CREATE TABLE a (id int);", Map.of());
    Migration two = migration("V2__b.sql", "ALTER TABLE a RENAME id TO key;", Map.of());
    SchemaSnapshot after1 =
        new SchemaSnapshot(
            Map.of(16384L, new Relation("public", "a")),
            Map.of(new ColumnKey(16384L, 1), new Column("id", "integer")),
            List.of(new NotNullCheck(16384L, "a_id_check", "id", false)));
    SchemaSnapshot after2 =
        new SchemaSnapshot(
            Map.of(16384L, new Relation("public", "a")),
            Map.of(new ColumnKey(16384L, 1), new Column("key", "integer")),
            List.of());
    SchemaHistory history =
        new SchemaHistory(
            SchemaSnapshot.empty(),
            List.of(new SchemaHistory.Step(one, after1), new SchemaHistory.Step(two, after2)));
    List<Diagnostic> diagnostics =
        List.of(
            new Diagnostic(
                Severity.NOTE,
                Problem.STAND_IN_ROLE,
                new SourceLocation("migrations/V2__b.sql", 1, 1),
                "a note ünïcode"),
            new Diagnostic(Severity.WARNING, Problem.LOCK_RISK, null, "no location"));

    String text = MigrationRecord.encode(history, List.of(one, two), diagnostics);
    MigrationRecord read = MigrationRecord.decode(text, List.of(one, two)).orElseThrow();

    assertEquals(history, read.result().history());
    assertEquals(List.of(one, two), read.result().applied());
    assertTrue(read.result().succeeded());
    assertEquals(diagnostics, read.diagnostics());
    // The rename is still found through the oids the record kept.
    assertEquals(
        SchemaChange.Kind.RENAMED,
        read.result().history().columnChange("a", "id").orElseThrow().kind());
    // Another list of migrations, or text that is no record: nothing is reused.
    assertTrue(MigrationRecord.decode(text, List.of(one)).isEmpty());
    assertTrue(MigrationRecord.decode("not a record", List.of(one, two)).isEmpty());
  }

  @Test
  void theKeyChangesWithWhatChangesTheSchema() {
    Migration one = migration("V1__a.sql", "CREATE TABLE ${t} (id int);", Map.of("t", "a"));
    String key = MigrationRecord.key(List.of(one), true);
    assertEquals(key, MigrationRecord.key(List.of(one), true));
    assertNotEquals(
        key,
        MigrationRecord.key(
            List.of(migration("V1__a.sql", "CREATE TABLE ${t} (id bigint);", Map.of("t", "a"))),
            true),
        "an edited migration");
    assertNotEquals(
        key,
        MigrationRecord.key(
            List.of(migration("V1__a.sql", "CREATE TABLE ${t} (id int);", Map.of("t", "b"))), true),
        "another placeholder value");
    assertNotEquals(key, MigrationRecord.key(List.of(one), false), "a shared server");
    assertNotEquals(
        key,
        MigrationRecord.key(List.of(one, migration("V2__b.sql", "SELECT 1;", Map.of())), true),
        "one more migration");
  }
}
