package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.ExecResult;
import dev.quarry.runtime.QueryException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every sqlc command, end to end: the {@code commands} case is compiled with Quarry, its migrations
 * applied to embedded PostgreSQL, and each generated method is called and its effect read back.
 * Tests share one database, so each works on rows of its own (its own authors, its own range of
 * event ids).
 */
class CommandsEndToEndTest {
  private static final Path CASE = CompileCaseTest.CASES.resolve("commands");
  private static final String PACKAGE = CompileCaseTest.PACKAGE + ".";
  private static GeneratedRepository generated;
  private static Object repository;

  @BeforeAll
  static void compileAndMigrate() throws Exception {
    generated = new GeneratedRepository(CASE);
    repository = generated.repository("CommandsQueries");
  }

  @AfterAll
  static void stop() {
    if (generated != null) {
      generated.close();
    }
  }

  // :one, :many, :exec, :execrows, :execresult, and a Params record

  @Test
  void oneManyAndExecReadBackWhatTheyWrote() throws Exception {
    Object ann = createAuthor("Ann", null);
    long id = (long) get(ann, "id");
    assertTrue(((String) get(ann, "name")).startsWith("Ann "), ann.toString());
    assertNull(get(ann, "bio"));
    assertEquals(Optional.of(ann), call("getAuthor", Map.of("id", id)));
    assertEquals(Optional.empty(), call("getAuthor", Map.of("id", -1L)));

    call("updateBio", args("bio", "tab\there, \"quoted\" \\ 😀", "id", id));
    assertEquals(
        "tab\there, \"quoted\" \\ 😀",
        get(((Optional<?>) call("getAuthor", Map.of("id", id))).orElseThrow(), "bio"));
    call("updateBio", args("bio", null, "id", id));
    assertNull(get(((Optional<?>) call("getAuthor", Map.of("id", id))).orElseThrow(), "bio"));

    List<?> authors = (List<?>) call("listAuthors", Map.of());
    assertTrue(
        authors.contains(((Optional<?>) call("getAuthor", Map.of("id", id))).orElseThrow()),
        authors.toString());
    assertThrows(
        UnsupportedOperationException.class,
        () -> authors.remove(0),
        ":many gives an unmodifiable list");
  }

  @Test
  void paramsRecordCarriesMoreThanFourParameters() throws Exception {
    long author = authorId("Params");
    Object inReview = status("in review");
    Object book =
        createBook(
            author,
            "Title, with \"quotes\"",
            inReview,
            List.of("a", "b,c", "d\"e", "{f}", ""),
            "isbn-params",
            120);
    assertEquals(author, get(book, "authorId"));
    assertEquals("Title, with \"quotes\"", get(book, "title"));
    assertEquals(inReview, get(book, "status"));
    assertEquals(List.of("a", "b,c", "d\"e", "{f}", ""), get(book, "tags"));
    assertEquals("isbn-params", get(book, "isbn"));
    assertEquals(120, get(book, "pages"));
    Object plain = createBook(author, "Plain", status("draft"), List.of(), null, null);
    assertNull(get(plain, "isbn"));
    assertNull(get(plain, "pages"));
    assertEquals(List.of(), get(plain, "tags"));
    assertEquals(2L, call("countBooks", Map.of("authorId", author)));
  }

  @Test
  void execRowsAndExecResultCountAffectedRows() throws Exception {
    long withBooks = authorId("Counted");
    createBook(withBooks, "One", status("draft"), List.of(), null, null);
    createBook(withBooks, "Two", status("draft"), List.of(), null, null);
    assertEquals(
        new ExecResult(2),
        call("retitleBooks", args("suffix", " (2nd ed.)", "authorId", withBooks)));
    assertEquals(new ExecResult(0), call("retitleBooks", args("suffix", "x", "authorId", -1L)));
    List<?> titles =
        ((List<?>)
            ((List<?>) call("bookTitlesByAuthor", Map.of("authorIdList", List.of(withBooks))))
                .get(0));
    assertEquals(
        List.of("One (2nd ed.)", "Two (2nd ed.)"),
        titles.stream().map(r -> get(r, "title")).toList());

    List<Long> lonely = List.of(authorId("Lonely 1"), authorId("Lonely 2"), authorId("Lonely 3"));
    long expected =
        scalar(
            "SELECT count(*) FROM authors a WHERE NOT EXISTS (SELECT 1 FROM books b WHERE b.author_id = a.id)");
    assertTrue(expected >= 3, "at least this test's three authors have no books");
    assertEquals(expected, call("deleteAuthorsWithoutBooks", Map.of()));
    for (long id : lonely) {
      assertEquals(Optional.empty(), call("getAuthor", Map.of("id", id)));
    }
    assertTrue(((Optional<?>) call("getAuthor", Map.of("id", withBooks))).isPresent());
    assertEquals(0L, call("deleteAuthorsWithoutBooks", Map.of()));
  }

