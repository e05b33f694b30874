package dev.quarry.processor;

import dev.quarry.processor.codegen.GenerationCache;
import dev.quarry.processor.config.InvalidOptionException;
import dev.quarry.processor.config.ProcessorOptions;
import dev.quarry.processor.database.KeptServers;
import dev.quarry.processor.database.ScratchSpares;
import dev.quarry.processor.diagnostics.PhaseTimings;
import dev.quarry.processor.server.BuildListener;
import dev.quarry.processor.server.BuildReply;
import dev.quarry.processor.server.BuildRequest;
import dev.quarry.processor.server.BuildServerFiles;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The build server: the kept embedded PostgreSQL's watchdog ({@link KeptServers#watch}) that also
 * runs builds sent by the processor ({@code dev.quarry.processor.server.BuildClient}) in its warm
 * JVM, so a build in a new javac process skips loading and warming Quarry, JSqlParser and pgjdbc.
 * Started by {@link KeptServers} with the processor's class path:
 *
 * <pre>
 * java -Xmx512m -cp ... dev.quarry.processor.BuildServer ROOT NAME ID CODE-STAMP
 * </pre>
 *
 * <p>It listens on {@code ROOT/NAME.<code key>.sock} until the watchdog ends (idle time, the kept
 * server stopped, died or replaced), then removes the socket and lets running builds finish.
 */
public final class BuildServer {
  private BuildServer() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: BuildServer ROOT NAME ID CODE-STAMP");
      System.exit(2);
    }
    Path root = Path.of(args[0]);
    String name = args[1];
    PrintStream log = System.out;
    BuildListener listener = null;
    Optional<String> key = BuildServerFiles.codeKey(root);
    if (key.isPresent()) {
      try {
        listener =
            BuildListener.start(
                BuildServerFiles.socket(root, name, key.get()),
                key.get(),
                request -> build(root, name, request),
                log);
        log.println(Instant.now() + " " + name + ": build server listening");
      } catch (IOException | RuntimeException e) {
        log.println(Instant.now() + " " + name + ": no build server: " + e);
      }
    }
    BuildListener started = listener;
    if (started != null) {
      // Builds in this JVM read again only the query and migration files that changed.
      ReadCache.enable();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
      // This JVM lives as long as the kept server: the next build's scratch database is made
      // while none runs.
      ScratchSpares.enable();
      // An edit saved in the IDE is built before javac asks for it.
      Prebuilds.enable(root, name, log);
      Thread warmup = new Thread(BuildServer::preload, "quarry-preload");
      warmup.setDaemon(true);
      warmup.setPriority(Thread.MIN_PRIORITY);
      warmup.start();
    }
    try {
      KeptServers.watch(root, name, args[2], log);
    } finally {
      if (started != null) {
        started.close();
        Prebuilds prebuilds = Prebuilds.current();
        if (prebuilds != null) {
          prebuilds.close();
        }
        started.awaitBuilds(Duration.ofSeconds(60));
      }
    }
    System.exit(0);
  }

  /** The packages whose classes the server loads before its first build. */
  private static final List<String> PRELOADED =
      List.of(
          "dev/quarry/processor/",
          "net/sf/jsqlparser/",
          "com/palantir/javapoet/",
          "org/postgresql/");

  /**
   * Loads (without initializing) the classes of Quarry, JSqlParser, JavaPoet and pgjdbc, so that
   * the first build a new server runs does not pay for loading them, as a build in a new javac
   * does. A class that cannot be loaded (an optional dependency missing) is skipped.
   */
  private static void preload() {
    ClassLoader loader = BuildServer.class.getClassLoader();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.endsWith(".jar")) {
        continue;
      }
      try (JarFile jar = new JarFile(entry)) {
        for (JarEntry file : Collections.list(jar.entries())) {
          String name = file.getName();
          if (name.endsWith(".class")
              && !name.contains("-")
              && PRELOADED.stream().anyMatch(name::startsWith)) {
            try {
              Class.forName(
                  name.substring(0, name.length() - ".class".length()).replace('/', '.'),
                  false,
                  loader);
            } catch (ClassNotFoundException | LinkageError e) {
              // Not needed by the builds this server runs.
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // Loaded on first use instead.
      }
    }
  }

  /** The pipeline of {@code request}, with the generation cache of its generated-sources folder. */
  static Pipeline pipeline(ProcessorOptions options, BuildRequest request) {
    String sourceOutput = request.sourceOutput();
    GenerationCache cache =
        sourceOutput == null
            ? null
            : GenerationCache.forSourceOutput(Path.of(sourceOutput)).orElse(null);
    return new Pipeline(options, cache);
  }

  /** Runs one build as the client's processor would have. */
  static BuildReply build(Path root, String name, BuildRequest request)
      throws BuildListener.Refused {
    KeptServers.markUsed(root, name);
    ProcessorOptions options;
    try {
      options =
          QuarryProcessor.parseOptions(request.options(), Path.of(request.workingDirectory()));
    } catch (InvalidOptionException e) {
      throw new BuildListener.Refused("invalid options: " + e.getMessage());
    }
    Pipeline pipeline = pipeline(options, request);
    Prebuilds prebuilds = Prebuilds.current();
    if (prebuilds != null) {
      Optional<BuildReply> prepared = prebuilds.use(request, pipeline);
      if (prepared.isPresent()) {
        KeptServers.markUsed(root, name);
        return prepared.get();
      }
    }
    PhaseTimings timings = new PhaseTimings();
    Pipeline.Result result;
    Rehearsal.buildStarted();
    boolean succeeded = false;
    try {
      result = pipeline.run(request.project(), timings);
      succeeded = !result.diagnostics().hasErrors();
    } finally {
      Rehearsal.buildEnded(
          options, request.project(), succeeded, root.resolve(name).resolve("rehearsal"));
    }
    // The lock file answered: the next build is likely an edit, which finds a database ready.
    pipeline
        .schemaKeyWithoutDatabase()
        .ifPresent(
            key ->
                KeptServers.anticipateScratch(root, name, options.postgresVersion().major(), key));
    if (prebuilds != null) {
      prebuilds.watch(request, options, pipeline.lockPath(request.project()));
    }
    KeptServers.markUsed(root, name);
    return BuildReply.of(result.diagnostics(), result.sources(), result.summary(), timings);
  }
}
