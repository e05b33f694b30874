package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
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
@Tag("jdk-independent") // run once per CI run: see .ci/run
class RiverCorpusTest {
  @TempDir Path work;

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "server"})
  void everyQueryGeneratesCodeThatCompiles(String database) throws Exception {
    Path river = ProductionCorporaTest.corpusRoot("river");
    String option = database.equals("server") ? ProductionCorporaTest.serverOption() : "embedded";
    // River's own migrations add CHECKs and indexes to existing tables in ways the lock-risk
    // check rightly warns about (7 warnings); this test is about the queries, under -Werror.
    Compilation compilation = ProductionCorporaTest.build(work, river, option);
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
        "List<RiverJobQueries.JobInsertFastManyRow> jobInsertFastMany(RiverJobQueries.JobInsertFastManyParams params)",
        jobs.get("jobInsertFastMany"));
  }
}
