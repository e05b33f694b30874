package dev.quarry.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** One run of the system javac with Quarry on a case folder, with real output folders. */
record JavacRun(
    boolean succeeded,
    List<Message> diagnostics,
    List<String> generatedSources,
    List<String> generatedResources) {

  /** A diagnostic, read out while its source file still exists (javac computes lines lazily). */
  record Message(Diagnostic.Kind kind, long line, String text) {}

  List<Message> errors() {
    return diagnostics.stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR).toList();
  }

  static JavacRun compile(Path folder, String packageName) throws IOException {
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
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      List<String> options = new ArrayList<>(CompileCaseTest.options(folder));
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
      List<String> generatedSources;
      try (Stream<Path> walk = Files.walk(generated)) {
        generatedSources =
            walk.filter(Files::isRegularFile)
                .map(p -> generated.relativize(p).toString())
                .sorted()
                .toList();
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
      return new JavacRun(ok, messages, generatedSources, generatedResources);
    } finally {
      try (Stream<Path> walk = Files.walk(work)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