  @Test
  void aGuaranteedRowThatATriggerSkippedThrows() throws Exception {
    // INSERT ... VALUES ... RETURNING always returns its row, so createAuthor returns the record
    // itself; the commands case's BEFORE trigger skips names starting with "skipped by trigger".
    QueryException skipped =
        assertThrows(
            QueryException.class,
            () ->
                call(
                    "createAuthor",
                    args("name", "skipped by trigger " + System.nanoTime(), "bio", null)));
    assertEquals(
        "CreateAuthor: returned no row, though its statement always returns one (did a trigger"
            + " skip it?)",
        skipped.getMessage());
  }

  @Test
  void oneThrowsWhenTheStatementReturnsASecondRow() throws Exception {
    String prefix = "Twice " + System.nanoTime();
    Object first = call("createAuthor", args("name", prefix + " a", "bio", null));
    assertEquals(Optional.of(first), call("authorByNamePrefix", Map.of("prefix", prefix + " a")));
    call("createAuthor", args("name", prefix + " b", "bio", null));
    QueryException twoRows =
        assertThrows(
            QueryException.class, () -> call("authorByNamePrefix", Map.of("prefix", prefix)));
    assertEquals(
        "AuthorByNamePrefix: returned more than one row; a :one query must return at most one",
        twoRows.getMessage());
  }

  @Test
  void paramsRecordsRejectNullForNonNullComponents() throws Exception {
    long author = authorId("Null params");
    Object draft = status("draft");
    for (int nulled : new int[] {1, 2, 3}) {
      Object[] values = {author, "Title", draft, List.of(), null, null};
      values[nulled] = null;
      Exception thrown =
          assertThrows(
              Exception.class, () -> newRecord("CommandsQueries$CreateBookParams", values));
      Throwable cause = thrown instanceof InvocationTargetException i ? i.getCause() : thrown;
      assertTrue(cause instanceof NullPointerException, () -> "component " + nulled + ": " + cause);
      assertEquals(List.of("title", "status", "tags").get(nulled - 1), cause.getMessage());
    }
    // The nullable components (sqlc.narg) take null, and so does a :batchexec set.
    assertNull(
        get(
            newRecord(
                "CommandsQueries$CreateBookParams", author, "T", draft, List.of(), null, null),
            "isbn"));
    Exception batch =
        assertThrows(
            Exception.class, () -> newRecord("CommandsQueries$AddBooksParams", author, null, 1));
    assertEquals(
        "title",
        (batch instanceof InvocationTargetException i ? i.getCause() : batch).getMessage());
  }

  // :batchexec, :batchone, :batchmany

  @Test
  void batchExecReturnsCountsPerSet() throws Exception {
    long author = authorId("Batch");
    long[] counts =
        (long[])
            call(
                "addBooks",
                Map.of(
                    "params",
                    List.of(
                        addBooks(author, "A", 10),
                        addBooks(author, "B", null),
                        addBooks(author, "C", 30))));
    assertArrayEquals(new long[] {1, 1, 1}, counts);
    List<?> books = (List<?>) call("booksNotIn", args("authorId", author, "ids", List.of()));
    assertEquals(List.of("A", "B", "C"), books.stream().map(b -> get(b, "title")).toList());
    assertEquals(Arrays.asList(10, null, 30), books.stream().map(b -> get(b, "pages")).toList());
    assertArrayEquals(new long[0], (long[]) call("addBooks", Map.of("params", List.of())));
  }

