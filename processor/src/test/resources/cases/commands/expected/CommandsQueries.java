package com.example.db;

import dev.quarry.runtime.Columns;
import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.CopyRows;
import dev.quarry.runtime.ExecResult;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.QueryStreams;
import dev.quarry.runtime.SqlArrays;
import dev.quarry.runtime.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/commands.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class CommandsQueries {
  private static final String CREATE_AUTHOR = "INSERT INTO authors (name, bio) VALUES (?, ?) RETURNING *";

  private static final String GET_AUTHOR = "SELECT * FROM authors WHERE id = ?";

  private static final String LIST_AUTHORS = "SELECT * FROM authors ORDER BY id";

  private static final String UPDATE_BIO = "UPDATE authors SET bio = ? WHERE id = ?";

  private static final String DELETE_AUTHORS_WITHOUT_BOOKS = "DELETE FROM authors a WHERE NOT EXISTS (SELECT 1 FROM books b WHERE b.author_id = a.id)";

  private static final String RETITLE_BOOKS = "UPDATE books SET title = title || ? WHERE author_id = ?";

  private static final String CREATE_BOOK = "INSERT INTO books (author_id, title, status, tags, isbn, pages)\n"
      + "VALUES (?, ?, ?, ?, ?, ?)\n"
      + "RETURNING *";

  private static final String ADD_BOOKS = "INSERT INTO books (author_id, title, pages) VALUES (?, ?, ?)";

  private static final String BOOK_BY_ISBN = "SELECT * FROM books WHERE isbn = ?";

  private static final String BOOK_TITLES_BY_AUTHOR = "SELECT id, title FROM books WHERE author_id = ? ORDER BY id";

  private static final String COUNT_BOOKS = "SELECT count(*) FROM books WHERE author_id = ?";

  private static final String BOOKS_BY_IDS = "SELECT * FROM books WHERE id = ANY(?) ORDER BY id";

  private static final String BOOKS_NOT_IN = "SELECT * FROM books WHERE author_id = ? AND id <> ALL(?) ORDER BY id";

  private static final String BOOKS_WITH_AUTHORS = "SELECT b.*, a.* FROM books b JOIN authors a ON a.id = b.author_id\n"
      + "WHERE b.author_id = ? ORDER BY b.id";

  private static final String BOOKS_WITH_REVIEWS = "SELECT b.*, r.* FROM books b LEFT JOIN reviews r ON r.book_id = b.id\n"
      + "WHERE b.author_id = ? ORDER BY b.id, r.id";

  private static final String ADD_REVIEW = "INSERT INTO reviews (book_id, stars) VALUES (?, ?)";

  private static final String COPY_EVENTS = "COPY events (id, note, labels, matrix, status, payload, data, happened_at, local_at, place) FROM STDIN";

  private static final String LIST_EVENTS = "SELECT * FROM events WHERE id BETWEEN ? AND ? ORDER BY id";

  private static final String EVENTS_WITH_KEY = "SELECT id FROM events WHERE payload ?? ? AND id BETWEEN ? AND ? ORDER BY id";

  private static final String EVENTS_WITH_ANY_KEY = "SELECT id FROM events WHERE payload ??| ?::text[] AND id BETWEEN ? AND ? ORDER BY id";

  private static final String EVENTS_WITH_ALL_KEYS = "SELECT id FROM events WHERE payload ??& ?::text[] AND id BETWEEN ? AND ? ORDER BY id";

  private static final String NUMBERS = "SELECT n FROM generate_series(1, ?::int) AS n";

  private static final String AUTHOR_BY_NAME_PREFIX = "SELECT * FROM authors WHERE name LIKE ? || '%' ORDER BY id";

  private static final String BOOK_BY_TITLE = "SELECT * FROM books WHERE title = ? ORDER BY id";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public CommandsQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public CommandsQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public CommandsQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code CreateAuthor} {@code :one}, {@code queries/commands.sql:1}:
   * <pre>{@code
   * INSERT INTO authors (name, bio) VALUES (@name, sqlc.narg(bio)) RETURNING *
   * }</pre>
   */
  public Author createAuthor(String name, @Nullable String bio) {
    Objects.requireNonNull(name, "name");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(CREATE_AUTHOR)) {
        statement.setString(1, name);
        statement.setObject(2, bio, Types.VARCHAR);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("CreateAuthor", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          Author row = readAuthor(rows);
          if (rows.next()) {
            throw new QueryException("CreateAuthor", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("CreateAuthor", e);
    }
  }

  /**
   * {@code GetAuthor} {@code :one}, {@code queries/commands.sql:4}:
   * <pre>{@code
   * SELECT * FROM authors WHERE id = @id
   * }</pre>
   */
  public Optional<Author> getAuthor(long id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(GET_AUTHOR)) {
        statement.setLong(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          Author row = readAuthor(rows);
          if (rows.next()) {
            throw new QueryException("GetAuthor", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("GetAuthor", e);
    }
  }

  /**
   * {@code ListAuthors} {@code :many}, {@code queries/commands.sql:7}:
   * <pre>{@code
   * SELECT * FROM authors ORDER BY id
   * }</pre>
   */
  public List<Author> listAuthors() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(LIST_AUTHORS)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<Author> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readAuthor(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("ListAuthors", e);
    }
  }

  /**
   * The rows of {@link #listAuthors}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Author> streamListAuthors() {
    return QueryStreams.open(connections, "ListAuthors", LIST_AUTHORS, statement -> {}, rows -> readAuthor(rows));
  }

  /**
   * {@code UpdateBio} {@code :exec}, {@code queries/commands.sql:10}:
   * <pre>{@code
   * UPDATE authors SET bio = sqlc.narg(bio) WHERE id = @id
   * }</pre>
   */
  public void updateBio(@Nullable String bio, long id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(UPDATE_BIO)) {
        statement.setObject(1, bio, Types.VARCHAR);
        statement.setLong(2, id);
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("UpdateBio", e);
    }
  }

  /**
   * {@code DeleteAuthorsWithoutBooks} {@code :execrows}, {@code queries/commands.sql:13}:
   * <pre>{@code
   * DELETE FROM authors a WHERE NOT EXISTS (SELECT 1 FROM books b WHERE b.author_id = a.id)
   * }</pre>
   */
  public long deleteAuthorsWithoutBooks() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(DELETE_AUTHORS_WITHOUT_BOOKS)) {
        return statement.executeLargeUpdate();
      }
    } catch (SQLException e) {
      throw new QueryException("DeleteAuthorsWithoutBooks", e);
    }
  }

  /**
   * {@code RetitleBooks} {@code :execresult}, {@code queries/commands.sql:16}:
   * <pre>{@code
   * UPDATE books SET title = title || @suffix WHERE author_id = @author_id
   * }</pre>
   */
  public ExecResult retitleBooks(String suffix, long authorId) {
    Objects.requireNonNull(suffix, "suffix");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(RETITLE_BOOKS)) {
        statement.setString(1, suffix);
        statement.setLong(2, authorId);
        return new ExecResult(statement.executeLargeUpdate());
      }
    } catch (SQLException e) {
      throw new QueryException("RetitleBooks", e);
    }
  }

  /**
   * More than four parameters: the method takes a CreateBookParams record.
   *
   * <p>{@code CreateBook} {@code :one}, {@code queries/commands.sql:19}:
   * <pre>{@code
   * INSERT INTO books (author_id, title, status, tags, isbn, pages)
   * VALUES (@author_id, @title, @status, @tags, sqlc.narg(isbn), sqlc.narg(pages))
   * RETURNING *
   * }</pre>
   */
  public Book createBook(CreateBookParams params) {
    Objects.requireNonNull(params, "params");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(CREATE_BOOK)) {
        statement.setLong(1, params.authorId());
        statement.setString(2, params.title());
        statement.setObject(3, params.status().label(), Types.OTHER);
        statement.setArray(4, SqlArrays.create(connection, "text", params.tags()));
        statement.setObject(5, params.isbn(), Types.VARCHAR);
        statement.setObject(6, params.pages(), Types.INTEGER);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("CreateBook", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          Book row = readBook(rows);
          if (rows.next()) {
            throw new QueryException("CreateBook", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("CreateBook", e);
    }
  }

  /**
   * {@code AddBooks} {@code :batchexec}, {@code queries/commands.sql:25}:
   * <pre>{@code
   * INSERT INTO books (author_id, title, pages) VALUES (@author_id, @title, sqlc.narg(pages))
   * }</pre>
   */
  public long[] addBooks(List<AddBooksParams> params) {
    Objects.requireNonNull(params, "params");
    if (params.isEmpty()) {
      return new long[0];
    }
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      return Transactions.atomically(connection, () -> {
        try (PreparedStatement statement = connection.prepareStatement(ADD_BOOKS)) {
          for (AddBooksParams item : params) {
            statement.setLong(1, item.authorId());
            statement.setString(2, item.title());
            statement.setObject(3, item.pages(), Types.INTEGER);
            statement.addBatch();
          }
          return statement.executeLargeBatch();
        }
      });
    } catch (SQLException e_) {
      throw new QueryException("AddBooks", e_);
    }
  }

  /**
   * {@code BookByIsbn} {@code :batchone}, {@code queries/commands.sql:28}:
   * <pre>{@code
   * SELECT * FROM books WHERE isbn = @isbn
   * }</pre>
   */
  public List<Optional<Book>> bookByIsbn(List<String> isbnList) {
    Objects.requireNonNull(isbnList, "isbnList");
    if (isbnList.isEmpty()) {
      return List.of();
    }
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      return Transactions.atomically(connection, () -> {
        try (PreparedStatement statement = connection.prepareStatement(BOOK_BY_ISBN)) {
          List<Optional<Book>> results = new ArrayList<>(isbnList.size());
          for (String item : isbnList) {
            statement.setString(1, item);
            try (ResultSet rows = statement.executeQuery()) {
              if (!rows.next()) {
                results.add(Optional.empty());
                continue;
              }
              Book row = readBook(rows);
              if (rows.next()) {
                throw new QueryException("BookByIsbn", "returned more than one row for one parameter set; a :batchone query must return at most one");
              }
              results.add(Optional.of(row));
            }
          }
          return Collections.unmodifiableList(results);
        }
      });
    } catch (SQLException e_) {
      throw new QueryException("BookByIsbn", e_);
    }
  }

  /**
   * {@code BookTitlesByAuthor} {@code :batchmany}, {@code queries/commands.sql:31}:
   * <pre>{@code
   * SELECT id, title FROM books WHERE author_id = @author_id ORDER BY id
   * }</pre>
   */
  public List<List<BookTitlesByAuthorRow>> bookTitlesByAuthor(List<Long> authorIdList) {
    Objects.requireNonNull(authorIdList, "authorIdList");
    if (authorIdList.isEmpty()) {
      return List.of();
    }
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      return Transactions.atomically(connection, () -> {
        try (PreparedStatement statement = connection.prepareStatement(BOOK_TITLES_BY_AUTHOR)) {
          List<List<BookTitlesByAuthorRow>> results = new ArrayList<>(authorIdList.size());
          for (Long item : authorIdList) {
            statement.setLong(1, item);
            try (ResultSet rows = statement.executeQuery()) {
              List<BookTitlesByAuthorRow> list = new ArrayList<>();
              while (rows.next()) {
                list.add(readBookTitlesByAuthorRow(rows));
              }
              results.add(Collections.unmodifiableList(list));
            }
          }
          return Collections.unmodifiableList(results);
        }
      });
    } catch (SQLException e_) {
      throw new QueryException("BookTitlesByAuthor", e_);
    }
  }

  /**
   * {@code CountBooks} {@code :one}, {@code queries/commands.sql:34}:
   * <pre>{@code
   * SELECT count(*) FROM books WHERE author_id = @author_id
   * }</pre>
   */
  public long countBooks(long authorId) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(COUNT_BOOKS)) {
        statement.setLong(1, authorId);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("CountBooks", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          long row = rows.getLong(1);
          if (rows.next()) {
            throw new QueryException("CountBooks", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("CountBooks", e);
    }
  }

  /**
   * {@code BooksByIds} {@code :many}, {@code queries/commands.sql:37}:
   * <pre>{@code
   * SELECT * FROM books WHERE id IN (sqlc.slice(ids)) ORDER BY id
   * }</pre>
   */
  public List<Book> booksByIds(List<Long> ids) {
    Objects.requireNonNull(ids, "ids");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(BOOKS_BY_IDS)) {
        statement.setArray(1, SqlArrays.create(connection, "int8", ids));
        try (ResultSet rows = statement.executeQuery()) {
          List<Book> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readBook(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("BooksByIds", e);
    }
  }

  /**
   * The rows of {@link #booksByIds}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Book> streamBooksByIds(List<Long> ids) {
    Objects.requireNonNull(ids, "ids");
    return QueryStreams.open(connections, "BooksByIds", BOOKS_BY_IDS, statement -> {
      statement.setArray(1, SqlArrays.create(statement.getConnection(), "int8", ids));
    }, rows -> readBook(rows));
  }

  /**
   * {@code BooksNotIn} {@code :many}, {@code queries/commands.sql:40}:
   * <pre>{@code
   * SELECT * FROM books WHERE author_id = @author_id AND id NOT IN (sqlc.slice(ids)) ORDER BY id
   * }</pre>
   */
  public List<Book> booksNotIn(long authorId, List<Long> ids) {
    Objects.requireNonNull(ids, "ids");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(BOOKS_NOT_IN)) {
        statement.setLong(1, authorId);
        statement.setArray(2, SqlArrays.create(connection, "int8", ids));
        try (ResultSet rows = statement.executeQuery()) {
          List<Book> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readBook(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("BooksNotIn", e);
    }
  }

  /**
   * The rows of {@link #booksNotIn}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Book> streamBooksNotIn(long authorId, List<Long> ids) {
    Objects.requireNonNull(ids, "ids");
    return QueryStreams.open(connections, "BooksNotIn", BOOKS_NOT_IN, statement -> {
      statement.setLong(1, authorId);
      statement.setArray(2, SqlArrays.create(statement.getConnection(), "int8", ids));
    }, rows -> readBook(rows));
  }

  /**
   * {@code BooksWithAuthors} {@code :many}, {@code queries/commands.sql:43}:
   * <pre>{@code
   * SELECT sqlc.embed(b), sqlc.embed(a) FROM books b JOIN authors a ON a.id = b.author_id
   * WHERE b.author_id = @author_id ORDER BY b.id
   * }</pre>
   */
  public List<BooksWithAuthorsRow> booksWithAuthors(long authorId) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(BOOKS_WITH_AUTHORS)) {
        statement.setLong(1, authorId);
        try (ResultSet rows = statement.executeQuery()) {
          List<BooksWithAuthorsRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readBooksWithAuthorsRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("BooksWithAuthors", e);
    }
  }

  /**
   * The rows of {@link #booksWithAuthors}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<BooksWithAuthorsRow> streamBooksWithAuthors(long authorId) {
    return QueryStreams.open(connections, "BooksWithAuthors", BOOKS_WITH_AUTHORS, statement -> {
      statement.setLong(1, authorId);
    }, rows -> readBooksWithAuthorsRow(rows));
  }

  /**
   * {@code BooksWithReviews} {@code :many}, {@code queries/commands.sql:47}:
   * <pre>{@code
   * SELECT sqlc.embed(b), sqlc.embed(r) FROM books b LEFT JOIN reviews r ON r.book_id = b.id
   * WHERE b.author_id = @author_id ORDER BY b.id, r.id
   * }</pre>
   */
  public List<BooksWithReviewsRow> booksWithReviews(long authorId) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(BOOKS_WITH_REVIEWS)) {
        statement.setLong(1, authorId);
        try (ResultSet rows = statement.executeQuery()) {
          List<BooksWithReviewsRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readBooksWithReviewsRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("BooksWithReviews", e);
    }
  }

  /**
   * The rows of {@link #booksWithReviews}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<BooksWithReviewsRow> streamBooksWithReviews(long authorId) {
    return QueryStreams.open(connections, "BooksWithReviews", BOOKS_WITH_REVIEWS, statement -> {
      statement.setLong(1, authorId);
    }, rows -> readBooksWithReviewsRow(rows));
  }

  /**
   * {@code AddReview} {@code :exec}, {@code queries/commands.sql:51}:
   * <pre>{@code
   * INSERT INTO reviews (book_id, stars) VALUES (@book_id, @stars)
   * }</pre>
   */
  public void addReview(long bookId, int stars) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(ADD_REVIEW)) {
        statement.setLong(1, bookId);
        statement.setInt(2, stars);
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("AddReview", e);
    }
  }

  /**
   * {@code CopyEvents} {@code :copyfrom}, {@code queries/commands.sql:54}:
   * <pre>{@code
   * INSERT INTO events (id, note, labels, matrix, status, payload, data, happened_at, local_at, place)
   * VALUES (@id, sqlc.narg(note), sqlc.narg(labels), sqlc.narg(matrix), sqlc.narg(status), sqlc.narg(payload),
   *         sqlc.narg(data), sqlc.narg(happened_at), sqlc.narg(local_at), sqlc.narg(place))
   * }</pre>
   */
  public long copyEvents(Iterable<CopyEventsParams> params) {
    Objects.requireNonNull(params, "params");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      return CopyRows.copy(connection, COPY_EVENTS, params, (item, out) -> out.add(item.id()).add(item.note()).add(item.labels()).add(item.matrix()).add(item.status()).add(item.payload()).add(item.data()).add(item.happenedAt()).add(item.localAt()).add(item.place()));
    } catch (SQLException e_) {
      throw new QueryException("CopyEvents", e_);
    }
  }

  /**
   * {@code ListEvents} {@code :many}, {@code queries/commands.sql:59}:
   * <pre>{@code
   * SELECT * FROM events WHERE id BETWEEN @first AND @last ORDER BY id
   * }</pre>
   */
  public List<Event> listEvents(long first, long last) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(LIST_EVENTS)) {
        statement.setLong(1, first);
        statement.setLong(2, last);
        try (ResultSet rows = statement.executeQuery()) {
          List<Event> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readEvent(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("ListEvents", e);
    }
  }

  /**
   * The rows of {@link #listEvents}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Event> streamListEvents(long first, long last) {
    return QueryStreams.open(connections, "ListEvents", LIST_EVENTS, statement -> {
      statement.setLong(1, first);
      statement.setLong(2, last);
    }, rows -> readEvent(rows));
  }

  /**
   * {@code EventsWithKey} {@code :many}, {@code queries/commands.sql:62}:
   * <pre>{@code
   * SELECT id FROM events WHERE payload ? @key AND id BETWEEN @first AND @last ORDER BY id
   * }</pre>
   */
  public List<Long> eventsWithKey(String key, long first, long last) {
    Objects.requireNonNull(key, "key");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(EVENTS_WITH_KEY)) {
        statement.setString(1, key);
        statement.setLong(2, first);
        statement.setLong(3, last);
        try (ResultSet rows = statement.executeQuery()) {
          List<Long> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getLong(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("EventsWithKey", e);
    }
  }

  /**
   * The rows of {@link #eventsWithKey}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Long> streamEventsWithKey(String key, long first, long last) {
    Objects.requireNonNull(key, "key");
    return QueryStreams.open(connections, "EventsWithKey", EVENTS_WITH_KEY, statement -> {
      statement.setString(1, key);
      statement.setLong(2, first);
      statement.setLong(3, last);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code EventsWithAnyKey} {@code :many}, {@code queries/commands.sql:65}:
   * <pre>{@code
   * SELECT id FROM events WHERE payload ?| @keys::text[] AND id BETWEEN @first AND @last ORDER BY id
   * }</pre>
   */
  public List<Long> eventsWithAnyKey(List<String> keys, long first, long last) {
    Objects.requireNonNull(keys, "keys");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(EVENTS_WITH_ANY_KEY)) {
        statement.setArray(1, SqlArrays.create(connection, "text", keys));
        statement.setLong(2, first);
        statement.setLong(3, last);
        try (ResultSet rows = statement.executeQuery()) {
          List<Long> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getLong(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("EventsWithAnyKey", e);
    }
  }

  /**
   * The rows of {@link #eventsWithAnyKey}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Long> streamEventsWithAnyKey(List<String> keys, long first, long last) {
    Objects.requireNonNull(keys, "keys");
    return QueryStreams.open(connections, "EventsWithAnyKey", EVENTS_WITH_ANY_KEY, statement -> {
      statement.setArray(1, SqlArrays.create(statement.getConnection(), "text", keys));
      statement.setLong(2, first);
      statement.setLong(3, last);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code EventsWithAllKeys} {@code :many}, {@code queries/commands.sql:68}:
   * <pre>{@code
   * SELECT id FROM events WHERE payload ?& @keys::text[] AND id BETWEEN @first AND @last ORDER BY id
   * }</pre>
   */
  public List<Long> eventsWithAllKeys(List<String> keys, long first, long last) {
    Objects.requireNonNull(keys, "keys");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(EVENTS_WITH_ALL_KEYS)) {
        statement.setArray(1, SqlArrays.create(connection, "text", keys));
        statement.setLong(2, first);
        statement.setLong(3, last);
        try (ResultSet rows = statement.executeQuery()) {
          List<Long> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getLong(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("EventsWithAllKeys", e);
    }
  }

  /**
   * The rows of {@link #eventsWithAllKeys}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Long> streamEventsWithAllKeys(List<String> keys, long first, long last) {
    Objects.requireNonNull(keys, "keys");
    return QueryStreams.open(connections, "EventsWithAllKeys", EVENTS_WITH_ALL_KEYS, statement -> {
      statement.setArray(1, SqlArrays.create(statement.getConnection(), "text", keys));
      statement.setLong(2, first);
      statement.setLong(3, last);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code Numbers} {@code :many}, {@code queries/commands.sql:71}:
   * <pre>{@code
   * SELECT n FROM generate_series(1, @count::int) AS n
   * }</pre>
   */
  public List<Integer> numbers(int count) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(NUMBERS)) {
        statement.setInt(1, count);
        try (ResultSet rows = statement.executeQuery()) {
          List<Integer> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getInt(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("Numbers", e);
    }
  }

  /**
   * The rows of {@link #numbers}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Integer> streamNumbers(int count) {
    return QueryStreams.open(connections, "Numbers", NUMBERS, statement -> {
      statement.setInt(1, count);
    }, rows -> rows.getInt(1));
  }

  /**
   * Returns more than one row when several names start with the prefix: the method throws.
   *
   * <p>{@code AuthorByNamePrefix} {@code :one}, {@code queries/commands.sql:74}:
   * <pre>{@code
   * SELECT * FROM authors WHERE name LIKE @prefix || '%' ORDER BY id
   * }</pre>
   */
  public Optional<Author> authorByNamePrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(AUTHOR_BY_NAME_PREFIX)) {
        statement.setString(1, prefix);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          Author row = readAuthor(rows);
          if (rows.next()) {
            throw new QueryException("AuthorByNamePrefix", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("AuthorByNamePrefix", e);
    }
  }

  /**
   * Returns more than one row for a title that several books share: the method throws.
   *
   * <p>{@code BookByTitle} {@code :batchone}, {@code queries/commands.sql:78}:
   * <pre>{@code
   * SELECT * FROM books WHERE title = @title ORDER BY id
   * }</pre>
   */
  public List<Optional<Book>> bookByTitle(List<String> titleList) {
    Objects.requireNonNull(titleList, "titleList");
    if (titleList.isEmpty()) {
      return List.of();
    }
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      return Transactions.atomically(connection, () -> {
        try (PreparedStatement statement = connection.prepareStatement(BOOK_BY_TITLE)) {
          List<Optional<Book>> results = new ArrayList<>(titleList.size());
          for (String item : titleList) {
            statement.setString(1, item);
            try (ResultSet rows = statement.executeQuery()) {
              if (!rows.next()) {
                results.add(Optional.empty());
                continue;
              }
              Book row = readBook(rows);
              if (rows.next()) {
                throw new QueryException("BookByTitle", "returned more than one row for one parameter set; a :batchone query must return at most one");
              }
              results.add(Optional.of(row));
            }
          }
          return Collections.unmodifiableList(results);
        }
      });
    } catch (SQLException e_) {
      throw new QueryException("BookByTitle", e_);
    }
  }

  private static Author readAuthor(ResultSet rows) throws SQLException {
    return new Author(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3));
  }

  private static Book readBook(ResultSet rows) throws SQLException {
    return new Book(
        rows.getLong(1),
        rows.getLong(2),
        rows.getString(3),
        Status.fromLabel(rows.getString(4)),
        SqlArrays.toNonNullList(rows.getArray(5), (r, c) -> r.getString(c)),
        rows.getString(6),
        Columns.nullableInt(rows, 7));
  }

  private static BookTitlesByAuthorRow readBookTitlesByAuthorRow(ResultSet rows) throws
      SQLException {
    return new BookTitlesByAuthorRow(
        rows.getLong(1),
        rows.getString(2));
  }

  private static Book readBookAt(ResultSet rows, int offset) throws SQLException {
    return new Book(
        rows.getLong(offset + 1),
        rows.getLong(offset + 2),
        rows.getString(offset + 3),
        Status.fromLabel(rows.getString(offset + 4)),
        SqlArrays.toNonNullList(rows.getArray(offset + 5), (r, c) -> r.getString(c)),
        rows.getString(offset + 6),
        Columns.nullableInt(rows, offset + 7));
  }

  private static Author readAuthorAt(ResultSet rows, int offset) throws SQLException {
    return new Author(
        rows.getLong(offset + 1),
        rows.getString(offset + 2),
        rows.getString(offset + 3));
  }

  private static BooksWithAuthorsRow readBooksWithAuthorsRow(ResultSet rows) throws SQLException {
    return new BooksWithAuthorsRow(
        readBookAt(rows, 0),
        readAuthorAt(rows, 7));
  }

  private static Review readReviewAt(ResultSet rows, int offset) throws SQLException {
    return new Review(
        rows.getLong(offset + 1),
        rows.getLong(offset + 2),
        rows.getInt(offset + 3));
  }

  private static @Nullable Review readNullableReviewAt(ResultSet rows, int offset) throws
      SQLException {
    for (int column = offset + 1; column <= offset + 3; column++) {
      if (rows.getObject(column) != null) {
        return readReviewAt(rows, offset);
      }
    }
    return null;
  }

  private static BooksWithReviewsRow readBooksWithReviewsRow(ResultSet rows) throws SQLException {
    return new BooksWithReviewsRow(
        readBookAt(rows, 0),
        readNullableReviewAt(rows, 7));
  }

  private static Event readEvent(ResultSet rows) throws SQLException {
    return new Event(
        rows.getLong(1),
        rows.getString(2),
        SqlArrays.toList(rows.getArray(3), (r, c) -> r.getString(c)),
        SqlArrays.toList(rows.getArray(4), (r1, c1) -> SqlArrays.toList(r1.getArray(c1), (r, c) -> Columns.nullableInt(r, c))),
        Status.fromNullableLabel(rows.getString(5)),
        rows.getString(6),
        rows.getBytes(7),
        rows.getObject(8, OffsetDateTime.class),
        rows.getObject(9, LocalDateTime.class),
        Address.fromPg(rows.getString(10)));
  }

  /**
   * A row of {@code BookTitlesByAuthor}.
   */
  public record BookTitlesByAuthorRow(long id, String title) {
  }

  /**
   * A row of {@code BooksWithAuthors}.
   */
  public record BooksWithAuthorsRow(Book book, Author author) {
  }

  /**
   * A row of {@code BooksWithReviews}.
   */
  public record BooksWithReviewsRow(Book book, @Nullable Review review) {
  }

  /**
   * The parameters of {@code CreateBook}.
   */
  public record CreateBookParams(long authorId, String title, Status status, List<String> tags,
      @Nullable String isbn, @Nullable Integer pages) {
    public CreateBookParams {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(tags, "tags");
    }
  }

  /**
   * The parameters of {@code AddBooks}.
   */
  public record AddBooksParams(long authorId, String title, @Nullable Integer pages) {
    public AddBooksParams {
      Objects.requireNonNull(title, "title");
    }
  }

  /**
   * The parameters of {@code CopyEvents}.
   */
  public record CopyEventsParams(long id, @Nullable String note, @Nullable List<String> labels,
      @Nullable List<List<Integer>> matrix, @Nullable Status status, @Nullable String payload,
      byte @Nullable [] data, @Nullable OffsetDateTime happenedAt, @Nullable LocalDateTime localAt,
      @Nullable Address place) {
  }
}
