package dev.quarry.processor;

import dev.quarry.processor.codegen.GenerationCache;
import dev.quarry.processor.config.InvalidOptionException;
import dev.quarry.processor.config.ProcessorOptions;
import dev.quarry.processor.database.KeptServers;
import dev.quarry.processor.diagnostics.PhaseTimings;
import dev.quarry.processor.server.BuildListener;
import dev.quarry.processor.server.BuildReply;
import dev.quarry.processor.server.BuildRequest;
import dev.quarry.processor.server.BuildServerFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
    try {
      KeptServers.watch(root, name, args[2], log);
    } finally {
      if (started != null) {
        started.close();
        started.awaitBuilds(Duration.ofSeconds(60));
      }
    }
    System.exit(0);
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
    GenerationCache cache =
        request.sourceOutput() == null
            ? null
            : GenerationCache.forSourceOutput(Path.of(request.sourceOutput())).orElse(null);
    PhaseTimings timings = new PhaseTimings();
    Pipeline.Result result = new Pipeline(options, cache).run(request.project(), timings);
    KeptServers.markUsed(root, name);
    return BuildReply.of(result.diagnostics(), result.sources(), result.summary(), timings);
  }
}
