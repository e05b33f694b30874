package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds every query of river's job queue ({@code ../shared/corpora/river}: 55 queries, every sqlc
 * feature it uses, with its golang-migrate migrations as the schema) unmodified, under {@code
 * -Xlint:all -Werror}, on embedded PostgreSQL and on the local server, and checks the generated API
 * of the commands and macros it uses. {@code -Dquarry.corpora=off} skips it (see {@link
 * ProductionCorporaTest}).
 */
class RiverCorpusTest {
  @TempDir Path work;

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "server"})
  void everyQueryGeneratesCodeThatCompiles(String database) throws Exception {
    Path river = ProductionCorporaTest.corpusRoot("river");
    String option = database.equals("server") ? ProductionCorporaTest.serverOption() : "embedded";
    List<String> options =
        new ArrayList<>(CompileCaseTest.options(Files.createDirectories(work.resolve("river"))));
    options.removeIf(o -> o.startsWith("-Aquarry.database="));
    options.add("-Aquarry.database=" + option);
    options.add("-parameters");
    // River's own migrations add CHECKs and indexes to existing tables in ways the lock-risk
    // check rightly warns about (7 warnings); this test is about the queries, under -Werror.
    options.add("-Aquarry.checks=lock-risk=off");
    Compilation compilation =
        CompileCaseTest.compileWith(
            options, river.resolve("migrations").toString(), river.resolve("queries").toString());
    assertEquals(
        Compilation.Status.SUCCESS,
        compilation.status(),
        () -> "errors: " + compilation.diagnostics());
    GeneratedClasses classes = new GeneratedClasses(compilation);

    Map<String, String> copy = classes.signatures("com.example.db.RiverJobCopyfromQueries");
    assertEquals(
        "long jobInsertFastManyCopyFrom(Iterable<RiverJobCopyfromQueries.JobInsertFastManyCopyFromParams> params)",
        copy.get("jobInsertFastManyCopyFrom"));

    Map<String, String> jobs = classes.signatures("com.example.db.RiverJobQueries");
    assertEquals(
        "ExecResult jobDeleteBefore(RiverJobQueries.JobDeleteBeforeParams params)",
        jobs.get("jobDeleteBefore"));
    // sqlc.embed(river_job): the row holds the table's record.
    Class<?> row = classes.loadClass("com.example.db.RiverJobQueries$JobInsertFastManyRow");
    assertEquals(
        "RiverJob",
        GeneratedClasses.simple(row.getRecordComponents()[0].getGenericType().getTypeName()));
    assertEquals(
        "Stream<RiverJobQueries.JobInsertFastManyRow> streamJobInsertFastMany(RiverJobQueries.JobInsertFastManyParams params)",
        jobs.get("streamJobInsertFastMany"));
  }
}
