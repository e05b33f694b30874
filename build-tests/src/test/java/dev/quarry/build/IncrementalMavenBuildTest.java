package dev.quarry.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    NestedMaven maven = NestedMaven.find();
    writeProject();
    Path generated =
        project.resolve("target/generated-sources/annotations/com/example/db/UsersQueries.java");

    String first = build(maven);
    assertTrue(first.contains("Quarry: recorded 2 SQL input folder(s)"), first);
    assertTrue(Files.readString(generated).contains("findUser("), first);

    String unchanged = build(maven);
    assertTrue(unchanged.contains("Quarry: SQL inputs unchanged"), unchanged);
    assertTrue(unchanged.contains("Nothing to compile"), unchanged);

    Files.writeString(
        project.resolve("queries/users.sql"),
        "\n-- name: CountUsers :one\nSELECT count(*) AS n FROM users;\n",
        StandardOpenOption.APPEND);
    String edited = build(maven);
    assertTrue(edited.contains("Quarry: SQL inputs changed (changed queries/users.sql)"), edited);
    assertFalse(edited.contains("Nothing to compile"), edited);
    assertTrue(Files.readString(generated).contains("countUsers("), edited);

    Files.writeString(
        project.resolve("migrations/V2__users_name.sql"),
        "ALTER TABLE users RENAME COLUMN email TO mail;\n");
    NestedMaven.Result broken = maven.offline(project, "compile");
    assertFalse(broken.succeeded(), broken.output());
    assertTrue(broken.output().contains("added migrations/V2__users_name.sql"), broken.output());
    assertTrue(broken.output().contains("users.sql:2:"), broken.output());
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

  private String build(NestedMaven maven) throws Exception {
    NestedMaven.Result result = maven.offline(project, "compile");
    assertTrue(result.succeeded(), result.output());
    return result.output();
  }
}
