package dev.quarry.processor;

import com.google.auto.service.AutoService;
import dev.quarry.processor.codegen.GeneratedSource;
import dev.quarry.processor.codegen.GenerationCache;
import dev.quarry.processor.codegen.RepositoryIndex;
import dev.quarry.processor.config.DatabaseChoice;
import dev.quarry.processor.config.InvalidOptionException;
import dev.quarry.processor.config.KeepAlive;
import dev.quarry.processor.config.LockMode;
import dev.quarry.processor.config.MigrationOptions;
import dev.quarry.processor.config.PostgresVersion;
import dev.quarry.processor.config.ProcessorOptions;
import dev.quarry.processor.config.ProjectRequest;
import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.diagnostics.PhaseTimings;
import dev.quarry.processor.server.BuildClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.jspecify.annotations.Nullable;

/**
 * Quarry's annotation processor: for each {@code @GenerateQueries} it runs the {@link Pipeline} and
 * reports its diagnostics as javac errors and warnings on the annotation. It writes sources only
 * when no use of the annotation in the build has an error.
 *
 * <p>Unlike most processors it claims its annotation: {@code @GenerateQueries} is Quarry's own and
 * no other processor reads it, and an unclaimed annotation makes javac warn ("No processor claimed
 * any of these annotations") under {@code -Xlint:all}, which fails builds that also use {@code
 * -Werror}. For the same reason it claims {@code @Generated} and {@code @NullMarked} in a round
 * where only types it generated carry them.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes({
  QuarryProcessor.ANNOTATION,
  QuarryProcessor.GENERATED,
  QuarryProcessor.NULL_MARKED
})
@SupportedOptions({
  ProcessorOptions.PROJECT_DIR,
  DatabaseChoice.OPTION,
  PostgresVersion.OPTION,
  MigrationOptions.FORMAT,
  MigrationOptions.PLACEHOLDERS,
  MigrationOptions.CHECKS,
  MigrationOptions.SNAPSHOT,
  MigrationOptions.PREVIOUS_QUERIES,
  MigrationOptions.RECORD_QUERIES,
  LockMode.OPTION,
  ProcessorOptions.TIMINGS,
  KeepAlive.OPTION,
  KeepAlive.IDLE_OPTION,
  KeepAlive.BUILD_SERVER_OPTION
})
public final class QuarryProcessor extends AbstractProcessor {
  static final String ANNOTATION = "dev.quarry.GenerateQueries";
  static final String GENERATED = "javax.annotation.processing.Generated";
  static final String NULL_MARKED = "org.jspecify.annotations.NullMarked";

  /** Qualified names of the types this processor wrote. */
  private final Set<String> generatedTypes = new HashSet<>();

  /** The repositories written so far, and the packages that asked for them. */
  private final RepositoryIndex repositoryIndex = new RepositoryIndex();

  private final List<Element> indexOrigins = new ArrayList<>();

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      writeRepositoryIndex();
      return false;
    }
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(ANNOTATION);
    if (annotation == null || annotations.isEmpty()) {
      return false;
    }
    if (!annotations.contains(annotation)) {
      return onlyOnGeneratedTypes(annotations, round);
    }
    Set<? extends Element> annotated = round.getElementsAnnotatedWith(annotation);
    if (annotated.isEmpty()) {
      return false;
    }
    ProcessorOptions options = options(annotated.iterator().next());
    if (options == null) {
      return true;
    }
    record Done(Element element, AnnotationMirror mirror, Pipeline.Result result) {}
    List<Done> done = new ArrayList<>();
    boolean anyError = false;
    Map<Path, Element> lockOwners = new HashMap<>();
    for (Element element : annotated) {
      AnnotationMirror mirror = mirror(element, annotation);
      // Bad overrides are reported now; the rest of the build still runs so that every error
      // shows at once, but nothing is generated.
      PhaseTimings timings = new PhaseTimings();
      TypeOverrideReader.Result overrides =
          new TypeOverrideReader(processingEnv).read(element, mirror);
      anyError |= overrides.hadErrors();
      ProjectRequest request =
          new ProjectRequest(
              packageOf(element),
              strings(mirror, "migrations"),
              strings(mirror, "queries"),
              overrides.valid());
      Pipeline pipeline = new Pipeline(options, generationCache().orElse(null));
      Path lock = options.lockMode() == LockMode.OFF ? null : pipeline.lockPath(request);
      Element owner = lock == null ? null : lockOwners.putIfAbsent(lock, element);
      if (owner != null) {
        // Each would rewrite the other's facts: the second build would always find it stale.
        processingEnv
            .getMessager()
            .printMessage(
                Kind.ERROR,
                Diagnostic.of(Message.LOCK_FILE_SHARED, null, owner, lock).render(),
                element,
                mirror);
        anyError = true;
        continue;
      }
      Pipeline.Result result;
      try {
        result = runOnBuildServer(options, request, timings).orElse(null);
        if (result == null) {
          result = pipeline.run(request, timings);
        }
      } catch (RuntimeException | LinkageError e) {
        processingEnv
            .getMessager()
            .printMessage(
                Kind.ERROR,
                Diagnostic.of(Message.PROCESSOR_FAILED, null, e).render(),
                element,
                mirror);
        anyError = true;
        continue;
      }
      anyError |= result.diagnostics().hasErrors();
      done.add(new Done(element, mirror, result));
    }
    for (Done d : done) {
      for (Diagnostic diagnostic : d.result().diagnostics().all()) {
        Kind kind =
            switch (diagnostic.severity()) {
              case ERROR -> Kind.ERROR;
              case WARNING -> Kind.WARNING;
              case NOTE -> Kind.NOTE;
            };
        processingEnv
            .getMessager()
            .printMessage(kind, diagnostic.render(), d.element(), d.mirror());
      }
    }
    for (Done d : done) {
      PhaseTimings timings = d.result().timings();
      if (!anyError) {
        long writeStarted = System.nanoTime();
        write(d.element(), d.mirror(), d.result().sources());
        repositoryIndex.add(d.result().sources());
        indexOrigins.add(d.element());
        timings.record(PhaseTimings.Phase.GENERATION, writeStarted);
        if (!d.result().summary().isEmpty()) {
          processingEnv.getMessager().printMessage(Kind.NOTE, d.result().summary());
        }
      }
      if (options.timings()) {
        timings.finish();
        processingEnv
            .getMessager()
            .printMessage(Kind.NOTE, timings.render(), d.element(), d.mirror());
      }
    }
    return true;
  }

  /** Whether every element carrying one of {@code annotations} is a type Quarry generated. */
  private boolean onlyOnGeneratedTypes(
      Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement each : annotations) {
      for (Element element : round.getElementsAnnotatedWith(each)) {
        if (!(element instanceof TypeElement type)
            || !generatedTypes.contains(type.getQualifiedName().toString())) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The build's result from the build server ({@code -Aquarry.buildServer}, on while the kept
   * embedded PostgreSQL is: with {@code -Aquarry.database} embedded or auto), or empty when none
   * answered: the build then runs in-process, with the same result.
   */
  private Optional<Pipeline.Result> runOnBuildServer(
      ProcessorOptions options, ProjectRequest request, PhaseTimings timings) {
    if (!options.keepAlive().enabled()
        || !options.keepAlive().buildServer()
        || !(options.database() instanceof DatabaseChoice.Embedded
            || options.database() instanceof DatabaseChoice.Auto)) {
      return Optional.empty(); // it lives with the kept embedded PostgreSQL
    }
    generationCache();
    return BuildClient.build(processingEnv.getOptions(), request, sourceOutput)
        .map(
            reply -> {
              reply.addTimingsTo(timings);
              return new Pipeline.Result(
                  reply.diagnostics(), reply.sources(), reply.summary(), timings);
            });
  }

  private @Nullable ProcessorOptions options(Element anyElement) {
    try {
      return parseOptions(processingEnv.getOptions(), Path.of("").toAbsolutePath());
    } catch (InvalidOptionException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Kind.ERROR, Diagnostic.of(e.message(), null, e.arguments()).render(), anyElement);
      return null;
    }
  }

  /**
   * The options javac got ({@code raw}), with relative paths taken from {@code workingDirectory}
   * (the compiler's; the build server gets the client's).
   */
  static ProcessorOptions parseOptions(
      Map<String, ? extends @Nullable String> raw, Path workingDirectory)
      throws InvalidOptionException {
    String projectDir = raw.get(ProcessorOptions.PROJECT_DIR);
    Path base =
        projectDir == null || projectDir.isBlank()
            ? workingDirectory
            : workingDirectory.resolve(projectDir);
    Path projectPath = base.toAbsolutePath().normalize();
    return new ProcessorOptions(
        projectPath,
        DatabaseChoice.parse(raw.get(DatabaseChoice.OPTION)),
        PostgresVersion.parse(raw.get(PostgresVersion.OPTION)),
        MigrationOptions.parse(
            projectPath,
            raw.get(MigrationOptions.FORMAT),
            raw.get(MigrationOptions.PLACEHOLDERS),
            raw.get(MigrationOptions.CHECKS),
            raw.get(MigrationOptions.SNAPSHOT),
            raw.get(MigrationOptions.PREVIOUS_QUERIES),
            raw.get(MigrationOptions.RECORD_QUERIES)),
        LockMode.parse(raw.get(LockMode.OPTION)),
        ProcessorOptions.parseTimings(raw.get(ProcessorOptions.TIMINGS)),
        KeepAlive.parse(
            raw.get(KeepAlive.OPTION),
            raw.get(KeepAlive.IDLE_OPTION),
            raw.get(KeepAlive.BUILD_SERVER_OPTION)));
  }

  /**
   * The generation cache of this compile's generated-sources folder, when the Filer writes to a
   * folder on disk (an IDE's or a test's in-memory file manager gets none).
   */
  private Optional<GenerationCache> generationCache() {
    if (generationCache == null) {
      Optional<GenerationCache> cache = Optional.empty();
      try {
        FileObject probe =
            processingEnv
                .getFiler()
                .getResource(StandardLocation.SOURCE_OUTPUT, "", "quarry-generation-probe");
        URI uri = probe.toUri();
        if ("file".equals(uri.getScheme())) {
          Path folder = Path.of(uri).getParent();
          if (folder != null) {
            cache = GenerationCache.forSourceOutput(folder);
            sourceOutput = folder;
          }
        }
      } catch (IOException | RuntimeException e) {
        // No generated-sources folder to find: generate every time.
      }
      generationCache = cache;
    }
    return generationCache;
  }

  private @Nullable Optional<GenerationCache> generationCache;

  /** The generated-sources folder, when the Filer writes to disk ({@link #generationCache()}). */
  private @Nullable Path sourceOutput;

  private void write(Element element, AnnotationMirror mirror, List<GeneratedSource> sources) {
    for (GeneratedSource file : sources) {
      String name = file.qualifiedName();
      try {
        JavaFileObject source = processingEnv.getFiler().createSourceFile(name, element);
        generatedTypes.add(name);
        try (Writer writer = source.openWriter()) {
          writer.write(file.text());
        }
      } catch (IOException e) {
        processingEnv
            .getMessager()
            .printMessage(
                Kind.ERROR,
                Diagnostic.of(Message.GENERATED_SOURCE_UNWRITABLE, null, name, e.getMessage())
                    .render(),
                element,
                mirror);
      }
    }
  }

  /**
   * Writes {@value RepositoryIndex#RESOURCE} once, in the last round, so that it lists the
   * repositories of every {@code @GenerateQueries} of the build.
   */
  private void writeRepositoryIndex() {
    if (repositoryIndex.isEmpty()) {
      return;
    }
    try {
      FileObject resource =
          processingEnv
              .getFiler()
              .createResource(
                  StandardLocation.CLASS_OUTPUT,
                  "",
                  RepositoryIndex.RESOURCE,
                  indexOrigins.toArray(new Element[0]));
      // UTF-8 whatever javac's -encoding: class names may hold any letter.
      try (OutputStream out = resource.openOutputStream()) {
        out.write(repositoryIndex.render().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Kind.ERROR,
              Diagnostic.of(
                      Message.REPOSITORY_INDEX_UNWRITABLE,
                      null,
                      RepositoryIndex.RESOURCE,
                      e.getMessage())
                  .render(),
              indexOrigins.get(0));
    }
  }

  private String packageOf(Element element) {
    PackageElement pkg = processingEnv.getElementUtils().getPackageOf(element);
    return pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
  }

  private static AnnotationMirror mirror(Element element, TypeElement annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().asElement().equals(annotation)) {
        return mirror;
      }
    }
    throw new IllegalStateException("no @GenerateQueries on " + element);
  }

  private static List<String> strings(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        Object value = entry.getValue().getValue();
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
          for (Object item : list) {
            strings.add(String.valueOf(((AnnotationValue) item).getValue()));
          }
        } else {
          strings.add(String.valueOf(value));
        }
        return strings;
      }
    }
    return List.of();
  }
}
