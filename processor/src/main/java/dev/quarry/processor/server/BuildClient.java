package dev.quarry.processor.server;

import dev.quarry.processor.config.ProjectRequest;
import dev.quarry.processor.database.KeptServers;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The processor's side of the build server: sends the build to a running server of the same Quarry
 * and returns its reply. Any failure (no server, refused, killed mid-build, a protocol error, no
 * sign of life for {@link #SILENCE}) gives empty, and the processor builds in-process: a build
 * server only ever makes a build faster, never different.
 */
public final class BuildClient {
  /** How long the server may stay silent (it sends a heartbeat every second while it builds). */
  public static final Duration SILENCE = Duration.ofSeconds(20);

  /** The longest a build may take on the server before the client builds in-process instead. */
  static final Duration LONGEST = Duration.ofMinutes(30);

  private BuildClient() {}

  /**
   * The reply of a build server to this build, or empty when none answered.
   *
   * @param options the processor options as javac got them
   * @param sourceOutput the generated-sources folder, or null
   */
  public static Optional<BuildReply> build(
      Map<String, @Nullable String> options, ProjectRequest project, @Nullable Path sourceOutput) {
    try {
      Path root = KeptServers.defaultRoot();
      Optional<String> key = BuildServerFiles.codeKey(root);
      if (key.isEmpty()) {
        return Optional.empty();
      }
      BuildRequest request = request(key.get(), options, project, sourceOutput);
      byte[] payload = null;
      for (Path socket : BuildServerFiles.sockets(root, key.get())) {
        if (payload == null) {
          payload = Wire.encode(request);
        }
        Optional<BuildReply> reply = send(socket, payload, SILENCE, LONGEST);
        if (reply.isPresent()) {
          return reply;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Built in-process.
    }
    return Optional.empty();
  }

  private static BuildRequest request(
      String codeKey,
      Map<String, @Nullable String> options,
      ProjectRequest project,
      @Nullable Path sourceOutput) {
    return new BuildRequest(
        codeKey,
        BuildEnvironment.fingerprint(),
        Path.of("").toAbsolutePath().toString(),
        options,
        project,
        sourceOutput == null ? null : sourceOutput.toAbsolutePath().toString());
  }

  /**
   * Tells the running build servers of this Quarry of a build answered without them (its inputs
   * unchanged since the last build), as a build they served would have:
   *
   * <ul>
   *   <li>it counts as a use, so that a kept server does not stop after its idle time while its
   *       project is being built;
   *   <li>the first server with prepared builds (the one {@link #build} would reach first), when it
   *       does not watch the project yet (it never served one of its builds), is asked to, so that
   *       it prepares the project's next edit: the build leaves its request in the server's {@link
   *       BuildServerFiles#WATCH_FOLDER} folder. Nothing reaches the server's socket, whose first
   *       use costs a new JVM tens of milliseconds.
   * </ul>
   *
   * Never fails: at worst the server stops sooner, or builds the next edit when javac asks.
   */
  public static void replayed(
      Map<String, @Nullable String> options, ProjectRequest project, @Nullable Path sourceOutput) {
    try {
      Path root = KeptServers.defaultRoot();
      Optional<String> key = BuildServerFiles.codeKey(root);
      if (key.isEmpty()) {
        return;
      }
      boolean asked = false;
      for (Path socket : BuildServerFiles.sockets(root, key.get())) {
        String name = BuildServerFiles.serverName(socket, key.get());
        KeptServers.markUsedFromOutside(root, name);
        Path folder = BuildServerFiles.watchFolder(root, name);
        if (asked || sourceOutput == null || !Files.isDirectory(folder)) {
          continue; // no generation cache (nothing to prepare), or no prepared builds there
        }
        // Only the first server with prepared builds: the one build() would reach first.
        asked = true;
        String id =
            BuildServerFiles.projectId(
                Path.of("").toAbsolutePath().toString(),
                sourceOutput.toAbsolutePath().toString(),
                project.packageName());
        if (!Files.exists(folder.resolve(id + BuildServerFiles.WATCHED))
            && !Files.exists(folder.resolve(id + BuildServerFiles.REQUEST))) {
          BuildServerFiles.leaveRequest(
              folder, id, request(key.get(), options, project, sourceOutput));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Only idle time and a prepared build: the server stops sooner, or builds the edit later.
    }
  }

  /** One exchange with the server at {@code socket}; empty on any failure. */
  static Optional<BuildReply> send(
      Path socket, byte[] payload, Duration silence, Duration longest) {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      Wire.write(channel, Wire.REQUEST, payload);
      long end = System.nanoTime() + longest.toNanos();
      try (Selector selector = Wire.readSelector(channel)) {
        while (true) {
          long deadline = Math.min(end, System.nanoTime() + silence.toNanos());
          Wire.Frame frame = Wire.read(channel, selector, deadline);
          switch (frame.type()) {
            case Wire.HEARTBEAT -> {
              // Still building.
            }
            case Wire.REPLY -> {
              return Optional.of(Wire.decodeReply(frame.payload()));
            }
            case Wire.REFUSED -> {
              lastRefusal = new String(frame.payload(), StandardCharsets.UTF_8);
              return Optional.empty();
            }
            default -> {
              return Optional.empty();
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Why the last server refused a build, for tests. */
  static volatile @Nullable String lastRefusal;
}
