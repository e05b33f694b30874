package dev.quarry.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs several repository calls in one transaction: commit when the body returns, roll back when it
 * throws anything. The body gets the transaction's connection and builds repositories on it:
 *
 * <pre>{@code
 * long postId = Transactions.inTransaction(dataSource, connection -> {
 *   var posts = new PostsQueries(connection);
 *   long id = posts.createPost(authorId, title, body).id();
 *   new TagsQueries(connection).tagPost(id, tagId);
 *   return id;
 * });
 * }</pre>
 *
 * <p>Nothing is bound to the thread: calls made on repositories built from the {@link DataSource}
 * itself run outside the transaction.
 */
public final class Transactions {
  private Transactions() {}

  /** The work done inside a transaction. */
  @FunctionalInterface
  public interface Body<T> {
    T run(Connection connection) throws Exception;
  }

  /** The work done inside a transaction, with no result. */
  @FunctionalInterface
  public interface VoidBody {
    void run(Connection connection) throws Exception;
  }

  /**
   * Runs {@code body} in a new transaction on a connection from {@code dataSource}, commits, and
   * returns its result. Any exception rolls the transaction back and is rethrown: unchecked ones as
   * they are, checked ones wrapped in a {@link TransactionException}.
   */
  public static <T> T inTransaction(DataSource dataSource, Body<T> body) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(body, "body");
    try (Connection connection = dataSource.getConnection()) {
      return inTransaction(connection, body);
    } catch (SQLException e) {
      throw new TransactionException("could not open or close the transaction's connection", e);
    }
  }

  /** {@link #inTransaction(DataSource, Body)} for work with no result. */
  public static void runInTransaction(DataSource dataSource, VoidBody body) {
    Objects.requireNonNull(body, "body");
    inTransaction(
        dataSource,
        connection -> {
          body.run(connection);
          return Boolean.TRUE; // a result nobody reads; a Body's result is never null
        });
  }

  /**
   * Runs {@code body} in a transaction on a connection the caller owns (and closes); the
   * connection's autocommit setting is restored afterwards.
   */
  public static <T> T inTransaction(Connection connection, Body<T> body) {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(body, "body");
    boolean autoCommit;
    try {
      autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw new TransactionException("could not begin the transaction", e);
    }
    T result;
    try {
      result = body.run(connection);
      connection.commit();
    } catch (Throwable failure) {
      try {
        connection.rollback();
      } catch (SQLException rollbackFailure) {
        failure.addSuppressed(rollbackFailure);
      }
      restoreAutoCommit(connection, autoCommit, failure);
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      throw new TransactionException("the transaction's body failed", failure);
    }
    restoreAutoCommit(connection, autoCommit);
    return result;
  }

  /**
   * After a commit: switches autocommit back, ignoring a failure, which means the connection is
   * broken; closing it (by the caller) is all that is left to do, and the work is committed.
   */
  private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
    try {
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      // The connection is broken; the work is committed and the caller closes it.
    }
  }

  /**
   * After a failure: switches autocommit back; a failure to do so is attached to {@code failure}
   * (suppressed), so that the original failure is the one the caller sees.
   */
  private static void restoreAutoCommit(
      Connection connection, boolean autoCommit, Throwable failure) {
    try {
      connection.setAutoCommit(autoCommit);
    } catch (SQLException | RuntimeException restoreFailure) {
      failure.addSuppressed(restoreFailure);
    }
  }

  /** Work on a connection that may fail with the driver's exception. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work} so that it succeeds or fails as a whole: inside the transaction already open
   * on {@code connection} (autocommit off, so the caller commits), or else in a transaction of its
   * own that is committed when {@code work} returns and rolled back when it throws, with autocommit
   * switched back on afterwards. Generated batch and COPY methods use this, so that a batch is
   * all-or-nothing as in sqlc, and so that they join a transaction the caller manages.
   */
  public static <T> T atomically(Connection connection, SqlWork<T> work) throws SQLException {
    if (!connection.getAutoCommit()) {
      return work.run();
    }
    connection.setAutoCommit(false);
    T result;
    try {
      result = work.run();
      connection.commit();
    } catch (SQLException | RuntimeException | Error failure) {
      // The original failure wins: a broken connection also fails the rollback and the switch
      // back to autocommit, and those would only hide why the work failed.
      try {
        connection.rollback();
      } catch (SQLException rollbackFailure) {
        failure.addSuppressed(rollbackFailure);
      }
      restoreAutoCommit(connection, true, failure);
      throw failure;
    }
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      // Left without autocommit, the caller's next statements would silently never commit.
      throw new SQLException(
          "the work was committed, but autocommit could not be switched back on: " + e.getMessage(),
          e.getSQLState(),
          e);
    }
    return result;
  }

  /** A transaction could not begin, commit, or its body threw a checked exception. */
  public static final class TransactionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransactionException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
