package dev.quarry.processor.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.codegen.GeneratedSource;
import dev.quarry.processor.config.ProjectRequest;
import dev.quarry.processor.config.TypeOverrideSpec;
import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.PhaseTimings;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.diagnostics.Severity;
import dev.quarry.processor.diagnostics.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build server's protocol between a client and a listener in this JVM: what travels arrives
 * whole, and every way a server can fail (another Quarry, another environment, garbage, silence, a
 * closed connection) gives the client no reply, in bounded time, so the build runs in-process.
 */
class BuildProtocolTest {
  /** How long the client waits for a sign of life where none should come. */
  private static final Duration SILENCE = Duration.ofMillis(1500);

  /**
   * Where a reply or a refusal must come: long, since a loaded machine can pause the listener
   * (thread start, class loading, a collection) past {@link #SILENCE} before it answers.
   */
  private static final Duration ANSWER = Duration.ofSeconds(30);

  @TempDir Path temp;

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @Test
  void aBuildTravelsWholeBothWays() throws Exception {
    Diagnostics diagnostics = new Diagnostics();
    diagnostics.add(
        new Diagnostic(
            Severity.ERROR,
            Problem.UNKNOWN_NAME,
            new SourceLocation("queries/q.sql", 2, 16),
            "nope"));
    diagnostics.add(new Diagnostic(Severity.WARNING, Problem.LOCK_RISK, null, "risky ✓"));
    diagnostics.add(new Diagnostic(Severity.NOTE, Problem.LEFTOVERS, null, ""));
    PhaseTimings timings = new PhaseTimings();
    timings.add(PhaseTimings.Phase.ANALYSIS, 5_000_000);
    timings.analysedQueries(3);
    List<GeneratedSource> sources =
        List.of(
            new GeneratedSource("com.example", "Users", "class Users {}\n", true),
            new GeneratedSource("", "Row", "record Row() {}", false));
    BuildReply sent = BuildReply.of(diagnostics, sources, "Quarry: 3 queries", timings);
    BuildRequest[] received = new BuildRequest[1];
    Path socket = temp.resolve("s.sock");
    BuildListener listener =
        BuildListener.start(
            socket,
            "key",
            request -> {
              received[0] = request;
              return sent;
            },
            new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      BuildRequest request = request("key", BuildEnvironment.fingerprint());
      Optional<BuildReply> reply =
          BuildClient.send(socket, Wire.encode(request), ANSWER, Duration.ofMinutes(1));
      assertTrue(reply.isPresent(), log::toString);
      assertEquals(request, received[0]);
      assertEquals(sent.diagnostics().all(), reply.get().diagnostics().all());
      assertEquals(sent.sources(), reply.get().sources());
      assertEquals(sent.summary(), reply.get().summary());
      PhaseTimings client = new PhaseTimings();
      reply.get().addTimingsTo(client);
      assertEquals(5, client.millis(PhaseTimings.Phase.ANALYSIS));
      assertEquals(3, client.analysedQueryCount());
      assertTrue(client.render().endsWith("; on the build server"), client.render());
    } finally {
      listener.close();
    }
  }

  @Test
  void anotherQuarrysServerRefuses() throws Exception {
    Path socket = temp.resolve("s.sock");
    BuildListener listener = neverBuilds(socket, "server-key");
    BuildClient.lastRefusal = null; // not an earlier test's
    try {
      Optional<BuildReply> reply =
          BuildClient.send(
              socket,
              Wire.encode(request("client-key", BuildEnvironment.fingerprint())),
              ANSWER,
              Duration.ofMinutes(1));
      assertFalse(reply.isPresent());
      assertTrue(String.valueOf(BuildClient.lastRefusal).contains("another Quarry"));
    } finally {
      listener.close();
    }
  }

  @Test
  void aServerInAnotherEnvironmentRefuses() throws Exception {
    Path socket = temp.resolve("s.sock");
    BuildListener listener = neverBuilds(socket, "key");
    BuildClient.lastRefusal = null; // not an earlier test's
    try {
      Optional<BuildReply> reply =
          BuildClient.send(
              socket,
              Wire.encode(request("key", "{-Dmaven.repo.local=/elsewhere}")),
              ANSWER,
              Duration.ofMinutes(1));
      assertFalse(reply.isPresent());
      assertTrue(String.valueOf(BuildClient.lastRefusal).contains("another environment"));
    } finally {
      listener.close();
    }
  }

