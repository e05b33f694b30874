package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the processor under the Eclipse compiler (ECJ), whose Filer and Messager differ from
 * javac's, on the {@code blog} case: it must succeed and generate the golden sources. ECJ reads
 * sources, generated ones included, as files, so this runs it with real folders rather than Compile
 * Testing's in-memory file manager.
 */
class EclipseCompilerTest {
  @TempDir Path work;

  @Test
  void blogUnderEcjGeneratesTheGoldenSources() throws IOException {
    Path folder = CompileCaseTest.CASES.resolve("blog");
    Path source =
        Files.createDirectories(
            work.resolve("src").resolve(CompileCaseTest.PACKAGE.replace('.', '/')));
    Path packageInfo =
        Files.writeString(
            source.resolve("package-info.java"),
            CompileCaseTest.packageInfo(CompileCaseTest.PACKAGE));
    Path generated = Files.createDirectories(work.resolve("generated"));
    Path classes = Files.createDirectories(work.resolve("classes"));

    JavaCompiler ecj = new EclipseCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    boolean ok;
    try (StandardJavaFileManager files =
        ecj.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          ecj.getTask(
              output,
              files,
              diagnostics,
              List.of(
                  "-17",
                  "-s",
                  generated.toString(),
                  "-d",
                  classes.toString(),
                  "-classpath",
                  System.getProperty("java.class.path"),
                  "-Aquarry.projectDir=" + folder.toAbsolutePath(),
                  "-Aquarry.database=" + TestDatabases.option(),
                  "-Aquarry.lock=off"),
              null,
              files.getJavaFileObjectsFromPaths(List.of(packageInfo)));
      task.setProcessors(List.of(new QuarryProcessor()));
      ok = task.call();
    }
    List<String> errors =
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> d.getSource() + ":" + d.getLineNumber() + ": " + d.getMessage(null))
            .toList();
    assertTrue(ok && errors.isEmpty(), "ECJ failed:\n" + String.join("\n", errors) + "\n" + output);

    Map<String, String> actual = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(generated)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
        actual.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder.resolve("expected"))) {
      for (Path file : files.toList()) {
        expected.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    assertEquals(expected, actual);
    try (Stream<Path> walk = Files.walk(classes)) {
      assertTrue(
          walk.anyMatch(p -> p.toString().endsWith("UsersQueries.class")),
          "ECJ compiled the generated sources");
    }
  }
}