  @Test
  void batchExecIsAllOrNothing() throws Exception {
    long author = authorId("Atomic");
    List<Object> sets =
        List.of(
            addBooks(author, "Fine", 1),
            addBooks(author, "Violates pages > 0", 0),
            addBooks(author, "Also fine", 2));
    QueryException failure =
        assertThrows(QueryException.class, () -> call("addBooks", Map.of("params", sets)));
    assertEquals("23514", failure.sqlState(), failure.getMessage());
    assertEquals(
        0L,
        call("countBooks", Map.of("authorId", author)),
        "no set of a failed batch may be stored");
  }

  @Test
  void batchOneGivesEmptyForASetWithoutARow() throws Exception {
    long author = authorId("BatchOne");
    Object book =
        createBook(author, "Found", status("published"), List.of("x"), "isbn-batchone", 5);
    List<?> results =
        (List<?>)
            call(
                "bookByIsbn",
                Map.of("isbnList", List.of("isbn-batchone", "no such isbn", "isbn-batchone")));
    assertEquals(List.of(Optional.of(book), Optional.empty(), Optional.of(book)), results);
    assertEquals(List.of(), call("bookByIsbn", Map.of("isbnList", List.of())));
  }

  @Test
  void batchOneThrowsWhenASetReturnsASecondRow() throws Exception {
    long author = authorId("BatchOne twice");
    String shared = "Shared " + System.nanoTime();
    String unique = "Unique " + System.nanoTime();
    createBook(author, shared, status("draft"), List.of(), null, null);
    createBook(author, shared, status("draft"), List.of(), null, null);
    Object book = createBook(author, unique, status("draft"), List.of(), null, null);
    assertEquals(
        List.of(Optional.of(book), Optional.empty()),
        call("bookByTitle", Map.of("titleList", List.of(unique, "no such title"))));
    QueryException twoRows =
        assertThrows(
            QueryException.class,
            () -> call("bookByTitle", Map.of("titleList", List.of(unique, shared))));
    assertEquals(
        "BookByTitle: returned more than one row for one parameter set; a :batchone query must"
            + " return at most one",
        twoRows.getMessage());
  }

  @Test
  void batchManyGivesAListPerSet() throws Exception {
    long first = authorId("BatchMany 1");
    long second = authorId("BatchMany 2");
    call(
        "addBooks",
        Map.of(
            "params",
            List.of(
                addBooks(first, "F1", null),
                addBooks(second, "S1", null),
                addBooks(first, "F2", null))));
    List<?> results =
        (List<?>) call("bookTitlesByAuthor", Map.of("authorIdList", List.of(first, -1L, second)));
    assertEquals(3, results.size());
    assertEquals(List.of("F1", "F2"), titles((List<?>) results.get(0)));
    assertEquals(List.of(), results.get(1));
    assertEquals(List.of("S1"), titles((List<?>) results.get(2)));
  }

  // :copyfrom

