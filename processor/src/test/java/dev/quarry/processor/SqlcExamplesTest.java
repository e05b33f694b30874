package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.query.Command;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds sqlc's own examples ({@code ../shared/corpora/sqlc-examples}) with Quarry, keeping the
 * queries whose commands this version supports, and checks the generated Java API method by
 * method. The corpus files are read in place, never copied into the project.
 */
class SqlcExamplesTest {
  private static final Pattern HEADER = Pattern.compile("(?m)^-- name: (\\w+) (:\\w+)");

  @TempDir Path work;

  @Test
  void authors() throws Exception {
    check(
        "authors",
        "QueryQueries",
        Map.of(
            "getAuthor", "Optional<Author> getAuthor(long id)",
            "listAuthors", "List<Author> listAuthors()",
            "createAuthor", "Optional<Author> createAuthor(String name, String bio)",
            "deleteAuthor", "void deleteAuthor(long id)"));
  }

  @Test
  void booktest() throws Exception {
    check(
        "booktest",
        "QueryQueries",
        Map.of(
            "getAuthor", "Optional<Author> getAuthor(int authorId)",
            "getBook", "Optional<Book> getBook(int bookId)",
            "deleteBook", "void deleteBook(int bookId)",
            "booksByTitleYear", "List<Book> booksByTitleYear(String title, int year)",
            "booksByTags", "List<QueryQueries.BooksByTagsRow> booksByTags(List<String> arg1)",
            "createAuthor", "Optional<Author> createAuthor(String name)",
            "createBook",
                "Optional<Book> createBook(int authorId, String isbn, BookType bookType, String title, int year,"
                    + " OffsetDateTime available, List<String> tags)",
            "updateBook", "void updateBook(String title, List<String> tags, int bookId)",
            "updateBookISBN", "void updateBookISBN(String title, List<String> tags, int bookId, String isbn)",
            "sayHello", "Optional<QueryQueries.SayHelloRow> sayHello(String arg1)"));
  }

  @Test
  void batchKeepsTheQueriesThisVersionSupports() throws Exception {
    check(
        "batch",
        "QueryQueries",
        Map.of(
            "getAuthor", "Optional<Author> getAuthor(int authorId)",
            "createAuthor", "Optional<Author> createAuthor(String name)"));
  }

  @Test
  void jets() throws Exception {
    check(
        "jets",
        "QueryBuildingQueries",
        Map.of(
            "countPilots", "Optional<Long> countPilots()",
            "listPilots", "List<Pilot> listPilots()",
            "deletePilot", "void deletePilot(int id)"));
  }

  @Test
  void ondeck() throws Exception {
    GeneratedClasses classes = build("ondeck");
    assertEquals(
        new TreeMap<>(Map.of(
            "listCities", "List<City> listCities()",
            "getCity", "Optional<City> getCity(String slug)",
            "createCity", "Optional<City> createCity(String name, String slug)",
            "updateCityName", "void updateCityName(String slug, String name)")),
        classes.signatures("com.example.db.CityQueries"));
    assertEquals(
        new TreeMap<>(Map.of(
            "listVenues", "List<Venue> listVenues(String city)",
            "deleteVenue", "void deleteVenue(String slug)",
            "getVenue", "Optional<Venue> getVenue(String slug, String city)",
            "createVenue",
                "Optional<Integer> createVenue(String slug, String name, String city, String spotifyPlaylist,"
                    + " Status status, List<Status> statuses, List<String> tags)",
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

  private void check(String example, String className, Map<String, String> expected) throws Exception {
    GeneratedClasses classes = build(example);
    assertEquals(new TreeMap<>(expected), classes.signatures("com.example.db." + className));
  }

  /** Compiles one example with its supported queries and returns the generated classes. */
  private GeneratedClasses build(String example) throws Exception {
    Optional<Path> corpora = Corpora.root();
    assumeTrue(corpora.isPresent(), "the shared corpora are not beside this checkout");
    Path source = corpora.get().resolve("sqlc-examples").resolve(example);
    Path project = Files.createDirectories(work.resolve(example));
    Path queries = Files.createDirectories(project.resolve("queries"));
    try (Stream<Path> files = Files.list(source.resolve("queries"))) {
      for (Path file : files.sorted().toList()) {
        Files.writeString(queries.resolve(file.getFileName()), supportedOnly(Files.readString(file)), StandardCharsets.UTF_8);
      }
    }
    // Migrations are used where they are, through a path outside the project directory.
    List<String> options = new ArrayList<>(CompileCaseTest.options(project));
    options.add("-parameters");
    Compilation compilation =
        CompileCaseTest.compileWith(options, source.resolve("migrations").toString(), "queries");
    assertEquals(
        Compilation.Status.SUCCESS,
        compilation.status(),
        () -> "errors: " + compilation.diagnostics());
    return new GeneratedClasses(compilation);
  }

  /** The file's text with every query whose command this version does not support removed. */
  static String supportedOnly(String text) throws IOException {
    Matcher header = HEADER.matcher(text);
    List<Integer> starts = new ArrayList<>();
    List<Boolean> keep = new ArrayList<>();
    while (header.find()) {
      starts.add(header.start());
      keep.add(Command.fromText(header.group(2)).map(Command::supported).orElse(false));
    }
    StringBuilder out = new StringBuilder(starts.isEmpty() ? text : text.substring(0, starts.get(0)));
    for (int i = 0; i < starts.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
      if (keep.get(i)) {
        out.append(text, starts.get(i), end);
      } else {
        // Keep line numbers: blank out the dropped query.
        out.append(text.substring(starts.get(i), end).replaceAll("[^\\n]", ""));
      }
    }
    return out.toString();
  }
}
