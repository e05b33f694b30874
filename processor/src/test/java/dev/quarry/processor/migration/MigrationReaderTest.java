package dev.quarry.processor.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.source.SourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationReaderTest {
  @TempDir Path project;
  private final Diagnostics diagnostics = new Diagnostics();

  private List<Migration> read(String... names) throws IOException {
    Path dir = Files.createDirectories(project.resolve("migrations"));
    for (String name : names) {
      Files.writeString(dir.resolve(name), "SELECT 1; SELECT 2;");
    }
    return new MigrationReader(new SourceReader(project, diagnostics), diagnostics)
        .read(List.of("migrations"));
  }

  private static List<String> names(List<Migration> migrations) {
    return migrations.stream().map(m -> m.file().path().getFileName().toString()).toList();
  }

  @Test
  void flywayVersionsAreNumericPartByPart() throws IOException {
    List<Migration> m =
        read(
            "V10__ten.sql",
            "V2__two.sql",
            "V1.10__one_ten.sql",
            "V1.1__one_one.sql",
            "V1_2__one_two.sql",
            "R__views.sql",
            "R__a_functions.sql",
            "U2__undo_two.sql",
            "V1__init.sql");
    assertEquals(List.of(), diagnostics.all());
    assertEquals(
        List.of(
            "V1__init.sql",
            "V1.1__one_one.sql",
            "V1_2__one_two.sql",
            "V1.10__one_ten.sql",
            "V2__two.sql",
            "V10__ten.sql",
            "R__a_functions.sql",
            "R__views.sql"),
        names(m));
    assertEquals("1.10", m.get(3).version());
    assertEquals("one ten", m.get(3).description());
    assertEquals(2, m.get(0).statements().size());
    assertEquals("migrations/V1__init.sql", m.get(0).file().displayPath());
  }

  @Test
  void golangMigrateUsesUpFilesByNumber() throws IOException {
    List<Migration> m =
        read(
            "10_ten.up.sql",
            "10_ten.down.sql",
            "2_two.up.sql",
            "2_two.down.sql",
            "001_init.up.sql");
    assertEquals(List.of(), diagnostics.all());
    assertEquals(List.of("001_init.up.sql", "2_two.up.sql", "10_ten.up.sql"), names(m));
    assertEquals("two", m.get(1).description());
  }

  @Test
  void plainFilesByName() throws IOException {
    List<Migration> m =
        read("0002_venue.sql", "0001_city.sql", "schema.sql", "0003_add_column.sql");
    assertEquals(List.of(), diagnostics.all());
    assertEquals(
        List.of("0001_city.sql", "0002_venue.sql", "0003_add_column.sql", "schema.sql"), names(m));
  }

  @Test
  void mixedFormatsNameTheFiles() throws IOException {
    assertEquals(List.of(), read("V1__init.sql", "2_two.up.sql"));
    String message = only().message();
    assertTrue(message.contains("Flyway (migrations/V1__init.sql)"), message);
    assertTrue(message.contains("golang-migrate (migrations/2_two.up.sql)"), message);
  }

  @Test
  void fileNotFittingTheFormatIsNamed() throws IOException {
    assertEquals(List.of(), read("V1__init.sql", "V2__more.sql", "v3_lowercase.sql"));
    String message = only().message();
    assertTrue(message.contains("migrations/v3_lowercase.sql does not fit"), message);
    assertTrue(message.contains("V<version>__<description>.sql"), message);
  }

  @Test
  void duplicateFlywayVersionsAreErrors() throws IOException {
    assertEquals(List.of(), read("V1__init.sql", "V1.0__again.sql", "V2__x.sql"));
    String message = only().message();
    assertTrue(
        message.contains("migrations/V1.0__again.sql")
            && message.contains("migrations/V1__init.sql"),
        message);
    assertTrue(message.contains("same version"), message);
  }

  @Test
  void duplicateGolangVersionsAreErrors() throws IOException {
    assertEquals(List.of(), read("1_init.up.sql", "001_other.up.sql"));
    assertTrue(only().message().contains("same version"));
  }

  private Diagnostic only() {
    assertEquals(1, diagnostics.all().size(), diagnostics.all().toString());
    Diagnostic d = diagnostics.all().get(0);
    assertEquals(Problem.MIGRATION_LAYOUT, d.problem());
    return d;
  }
}
