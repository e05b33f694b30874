package dev.quarry.processor.nullability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.analysis.AnalyzedColumn;
import dev.quarry.processor.analysis.AnalyzedQuery;
import dev.quarry.processor.analysis.QueryAnalyzer;
import dev.quarry.processor.analysis.UnknownNameExplainer;
import dev.quarry.processor.catalog.Catalog;
import dev.quarry.processor.config.DatabaseChoice;
import dev.quarry.processor.database.DatabaseLauncher;
import dev.quarry.processor.database.SchemaDatabase;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.query.QueryFile;
import dev.quarry.processor.query.QueryFileReader;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.syntax.ParameterRewriter;
import dev.quarry.processor.syntax.ParsedQuery;
import dev.quarry.processor.syntax.QueryDeclaration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The nullability table: every query in {@code src/test/resources/nullability/queries.sql} names
 * its result columns on an {@code expect:} line, a trailing {@code ?} for each column that may be
 * NULL. Each query is analysed against real PostgreSQL (embedded) with the schema in {@code
 * schema.sql}, and every column's inferred nullability must match.
 */
class NullabilityTableTest {
  private static final Path FOLDER = Path.of("src/test/resources/nullability");
  private static SchemaDatabase database;
  private static Connection connection;
  private static QueryAnalyzer analyzer;

  @BeforeAll
  static void schema() throws Exception {
    database = DatabaseLauncher.start(new DatabaseChoice.Embedded(), 17);
    connection = database.connect();
    try (Statement statement = connection.createStatement()) {
      statement.execute(Files.readString(FOLDER.resolve("schema.sql")));
    }
    analyzer = new QueryAnalyzer(connection, Catalog.load(connection), UnknownNameExplainer.NONE);
  }

  @AfterAll
  static void stop() throws Exception {
    if (connection != null) {
      connection.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyColumnOfEveryQuery() throws Exception {
    Path file = FOLDER.resolve("queries.sql");
    Diagnostics diagnostics = new Diagnostics();
    QueryFile queries =
        new QueryFileReader(diagnostics)
            .read(
                new SourceFile(
                    file,
                    "nullability/queries.sql",
                    Files.readString(file, StandardCharsets.UTF_8)));
    assertEquals(List.of(), diagnostics.all());
    assertTrue(queries.queries().size() >= 60, "the table keeps at least 60 queries");
    return queries.queries().stream()
        .map(query -> DynamicTest.dynamicTest(query.name(), () -> check(query)));
  }

  private static void check(QueryDeclaration query) throws Exception {
    String expected =
        query.docLines().stream()
            .filter(line -> line.startsWith("expect:"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(query.name() + " has no expect: line"))
            .substring("expect:".length())
            .strip();
    Diagnostics diagnostics = new Diagnostics();
    Optional<ParsedQuery> parsed = new ParameterRewriter().rewrite(query, diagnostics);
    assertTrue(parsed.isPresent(), () -> diagnostics.all().toString());
    Optional<AnalyzedQuery> analyzed = analyzer.analyze(parsed.get(), diagnostics);
    assertTrue(analyzed.isPresent(), () -> diagnostics.all().toString());
    List<String> actual = new ArrayList<>();
    for (AnalyzedColumn column : analyzed.get().columns()) {
      actual.add(column.name() + (column.nullable() ? "?" : ""));
    }
    assertEquals(expected, String.join(", ", actual), query.name() + ": " + query.sql());
  }
}
