package dev.quarry.processor.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.query.QueryFile;
import dev.quarry.processor.query.QueryFileReader;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.source.SourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reads and rewrites every query of the real-world corpora (sqlc's examples and river's queries),
 * SQL that nobody on this team wrote.
 */
@Tag("jdk-independent") // run once per CI run: see .ci/run
class CorpusTest {
  /**
   * Words that start a PostgreSQL statement in a migration: a statement split in the middle would
   * start with something else (a column name, a parenthesis, a keyword like FROM).
   */
  private static final Set<String> STATEMENT_KEYWORDS =
      Set.of(
          "CREATE",
          "ALTER",
          "DROP",
          "UPDATE",
          "INSERT",
          "DELETE",
          "SELECT",
          "WITH",
          "COMMENT",
          "DO",
          "SET",
          "RESET",
          "BEGIN",
          "COMMIT",
          "GRANT",
          "REVOKE",
          "TRUNCATE",
          "REFRESH",
          "ANALYZE",
          "VACUUM",
          "LOCK",
          "CALL");

  private static Path corpora() {
    List<Path> candidates = new ArrayList<>();
    String repoRoot = System.getProperty("quarry.repoRoot");
    if (repoRoot != null) {
      candidates.add(Path.of(repoRoot).resolve("../shared/corpora").normalize());
    }
    candidates.add(Path.of("/work/shared/corpora"));
    for (Path candidate : candidates) {
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    assumeTrue(
        false,
        "no SQL corpora: looked in "
            + candidates
            + " (CI keeps them in shared/corpora beside the checkout)");
    throw new IllegalStateException("unreachable");
  }

  /** The named queries of every query file of one corpus, by file (read with no diagnostics). */
  private static Map<Path, List<QueryDeclaration>> queries(String corpus) throws IOException {
    Path root = corpora().resolve(corpus);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(p -> p.getFileName().toString().endsWith(".sql"))
              .filter(p -> p.getParent().getFileName().toString().equals("queries"))
              .sorted()
              .toList();
    }
    assertTrue(!files.isEmpty(), "no query files under " + root);
    Diagnostics diagnostics = new Diagnostics();
    SourceReader sources = new SourceReader(root, diagnostics);
    QueryFileReader reader = new QueryFileReader(diagnostics);
    Map<Path, List<QueryDeclaration>> byFile = new LinkedHashMap<>();
    for (Path path : files) {
      SourceFile file = sources.read(path).orElseThrow();
      QueryFile queryFile = reader.read(file);
      byFile.put(path, queryFile.queries());
    }
    assertEquals(List.of(), diagnostics.all(), "reading " + corpus);
    return byFile;
  }

  private static List<QueryDeclaration> all(Map<Path, List<QueryDeclaration>> byFile) {
    return byFile.values().stream().flatMap(List::stream).toList();
  }

