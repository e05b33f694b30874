package dev.quarry.processor;

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
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * One run of a compiler (the system javac, or the Eclipse compiler) with Quarry on a case folder,
 * with real output folders.
 *
 * @param generatedSources paths of the generated files, relative to the source output folder
 * @param generatedResources files other than classes that the compiler run wrote, relative to the
 *     class output folder
 * @param sources the generated {@code .java} files' text, by file name
 * @param classFiles how many class files the compiler wrote
 */
record JavacRun(
    boolean succeeded,
    List<Message> diagnostics,
    List<String> generatedSources,
    List<String> generatedResources,
    Map<String, String> sources,
    int classFiles) {

  /** A diagnostic, read out while its source file still exists (javac computes lines lazily). */
  record Message(Diagnostic.Kind kind, long line, String text) {}

  List<Message> errors() {
    return diagnostics.stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR).toList();
  }

  static JavacRun compile(Path folder, String packageName) throws IOException {
    return compile(folder, packageName, ToolProvider.getSystemJavaCompiler());
  }

  /**
   * Compiles a case folder with {@code compiler}. The Eclipse compiler gets the case's {@code -A}
   * options and {@code --release 17}; javac's lint options ({@code -Xlint:all -Werror}) are javac's
   * own.
   */
  static JavacRun compile(Path folder, String packageName, JavaCompiler compiler)
      throws IOException {
    return compile(folder, packageName, compiler, List.of());
  }

  /**
   * As {@link #compile(Path, String, JavaCompiler)}, with {@code extraOptions} after the case's.
   */
  static JavacRun compile(
      Path folder, String packageName, JavaCompiler compiler, List<String> extraOptions)
      throws IOException {
    Path work = Files.createTempDirectory("quarry-javac");
    try {
      Path sources =
          Files.createDirectories(work.resolve("src").resolve(packageName.replace('.', '/')));
      List<Path> inputs = new ArrayList<>(CompileCaseTest.javaSources(folder));
      if (inputs.isEmpty()) {
        Path packageInfo = sources.resolve("package-info.java");
        Files.writeString(
            packageInfo, CompileCaseTest.packageInfo(packageName), StandardCharsets.UTF_8);
        inputs.add(packageInfo);
      }
      Path generated = Files.createDirectories(work.resolve("generated"));
      Path classes = Files.createDirectories(work.resolve("classes"));
      JavaCompiler javac = compiler;
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      List<String> options = new ArrayList<>(CompileCaseTest.options(folder));
      options.addAll(extraOptions);
      if (compiler instanceof EclipseCompiler) {
        options.removeIf(o -> o.startsWith("-Xlint") || o.equals("-Werror"));
        options.addAll(List.of("--release", "17"));
      }
      options.addAll(
          List.of(
              "-s",
              generated.toString(),
              "-d",
              classes.toString(),
              "-classpath",
              System.getProperty("java.class.path")));
      boolean ok;
      try (StandardJavaFileManager files =
          javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
        JavaCompiler.CompilationTask task =
            javac.getTask(
                null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(inputs));
        task.setProcessors(List.of(new QuarryProcessor()));
        ok = task.call();
      }
      List<String> generatedSources = new ArrayList<>();
      Map<String, String> texts = new TreeMap<>();
      try (Stream<Path> walk = Files.walk(generated)) {
        for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
          generatedSources.add(generated.relativize(file).toString());
          if (file.toString().endsWith(".java")) {
            texts.put(
                file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
          }
        }
      }
      int classFiles;
      try (Stream<Path> walk = Files.walk(classes)) {
        classFiles = (int) walk.filter(p -> p.toString().endsWith(".class")).count();
      }
      List<String> generatedResources;
      try (Stream<Path> walk = Files.walk(classes)) {
        generatedResources =
            walk.filter(p -> Files.isRegularFile(p) && !p.toString().endsWith(".class"))
                .map(p -> classes.relativize(p).toString())
                .sorted()
                .toList();
      }
      List<Message> messages = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        messages.add(new Message(d.getKind(), d.getLineNumber(), d.getMessage(null)));
      }
      return new JavacRun(ok, messages, generatedSources, generatedResources, texts, classFiles);
    } finally {
      try (Stream<Path> walk = Files.walk(work)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
