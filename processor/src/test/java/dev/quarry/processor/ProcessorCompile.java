package dev.quarry.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** One javac run in this JVM with Quarry's processor: whether it succeeded, and what it said. */
record ProcessorCompile(boolean succeeded, List<Diagnostic<? extends JavaFileObject>> diagnostics) {

  static ProcessorCompile run(List<String> options, List<Path> sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new QuarryProcessor()));
      boolean ok = task.call();
      return new ProcessorCompile(ok, diagnostics.getDiagnostics());
    }
  }
}
