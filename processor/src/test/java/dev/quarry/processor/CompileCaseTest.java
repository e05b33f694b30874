package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiles each case folder under {@code src/test/resources/cases} with Quarry and compares the
 * outcome with what the folder expects. A case folder holds {@code migrations/}, {@code queries/}
 * and either {@code expected/} (the generated sources, byte for byte), {@code errors.txt} (one
 * expected error a line: {@code path:line:col: text the message contains}) or {@code warnings.txt}
 * (the same for Quarry's warnings, on a build that otherwise succeeds; an empty one asserts that
 * Quarry warns about nothing; an {@code expected/} folder beside it lists the files that must be
 * generated). An optional {@code options.txt} holds extra {@code -A} options, one a line.
 *
 * <p>Run with {@code -Dquarry.updateGolden=true} to rewrite the {@code expected/} folders from what
 * Quarry generates now: every case whose files it rewrote fails, naming them, so that an update run
 * is never taken for a green one; review the diff, then run again without the switch. Cases whose
 * files were already current are checked as usual. {@code -Dquarry.cases=a,b} runs only the named
 * case folders.
 */
class CompileCaseTest {
  static final String PACKAGE = "com.example.db";
  static final Path CASES = Path.of("src/test/resources/cases");

  /** The switch that rewrites the {@code expected/} folders; a run that rewrites any fails. */
  static final String UPDATE_GOLDEN = "quarry.updateGolden";

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    return caseFolders().stream()
        .map(
            folder ->
                DynamicTest.dynamicTest(
                    folder.getFileName().toString(),
                    () -> check(folder, Boolean.getBoolean(UPDATE_GOLDEN))));
  }

  /** The case folders, sorted; {@code -Dquarry.cases=a,b} keeps only those named. */
  static List<Path> caseFolders() throws IOException {
    List<Path> folders;
    try (Stream<Path> list = Files.list(CASES)) {
      folders = list.filter(Files::isDirectory).sorted().toList();
    }
    String only = System.getProperty("quarry.cases", "");
    if (!only.isBlank()) {
      List<String> names = List.of(only.split(","));
      folders = folders.stream().filter(f -> names.contains(f.getFileName().toString())).toList();
    }
    return folders;
  }

  static Compilation compile(Path folder, List<String> extraOptions) throws IOException {
    List<String> options = options(folder);
    options.addAll(extraOptions);
    JavaFileObject packageInfo =
        JavaFileObjects.forSourceString(PACKAGE + ".package-info", packageInfo(PACKAGE));
    return Compiler.javac()
        .withProcessors(new QuarryProcessor())
        .withOptions(options)
        .compile(packageInfo);
  }

  /**
   * Copies the case folder's {@code migrations/} and {@code queries/} files into {@code project}.
   */
  static void copyInputs(Path caseFolder, Path project) throws IOException {
    for (String folder : List.of("migrations", "queries")) {
      Path target = Files.createDirectories(project.resolve(folder));
      try (Stream<Path> files = Files.list(caseFolder.resolve(folder))) {
        for (Path file : files.toList()) {
          Files.copy(file, target.resolve(file.getFileName()));
        }
      }
    }
  }

  static String packageInfo(String packageName) {
    return packageInfo(packageName, "migrations", "queries");
  }

  static String packageInfo(String packageName, String migrations, String queries) {
    return "@dev.quarry.GenerateQueries(migrations = \""
        + migrations.replace("\\", "\\\\")
        + "\", queries = \""
        + queries.replace("\\", "\\\\")
        + "\")\n"
        + "package "
        + packageName
        + ";\n";
  }

  /** Compiles a package-info naming these paths, with these javac options. */
  static Compilation compileWith(List<String> options, String migrations, String queries) {
    JavaFileObject packageInfo =
        JavaFileObjects.forSourceString(
            PACKAGE + ".package-info", packageInfo(PACKAGE, migrations, queries));
    return Compiler.javac()
        .withProcessors(new QuarryProcessor())
        .withOptions(options)
        .compile(packageInfo);
  }

  /**
   * The Java sources of a case: every file under its {@code java/} folder (converters, or a
   * package-info with more than the paths), else the default package-info.
   */
  static List<Path> javaSources(Path folder) throws IOException {
    Path java = folder.resolve("java");
    if (!Files.isDirectory(java)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(java)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  static Compilation compileCase(Path folder, List<String> options) throws IOException {
    List<Path> sources = javaSources(folder);
    if (sources.isEmpty()) {
      return compileWith(options, "migrations", "queries");
    }
    List<JavaFileObject> files = new ArrayList<>();
    for (Path source : sources) {
      files.add(JavaFileObjects.forResource(source.toUri().toURL()));
    }
    return Compiler.javac()
        .withProcessors(new QuarryProcessor())
        .withOptions(options)
        .compile(files);
  }

  /**
   * The javac options for a case folder: Quarry's, lint as strict as users run it, and options.txt.
   */
  static List<String> options(Path folder) throws IOException {
    List<String> options = new ArrayList<>();
    options.add("-Aquarry.projectDir=" + folder.toAbsolutePath());
    options.add("-Aquarry.database=" + TestDatabases.option());
    // Case folders are sources: a build must not write a lock file into them. LockFileTest covers
    // the lock file on copies.
    options.add("-Aquarry.lock=off");
    options.add("-Xlint:all");
    options.add("-Werror");
    Path optionsFile = folder.resolve("options.txt");
    if (Files.exists(optionsFile)) {
      for (String line : Files.readAllLines(optionsFile)) {
        if (!line.isBlank()) {
          options.add(line.strip());
        }
      }
    }
    return options;
  }

  /**
   * Compiles one case folder and checks the outcome; with {@code updateGolden}, first rewrites its
   * {@code expected/} folder, failing when that changed anything.
   */
  static void check(Path folder, boolean updateGolden) throws IOException {
    Path errorsFile = folder.resolve("errors.txt");
    Path warningsFile = folder.resolve("warnings.txt");
    if (Files.exists(warningsFile)) {
      JavacRun run = JavacRun.compile(folder, PACKAGE);
      checkWarnings(Files.readAllLines(warningsFile, StandardCharsets.UTF_8), run);
      checkGeneratedSources(folder.resolve("expected"), run, updateGolden);
    } else if (Files.exists(errorsFile)) {
      checkErrors(
          Files.readAllLines(errorsFile, StandardCharsets.UTF_8),
          JavacRun.compile(folder, PACKAGE),
          true);
    } else {
      checkGenerated(
          folder.resolve("expected"), compileCase(folder, options(folder)), updateGolden);
    }
  }

  /**
   * The same check under another compiler (the Eclipse compiler): the same errors, the same
   * warnings, the same generated sources byte for byte, and those sources compile.
   */
  static void check(Path folder, JavaCompiler compiler) throws IOException {
    JavacRun run = JavacRun.compile(folder, PACKAGE, compiler);
    Path errorsFile = folder.resolve("errors.txt");
    Path warningsFile = folder.resolve("warnings.txt");
    if (Files.exists(warningsFile)) {
      checkWarnings(Files.readAllLines(warningsFile, StandardCharsets.UTF_8), run);
      checkGeneratedSources(folder.resolve("expected"), run, false);
    } else if (Files.exists(errorsFile)) {
      // ECJ's Messager gives errors on the package annotation no line (0): only javac's are checked
      // for line 1.
      checkErrors(Files.readAllLines(errorsFile, StandardCharsets.UTF_8), run, false);
    } else {
      assertTrue(run.succeeded(), () -> "compilation failed:\n  " + run.diagnostics());
      assertEquals(readExpected(folder.resolve("expected")), run.sources());
      assertTrue(run.classFiles() > 0, "generated sources must compile to classes");
    }
  }

  private static Map<String, String> readExpected(Path expectedDir) throws IOException {
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.list(expectedDir)) {
      for (Path file : files.toList()) {
        expected.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return expected;
  }

  /**
   * Quarry's warnings (those with a {@code [quarry:} tag) must be exactly the expected ones, and
   * Quarry must report no error. Under the cases' {@code -Werror} javac then fails the build with
   * its own "warnings found" error, which is what users get, so only Quarry's messages count.
   */
  private static void checkWarnings(List<String> expectedLines, JavacRun run) {
    List<String> expected =
        expectedLines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    List<String> quarryErrors =
        run.errors().stream()
            .map(JavacRun.Message::text)
            .filter(m -> m.contains("[quarry:"))
            .toList();
    assertEquals(List.of(), quarryErrors, "Quarry errors");
    List<String> actual =
        run.diagnostics().stream()
            .filter(
                d ->
                    d.kind() == Diagnostic.Kind.WARNING
                        || d.kind() == Diagnostic.Kind.MANDATORY_WARNING)
            .map(JavacRun.Message::text)
            .filter(m -> m.contains("[quarry:"))
            .toList();
    for (String line : expected) {
      int split = line.indexOf(": ");
      String location = split < 0 ? "" : line.substring(0, split + 1);
      String text = split < 0 ? line : line.substring(split + 2);
      assertTrue(
          actual.stream().anyMatch(m -> m.startsWith(location) && m.contains(text)),
          "expected a warning \""
              + line
              + "\"; the warnings were:\n  "
              + String.join("\n  ", actual));
    }
    assertEquals(
        expected.size(),
        actual.size(),
        "number of warnings; they were:\n  " + String.join("\n  ", actual));
    if (expected.isEmpty()) {
      assertTrue(run.succeeded(), "compilation should succeed: " + run.diagnostics());
    }
  }

  /**
   * For a warnings case with an {@code expected/} folder: the generated files are those it holds
   * (by name; their content is checked by the cases without warnings).
   */
  /**
   * A case with warnings and an {@code expected/} folder: the generated sources, byte for byte (a
   * warning must not change what is generated); without the folder, only the warnings are checked.
   */
  private static void checkGeneratedSources(Path expectedDir, JavacRun run, boolean updateGolden)
      throws IOException {
    if (!Files.isDirectory(expectedDir)) {
      return;
    }
    if (updateGolden) {
      List<String> updated = updateGolden(expectedDir, run.sources());
      if (!updated.isEmpty()) {
        fail(
            "-D"
                + UPDATE_GOLDEN
                + "=true rewrote golden files, so this case was not checked: "
                + String.join(", ", updated)
                + " in "
                + expectedDir);
      }
    }
    assertEquals(readExpected(expectedDir), run.sources(), "generated sources");
  }

  /**
   * Compile Testing hides generated files of a failed compilation, so error cases run javac
   * directly with a source output folder that must stay empty.
   */
  private static void checkErrors(List<String> expectedLines, JavacRun run, boolean onLine1) {
    List<String> expected =
        expectedLines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    List<String> actual = run.errors().stream().map(JavacRun.Message::text).toList();
    assertTrue(!run.succeeded(), "compilation should fail");
    assertEquals(
        List.of(), run.generatedSources(), "no source may be generated when there are errors");
    for (JavacRun.Message error : run.errors()) {
      // Every Quarry error sits on the @GenerateQueries annotation (line 1 of package-info).
      assertEquals(onLine1 ? 1L : 0L, error.line(), "error not on the annotation: " + error.text());
    }
    for (String line : expected) {
      int split = line.indexOf(": ");
      String location = split < 0 ? "" : line.substring(0, split + 1);
      String text = split < 0 ? line : line.substring(split + 2);
      boolean found = actual.stream().anyMatch(m -> m.startsWith(location) && m.contains(text));
      assertTrue(
          found,
          "expected an error \"" + line + "\"; the errors were:\n  " + String.join("\n  ", actual));
    }
    assertEquals(
        expected.size(),
        actual.size(),
        "number of errors; they were:\n  " + String.join("\n  ", actual));
  }

  /**
   * Makes {@code expectedDir} hold exactly {@code generated}; returns what it changed, one entry a
   * file ({@code "Foo.java (new)"}), empty when the folder was already current.
   */
  static List<String> updateGolden(Path expectedDir, Map<String, String> generated)
      throws IOException {
    List<String> updated = new ArrayList<>();
    Files.createDirectories(expectedDir);
    try (Stream<Path> old = Files.list(expectedDir)) {
      for (Path file : old.sorted().toList()) {
        if (!generated.containsKey(file.getFileName().toString())) {
          Files.delete(file);
          updated.add(file.getFileName() + " (deleted)");
        }
      }
    }
    for (Map.Entry<String, String> entry : generated.entrySet()) {
      Path file = expectedDir.resolve(entry.getKey());
      boolean exists = Files.exists(file);
      if (!exists || !Files.readString(file, StandardCharsets.UTF_8).equals(entry.getValue())) {
        Files.writeString(file, entry.getValue(), StandardCharsets.UTF_8);
        updated.add(entry.getKey() + (exists ? " (changed)" : " (new)"));
      }
    }
    return updated;
  }

  private static void checkGenerated(
      Path expectedDir, Compilation compilation, boolean updateGolden) throws IOException {
    if (compilation.status() != Compilation.Status.SUCCESS) {
      fail(
          "compilation failed:\n  "
              + String.join(
                  "\n  ",
                  compilation.diagnostics().stream()
                      .map(
                          d ->
                              d.getKind()
                                  + " "
                                  + d.getSource()
                                  + ":"
                                  + d.getLineNumber()
                                  + ": "
                                  + d.getMessage(null))
                      .toList()));
    }
    Map<String, String> generated = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.SOURCE) {
        String name = file.getName();
        generated.put(
            name.substring(name.lastIndexOf('/') + 1), file.getCharContent(true).toString());
      }
    }
    if (updateGolden) {
      List<String> updated = updateGolden(expectedDir, generated);
      if (!updated.isEmpty()) {
        fail(
            "-D"
                + UPDATE_GOLDEN
                + "=true rewrote golden files, so this case was not checked: "
                + String.join(", ", updated)
                + " in "
                + expectedDir
                + "; review the diff (git diff -- "
                + expectedDir
                + ") and run again without -D"
                + UPDATE_GOLDEN);
      }
    }
    Map<String, String> expected = readExpected(expectedDir);
    assertEquals(expected.keySet(), generated.keySet(), "generated files");
    for (String name : expected.keySet()) {
      assertEquals(
          expected.get(name),
          generated.get(name),
          "generated " + name + " differs from the golden file");
    }
    assertTrue(
        compilation.generatedFiles().stream()
            .anyMatch(f -> f.getKind() == JavaFileObject.Kind.CLASS),
        "generated sources must compile to classes");
  }
}
