package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds sqlc's own examples ({@code ../shared/corpora/sqlc-examples}) with Quarry, every query
 * unmodified, and checks the generated Java API method by method. The corpus files are read in
 * place, never copied into the project.
 */
@Tag("jdk-independent") // run once per CI run: see .ci/run
class SqlcExamplesTest {
  @TempDir Path work;

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "server"})
  void authors(String database) throws Exception {
    check(
        database,
        "authors",
        "QueryQueries",
        Map.of(
            "getAuthor", "Optional<Author> getAuthor(long id)",
            "listAuthors", "List<Author> listAuthors()",
            "createAuthor", "Author createAuthor(String name, String bio)",
            "deleteAuthor", "void deleteAuthor(long id)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "server"})
  void booktest(String database) throws Exception {
    check(
        database,
        "booktest",
        "QueryQueries",
        pairs(
            "getAuthor", "Optional<Author> getAuthor(int authorId)",
            "getBook", "Optional<Book> getBook(int bookId)",
            "deleteBook", "void deleteBook(int bookId)",
            "booksByTitleYear", "List<Book> booksByTitleYear(String title, int year)",
            "booksByTags", "List<QueryQueries.BooksByTagsRow> booksByTags(List<String> arg1)",
            "createAuthor", "Author createAuthor(String name)",
            // Seven parameters: more than PARAMETER_RECORD_THRESHOLD, so one record.
            "createBook", "Book createBook(QueryQueries.CreateBookParams params)",
            "updateBook", "void updateBook(String title, List<String> tags, int bookId)",
            "updateBookISBN",
                "void updateBookISBN(String title, List<String> tags, int bookId, String isbn)",
            "sayHello", "Optional<Optional<String>> sayHello(String arg1)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "server"})
  void batch(String database) throws Exception {
    check(
        database,
        "batch",
        "QueryQueries",
        Map.of(
            "getAuthor", "Optional<Author> getAuthor(int authorId)",
            "deleteBookExecResult", "ExecResult deleteBookExecResult(int bookId)",
            "deleteBook", "long[] deleteBook(List<Integer> bookIdList)",
            "deleteBookNamedFunc", "long[] deleteBookNamedFunc(List<Integer> bookIdList)",
            "deleteBookNamedSign", "long[] deleteBookNamedSign(List<Integer> bookIdList)",
            "booksByYear", "List<List<Book>> booksByYear(List<Integer> yearList)",
            "createAuthor", "Author createAuthor(String name)",
            "createBook",
                "List<Optional<Book>> createBook(List<QueryQueries.CreateBookParams> params)",
            "updateBook", "long[] updateBook(List<QueryQueries.UpdateBookParams> params)",
            "getBiography",
                "List<Optional<QueryQueries.GetBiographyRow>> getBiography(List<Integer> authorIdList)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "server"})
  void jets(String database) throws Exception {
    check(
        database,
        "jets",
        "QueryBuildingQueries",
        Map.of(
            "countPilots", "long countPilots()",
            "listPilots", "List<Pilot> listPilots()",
            "deletePilot", "void deletePilot(int id)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "server"})
  void ondeck(String database) throws Exception {
    GeneratedClasses classes = build(database, "ondeck");
    assertEquals(
        new TreeMap<>(
            Map.of(
                "listCities", "List<City> listCities()",
                "getCity", "Optional<City> getCity(String slug)",
                "createCity", "City createCity(String name, String slug)",
                "updateCityName", "void updateCityName(String slug, String name)")),
        classes.signatures("com.example.db.CityQueries"));
    assertEquals(
        new TreeMap<>(
            Map.of(
                "listVenues", "List<Venue> listVenues(String city)",
                "deleteVenue", "void deleteVenue(String slug)",
                "getVenue", "Optional<Venue> getVenue(String slug, String city)",
                "createVenue", "int createVenue(VenueQueries.CreateVenueParams params)",
                "updateVenueName", "Optional<Integer> updateVenueName(String slug, String name)",
                "venueCountByCity", "List<VenueQueries.VenueCountByCityRow> venueCountByCity()")),
        classes.signatures("com.example.db.VenueQueries"));
    // Labels that are not Java identifiers still work, and keep their PostgreSQL spelling.
    Class<?> status = classes.loadClass("com.example.db.Status");
    List<String> labels = new ArrayList<>();
    for (Object constant : status.getEnumConstants()) {
      labels.add(constant + "=" + status.getMethod("label").invoke(constant));
    }
    assertEquals(List.of("OP_EN=op!en", "CLO_SED=clo@sed"), labels);
  }

  /** {@code Map.of} for more than ten pairs: name, signature, name, signature... */
  private static Map<String, String> pairs(String... namesAndSignatures) {
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < namesAndSignatures.length; i += 2) {
      map.put(namesAndSignatures[i], namesAndSignatures[i + 1]);
    }
    return map;
  }

  private void check(
      String database, String example, String className, Map<String, String> expected)
      throws Exception {
    GeneratedClasses classes = build(database, example);
    assertEquals(new TreeMap<>(expected), classes.signatures("com.example.db." + className));
  }

  /**
   * Compiles one example on embedded PostgreSQL or the local server and returns the generated
   * classes.
   */
  private GeneratedClasses build(String database, String example) throws Exception {
    Path source = ProductionCorporaTest.corpusRoot("sqlc-examples").resolve(example);
    String option = database.equals("server") ? ProductionCorporaTest.serverOption() : "embedded";
    Path project = Files.createDirectories(work.resolve(example));
    Path queries = Files.createDirectories(project.resolve("queries"));
    try (Stream<Path> files = Files.list(source.resolve("queries"))) {
      for (Path file : files.sorted().toList()) {
        Files.writeString(
            queries.resolve(file.getFileName()), Files.readString(file), StandardCharsets.UTF_8);
      }
    }
    // Migrations are used where they are, through a path outside the project directory.
    List<String> options = new ArrayList<>(CompileCaseTest.options(project));
    options.removeIf(o -> o.startsWith("-Aquarry.database="));
    options.add("-Aquarry.database=" + option);
    options.add("-parameters");
    Compilation compilation =
        CompileCaseTest.compileWith(options, source.resolve("migrations").toString(), "queries");
    assertEquals(
        Compilation.Status.SUCCESS,
        compilation.status(),
        () -> "errors: " + compilation.diagnostics());
    return new GeneratedClasses(compilation);
  }
}