  private static ParsedQuery rewrite(QueryDeclaration query) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<ParsedQuery> parsed = new ParameterRewriter().rewrite(query, diagnostics);
    assertEquals(List.of(), diagnostics.all(), query.name());
    return parsed.orElseThrow();
  }

  private static QueryDeclaration named(List<QueryDeclaration> queries, String file, String name) {
    return queries.stream()
        .filter(q -> q.name().equals(name) && q.file().displayPath().endsWith(file))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no query " + name + " in " + file));
  }

  private static List<String> names(ParsedQuery query) {
    return query.parameters().stream().map(Parameter::name).toList();
  }

  @Test
  void sqlcExamplesReadAndRewrite() throws IOException {
    List<QueryDeclaration> queries = all(queries("sqlc-examples"));
    assertEquals(37, queries.size());
    for (QueryDeclaration query : queries) {
      checkRewrite(query);
    }
  }

  @Test
  void riverReadsAndRewrites() throws IOException {
    List<QueryDeclaration> queries = all(queries("river"));
    assertEquals(55, queries.size());
    int embeds = 0;
    for (QueryDeclaration query : queries) {
      if (query.sql().contains("sqlc.embed")) {
        // t.* replaces sqlc.embed(t), so the text no longer lines up token for token.
        embeds += rewrite(query).embeds().size();
      } else {
        checkRewrite(query);
      }
    }
    assertEquals(2, embeds);
  }

  /**
   * Rewrites without errors, leaves no named parameter behind, and maps every $n back onto its
   * parameter.
   */
  private static void checkRewrite(QueryDeclaration query) {
    ParsedQuery parsed = rewrite(query);
    String analysis = parsed.analysisSql();
    String fileText = query.file().text();
    int placeholders = 0;
    for (Token token : SqlLexer.tokenize(analysis)) {
      assertTrue(token.kind() != TokenKind.NAMED_PARAMETER, query.name() + ": " + analysis);
      if (token.kind() == TokenKind.POSITIONAL_PARAMETER) {
        placeholders++;
        int fileOffset = parsed.offsets().fileOffset(token.start());
        char first = fileText.charAt(fileOffset);
        assertTrue(
            first == '$' || first == '@' || first == 's', query.name() + " at " + fileOffset);
      } else if (token.kind() == TokenKind.IDENTIFIER) {
        int fileOffset = parsed.offsets().fileOffset(token.start());
        assertEquals(
            token.text(analysis),
            fileText.substring(fileOffset, fileOffset + token.length()),
            query.name());
      }
    }
    assertEquals(placeholders, parsed.jdbcBindings().size(), query.name());
    assertTrue(!analysis.contains("sqlc.arg") && !analysis.contains("sqlc.narg"), query.name());
  }

  @Test
  void booktestNamesAsSqlcDoes() throws IOException {
    List<QueryDeclaration> queries = all(queries("sqlc-examples"));
    assertEquals(
        List.of("title", "tags", "book_id", "isbn"),
        names(rewrite(named(queries, "booktest/queries/query.sql", "UpdateBookISBN"))));
    assertEquals(
        List.of("arg1"),
        names(rewrite(named(queries, "booktest/queries/query.sql", "BooksByTags"))));
    assertEquals(
        List.of("author_id", "isbn", "book_type", "title", "year", "available", "tags"),
        names(rewrite(named(queries, "booktest/queries/query.sql", "CreateBook"))));
    assertEquals(
        List.of("title", "year"),
        names(rewrite(named(queries, "booktest/queries/query.sql", "BooksByTitleYear"))));
  }

  @Test
  void ondeckNamesAsSqlcDoes() throws IOException {
    List<QueryDeclaration> queries = all(queries("sqlc-examples"));
    assertEquals(
        List.of("slug", "name", "city", "spotify_playlist", "status", "statuses", "tags"),
        names(rewrite(named(queries, "ondeck/queries/venue.sql", "CreateVenue"))));
    ParsedQuery deleteVenue = rewrite(named(queries, "ondeck/queries/venue.sql", "DeleteVenue"));
    assertEquals(List.of("slug"), names(deleteVenue));
    assertEquals(List.of(1, 1), deleteVenue.jdbcBindings());
    assertEquals(
        List.of("slug", "name"),
        names(rewrite(named(queries, "ondeck/queries/venue.sql", "UpdateVenueName"))));
    QueryDeclaration createCity = named(queries, "ondeck/queries/city.sql", "CreateCity");
    assertEquals(
        List.of(
            "Create a new city. The slug must be unique.",
            "This is the second line of the comment",
            "This is the third line"),
        createCity.docLines());
    assertEquals(List.of("name", "slug"), names(rewrite(createCity)));
  }

  @Test
  void batchNamedFunctionWithSpace() throws IOException {
    List<QueryDeclaration> queries = all(queries("sqlc-examples"));
    assertEquals(
        List.of("book_id"),
        names(rewrite(named(queries, "batch/queries/query.sql", "DeleteBookNamedFunc"))));
  }

  @Test
  void riverNamedAndNullableParameters() throws IOException {
    List<QueryDeclaration> queries = all(queries("river"));
    ParsedQuery cancel = rewrite(named(queries, "river_job.sql", "JobCancel"));
    assertEquals(
        List.of("id", "schema", "control_topic", "now", "cancel_attempted_at"), names(cancel));
    assertEquals(
        List.of(false, true, false, true, false),
        cancel.parameters().stream().map(Parameter::nullable).toList());
    // The comment "-- @ttl is inserted as seconds ..." holds no parameter.
    ParsedQuery elect = rewrite(named(queries, "river_leader.sql", "LeaderAttemptElect"));
    assertEquals(List.of("leader_id", "now", "ttl"), names(elect));
    // jsonb "?" operators are doubled for JDBC.
    ParsedQuery running = rewrite(named(queries, "river_job.sql", "JobSetStateIfRunningMany"));
    assertTrue(running.jdbcSql().contains("river_job.metadata ?? 'cancel_attempted_at'"));
    assertTrue(running.analysisSql().contains("river_job.metadata ? 'cancel_attempted_at'"));
    // "- @max_attempted_by:" inside an array slice is a parameter.
    ParsedQuery available = rewrite(named(queries, "river_job.sql", "JobGetAvailable"));
    assertTrue(names(available).contains("max_attempted_by"), names(available)::toString);
    // The rescuer's comment above the header is not documentation.
    assertEquals(List.of(), named(queries, "river_job.sql", "JobRescueMany").docLines());
  }

  @Test
  void migrationsSplitIntoWholeStatements() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpora())) {
      files =
          walk.filter(p -> p.getFileName().toString().endsWith(".sql"))
              .filter(p -> p.getParent().getFileName().toString().equals("migrations"))
              .sorted()
              .toList();
    }
    assertTrue(files.size() > 10, files::toString);
    int statements = 0;
    for (Path file : files) {
      String text = Files.readString(file);
      for (Token token : SqlLexer.tokenize(text)) {
        assertTrue(
            !token.kind().unterminated() && token.kind() != TokenKind.OTHER, file + " " + token);
      }
      for (StatementSpan span : SqlLexer.splitStatements(text)) {
        String first =
            text.substring(span.start(), span.end())
                .split("\\s+")[0]
                .toUpperCase(java.util.Locale.ROOT);
        assertTrue(
            STATEMENT_KEYWORDS.contains(first),
            file + ": " + text.substring(span.start(), span.end()));
        statements++;
      }
    }
    assertTrue(statements > 100, "only " + statements + " statements");
  }
}
