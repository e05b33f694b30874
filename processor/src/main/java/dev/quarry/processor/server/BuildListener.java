package dev.quarry.processor.server;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The build server's socket: accepts connections, reads each one's request, runs it with the {@link
 * Handler} on a thread of its own (parallel builds run at once), sends a heartbeat every second
 * while it runs, then the reply. The socket file is created readable by its owner only, in a folder
 * readable by its owner only.
 */
public final class BuildListener implements Closeable {
  /** Runs one build. */
  public interface Handler {
    /**
     * The reply to {@code request}.
     *
     * @throws Refused when this server cannot run it as the client would (the client then builds
     *     in-process)
     */
    BuildReply handle(BuildRequest request) throws Refused;
  }

  /** A build this server cannot run as the client would. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    public Refused(String reason) {
      super(reason);
    }
  }

  /** How long a client has to send its request after connecting. */
  private static final Duration REQUEST_WAIT = Duration.ofSeconds(10);

  private final Path socket;
  private final ServerSocketChannel server;
  private final String codeKey;
  private final Handler handler;
  private final PrintStream log;
  private final ExecutorService builds;
  private final ScheduledExecutorService heartbeats;
  private final AtomicInteger running = new AtomicInteger();
  private final Thread acceptor;

  private BuildListener(
      Path socket, ServerSocketChannel server, String codeKey, Handler handler, PrintStream log) {
    this.socket = socket;
    this.server = server;
    this.codeKey = codeKey;
    this.handler = handler;
    this.log = log;
    this.builds =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "quarry-build");
              t.setDaemon(true);
              return t;
            });
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "quarry-heartbeat");
              t.setDaemon(true);
              return t;
            });
    this.acceptor = new Thread(this::accept, "quarry-accept");
    this.acceptor.setDaemon(true);
  }

  /**
   * Listens on {@code socket} (replacing a file a dead server left there) for builds of the code
   * {@code codeKey}.
   */
  public static BuildListener start(Path socket, String codeKey, Handler handler, PrintStream log)
      throws IOException {
    if (!BuildServerFiles.usable(socket)) {
      throw new IOException(
          "the socket path "
              + socket
              + " is longer than "
              + BuildServerFiles.MAX_SOCKET_PATH
              + " bytes; set -D"
              + dev.quarry.processor.database.KeptServers.DIR_PROPERTY
              + " to a shorter folder");
    }
    Files.deleteIfExists(socket);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    try {
      Files.setPosixFilePermissions(
          socket, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // The folder's permissions are the guard there.
    }
    BuildListener listener = new BuildListener(socket, server, codeKey, handler, log);
    listener.acceptor.start();
    return listener;
  }

  /** How many builds run now. */
  public int running() {
    return running.get();
  }

  private void accept() {
    while (server.isOpen()) {
      SocketChannel channel;
      try {
        channel = server.accept();
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        log.println(Instant.now() + " build server: accept failed: " + e);
        continue;
      }
      running.incrementAndGet();
      builds.execute(
          () -> {
            try {
              serve(channel);
            } finally {
              running.decrementAndGet();
            }
          });
    }
  }

  private void serve(SocketChannel channel) {
    try (channel) {
      Wire.Frame frame;
      try (Selector selector = Wire.readSelector(channel)) {
        frame = Wire.read(channel, selector, System.nanoTime() + REQUEST_WAIT.toNanos());
      }
      channel.configureBlocking(true);
      if (frame.type() != Wire.REQUEST) {
        refuse(channel, "expected a request");
        return;
      }
      BuildRequest request;
      try {
        request = Wire.decodeRequest(frame.payload());
      } catch (IOException e) {
        refuse(channel, "unreadable request: " + e.getMessage());
        return;
      }
      String refused = refusal(request, codeKey);
      if (refused != null) {
        refuse(channel, refused);
        return;
      }
      ScheduledFuture<?> beating =
          heartbeats.scheduleAtFixedRate(
              () -> {
                synchronized (channel) {
                  try {
                    Wire.write(channel, Wire.HEARTBEAT, new byte[0]);
                  } catch (IOException e) {
                    // The client left; the build ends on its own.
                  }
                }
              },
              1,
              1,
              TimeUnit.SECONDS);
      byte[] reply;
      try {
        reply = Wire.encode(handler.handle(request));
      } catch (Refused e) {
        beating.cancel(false);
        synchronized (channel) {
          refuse(channel, String.valueOf(e.getMessage()));
        }
        return;
      } finally {
        beating.cancel(false);
      }
      synchronized (channel) {
        Wire.write(channel, Wire.REPLY, reply);
      }
    } catch (IOException e) {
      // The client left or sent nothing in time: it builds in-process.
    } catch (RuntimeException | LinkageError e) {
      // A bug in the build: the client builds in-process and reports it there.
      log.println(Instant.now() + " build server: a build failed: " + e);
    }
  }

  private void refuse(SocketChannel channel, String reason) throws IOException {
    log.println(Instant.now() + " build server: refused a build: " + reason);
    Wire.write(channel, Wire.REFUSED, reason.getBytes(StandardCharsets.UTF_8));
  }

  /** Stops accepting builds and removes the socket; builds that run go on to their end. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Closed with the process at the latest.
    }
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      // A dead socket file: clients fail to connect and build in-process; the next server
      // replaces it.
    }
    heartbeats.shutdown();
    builds.shutdown();
  }

  /** Waits up to {@code wait} for the running builds to end. */
  public void awaitBuilds(Duration wait) {
    try {
      builds.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Why a server of code {@code codeKey} may not build {@code request} as its client would (another
   * Quarry, another environment), or null when it may.
   */
  public static @Nullable String refusal(BuildRequest request, String codeKey) {
    if (!request.codeKey().equals(codeKey)) {
      return "another Quarry: " + request.codeKey() + ", this server is " + codeKey;
    }
    String environment = BuildEnvironment.fingerprint();
    if (!request.environment().equals(environment)) {
      return "another environment ("
          + BuildEnvironment.difference(request.environment(), environment)
          + ")";
    }
    return null;
  }
}