  @Test
  void aSlowBuildIsKeptAliveByHeartbeats() throws Exception {
    Path socket = temp.resolve("s.sock");
    BuildListener listener =
        BuildListener.start(
            socket,
            "key",
            request -> {
              sleep(Duration.ofSeconds(5));
              return BuildReply.of(new Diagnostics(), List.of(), "slow", new PhaseTimings());
            },
            new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      // Twice the time between heartbeats and more: a loaded machine may delay one by a second.
      Optional<BuildReply> reply =
          BuildClient.send(
              socket,
              Wire.encode(request("key", BuildEnvironment.fingerprint())),
              Duration.ofMillis(2500),
              Duration.ofMinutes(1));
      assertEquals("slow", reply.map(BuildReply::summary).orElse(null), log::toString);
    } finally {
      listener.close();
    }
  }

  @Test
  void garbageSilenceAndAClosedConnectionGiveNoReplyInTime() throws Exception {
    // Garbage: a frame of a type the protocol does not have, then a bad length.
    assertNoReply(
        channel -> write(channel, new byte[] {'Z', 0, 0, 0, 0, 'R', (byte) 0xff, 0, 0, 0}));
    // A reply frame whose payload is not a reply.
    assertNoReply(channel -> write(channel, new byte[] {'R', 0, 0, 0, 2, 1, 2}));
    // Closed right after the request.
    assertNoReply(channel -> {});
    // Silent: the client gives up after SILENCE.
    long started = System.nanoTime();
    assertNoReply(channel -> sleep(Duration.ofSeconds(60)));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(millis < 30_000, "the client waited " + millis + " ms for a silent server");
    // No server at all: a socket file nobody listens on.
    Path dead = temp.resolve("dead.sock");
    ServerSocketChannel.open(StandardProtocolFamily.UNIX)
        .bind(UnixDomainSocketAddress.of(dead))
        .close();
    assertTrue(Files.exists(dead));
    assertFalse(
        BuildClient.send(dead, Wire.encode(request("key", "")), SILENCE, Duration.ofMinutes(1))
            .isPresent());
  }

  // ---- helpers

  private final AtomicInteger sockets = new AtomicInteger();

  /** A fake server that reads the request, then does {@code answer} and closes. */
  private void assertNoReply(Consumer<SocketChannel> answer) throws Exception {
    Path socket = temp.resolve("fake-" + sockets.incrementAndGet() + ".sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread fake =
          new Thread(
              () -> {
                try (SocketChannel channel = server.accept()) {
                  channel.read(ByteBuffer.allocate(1 << 16));
                  answer.accept(channel);
                } catch (Exception e) {
                  // The client left.
                }
              });
      fake.setDaemon(true);
      fake.start();
      Optional<BuildReply> reply =
          BuildClient.send(
              socket,
              Wire.encode(request("key", BuildEnvironment.fingerprint())),
              SILENCE,
              Duration.ofMinutes(1));
      assertFalse(reply.isPresent());
    }
  }

  private BuildListener neverBuilds(Path socket, String key) throws Exception {
    return BuildListener.start(
        socket,
        key,
        request -> {
          throw new AssertionError("the server ran a build it should have refused");
        },
        new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  private static BuildRequest request(String key, String environment) {
    Map<String, @Nullable String> options = new HashMap<>();
    options.put("quarry.database", "embedded");
    options.put("quarry.flag", null);
    return new BuildRequest(
        key,
        environment,
        "/work/project",
        options,
        new ProjectRequest(
            "com.example",
            List.of("migrations"),
            List.of("queries", "more"),
            List.of(
                new TypeOverrideSpec("jsonb", null, "com.example.Json", "String", "Json"),
                new TypeOverrideSpec(null, "users.id", "com.example.Id", "Long", "Id"))),
        null);
  }

  private static void write(SocketChannel channel, byte[] bytes) {
    try {
      channel.write(ByteBuffer.wrap(bytes));
    } catch (Exception e) {
      // The client left.
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
