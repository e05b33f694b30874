package dev.quarry.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editing only a {@code .sql} file and running {@code mvn compile} regenerates the code: a small
 * project using quarry-maven-plugin's {@code check-inputs} goal, built three times by a real Maven
 * (offline, from the local repository this build installed Quarry into).
 */
class IncrementalMavenBuildTest {
  @TempDir Path project;

  @Test
  void editingOnlyAQueryFileRegeneratesTheCode() throws Exception {
    String mvn = findMaven();
    assumeTrue(mvn != null, "no mvn on PATH or in maven.home: cannot run a nested Maven build");
    String repository = System.getProperty("maven.repo.local");
    assumeTrue(repository != null, "maven.repo.local is not set (run through Maven's surefire)");
    writeProject();
    Path generated =
        project.resolve("target/generated-sources/annotations/com/example/db/UsersQueries.java");

    String first = build(mvn, repository);
    assertTrue(first.contains("Quarry: recorded 2 SQL input folder(s)"), first);
    assertTrue(Files.readString(generated).contains("findUser("), first);

    String unchanged = build(mvn, repository);
    assertTrue(unchanged.contains("Quarry: SQL inputs unchanged"), unchanged);
    assertTrue(unchanged.contains("Nothing to compile"), unchanged);

    Files.writeString(
        project.resolve("queries/users.sql"),
        "\n-- name: CountUsers :one\nSELECT count(*) AS n FROM users;\n",
        StandardOpenOption.APPEND);
    String edited = build(mvn, repository);
    assertTrue(edited.contains("Quarry: SQL inputs changed (changed queries/users.sql)"), edited);
    assertFalse(edited.contains("Nothing to compile"), edited);
    assertTrue(Files.readString(generated).contains("countUsers("), edited);

    Files.writeString(
        project.resolve("migrations/V2__users_name.sql"),
        "ALTER TABLE users RENAME COLUMN email TO mail;\n");
    String broken = buildExpectingFailure(mvn, repository);
    assertTrue(broken.contains("added migrations/V2__users_name.sql"), broken);
    assertTrue(broken.contains("users.sql:2:"), broken);
  }

  private void writeProject() throws IOException {
    String version = System.getProperty("quarry.version", "0.1.0-SNAPSHOT");
    Files.writeString(
        project.resolve("pom.xml"),
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>incremental-check</artifactId>
          <version>1</version>
          <properties>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            <maven.compiler.release>17</maven.compiler.release>
          </properties>
          <dependencies>
            <dependency>
              <groupId>dev.quarry</groupId>
              <artifactId>quarry-runtime</artifactId>
              <version>%1$s</version>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-resources-plugin</artifactId>
                <version>3.3.1</version>
              </plugin>
              <plugin>
                <groupId>dev.quarry</groupId>
                <artifactId>quarry-maven-plugin</artifactId>
                <version>%1$s</version>
                <executions><execution><goals><goal>check-inputs</goal></goals></execution></executions>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-compiler-plugin</artifactId>
                <version>3.15.0</version>
                <configuration>
                  <annotationProcessorPaths>
                    <path>
                      <groupId>dev.quarry</groupId>
                      <artifactId>quarry-processor</artifactId>
                      <version>%1$s</version>
                    </path>
                  </annotationProcessorPaths>
                  <compilerArgs>
                    <arg>-Aquarry.projectDir=${project.basedir}</arg>
                    <arg>-Aquarry.database=embedded</arg>
                    <arg>-Aquarry.lock=off</arg>
                  </compilerArgs>
                </configuration>
              </plugin>
            </plugins>
          </build>
        </project>
        """
            .formatted(version));
    Files.createDirectories(project.resolve("migrations"));
    Files.writeString(
        project.resolve("migrations/V1__users.sql"),
        "CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);\n");
    Files.createDirectories(project.resolve("queries"));
    Files.writeString(
        project.resolve("queries/users.sql"),
        "-- name: FindUser :one\nSELECT id, email FROM users WHERE id = @id;\n");
    Path pkg = Files.createDirectories(project.resolve("src/main/java/com/example/db"));
    Files.writeString(
        pkg.resolve("package-info.java"),
        "@dev.quarry.GenerateQueries(migrations = \"migrations\", queries = \"queries\")\n"
            + "package com.example.db;\n");
  }

  private String build(String mvn, String repository) throws Exception {
    Result result = run(mvn, repository);
    assertEquals(0, result.exitCode(), result.output());
    return result.output();
  }

  private String buildExpectingFailure(String mvn, String repository) throws Exception {
    Result result = run(mvn, repository);
    assertTrue(result.exitCode() != 0, result.output());
    return result.output();
  }

  private record Result(int exitCode, String output) {}

  private Result run(String mvn, String repository) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(mvn, "-o", "-B", "-ntp", "-Dmaven.repo.local=" + repository, "compile"));
    Path log = Files.createTempFile("quarry-mvn", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(project.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(
            "nested mvn did not finish in 5 minutes: " + Files.readString(log));
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String findMaven() {
    String home = System.getProperty("maven.home");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn").toString();
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "mvn");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