  @Test
  void copyFromStoresTenThousandRowsOfTrickyValues() throws Exception {
    int count = 10_000;
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(trickyEvent(100_000 + i));
    }
    assertEquals((long) count, call("copyEvents", Map.of("params", rows)));
    List<?> read = (List<?>) call("listEvents", args("first", 100_000L, "last", 100_000L + count));
    assertEquals(count, read.size());
    for (int i = 0; i < count; i++) {
      assertSameEvent(rows.get(i), read.get(i));
    }
  }

  @Test
  void copyFromIsAllOrNothing() throws Exception {
    List<Object> duplicate =
        List.of(event(200_001, null), event(200_002, null), event(200_001, null));
    QueryException failure =
        assertThrows(QueryException.class, () -> call("copyEvents", Map.of("params", duplicate)));
    assertEquals("23505", failure.sqlState(), failure.getMessage());
    assertEquals(List.of(), call("listEvents", args("first", 200_000L, "last", 200_010L)));

    // Rows that fail in Java, half way: the copy is cancelled and the connection stays usable.
    Iterable<Object> failing =
        () ->
            new Iterator<>() {
              int next = 0;

              @Override
              public boolean hasNext() {
                return true;
              }

              @Override
              public Object next() {
                if (next == 3) {
                  throw new IllegalStateException("the row source failed");
                }
                try {
                  return event(200_005 + next++, null);
                } catch (Exception e) {
                  throw new AssertionError(e);
                }
              }
            };
    Connection connection = generated.connect();
    try {
      Object onConnection =
          generated.repository("CommandsQueries", ConnectionSource.of(connection));
      IllegalStateException thrown =
          assertThrows(
              IllegalStateException.class,
              () ->
                  GeneratedRepository.call(onConnection, "copyEvents", Map.of("params", failing)));
      assertEquals("the row source failed", thrown.getMessage());
      assertTrue(connection.getAutoCommit(), "autocommit is switched back on");
      assertEquals(
          List.of(),
          GeneratedRepository.call(
              onConnection, "listEvents", args("first", 200_000L, "last", 200_010L)));
      assertEquals(
          1L,
          GeneratedRepository.call(
              onConnection, "copyEvents", Map.of("params", List.of(event(200_009, null)))));
    } finally {
      connection.close();
    }
    assertEquals(
        1, ((List<?>) call("listEvents", args("first", 200_000L, "last", 200_010L))).size());
  }

  @Test
  void copyFromStoresTimestampsOutsideIsoYears() throws Exception {
    // Java's ISO text writes year 10000 as +10000 and 44 BC as -0043, which PostgreSQL rejects;
    // MAX and MIN are infinity, as the driver binds them.
    List<OffsetDateTime> instants =
        List.of(
            OffsetDateTime.of(-43, 3, 15, 10, 0, 0, 0, ZoneOffset.UTC),
            OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2)),
            OffsetDateTime.MAX,
            OffsetDateTime.MIN);
    List<LocalDateTime> locals =
        List.of(
            LocalDateTime.of(0, 1, 1, 0, 0),
            LocalDateTime.of(12_345, 6, 7, 8, 9, 10),
            LocalDateTime.MAX,
            LocalDateTime.MIN);
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < instants.size(); i++) {
      rows.add(
          newRecord(
              "CommandsQueries$CopyEventsParams",
              400_000L + i,
              null,
              null,
              null,
              null,
              null,
              null,
              instants.get(i),
              locals.get(i),
              null));
    }
    assertEquals(4L, call("copyEvents", Map.of("params", rows)));
    List<?> read = (List<?>) call("listEvents", args("first", 400_000L, "last", 400_010L));
    assertEquals(4, read.size());
    for (int i = 0; i < rows.size(); i++) {
      assertSameEvent(rows.get(i), read.get(i));
    }
  }

  // sqlc.slice, sqlc.embed

  @Test
  void sliceMatchesTheListAndAnEmptyListMatchesNothing() throws Exception {
    long author = authorId("Slice");
    long b1 = (long) get(createBook(author, "S1", status("draft"), List.of(), null, null), "id");
    long b2 = (long) get(createBook(author, "S2", status("draft"), List.of(), null, null), "id");
    long b3 = (long) get(createBook(author, "S3", status("draft"), List.of(), null, null), "id");
    assertEquals(List.of(b1, b3), ids(call("booksByIds", Map.of("ids", List.of(b3, b1, -1L)))));
    assertEquals(List.of(), call("booksByIds", Map.of("ids", List.of())));
    assertEquals(
        List.of(b2, b3), ids(call("booksNotIn", args("authorId", author, "ids", List.of(b1)))));
    assertEquals(
        List.of(b1, b2, b3),
        ids(call("booksNotIn", args("authorId", author, "ids", List.of()))),
        "NOT IN an empty list matches everything");
    try (Stream<?> stream = (Stream<?>) call("streamBooksByIds", Map.of("ids", List.of(b2)))) {
      assertEquals(List.of(b2), ids(stream.toList()));
    }
  }

  @Test
  void embedsInnerAndOuterJoinedTables() throws Exception {
    Object author = createAuthor("Embedded", "bio");
    long authorId = (long) get(author, "id");
    Object reviewed = createBook(authorId, "Reviewed", status("published"), List.of("t"), null, 7);
    Object unreviewed = createBook(authorId, "Unreviewed", status("draft"), List.of(), null, null);
    long reviewedId = (long) get(reviewed, "id");
    call("addReview", args("bookId", reviewedId, "stars", 5));
    call("addReview", args("bookId", reviewedId, "stars", 3));

    List<?> withAuthors = (List<?>) call("booksWithAuthors", Map.of("authorId", authorId));
    assertEquals(2, withAuthors.size());
    assertEquals(reviewed, get(withAuthors.get(0), "book"));
    assertEquals(author, get(withAuthors.get(0), "author"));
    assertEquals(unreviewed, get(withAuthors.get(1), "book"));
    assertEquals(author, get(withAuthors.get(1), "author"));

    List<?> withReviews = (List<?>) call("booksWithReviews", Map.of("authorId", authorId));
    assertEquals(3, withReviews.size(), withReviews.toString());
    assertEquals(reviewed, get(withReviews.get(0), "book"));
    assertEquals(
        List.of(reviewedId, 5),
        List.of(
            get(get(withReviews.get(0), "review"), "bookId"),
            get(get(withReviews.get(0), "review"), "stars")));
    assertEquals(3, get(get(withReviews.get(1), "review"), "stars"));
    assertEquals(unreviewed, get(withReviews.get(2), "book"));
    assertNull(get(withReviews.get(2), "review"), "no review joined: the embed is null");
  }

  // jsonb operators

  @Test
  void jsonbQuestionMarkOperators() throws Exception {
    assertEquals(
        4L,
        call(
            "copyEvents",
            Map.of(
                "params",
                List.of(
                    event(300_001, "{\"a\": 1}"),
                    event(300_002, "{\"b\": 2}"),
                    event(300_003, "{\"a\": 1, \"b\": 2}"),
                    event(300_004, null)))));
    Map<String, Object> range = args("first", 300_000L, "last", 300_010L);
    assertEquals(List.of(300_001L, 300_003L), call("eventsWithKey", with(range, "key", "a")));
    assertEquals(List.of(), call("eventsWithKey", with(range, "key", "z")));
    assertEquals(
        List.of(300_002L, 300_003L),
        call("eventsWithAnyKey", with(range, "keys", List.of("b", "z"))));
    assertEquals(
        List.of(300_003L), call("eventsWithAllKeys", with(range, "keys", List.of("a", "b"))));
    assertEquals(List.of(), call("eventsWithAllKeys", with(range, "keys", List.of("a", "z"))));
  }

  // streaming

  @Test
  void streamYieldsEveryRowThroughACursorAndReleasesTheConnection() throws Exception {
    CountingSource source = new CountingSource();
    Object counted = generated.repository("CommandsQueries", source);
    int rows = 2_500;
    try (Stream<?> stream =
        (Stream<?>) GeneratedRepository.call(counted, "streamNumbers", Map.of("count", rows))) {
      assertEquals(1, source.acquired.get());
      assertEquals(0, source.released.get(), "the open stream holds its connection");
      assertFalse(
          source.last.getAutoCommit(), "the driver only uses a cursor inside a transaction");
      Iterator<?> iterator = stream.iterator();
      assertEquals(1, iterator.next());
      // After the first row, the rest waits in a named portal on the server, read FETCH_SIZE
      // rows at a time: without a fetch size the driver reads every row at once and keeps none.
      assertEquals(
          List.of("SELECT n FROM generate_series(1, $1::int) AS n"), openCursors(source.last));
      List<Object> read = new ArrayList<>(List.of(1));
      iterator.forEachRemaining(read::add);
      assertEquals(IntStream.rangeClosed(1, rows).boxed().toList(), read);
    }
    assertEquals(1, source.released.get());
    assertEquals(List.of(), source.problems);

    // Closed before the end: released all the same.
    try (Stream<?> stream =
        (Stream<?>) GeneratedRepository.call(counted, "streamNumbers", Map.of("count", rows))) {
      assertEquals(List.of(1, 2, 3), stream.limit(3).toList());
    }
    assertEquals(2, source.acquired.get());
    assertEquals(2, source.released.get());
    assertEquals(List.of(), source.problems);
  }

  @Test
  void streamInTheCallersTransactionLeavesItOpen() throws Exception {
    String name = "Uncommitted " + System.nanoTime();
    try (Connection connection = generated.connect()) {
      connection.setAutoCommit(false);
      Object inTransaction =
          generated.repository("CommandsQueries", ConnectionSource.of(connection));
      Object author =
          GeneratedRepository.call(inTransaction, "createAuthor", args("name", name, "bio", null));
      try (Stream<?> stream =
          (Stream<?>) GeneratedRepository.call(inTransaction, "streamAuthors", Map.of())) {
        assertTrue(stream.toList().contains(author), "the stream sees the transaction's own row");
      }
      assertFalse(connection.getAutoCommit(), "the caller's transaction is still open");
      assertEquals(
          0L,
          scalar("SELECT count(*) FROM authors WHERE name = '" + name + "'"),
          "nothing was committed");
      connection.rollback();
    }
    assertEquals(0L, scalar("SELECT count(*) FROM authors WHERE name = '" + name + "'"));
  }

  /**
   * The statements of the cursors (portals) open on {@code connection}'s session, other than the
   * unnamed one this query itself runs in.
   */
  private static List<String> openCursors(Connection connection) throws SQLException {
    List<String> statements = new ArrayList<>();
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT statement FROM pg_cursors WHERE name <> ''");
        ResultSet cursors = statement.executeQuery()) {
      while (cursors.next()) {
        statements.add(cursors.getString(1));
      }
    }
    return statements;
  }

  /** Counts connections handed out and back, and checks each comes back in autocommit mode. */
  private static final class CountingSource implements ConnectionSource {
    final AtomicInteger acquired = new AtomicInteger();
    final AtomicInteger released = new AtomicInteger();
    final List<String> problems = new ArrayList<>();
    Connection last;

    @Override
    public Connection acquire() throws SQLException {
      acquired.incrementAndGet();
      last = generated.connect();
      return last;
    }

    @Override
    public void release(Connection connection) throws SQLException {
      released.incrementAndGet();
      try {
        if (!connection.getAutoCommit()) {
          problems.add("released with autocommit off");
        }
      } finally {
        connection.close();
      }
    }
  }

  // helpers

  private static Object call(String name, Map<String, ?> arguments) throws Exception {
    return GeneratedRepository.call(repository, name, arguments);
  }

  /** A map that, unlike Map.of, takes null values. */
  private static Map<String, Object> args(Object... namesAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  private static Map<String, Object> with(Map<String, Object> map, String name, Object value) {
    Map<String, Object> copy = new HashMap<>(map);
    copy.put(name, value);
    return copy;
  }

  private static Object get(Object record, String component) {
    try {
      return record.getClass().getMethod(component).invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object newRecord(String className, Object... values) throws Exception {
    Class<?> type = generated.classes.loadClass(PACKAGE + className);
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    return type.getDeclaredConstructor(types).newInstance(values);
  }

  private static Object status(String label) throws Exception {
    return generated
        .classes
        .loadClass(PACKAGE + "Status")
        .getMethod("fromLabel", String.class)
        .invoke(null, label);
  }

  private static Object createAuthor(String name, String bio) throws Exception {
    Object author = call("createAuthor", args("name", name + " " + System.nanoTime(), "bio", bio));
    assertTrue(((String) get(author, "name")).startsWith(name));
    return author;
  }

  private static long authorId(String name) throws Exception {
    return (long) get(createAuthor(name, null), "id");
  }

  private static Object createBook(
      long author, String title, Object status, List<String> tags, String isbn, Integer pages)
      throws Exception {
    Object params =
        newRecord("CommandsQueries$CreateBookParams", author, title, status, tags, isbn, pages);
    return call("createBook", Map.of("params", params));
  }

  private static Object addBooks(long author, String title, Integer pages) throws Exception {
    return newRecord("CommandsQueries$AddBooksParams", author, title, pages);
  }

  private static List<?> titles(List<?> rows) {
    return rows.stream().map(r -> get(r, "title")).toList();
  }

  private static List<?> ids(Object rows) {
    return ((List<?>) rows).stream().map(r -> get(r, "id")).toList();
  }

  private static long scalar(String sql) throws SQLException {
    try (Connection connection = generated.connect();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      assertTrue(rows.next());
      return rows.getLong(1);
    }
  }

  /** An event with only a payload set. */
  private static Object event(long id, String payload) throws Exception {
    return newRecord(
        "CommandsQueries$CopyEventsParams",
        id,
        null,
        null,
        null,
        null,
        payload,
        null,
        null,
        null,
        null);
  }

  /**
   * Event {@code id}, with values that vary with it over every case COPY's text format has to
   * escape.
   */
  private static Object trickyEvent(long id) throws Exception {
    int k = (int) (id % 7);
    String[] notes = {
      "plain",
      "",
      null,
      "\\N",
      "tab\there\nnew line\r\nback\\slash",
      "naïve 😀 \"quoted\", 'single'",
      "NULL"
    };
    List<List<String>> labels =
        Arrays.asList(
            Arrays.asList(
                "a", "b,c", "d\"e", "{f}", null, "NULL", "", "back\\slash", "tab\tand\nline"),
            List.of(),
            null,
            Arrays.asList((String) null),
            List.of("x"),
            List.of(" spaced "),
            List.of("\\N"));
    List<List<List<Integer>>> matrices =
        Arrays.asList(
            List.of(List.of(1, 2), List.of(3, 4)),
            Arrays.asList(Arrays.asList(1, null), Arrays.asList(null, 4)),
            null,
            List.of(),
            List.of(List.of((int) id)),
            List.of(List.of(-1, 0, 1)),
            List.of(List.of(Integer.MAX_VALUE), List.of(Integer.MIN_VALUE)));
    String[] statuses = {
      "draft", "in review", "published", null, "in review", "draft", "published"
    };
    String[] payloads = {
      "{\"a\": 1}",
      "{\"k\": \"tab\\tnew\\nline \\\\ \\\"q\\\"\"}",
      null,
      "[]",
      "{\"n\": null}",
      "\"text\"",
      "[1, \"two\", {\"three\": [3]}]"
    };
    byte[][] data = {
      {},
      {0, 1, 0x5c, (byte) 0xff},
      null,
      {9},
      {(byte) 0x80, 0x0a, 0x09},
      "\\N".getBytes(java.nio.charset.StandardCharsets.UTF_8),
      {0}
    };
    Object[] places = {
      newRecord("Address", "Main St, \"2\" (back) \\ tab\there", 12345),
      newRecord("Address", "", null),
      null,
      newRecord("Address", null, 1),
      newRecord("Address", "new\nline", -5),
      newRecord("Address", "NULL", 0),
      newRecord("Address", "()", 7)
    };
    OffsetDateTime happened =
        k == 2
            ? null
            : OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))
                .plusSeconds(id)
                .plusNanos(123_456_000L * k % 1_000_000_000 / 1000 * 1000);
    LocalDateTime local =
        k == 3 ? null : LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000).plusMinutes(id);
    return newRecord(
        "CommandsQueries$CopyEventsParams",
        id,
        notes[k],
        labels.get(k),
        matrices.get(k),
        statuses[k] == null ? null : status(statuses[k]),
        payloads[k],
        data[k],
        happened,
        local,
        places[k]);
  }

  /**
   * Every component of the copied parameters equals the read row's; byte arrays by content, times
   * by instant.
   */
  private static void assertSameEvent(Object written, Object read) {
    for (RecordComponent component : written.getClass().getRecordComponents()) {
      String name = component.getName();
      Object want = get(written, name);
      Object got = get(read, name);
      if (want instanceof byte[] bytes) {
        assertArrayEquals(bytes, (byte[]) got, name + " of event " + get(written, "id"));
      } else if (want instanceof OffsetDateTime time) {
        assertTrue(
            got instanceof OffsetDateTime t && t.isEqual(time),
            name + " of event " + get(written, "id") + ": wrote " + want + ", read " + got);
      } else {
        assertEquals(want, got, name + " of event " + get(written, "id"));
      }
    }
  }
}
