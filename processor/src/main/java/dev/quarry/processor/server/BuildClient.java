package dev.quarry.processor.server;

import dev.quarry.processor.config.ProjectRequest;
import dev.quarry.processor.database.KeptServers;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
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
      BuildRequest request =
          new BuildRequest(
              key.get(),
              BuildEnvironment.fingerprint(),
              Path.of("").toAbsolutePath().toString(),
              options,
              project,
              sourceOutput == null ? null : sourceOutput.toAbsolutePath().toString());
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

  /**
   * Marks the running build servers of this Quarry as used now, as a build they served would: a
   * build answered without them (its inputs unchanged since the last build) still counts as use, so
   * that a kept server does not stop after its idle time while its project is being built.
   */
  public static void markUsed() {
    try {
      Path root = KeptServers.defaultRoot();
      Optional<String> key = BuildServerFiles.codeKey(root);
      if (key.isPresent()) {
        for (Path socket : BuildServerFiles.sockets(root, key.get())) {
          KeptServers.markUsedFromOutside(root, BuildServerFiles.serverName(socket, key.get()));
        }
      }
    } catch (RuntimeException e) {
      // Only idle time: the server then stops sooner.
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
