package dev.quarry.bench.build;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac run inside this JVM (the {@code javax.tools} API), as an IDE or a build daemon runs it:
 * javac's own classes are loaded and compiled by the JIT once. The processor comes either from a
 * new class loader per compile (its classes loaded again, like a command-line build) or from one
 * class loader kept for every compile with a new processor instance each time (like an IDE or a
 * daemon that keeps the processor path's classes).
 */
final class InProcessJavac {
  static final String PROCESSOR = "dev.quarry.processor.QuarryProcessor";

  private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
  private final URL[] processorPath;
  private final String classpath;
  private URLClassLoader kept;

  InProcessJavac(String processorPath, String classpath) throws IOException {
    List<URL> urls = new ArrayList<>();
    for (String entry : processorPath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    this.processorPath = urls.toArray(new URL[0]);
    this.classpath = classpath;
  }

  /** How the processor is made for a compile. */
  enum Loading {
    /** No processor: {@code -proc:none}. */
    NONE,
    /** A new class loader for the processor path, then a processor from it. */
    FRESH_LOADER,
    /** One class loader for every compile, a new processor instance each time. */
    KEPT_LOADED,
    /** {@link FloorProcessor}, loaded with this class, a new instance each time. */
    FLOOR
  }

  /** The folder {@link Loading#FLOOR}'s processor writes the sources of. */
  private Path floorSources;

  InProcessJavac floorSources(Path sources) {
    this.floorSources = sources;
    return this;
  }

  /** One compile: its wall-clock time and javac's notes (the timings note among them). */
  record Result(long nanos, String output) {
    double millis() {
      return nanos / 1_000_000.0;
    }
  }

  /**
   * Compiles {@code sources} into {@code classes}, writing generated sources to {@code generated}
   * (kept between compiles, as an IDE's output folders are).
   */
  Result compile(
      Loading loading,
      Path project,
      List<Path> sources,
      List<String> options,
      Path classes,
      Path generated)
      throws Exception {
    Files.createDirectories(classes);
    Files.createDirectories(generated);
    List<String> arguments = new ArrayList<>();
    arguments.addAll(List.of("-d", classes.toString(), "-s", generated.toString()));
    arguments.addAll(List.of("-classpath", classpath, "-encoding", "UTF-8"));
    if (loading == Loading.NONE) {
      arguments.add("-proc:none");
    } else if (loading == Loading.FLOOR) {
      arguments.add("-A" + FloorProcessor.SOURCES + "=" + floorSources);
    } else {
      arguments.add("-Aquarry.projectDir=" + project);
      arguments.add("-Aquarry.timings=true");
      arguments.addAll(options);
    }
    long started = System.nanoTime();
    URLClassLoader fresh = null;
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          compiler.getTask(
              out, files, diagnostics, arguments, null, files.getJavaFileObjectsFromPaths(sources));
      if (loading == Loading.FLOOR) {
        task.setProcessors(List.of(new FloorProcessor()));
      } else if (loading != Loading.NONE) {
        ClassLoader loader;
        if (loading == Loading.FRESH_LOADER) {
          fresh = new URLClassLoader(processorPath, ClassLoader.getPlatformClassLoader());
          loader = fresh;
        } else {
          if (kept == null) {
            kept = new URLClassLoader(processorPath, ClassLoader.getPlatformClassLoader());
          }
          loader = kept;
        }
        Processor processor =
            (Processor) loader.loadClass(PROCESSOR).getDeclaredConstructor().newInstance();
        task.setProcessors(List.of(processor));
      }
      boolean ok = task.call();
      long nanos = System.nanoTime() - started;
      StringBuilder text = new StringBuilder(out.toString());
      diagnostics
          .getDiagnostics()
          .forEach(d -> text.append(d.getMessage(Locale.ROOT)).append('\n'));
      if (!ok) {
        throw new IllegalStateException("in-process javac failed:\n" + text);
      }
      return new Result(nanos, text.toString());
    } finally {
      if (fresh != null) {
        fresh.close();
      }
    }
  }
}
