package dev.quarry.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on a loopback port in front of a PostgreSQL server, for fault tests: it forwards
 * until the client sends a marker (a string in a migration or query), then fails the way a server
 * or network does.
 */
public final class TcpProxy implements AutoCloseable {
  /** How the proxy fails once cut. */
  public enum Fault {
    /** Every open connection is closed; new connections are forwarded again (a network blip). */
    RESET,
    /** Every connection is closed and the port stops listening (the server is gone). */
    GONE,
    /**
     * Nothing more is forwarded, nothing is closed; new connections are accepted and ignored (a
     * frozen server).
     */
    FREEZE
  }

  private final String targetHost;
  private final int targetPort;
  private final ServerSocket listener;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final CountDownLatch cut = new CountDownLatch(1);
  private volatile byte[] marker;
  private volatile long delayMillis;
  private volatile Fault fault;
  private volatile boolean frozen;
  private volatile boolean closed;
  private final java.util.concurrent.atomic.AtomicInteger accepted =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * A listener that accepts connections and never says anything: a hung server or a black hole
   * behind a firewall.
   */
  public static TcpProxy silent() throws IOException {
    TcpProxy proxy = new TcpProxy("127.0.0.1", 1);
    proxy.fault = Fault.FREEZE;
    proxy.fail();
    return proxy;
  }

  /** How many connections the proxy accepted. */
  public int accepted() {
    return accepted.get();
  }

  public TcpProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /**
   * Fails with {@code fault} when the client sends {@code text}: at once, before forwarding it,
   * when {@code delayMillis} is 0, else after forwarding it and waiting that long.
   */
  public void cutWhenClientSends(String text, long delayMillis, Fault fault) {
    this.delayMillis = delayMillis;
    this.fault = fault;
    this.marker = text.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether the cut has happened, waiting up to {@code seconds}. */
  public boolean awaitCut(long seconds) throws InterruptedException {
    return cut.await(seconds, TimeUnit.SECONDS);
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      sockets.add(client);
      accepted.incrementAndGet();
      if (frozen) {
        continue; // Accepted, never answered.
      }
      try {
        Socket server = new Socket(targetHost, targetPort);
        sockets.add(server);
        pump(client, server, true);
        pump(server, client, false);
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void pump(Socket from, Socket to, boolean fromClient) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16384];
              byte[] window = new byte[0];
              // Not try-with-resources: closing a socket's stream closes the socket, which a frozen
              // server must not.
              try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  byte[] wanted = marker;
                  boolean trigger = false;
                  if (fromClient && wanted != null) {
                    // The marker may straddle two reads: search the end of the last read too.
                    byte[] joined = new byte[window.length + n];
                    System.arraycopy(window, 0, joined, 0, window.length);
                    System.arraycopy(buffer, 0, joined, window.length, n);
                    trigger = indexOf(joined, wanted) >= 0;
                    int keep = Math.min(joined.length, wanted.length);
                    window =
                        java.util.Arrays.copyOfRange(joined, joined.length - keep, joined.length);
                  }
                  if (trigger) {
                    marker = null;
                    if (delayMillis == 0) {
                      fail();
                      return;
                    }
                    Thread later =
                        new Thread(
                            () -> {
                              try {
                                Thread.sleep(delayMillis);
                              } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                              }
                              fail();
                            },
                            "proxy-cut");
                    later.setDaemon(true);
                    later.start();
                  }
                  while (frozen && !closed) {
                    Thread.sleep(
                        50); // Holds the data: a frozen server reads nothing and says nothing.
                  }
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException | InterruptedException e) {
                // Closed by a cut, or by the other side.
              } finally {
                if (!frozen) {
                  closeQuietly(from);
                  closeQuietly(to);
                }
              }
            },
            "proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  /** Fails now with the fault chosen in {@link #cutWhenClientSends}. */
  public void fail() {
    switch (fault) {
      case FREEZE -> frozen = true;
      case GONE -> {
        closed = true;
        closeQuietly(listener);
        closeAll();
      }
      case RESET -> closeAll();
    }
    cut.countDown();
  }

  private void closeAll() {
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
    sockets.clear();
  }

  @Override
  public void close() {
    closed = true;
    frozen = false;
    closeQuietly(listener);
    closeAll();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Already closed.
    }
  }
}
