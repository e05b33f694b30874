package dev.quarry.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs several repository calls in one transaction: commit when the body returns, roll back when
 * it throws anything. The body gets the transaction's connection and builds repositories on it:
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
 * <p>Nothing is bound to the thread: calls made on repositories built from the
 * {@link DataSource} itself run outside the transaction.
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
   * returns its result. Any exception rolls the transaction back and is rethrown: unchecked ones
   * as they are, checked ones wrapped in a {@link TransactionException}.
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
          return null;
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
    try {
      T result = body.run(connection);
      connection.commit();
      return result;
    } catch (Throwable failure) {
      try {
        connection.rollback();
      } catch (SQLException rollbackFailure) {
        failure.addSuppressed(rollbackFailure);
      }
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      throw new TransactionException("the transaction's body failed", failure);
    } finally {
      try {
        connection.setAutoCommit(autoCommit);
      } catch (SQLException e) {
        // The connection is broken; closing it (by the caller) is all that is left to do.
      }
    }
  }

  /** Work on a connection that may fail with the driver's exception. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work} so that it succeeds or fails as a whole: inside the transaction already
   * open on {@code connection} (autocommit off, so the caller commits), or else in a transaction
   * of its own that is committed when {@code work} returns and rolled back when it throws, with
   * autocommit switched back on afterwards. Generated batch and COPY methods use this, so that a
   * batch is all-or-nothing as in sqlc, and so that they join a transaction the caller manages.
   */
  public static <T> T atomically(Connection connection, SqlWork<T> work) throws SQLException {
    if (!connection.getAutoCommit()) {
      return work.run();
    }
    connection.setAutoCommit(false);
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException | Error failure) {
      try {
        connection.rollback();
      } catch (SQLException rollbackFailure) {
        failure.addSuppressed(rollbackFailure);
      }
      throw failure;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** A transaction could not begin, commit, or its body threw a checked exception. */
  public static final class TransactionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransactionException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
