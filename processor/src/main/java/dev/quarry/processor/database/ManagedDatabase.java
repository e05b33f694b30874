package dev.quarry.processor.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What every kind of schema database shares: it remembers the connections it handed out (so close()
 * can close them before stopping or dropping), releases its resources once, and keeps a JVM
 * shutdown hook as a last resort for a build that dies without closing it.
 */
abstract class ManagedDatabase implements SchemaDatabase {
  private final List<Connection> connections = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread shutdownHook =
      new Thread(this::releaseOnce, "quarry-schema-database-cleanup");
  private volatile boolean hookArmed;

  /** Opens a new connection to the scratch database. */
  protected abstract Connection openConnection() throws SQLException;

  /** Stops, removes or drops what this database created, reporting problems to {@code problems}. */
  protected abstract void release(Consumer<String> problems);

  /** Called by subclasses once they hold something to release. */
  protected final void armShutdownHook() {
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    hookArmed = true;
  }

  @Override
  public final Connection connect() throws SQLException {
    if (closed.get()) {
      throw new SQLException("the schema database " + description() + " is closed");
    }
    Connection connection = openConnection();
    synchronized (connections) {
      connections.removeIf(ManagedDatabase::isClosed);
      connections.add(connection);
    }
    return connection;
  }

  @Override
  public final synchronized List<String> cleanupProblems() {
    return List.copyOf(problems);
  }

  @Override
  public final void close() {
    if (hookArmed) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down and the hook runs (or ran) anyway; releaseOnce is idempotent.
      }
    }
    releaseOnce();
  }

  private void releaseOnce() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (connections) {
      for (Connection c : connections) {
        try {
          c.close();
        } catch (SQLException | RuntimeException e) {
          // The connection is going away with the database; nothing else to do.
        }
      }
      connections.clear();
    }
    try {
      release(this::addProblem);
    } catch (RuntimeException e) {
      addProblem("could not release " + description() + ": " + e);
    }
  }

  private synchronized void addProblem(String problem) {
    problems.add(problem);
  }

  private static boolean isClosed(Connection c) {
    try {
      return c.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }
}
