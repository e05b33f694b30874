package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Builds the production corpora in {@code ../shared/corpora} (minder, opentdf, neosync: 393 named
 * queries written for sqlc, never for Quarry) unmodified, with their own migrations, under {@code
 * -Xlint:all -Werror}, once on embedded PostgreSQL and once on the local server (skipped when it
 * does not answer), and checks a few generated signatures against what sqlc generated for the same
 * queries ({@code sqlc-generated-go/}).
 *
 * <p>Migration checks are off: the corpora's migrations are history, written long before Quarry.
 * The corpora's {@code sqlc.yaml} overrides map types to Go types; they change which Go type a
 * value gets, not whether a query builds, so the builds use Quarry's own mapping (a composite type
 * becomes a record, jsonb a String).
 *
 * <p>CI builds the corpora on one JDK only: {@code -Dquarry.corpora=off} (which {@code .ci/run}
 * passes to its second JDK's build) skips them.
 */
@Tag("jdk-independent") // run once per CI run: see .ci/run
class ProductionCorporaTest {
  @TempDir Path work;

  static Stream<Arguments> builds() {
    List<Arguments> builds = new ArrayList<>();
    for (String corpus : List.of("minder", "opentdf", "neosync")) {
      builds.add(Arguments.of(corpus, "embedded"));
      builds.add(Arguments.of(corpus, "server"));
    }
    return builds.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("builds")
  void buildsUnmodified(String corpus, String database) throws Exception {
    Path root = corpusRoot(corpus);
    String option = database.equals("server") ? serverOption() : "embedded";
    Compilation compilation = build(work, root, option);
    GeneratedClasses classes = new GeneratedClasses(compilation);
    int named = namedQueries(root.resolve("queries"));
    int methods = 0;
    try (Stream<Path> files = Files.list(root.resolve("queries"))) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        String className =
            "com.example.db."
                + dev.quarry.processor.types.JavaNames.typeName(
                    name.substring(0, name.length() - 4))
                + "Queries";
        methods +=
            (int)
                classes.signatures(className).keySet().stream()
                    .filter(m -> !m.startsWith("stream"))
                    .count();
      }
    }
    assertEquals(named, methods, "one method per named query");
    checkSignatures(corpus, classes);
  }

  /** Signatures that show sqlc's rules at work, compared with sqlc's Go for the same query. */
  private static void checkSignatures(String corpus, GeneratedClasses classes) throws Exception {
    switch (corpus) {
      case "minder" -> {
        // CreateDataSource: $1..$3 keep their numbers, the named ones follow (sqlc's Go has
        // ProjectID, Name, DisplayName, SubscriptionID, Metadata in that order).
        Map<String, String> dataSources = classes.signatures("com.example.db.DatasourcesQueries");
        assertEquals(
            "DataSource createDataSource(DatasourcesQueries.CreateDataSourceParams params)",
            dataSources.get("createDataSource"));
        Class<?> params =
            classes.loadClass("com.example.db.DatasourcesQueries$CreateDataSourceParams");
        List<String> names = new ArrayList<>();
        for (var component : params.getRecordComponents()) {
          names.add(component.getName());
        }
        assertEquals(
            List.of("projectId", "name", "displayName", "subscriptionId", "metadata"), names);
        // The composite type profile_selector keeps its name; the table profile_selectors'
        // record yields.
        classes.loadClass("com.example.db.ProfileSelector");
        classes.loadClass("com.example.db.ProfileSelectorRecord");
        // sqlc.slice as an array value.
        assertEquals(
            "long deleteEvaluationHistoryByIDs(List<UUID> evaluationIds)",
            classes
                .signatures("com.example.db.EvalHistoryQueries")
                .get("deleteEvaluationHistoryByIDs"));
      }
      case "opentdf" -> {
        // :execrows with RETURNING counts the rows, as sqlc counts its command tag; the
        // parameters in sqlc's order (Metadata, SubjectConditionSetID, ID, ActionIds).
        assertEquals(
            "long updateSubjectMapping(String metadata, UUID subjectConditionSetId, UUID id,"
                + " List<UUID> actionIds)",
            classes
                .signatures("com.example.db.SubjectMappingsQueries")
                .get("updateSubjectMapping"));
      }
      case "neosync" -> {
        // Every table lives in the schema neosync_api.
        classes.loadClass("com.example.db.User");
      }
      default -> throw new AssertionError(corpus);
    }
  }

  /**
   * Compiles a corpus with Quarry, the corpus files read in place; returns the successful
   * compilation and prints Quarry's timings.
   */
  static Compilation build(Path work, Path corpus, String database) throws IOException {
    Path project = Files.createDirectories(work.resolve(corpus.getFileName().toString()));
    List<String> options = new ArrayList<>(CompileCaseTest.options(project));
    options.removeIf(o -> o.startsWith("-Aquarry.database="));
    options.add("-Aquarry.database=" + database);
    options.add("-parameters");
    options.add("-Aquarry.checks=lock-risk=off");
    options.add("-Aquarry.timings=true");
    Compilation compilation =
        CompileCaseTest.compileWith(
            options, corpus.resolve("migrations").toString(), corpus.resolve("queries").toString());
    assertEquals(
        Compilation.Status.SUCCESS,
        compilation.status(),
        () ->
            "errors: "
                + String.join(
                    "\n", compilation.errors().stream().map(d -> d.getMessage(null)).toList()));
    for (Diagnostic<?> note : compilation.notes()) {
      String text = note.getMessage(null);
      if (text.startsWith("quarry timings")) {
        System.out.println(corpus.getFileName() + " on " + database + ": " + text);
      }
    }
    return compilation;
  }

  static Path corpusRoot(String corpus) {
    assumeFalse(
        "off".equals(System.getProperty("quarry.corpora")),
        "-Dquarry.corpora=off: the corpora are built by the other JDK's run");
    Optional<Path> corpora = Corpora.root();
    assumeTrue(corpora.isPresent(), "the shared corpora are not beside this checkout");
    return corpora.get().resolve(corpus);
  }

  static String serverOption() {
    LocalServer.assumeAnswers();
    return LocalServer.URL;
  }

  private static final Pattern HEADER = Pattern.compile("^-- name: ", Pattern.MULTILINE);

  static int namedQueries(Path folder) throws IOException {
    int count = 0;
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Matcher matcher = HEADER.matcher(Files.readString(file));
        while (matcher.find()) {
          count++;
        }
      }
    }
    return count;
  }
}
