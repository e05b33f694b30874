package com.example.db;

import dev.quarry.runtime.Columns;
import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.ExecResult;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import dev.quarry.runtime.SqlArrays;
import java.sql.Connection;
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
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class CommandsQueries {
  private static final Query CREATE_AUTHOR = new Query("CreateAuthor", ":one",
      "queries/commands.sql", 1,
      "INSERT INTO authors (name, bio) VALUES (?, ?) RETURNING *");

  private static final Query GET_AUTHOR = new Query("GetAuthor", ":one", "queries/commands.sql", 4,
      "SELECT * FROM authors WHERE id = ?");

  private static final Query LIST_AUTHORS = new Query("ListAuthors", ":many",
      "queries/commands.sql", 7,
      "SELECT * FROM authors ORDER BY id");

  private static final Query UPDATE_BIO = new Query("UpdateBio", ":exec", "queries/commands.sql",
      10,
      "UPDATE authors SET bio = ? WHERE id = ?");

  private static final Query DELETE_AUTHORS_WITHOUT_BOOKS = new Query("DeleteAuthorsWithoutBooks",
      ":execrows", "queries/commands.sql", 13,
      "DELETE FROM authors a WHERE NOT EXISTS (SELECT 1 FROM books b WHERE "
      + "b.author_id = a.id)");

  private static final Query RETITLE_BOOKS = new Query("RetitleBooks", ":execresult",
      "queries/commands.sql", 16,
      "UPDATE books SET title = title || ? WHERE author_id = ?");

  private static final Query CREATE_BOOK = new Query("CreateBook", ":one", "queries/commands.sql",
      19,
      "INSERT INTO books (author_id, title, status, tags, isbn, pages)\n"
      + "VALUES (?, ?, ?, ?, ?, ?)\n"
      + "RETURNING *");

  private static final Query ADD_BOOKS = new Query("AddBooks", ":batchexec", "queries/commands.sql",
      25,
      "INSERT INTO books (author_id, title, pages) VALUES (?, ?, ?)");

  private static final Query BOOK_BY_ISBN = new Query("BookByIsbn", ":batchone",
      "queries/commands.sql", 28,
      "SELECT * FROM books WHERE isbn = ?");

  private static final Query BOOK_TITLES_BY_AUTHOR = new Query("BookTitlesByAuthor", ":batchmany",
      "queries/commands.sql", 31,
      "SELECT id, title FROM books WHERE author_id = ? ORDER BY id");

  private static final Query COUNT_BOOKS = new Query("CountBooks", ":one", "queries/commands.sql",
      34,
      "SELECT count(*) FROM books WHERE author_id = ?");

  private static final Query BOOKS_BY_IDS = new Query("BooksByIds", ":many", "queries/commands.sql",
      37,
      "SELECT * FROM books WHERE id = ANY(?) ORDER BY id");

  private static final Query BOOKS_NOT_IN = new Query("BooksNotIn", ":many", "queries/commands.sql",
      40,
      "SELECT * FROM books WHERE author_id = ? AND id <> ALL(?) ORDER BY id");

  private static final Query BOOKS_WITH_AUTHORS = new Query("BooksWithAuthors", ":many",
      "queries/commands.sql", 43,
      "SELECT b.*, a.* FROM books b JOIN authors a ON a.id = b.author_id\n"
      + "WHERE b.author_id = ? ORDER BY b.id");

  private static final Query BOOKS_WITH_REVIEWS = new Query("BooksWithReviews", ":many",
      "queries/commands.sql", 47,
      "SELECT b.*, r.* FROM books b LEFT JOIN reviews r ON r.book_id = b.id\n"
      + "WHERE b.author_id = ? ORDER BY b.id, r.id");

  private static final Query ADD_REVIEW = new Query("AddReview", ":exec", "queries/commands.sql",
      51,
      "INSERT INTO reviews (book_id, stars) VALUES (?, ?)");

  private static final Query COPY_EVENTS = new Query("CopyEvents", ":copyfrom",
      "queries/commands.sql", 54,
      "COPY events (id, note, labels, matrix, status, payload, data, "
      + "happened_at, local_at, place) FROM STDIN");

  private static final Query LIST_EVENTS = new Query("ListEvents", ":many", "queries/commands.sql",
      59,
      "SELECT * FROM events WHERE id BETWEEN ? AND ? ORDER BY id");

  private static final Query EVENTS_WITH_KEY = new Query("EventsWithKey", ":many",
      "queries/commands.sql", 62,
      "SELECT id FROM events WHERE payload ?? ? AND id BETWEEN ? AND ? ORDER BY "
      + "id");

  private static final Query EVENTS_WITH_ANY_KEY = new Query("EventsWithAnyKey", ":many",
      "queries/commands.sql", 65,
      "SELECT id FROM events WHERE payload ??| ?::text[] AND id BETWEEN ? AND ? "
      + "ORDER BY id");

  private static final Query EVENTS_WITH_ALL_KEYS = new Query("EventsWithAllKeys", ":many",
      "queries/commands.sql", 68,
      "SELECT id FROM events WHERE payload ??& ?::text[] AND id BETWEEN ? AND ? "
      + "ORDER BY id");

  private static final Query NUMBERS = new Query("Numbers", ":many", "queries/commands.sql", 71,
      "SELECT n FROM generate_series(1, ?::int) AS n");

  private static final Query AUTHOR_BY_NAME_PREFIX = new Query("AuthorByNamePrefix", ":one",
      "queries/commands.sql", 74,
      "SELECT * FROM authors WHERE name LIKE ? || '%' ORDER BY id");

  private static final Query BOOK_BY_TITLE = new Query("BookByTitle", ":batchone",
      "queries/commands.sql", 78,
      "SELECT * FROM books WHERE title = ? ORDER BY id");

  private static final Query STREAM_NUMBERS = new Query("StreamNumbers", ":many",
      "queries/commands.sql", 82,
      "SELECT n FROM generate_series(1, ?::int) AS n");

  private static final Query STREAM_AUTHORS = new Query("StreamAuthors", ":many",
      "queries/commands.sql", 86,
      "SELECT * FROM authors ORDER BY id");

  private static final Query STREAM_BOOKS_BY_IDS = new Query("StreamBooksByIds", ":many",
      "queries/commands.sql", 91,
      "SELECT * FROM books WHERE id = ANY(?) ORDER BY id");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public CommandsQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public CommandsQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public CommandsQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public CommandsQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code CreateAuthor} {@code :one}, {@code queries/commands.sql:1}:
   * <pre>{@code
   * INSERT INTO authors (name, bio) VALUES (@name, sqlc.narg(bio)) RETURNING *
   * }</pre>
   */
  public Author createAuthor(String name, @Nullable String bio) {
    Objects.requireNonNull(name, "name");
    return runner.single(CREATE_AUTHOR, statement -> {
      statement.setString(1, name);
      statement.setObject(2, bio, Types.VARCHAR);
    }, CommandsQueries::readAuthor);
  }

  /**
   * {@code GetAuthor} {@code :one}, {@code queries/commands.sql:4}:
   * <pre>{@code
   * SELECT * FROM authors WHERE id = @id
   * }</pre>
   */
  public Optional<Author> getAuthor(long id) {
    return runner.optional(GET_AUTHOR, statement -> {
      statement.setLong(1, id);
    }, CommandsQueries::readAuthor);
  }

  /**
   * {@code ListAuthors} {@code :many}, {@code queries/commands.sql:7}:
   * <pre>{@code
   * SELECT * FROM authors ORDER BY id
   * }</pre>
   */
  public List<Author> listAuthors() {
    return runner.list(LIST_AUTHORS, statement -> {}, CommandsQueries::readAuthor);
  }

  /**
   * {@code UpdateBio} {@code :exec}, {@code queries/commands.sql:10}:
   * <pre>{@code
   * UPDATE authors SET bio = sqlc.narg(bio) WHERE id = @id
   * }</pre>
   */
  public void updateBio(@Nullable String bio, long id) {
    runner.execute(UPDATE_BIO, statement -> {
      statement.setObject(1, bio, Types.VARCHAR);
      statement.setLong(2, id);
    });
  }

  /**
   * {@code DeleteAuthorsWithoutBooks} {@code :execrows}, {@code queries/commands.sql:13}:
   * <pre>{@code
   * DELETE FROM authors a WHERE NOT EXISTS (SELECT 1 FROM books b WHERE b.author_id = a.id)
   * }</pre>
   */
  public long deleteAuthorsWithoutBooks() {
    return runner.updateCount(DELETE_AUTHORS_WITHOUT_BOOKS, statement -> {});
  }

  /**
   * {@code RetitleBooks} {@code :execresult}, {@code queries/commands.sql:16}:
   * <pre>{@code
   * UPDATE books SET title = title || @suffix WHERE author_id = @author_id
   * }</pre>
   */
  public ExecResult retitleBooks(String suffix, long authorId) {
    Objects.requireNonNull(suffix, "suffix");
    return new ExecResult(runner.updateCount(RETITLE_BOOKS, statement -> {
      statement.setString(1, suffix);
      statement.setLong(2, authorId);
    }));
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
    return runner.single(CREATE_BOOK, statement -> {
      statement.setLong(1, params.authorId());
      statement.setString(2, params.title());
      statement.setObject(3, params.status().label(), Types.OTHER);
      statement.setArray(4, SqlArrays.create(statement.getConnection(), "text", params.tags()));
      statement.setObject(5, params.isbn(), Types.VARCHAR);
      statement.setObject(6, params.pages(), Types.INTEGER);
    }, CommandsQueries::readBook);
  }

  /**
   * {@code AddBooks} {@code :batchexec}, {@code queries/commands.sql:25}:
   * <pre>{@code
   * INSERT INTO books (author_id, title, pages) VALUES (@author_id, @title, sqlc.narg(pages))
   * }</pre>
   */
  public long[] addBooks(List<AddBooksParams> params) {
    Objects.requireNonNull(params, "params");
    return runner.batch(ADD_BOOKS, params, (statement, item) -> {
      statement.setLong(1, item.authorId());
      statement.setString(2, item.title());
      statement.setObject(3, item.pages(), Types.INTEGER);
    });
  }

  /**
   * {@code BookByIsbn} {@code :batchone}, {@code queries/commands.sql:28}:
   * <pre>{@code
   * SELECT * FROM books WHERE isbn = @isbn
   * }</pre>
   */
  public List<Optional<Book>> bookByIsbn(List<String> isbnList) {
    Objects.requireNonNull(isbnList, "isbnList");
    return runner.batchOptional(BOOK_BY_ISBN, isbnList, (statement, item) -> {
      statement.setString(1, item);
    }, CommandsQueries::readBook);
  }

  /**
   * {@code BookTitlesByAuthor} {@code :batchmany}, {@code queries/commands.sql:31}:
   * <pre>{@code
   * SELECT id, title FROM books WHERE author_id = @author_id ORDER BY id
   * }</pre>
   */
  public List<List<BookTitlesByAuthorRow>> bookTitlesByAuthor(List<Long> authorIdList) {
    Objects.requireNonNull(authorIdList, "authorIdList");
    return runner.batchList(BOOK_TITLES_BY_AUTHOR, authorIdList, (statement, item) -> {
      statement.setLong(1, item);
    }, CommandsQueries::readBookTitlesByAuthorRow);
  }

  /**
   * {@code CountBooks} {@code :one}, {@code queries/commands.sql:34}:
   * <pre>{@code
   * SELECT count(*) FROM books WHERE author_id = @author_id
   * }</pre>
   */
  public long countBooks(long authorId) {
    return runner.single(COUNT_BOOKS, statement -> {
      statement.setLong(1, authorId);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code BooksByIds} {@code :many}, {@code queries/commands.sql:37}:
   * <pre>{@code
   * SELECT * FROM books WHERE id IN (sqlc.slice(ids)) ORDER BY id
   * }</pre>
   */
  public List<Book> booksByIds(List<Long> ids) {
    Objects.requireNonNull(ids, "ids");
    return runner.list(BOOKS_BY_IDS, statement -> {
      statement.setArray(1, SqlArrays.create(statement.getConnection(), "int8", ids));
    }, CommandsQueries::readBook);
  }

  /**
   * {@code BooksNotIn} {@code :many}, {@code queries/commands.sql:40}:
   * <pre>{@code
   * SELECT * FROM books WHERE author_id = @author_id AND id NOT IN (sqlc.slice(ids)) ORDER BY id
   * }</pre>
   */
  public List<Book> booksNotIn(long authorId, List<Long> ids) {
    Objects.requireNonNull(ids, "ids");
    return runner.list(BOOKS_NOT_IN, statement -> {
      statement.setLong(1, authorId);
      statement.setArray(2, SqlArrays.create(statement.getConnection(), "int8", ids));
    }, CommandsQueries::readBook);
  }

  /**
   * {@code BooksWithAuthors} {@code :many}, {@code queries/commands.sql:43}:
   * <pre>{@code
   * SELECT sqlc.embed(b), sqlc.embed(a) FROM books b JOIN authors a ON a.id = b.author_id
   * WHERE b.author_id = @author_id ORDER BY b.id
   * }</pre>
   */
  public List<BooksWithAuthorsRow> booksWithAuthors(long authorId) {
    return runner.list(BOOKS_WITH_AUTHORS, statement -> {
      statement.setLong(1, authorId);
    }, CommandsQueries::readBooksWithAuthorsRow);
  }

  /**
   * {@code BooksWithReviews} {@code :many}, {@code queries/commands.sql:47}:
   * <pre>{@code
   * SELECT sqlc.embed(b), sqlc.embed(r) FROM books b LEFT JOIN reviews r ON r.book_id = b.id
   * WHERE b.author_id = @author_id ORDER BY b.id, r.id
   * }</pre>
   */
  public List<BooksWithReviewsRow> booksWithReviews(long authorId) {
    return runner.list(BOOKS_WITH_REVIEWS, statement -> {
      statement.setLong(1, authorId);
    }, CommandsQueries::readBooksWithReviewsRow);
  }

  /**
   * {@code AddReview} {@code :exec}, {@code queries/commands.sql:51}:
   * <pre>{@code
   * INSERT INTO reviews (book_id, stars) VALUES (@book_id, @stars)
   * }</pre>
   */
  public void addReview(long bookId, int stars) {
    runner.execute(ADD_REVIEW, statement -> {
      statement.setLong(1, bookId);
      statement.setInt(2, stars);
    });
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
    return runner.copy(COPY_EVENTS, params, (item, out) -> out
        .add(item.id())
        .add(item.note())
        .add(item.labels())
        .add(item.matrix())
        .add(item.status())
        .add(item.payload())
        .add(item.data())
        .add(item.happenedAt())
        .add(item.localAt())
        .add(item.place()));
  }

  /**
   * {@code ListEvents} {@code :many}, {@code queries/commands.sql:59}:
   * <pre>{@code
   * SELECT * FROM events WHERE id BETWEEN @first AND @last ORDER BY id
   * }</pre>
   */
  public List<Event> listEvents(long first, long last) {
    return runner.list(LIST_EVENTS, statement -> {
      statement.setLong(1, first);
      statement.setLong(2, last);
    }, CommandsQueries::readEvent);
  }

  /**
   * {@code EventsWithKey} {@code :many}, {@code queries/commands.sql:62}:
   * <pre>{@code
   * SELECT id FROM events WHERE payload ? @key AND id BETWEEN @first AND @last ORDER BY id
   * }</pre>
   */
  public List<Long> eventsWithKey(String key, long first, long last) {
    Objects.requireNonNull(key, "key");
    return runner.list(EVENTS_WITH_KEY, statement -> {
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
    return runner.list(EVENTS_WITH_ANY_KEY, statement -> {
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
    return runner.list(EVENTS_WITH_ALL_KEYS, statement -> {
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
    return runner.list(NUMBERS, statement -> {
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
    return runner.optional(AUTHOR_BY_NAME_PREFIX, statement -> {
      statement.setString(1, prefix);
    }, CommandsQueries::readAuthor);
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
    return runner.batchOptional(BOOK_BY_TITLE, titleList, (statement, item) -> {
      statement.setString(1, item);
    }, CommandsQueries::readBook);
  }

  /**
   * {@code StreamNumbers} {@code :many}, {@code queries/commands.sql:82}:
   * <pre>{@code
   * SELECT n FROM generate_series(1, @count::int) AS n
   * }</pre>
   */
  public Stream<Integer> streamNumbers(int count) {
    return runner.stream(STREAM_NUMBERS, statement -> {
      statement.setInt(1, count);
    }, rows -> rows.getInt(1));
  }

  /**
   * Every author, read as the stream is consumed.
   *
   * <p>{@code StreamAuthors} {@code :many}, {@code queries/commands.sql:86}:
   * <pre>{@code
   * SELECT * FROM authors ORDER BY id
   * }</pre>
   */
  public Stream<Author> streamAuthors() {
    return runner.stream(STREAM_AUTHORS, statement -> {}, CommandsQueries::readAuthor);
  }

  /**
   * {@code StreamBooksByIds} {@code :many}, {@code queries/commands.sql:91}:
   * <pre>{@code
   * SELECT * FROM books WHERE id IN (sqlc.slice(ids)) ORDER BY id
   * }</pre>
   */
  public Stream<Book> streamBooksByIds(List<Long> ids) {
    Objects.requireNonNull(ids, "ids");
    return runner.stream(STREAM_BOOKS_BY_IDS, statement -> {
      statement.setArray(1, SqlArrays.create(statement.getConnection(), "int8", ids));
    }, CommandsQueries::readBook);
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
    // id is NOT NULL in every row the join found
    return rows.getObject(offset + 1) == null ? null : readReviewAt(rows, offset);
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
      tags = Collections.unmodifiableList(new ArrayList<>(tags));
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
    public CopyEventsParams {
      labels = labels == null ? null : Collections.unmodifiableList(new ArrayList<>(labels));
      matrix = matrix == null ? null : Collections.unmodifiableList(new ArrayList<>(matrix));
    }
  }
}
