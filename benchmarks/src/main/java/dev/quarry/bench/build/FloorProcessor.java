package dev.quarry.bench.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * The floor of a lock-fresh build: an annotation processor on {@code @GenerateQueries} that knows
 * its answer before it starts. It only reads the sources Quarry generated for the corpus (a saved
 * copy, {@code -Afloor.sources=<folder>}) and writes each through javac's Filer, then notes {@code
 * floor timings: total N ms} (from its {@code process} call to the last source written, as Quarry's
 * total). What it costs is what javac charges any processor for creating those source files: the
 * Filer looks up each new type's name in every module of the compile before it creates the file.
 */
@SupportedAnnotationTypes("dev.quarry.GenerateQueries")
@SupportedOptions(FloorProcessor.SOURCES)
public final class FloorProcessor extends AbstractProcessor {
  static final String SOURCES = "floor.sources";

  /** The note's prefix. */
  static final String NOTE = "floor timings: total ";

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver() || annotations.isEmpty()) {
      return false;
    }
    long started = System.nanoTime();
    String folder = processingEnv.getOptions().get(SOURCES);
    if (folder == null) {
      processingEnv.getMessager().printMessage(Kind.ERROR, "-A" + SOURCES + " is required");
      return true;
    }
    Path root = Path.of(folder);
    try {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      for (Path file : files) {
        String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '.');
        String name = relative.substring(0, relative.length() - ".java".length());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
          writer.write(text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    processingEnv
        .getMessager()
        .printMessage(Kind.NOTE, NOTE + (System.nanoTime() - started) / 1_000_000 + " ms");
    return true;
  }

  /** The total in {@code output}'s floor note, or -1. */
  static long total(String output) {
    int at = output.indexOf(NOTE);
    if (at < 0) {
      return -1;
    }
    int end = output.indexOf(" ms", at);
    return Long.parseLong(output.substring(at + NOTE.length(), end).strip());
  }
}
