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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
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
    // What javac's model says is read here, on javac's thread; the builds then run on a worker
    // thread while this one warms javac's type lookups for the sources they will write.
    List<Build> builds = new ArrayList<>();
    boolean anyError = false;
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
      builds.add(new Build(element, mirror, request, timings));
    }
    Optional<Path> sourceOutput = sourceOutput();
    Map<String, @Nullable String> rawOptions = new HashMap<>(processingEnv.getOptions());
    Path workingDirectory = Path.of("").toAbsolutePath();
    FutureTask<Outcome> work =
        new FutureTask<>(() -> runBuilds(rawOptions, workingDirectory, sourceOutput, builds));
    Thread worker = new Thread(work, "quarry-build");
    worker.setDaemon(true);
    worker.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    worker.start();
    sourceOutput.ifPresent(folder -> warmTypeLookups(folder, builds));
    Outcome outcome = await(work);
    if (outcome.invalidOptions() != null) {
      InvalidOptionException e = outcome.invalidOptions();
      processingEnv
          .getMessager()
          .printMessage(
              Kind.ERROR,
              Diagnostic.of(e.message(), null, e.arguments()).render(),
              builds.get(0).element(),
              builds.get(0).mirror());
      return true;
    }
    ProcessorOptions options = Objects.requireNonNull(outcome.options(), "options were read");
    record Done(Element element, AnnotationMirror mirror, Pipeline.Result result) {}
    List<Done> done = new ArrayList<>();
    for (int i = 0; i < builds.size(); i++) {
      Build build = builds.get(i);
      Object result = outcome.results().get(i);
      if (result instanceof Pipeline.Result finished) {
        anyError |= finished.diagnostics().hasErrors();
        done.add(new Done(build.element(), build.mirror(), finished));
        continue;
      }
      anyError = true;
      String message =
          result instanceof SharedLock shared
              ? Diagnostic.of(
                      Message.LOCK_FILE_SHARED,
                      null,
                      builds.get(shared.owner()).element(),
                      shared.lock())
                  .render()
              : Diagnostic.of(Message.PROCESSOR_FAILED, null, result).render();
      processingEnv
          .getMessager()
          .printMessage(Kind.ERROR, message, build.element(), build.mirror());
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
    if (!anyError) {
      for (Done d : done) {
        anyError |= staleRecordClasses(d.element(), d.mirror(), d.result().sources());
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

  /** One {@code @GenerateQueries} to build: where it is, what it asks for, its timings. */
  private record Build(
      Element element, AnnotationMirror mirror, ProjectRequest request, PhaseTimings timings) {}

  /**
   * What the worker thread did: the options it read (or why they are invalid), and for each build
   * in order its {@link Pipeline.Result}, a {@link SharedLock}, or the exception that ended it.
   */
  private record Outcome(
      @Nullable ProcessorOptions options,
      @Nullable InvalidOptionException invalidOptions,
      List<Object> results) {}

  /** A build whose lock file an earlier build ({@code owner}, an index) of this round writes. */
  private record SharedLock(int owner, Path lock) {}

  /**
   * Runs the builds (on the build server, else in this process) on the worker thread: nothing here
   * touches javac, whose objects belong to its own thread.
   */
  private Outcome runBuilds(
      Map<String, @Nullable String> rawOptions,
      Path workingDirectory,
      Optional<Path> sourceOutput,
      List<Build> builds) {
    Optional<GenerationCache> cache = generationCache(sourceOutput);
    ProcessorOptions options;
    try {
      options = parseOptions(rawOptions, workingDirectory);
    } catch (InvalidOptionException e) {
      return new Outcome(null, e, List.of());
    }
    List<Object> results = new ArrayList<>();
    Map<Path, Integer> lockOwners = new HashMap<>();
    for (int i = 0; i < builds.size(); i++) {
      Build build = builds.get(i);
      try {
        Pipeline pipeline = new Pipeline(options, cache.orElse(null));
        Path lock = options.lockMode() == LockMode.OFF ? null : pipeline.lockPath(build.request());
        Integer owner = lock == null ? null : lockOwners.putIfAbsent(lock, i);
        if (lock != null && owner != null) {
          // Each would rewrite the other's facts: the second build would always find it stale.
          results.add(new SharedLock(owner, lock));
          continue;
        }
        // Inputs unchanged since the last build are answered here, from that build's record: a
        // build server would answer the same, and reaching it costs a new JVM more than the check.
        Pipeline.Result result = null;
        if (usesBuildServer(options)) {
          result = pipeline.replay(build.request(), build.timings()).orElse(null);
          if (result != null) {
            BuildClient.replayed(rawOptions, build.request(), sourceOutput.orElse(null));
          } else {
            result =
                runOnBuildServer(
                        rawOptions, options, build.request(), sourceOutput, build.timings())
                    .orElse(null);
          }
        }
        results.add(result != null ? result : pipeline.run(build.request(), build.timings()));
      } catch (RuntimeException | LinkageError e) {
        results.add(e);
      }
    }
    return new Outcome(options, null, results);
  }

  /** The worker's outcome; javac's thread waits for it whatever interrupts it. */
  private static Outcome await(FutureTask<Outcome> work) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return work.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          // runBuilds catches what a build throws; anything else is a bug of this class.
          throw new IllegalStateException("Quarry's build thread failed", e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Looks up, while the builds run, the types the previous build of each package generated. The
   * Filer looks up each type it is asked to create (to tell whether it exists already); in a new
   * javac the first lookups load and search a great deal (90 ms for river's 13 types), and javac
   * keeps what they found. Done here, that time overlaps the build instead of following it; the
   * lookups are the same ones the Filer makes, so the compile is not changed by them.
   */
  private void warmTypeLookups(Path sourceOutput, List<Build> builds) {
    try {
      Set<String> packages = new HashSet<>();
      for (Build build : builds) {
        if (packages.add(build.request().packageName())) {
          for (String name :
              GenerationCache.previousTypeNames(sourceOutput, build.request().packageName())) {
            processingEnv.getElementUtils().getTypeElement(name);
          }
        }
      }
    } catch (RuntimeException e) {
      // Only a head start: the Filer makes the same lookups when it writes.
    }
  }

  /**
   * Reports each record of {@code sources} whose class file javac read from its class path (an
   * earlier build's output, not cleaned): javac before JDK 23 crashes when a processor generates
   * such a record again (JDK-8332297: it keeps the class file's symbol, whose record components
   * have no accessors, and fails in {@code Lower} with a NullPointerException). Only javac before
   * 23 is asked; a compiler whose model cannot tell (not javac's, or wrapped) writes as always.
   * Returns whether it reported one.
   */
  private boolean staleRecordClasses(
      Element element, AnnotationMirror mirror, List<GeneratedSource> sources) {
    if (Runtime.version().feature() >= 23) {
      return false;
    }
    boolean found = false;
    for (GeneratedSource source : sources) {
      try {
        TypeElement existing =
            processingEnv.getElementUtils().getTypeElement(source.qualifiedName());
        if (existing == null
            || existing.getKind() != ElementKind.RECORD
            || com.sun.source.util.Trees.instance(processingEnv).getPath(existing) != null) {
          continue; // none, not a record, or from a source file
        }
      } catch (RuntimeException | LinkageError e) {
        continue;
      }
      found = true;
      processingEnv
          .getMessager()
          .printMessage(
              Kind.ERROR,
              Diagnostic.of(
                      Message.STALE_RECORD_CLASS,
                      null,
                      source.qualifiedName(),
                      System.getProperty("java.specification.version"))
                  .render(),
              element,
              mirror);
    }
    return found;
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
   * Whether builds may go to the build server: it lives with the kept embedded PostgreSQL, so only
   * with {@code -Aquarry.database} embedded or auto, kept alive, and {@code -Aquarry.buildServer}
   * on.
   */
  private static boolean usesBuildServer(ProcessorOptions options) {
    return options.keepAlive().enabled()
        && options.keepAlive().buildServer()
        && (options.database() instanceof DatabaseChoice.Embedded
            || options.database() instanceof DatabaseChoice.Auto);
  }

  /**
   * The build's result from the build server (when {@link #usesBuildServer}), or empty when none
   * answered: the build then runs in-process, with the same result.
   */
  private Optional<Pipeline.Result> runOnBuildServer(
      Map<String, @Nullable String> rawOptions,
      ProcessorOptions options,
      ProjectRequest request,
      Optional<Path> sourceOutput,
      PhaseTimings timings) {
    return BuildClient.build(rawOptions, request, sourceOutput.orElse(null))
        .map(
            reply -> {
              reply.addTimingsTo(timings);
              return new Pipeline.Result(
                  reply.diagnostics(), reply.sources(), reply.summary(), timings);
            });
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
   * This compile's generated-sources folder, when the Filer writes to a folder on disk (an IDE's or
   * a test's in-memory file manager has none); asked of javac once.
   */
  private Optional<Path> sourceOutput() {
    if (!sourceOutputProbed) {
      sourceOutputProbed = true;
      try {
        FileObject probe =
            processingEnv
                .getFiler()
                .getResource(StandardLocation.SOURCE_OUTPUT, "", "quarry-generation-probe");
        URI uri = probe.toUri();
        if ("file".equals(uri.getScheme())) {
          sourceOutput = Path.of(uri).getParent();
        }
      } catch (IOException | RuntimeException e) {
        // No generated-sources folder to find: generate every time.
      }
    }
    return Optional.ofNullable(sourceOutput);
  }

  private boolean sourceOutputProbed;
  private @Nullable Path sourceOutput;

  /**
   * The generation cache of the generated-sources folder (made on the worker thread: it may hash
   * the processor's code), or empty without a folder on disk.
   */
  private synchronized Optional<GenerationCache> generationCache(Optional<Path> sourceOutput) {
    if (!generationCacheMade) {
      generationCacheMade = true;
      generationCache = sourceOutput.flatMap(GenerationCache::forSourceOutput).orElse(null);
    }
    return Optional.ofNullable(generationCache);
  }

  private boolean generationCacheMade;
  private @Nullable GenerationCache generationCache;

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
