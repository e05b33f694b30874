package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds every query of river's job queue ({@code ../shared/corpora/river}: 55 queries, every sqlc
 * feature it uses, with its golang-migrate migrations as the schema) unmodified, under {@code
 * -Xlint:all -Werror}, and checks the generated API of the commands and macros it uses.
 */
@Tag("jdk-independent") // run once per CI run: see .ci/run
class RiverCorpusTest {
  @TempDir Path work;

  @Test
  void everyQueryGeneratesCodeThatCompiles() throws Exception {
    Optional<Path> corpora = Corpora.root();
    assumeTrue(corpora.isPresent(), "the shared corpora are not beside this checkout");
    Path river = corpora.get().resolve("river");
    List<String> options =
        new ArrayList<>(CompileCaseTest.options(Files.createDirectories(work.resolve("river"))));
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
