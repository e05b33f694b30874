package dev.quarry.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * Makes the SQL folders count as compile inputs: when a migration or query file was added, changed
 * or removed since the last build, the module's classes are marked stale so that
 * maven-compiler-plugin recompiles and Quarry's processor runs again. Without it, {@code mvn
 * compile} after editing only {@code .sql} files reports "Nothing to compile" and keeps the old
 * generated code.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>dev.quarry</groupId>
 *   <artifactId>quarry-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>check-inputs</goal></goals></execution></executions>
 *   <configuration>
 *     <inputs><input>migrations</input><input>queries</input></inputs>
 *   </configuration>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "check-inputs", defaultPhase = LifecyclePhase.PROCESS_SOURCES, threadSafe = true)
public final class CheckInputsMojo extends AbstractMojo {
  /** The SQL folders (or files); relative paths are resolved against the module's folder. */
  @Parameter private @Nullable List<File> inputs;

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private @Nullable File basedir;

  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
  private @Nullable File outputDirectory;

  /** Where the fingerprint of the last build's SQL inputs is kept. */
  @Parameter(defaultValue = "${project.build.directory}/quarry/sql-inputs.txt", required = true)
  private @Nullable File stateFile;

  /** Skips the check (the compiler plugin then decides on Java sources alone). */
  @Parameter(property = "quarry.skipInputCheck", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("Quarry: SQL input check skipped");
      return;
    }
    Path base = require(basedir, "basedir").toPath();
    List<Path> roots =
        inputs == null || inputs.isEmpty()
            ? List.of(base.resolve("migrations"), base.resolve("queries"))
            : inputs.stream().map(f -> base.resolve(f.toPath()).normalize()).toList();
    SqlInputs.Outcome outcome;
    try {
      outcome =
          SqlInputs.check(
              roots,
              require(outputDirectory, "outputDirectory").toPath(),
              require(stateFile, "stateFile").toPath());
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Quarry could not check the SQL inputs "
              + roots
              + ": "
              + e.getMessage()
              + "; run mvn clean compile, or set -Dquarry.skipInputCheck=true",
          e);
    }
    switch (outcome.kind()) {
      case FIRST_RUN ->
          getLog()
              .info(
                  "Quarry: recorded "
                      + roots.size()
                      + " SQL input folder(s)"
                      + (outcome.classesMarked() > 0
                          ? "; classes from an unrecorded build marked for recompilation"
                          : ""));
      case UNCHANGED -> getLog().info("Quarry: SQL inputs unchanged");
      case CHANGED ->
          getLog()
              .info(
                  "Quarry: SQL inputs changed ("
                      + summary(outcome.changes(), roots)
                      + "); the module will be recompiled");
    }
  }

  private static String summary(List<String> changes, List<Path> roots) {
    List<String> named = changes.stream().map(change -> name(change, roots)).toList();
    return named.size() <= 3
        ? String.join(", ", named)
        : String.join(", ", named.subList(0, 3)) + " and " + (named.size() - 3) + " more";
  }

  /** "changed 1:users.sql" as "changed queries/users.sql". */
  private static String name(String change, List<Path> roots) {
    int space = change.indexOf(' ');
    int colon = change.indexOf(':', space);
    int index = Integer.parseInt(change.substring(space + 1, colon));
    String relative = change.substring(colon + 1);
    Path root = roots.get(index).getFileName();
    String shown = root == null ? roots.get(index).toString() : root.toString();
    return change.substring(0, space) + " " + (relative.isEmpty() ? shown : shown + "/" + relative);
  }

  private static <T> T require(@Nullable T value, String name) throws MojoExecutionException {
    if (value == null) {
      throw new MojoExecutionException("Quarry: parameter " + name + " is not set");
    }
    return value;
  }
}
