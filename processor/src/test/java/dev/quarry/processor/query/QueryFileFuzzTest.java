package dev.quarry.processor.query;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes reading a query file and rewriting its parameters ({@link QueryFileReader}, {@code
 * SqlLexer}, {@code ParameterRewriter}) with Jazzer, checking {@link QueryFileProperties} for every
 * input.
 *
 * <p>The processor pom's profile {@code fuzz} runs it in a JVM of its own (Jazzer's agent hooks JDK
 * classes for everything after it): first the inputs in {@code QueryFileFuzzTestInputs/} (real
 * query files, and every input that once broke a property, kept as regression tests), then a
 * fuzzing run of a fixed number of inputs from a fixed seed ({@code quarry.fuzz.runs}, {@code
 * quarry.fuzz.seed}, {@code quarry.fuzz.seconds}). A build that picks tests with {@code -Dtest}
 * does not fuzz; {@code -Dtest=QueryFileFuzzTest} replays the inputs only. For a longer run: {@code
 * mvn -pl processor test-compile surefire:test@fuzz -Dquarry.fuzz.runs=-1
 * -Dquarry.fuzz.seconds=600}. A finding is written to the inputs folder (rename it to say what it
 * is), so that it fails every later run until fixed; libFuzzer prints its seed to reproduce a run.
 */
@Tag("jdk-independent") // run once per CI run: see .ci/run
class QueryFileFuzzTest {

  // libFuzzer's dictionary syntax: \\xNN for a byte, \\\\ and \\" for a backslash and a quote.
  @DictionaryEntries({
    "-- name: ",
    ":one",
    ":many",
    ":exec",
    ":execrows",
    ":execresult",
    ":batchexec",
    ":batchone",
    ":batchmany",
    ":copyfrom",
    "/* name: X :one */",
    "-- NAME: X :one",
    "--name: X :one",
    "'",
    "''",
    "\\\"",
    "$$",
    "$a$",
    "$1",
    "$2",
    "$65536",
    "$0",
    "E'\\\\'",
    "U&'",
    "U&\\\"",
    "B'",
    "X'",
    "/*",
    "*/",
    "--",
    "@",
    "@x",
    ":",
    "::",
    "::int[]",
    "sqlc.arg(",
    "sqlc.narg(",
    "sqlc.slice(",
    "sqlc.embed(",
    "IN (sqlc.slice(ids))",
    "NOT IN (",
    ")",
    "(",
    ";",
    "?",
    "??",
    "?|",
    "\\x0D\\x0A",
    "\\x0D",
    "\\x0A",
    "\\xEF\\xBB\\xBF",
    "\\x00",
    "\\xC3\\xA9",
    "\\xF0\\x9F\\x98\\x80",
    "\\xFF",
    "BEGIN ATOMIC",
    "END",
    "CASE",
    "VALUES (",
    "INSERT INTO t (a, b) ",
    "= ANY(",
    "LIMIT ",
    "OFFSET ",
    "SELECT ",
    "WHERE a = "
  })
  @FuzzTest(maxDuration = "10m")
  void readAndRewrite(byte[] input) {
    QueryFileProperties.check(input);
  }
}
