package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One-to-many results and nullable embeds end to end: the {@code nested-results} and {@code
 * nullable-embeds} cases are compiled with Quarry, their migrations applied to embedded PostgreSQL,
 * and the generated methods read lists of rows (one and two levels deep, with values that need
 * quoting and escaping in PostgreSQL's record text) and embeds on every side of outer joins.
 */
class NestedResultsEndToEndTest {
  private static GeneratedRepository nested;
  private static GeneratedRepository embeds;
  private static Object posts;
  private static Object shop;

  /** Values that PostgreSQL's array and record text must quote or escape. */
  private static final String AWKWARD = "He said \"hi\", (really) \\o/ {x} ü€😀";

  @BeforeAll
  static void compileAndMigrate() throws Exception {
    nested = new GeneratedRepository(CompileCaseTest.CASES.resolve("nested-results"));
    posts = nested.repository("PostsQueries");
    embeds = new GeneratedRepository(CompileCaseTest.CASES.resolve("nullable-embeds"));
    shop = embeds.repository("ShopQueries");
    try (Connection connection = nested.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          """
          INSERT INTO posts (title) VALUES ('first'), ('empty'), ('third');
          INSERT INTO comments (post_id, body, rating, created_at) VALUES
            (1, 'plain', 5, '2024-01-02 03:04:05+00'),
            (1, E'He said "hi", (really) \\\\o/ {x} ü€😀', NULL, '2024-01-02 03:04:06+00'),
            (1, '', 1, '2024-01-02 03:04:07+00'),
            (3, 'NULL', NULL, '2024-01-02 03:04:08+00');
          INSERT INTO reactions (comment_id, mood, note, tags) VALUES
            (1, 'happy', NULL, ARRAY['a b', 'c,d', NULL, E'q"\\\\', 'NULL', '']),
            (1, 'sad', E'"quoted", (x)', NULL), (2, 'happy', '', '{}');
          """);
    }
    try (Connection connection = embeds.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          """
          INSERT INTO customers (name) VALUES ('Ann'), ('Bob');
          INSERT INTO orders (customer_id, total) VALUES (1, 10.00), (NULL, 20.00);
          INSERT INTO shipments (order_id, carrier) VALUES (1, NULL);
          INSERT INTO notes (order_id, text) VALUES (1, 'first'), (99, NULL);
          INSERT INTO labels (order_id, label) VALUES (1, 'gift'), (2, NULL);
          """);
    }
  }

  @AfterAll
  static void stop() {
    if (nested != null) {
      nested.close();
    }
    if (embeds != null) {
      embeds.close();
    }
  }

  @Test
  void eachPostHoldsItsCommentsAsRecordsWithTheTablesNullability() throws Exception {
    List<?> rows = (List<?>) call(posts, "postsWithComments", Map.of());
    assertEquals(3, rows.size());
    List<?> first = (List<?>) get(rows.get(0), "comments");
    assertEquals(3, first.size());
    assertEquals("plain", get(first.get(0), "body"));
    assertEquals((short) 5, get(first.get(0), "rating"));
    assertEquals(AWKWARD, get(first.get(1), "body"));
    assertNull(get(first.get(1), "rating"), "NULL stays null");
    assertEquals("", get(first.get(2), "body"), "an empty string is not NULL");
    assertEquals(
        java.time.OffsetDateTime.parse("2024-01-02T03:04:07Z").toInstant(),
        ((java.time.OffsetDateTime) get(first.get(2), "createdAt")).toInstant());
    assertEquals(List.of(), get(rows.get(1), "comments"), "no comments: an empty list");
    List<?> third = (List<?>) get(rows.get(2), "comments");
    assertEquals("NULL", get(third.get(0), "body"), "the text NULL is not SQL NULL");
    assertEquals(3L, get(third.get(0), "postId"));
  }

  @Test
  void timestampsInNestedRowsReadInUtcWhateverTheSessionTimeZone() throws Exception {
    Object kolkata =
        nested.repository(
            "PostsQueries",
            new dev.quarry.runtime.ConnectionSource() {
              @Override
              public Connection acquire() throws java.sql.SQLException {
                Connection connection = nested.connect();
                try (Statement statement = connection.createStatement()) {
                  statement.execute("SET TIME ZONE 'Asia/Kolkata'");
                }
                return connection;
              }

              @Override
              public void release(Connection connection) throws java.sql.SQLException {
                connection.close();
              }
            });
    List<?> rows = (List<?>) call(kolkata, "postsWithComments", Map.of());
    Object comment = ((List<?>) get(rows.get(0), "comments")).get(2);
    assertEquals(
        java.time.OffsetDateTime.parse("2024-01-02T03:04:07Z"),
        get(comment, "createdAt"),
        "the same instant, in UTC, as a top-level timestamptz column reads");
  }

  /**
   * Once the driver prepares a statement on the server (here at once: {@code prepareThreshold} -1),
   * lists of rows arrive in PostgreSQL's binary format, which PgRows reads to the same values.
   */
  @Test
  void theBinaryFormatReadsTheSameValuesAsText() throws Exception {
    Object binary =
        nested.repository(
            "PostsQueries",
            new dev.quarry.runtime.ConnectionSource() {
              @Override
              public Connection acquire() throws java.sql.SQLException {
                Connection connection = nested.connect();
                connection.unwrap(org.postgresql.PGConnection.class).setPrepareThreshold(-1);
                return connection;
              }

              @Override
              public void release(Connection connection) throws java.sql.SQLException {
                connection.close();
              }
            });
    for (String query :
        List.of(
            "postsWithComments",
            "postThreads",
            "postsWithCommentsLeftJoin",
            "threads",
            "threadsWithPost")) {
      assertEquals(call(posts, query, Map.of()), call(binary, query, Map.of()), query);
    }
    assertEquals(
        call(posts, "commentsOfPost", Map.of("postId", 1L)),
        call(binary, "commentsOfPost", Map.of("postId", 1L)));
    // The generated code asked for binary, so the column came in it.
    try (Connection connection = nested.connect()) {
      connection.unwrap(org.postgresql.PGConnection.class).setPrepareThreshold(-1);
      try (java.sql.PreparedStatement statement =
          connection.prepareStatement(
              "SELECT ARRAY(SELECT c FROM comments c ORDER BY c.id) AS comments")) {
        dev.quarry.runtime.PgRows.receiveBinary(statement, "_comments");
        try (java.sql.ResultSet rows = statement.executeQuery()) {
          rows.next();
          assertEquals(0, rows.getBytes(1)[0], "array_send's first byte, not '{'");
        }
      }
    }
  }

  @Test
  void arrayAggWithFilterAndOverALeftJoinGiveEmptyListsForNoChildren() throws Exception {
    Object one = ((Optional<?>) call(posts, "postWithCommentsAgg", Map.of("id", 1L))).orElseThrow();
    assertEquals(3, ((List<?>) get(one, "comments")).size());
    Object empty =
        ((Optional<?>) call(posts, "postWithCommentsAgg", Map.of("id", 2L))).orElseThrow();
    assertEquals(List.of(), get(empty, "comments"), "array_agg over no rows is NULL: empty");
    List<?> rows = (List<?>) call(posts, "postsWithCommentsLeftJoin", Map.of());
    assertEquals(3, ((List<?>) get(rows.get(0), "comments")).size());
    assertEquals(List.of(), get(rows.get(1), "comments"), "{NULL} from the LEFT JOIN: empty");
    assertEquals(1, ((List<?>) get(rows.get(2), "comments")).size());
  }

  @Test
  void postsCommentsAndReactionsNestTwoLevelsThroughAView() throws Exception {
    List<?> rows = (List<?>) call(posts, "postThreads", Map.of());
    assertEquals("first", get(get(rows.get(0), "post"), "title"));
    List<?> threads = (List<?>) get(rows.get(0), "threads");
    assertEquals(3, threads.size());
    List<?> reactions = (List<?>) get(threads.get(0), "reactions");
    assertEquals(2, reactions.size());
    assertEquals("HAPPY", get(reactions.get(0), "mood").toString());
    assertNull(get(reactions.get(0), "note"));
    assertEquals(
        java.util.Arrays.asList("a b", "c,d", null, "q\"\\", "NULL", ""),
        get(reactions.get(0), "tags"),
        "a text[] inside a row inside a row");
    assertNull(get(reactions.get(1), "tags"));
    assertEquals("\"quoted\", (x)", get(reactions.get(1), "note"));
    assertEquals(AWKWARD, get(threads.get(1), "body"));
    List<?> second = (List<?>) get(threads.get(1), "reactions");
    assertEquals("", get(second.get(0), "note"));
    assertEquals(List.of(), get(threads.get(2), "reactions"));
    assertEquals(List.of(), get(rows.get(1), "threads"));
  }

  @Test
  void aListAloneAViewsRowsReadWholeAndEmbedded() throws Exception {
    List<?> comments = (List<?>) call(posts, "commentsOfPost", Map.of("postId", 3L));
    assertEquals(1, comments.size());
    assertEquals("NULL", get(comments.get(0), "body"));
    assertEquals(List.of(), call(posts, "commentsOfPost", Map.of("postId", 2L)));
    List<?> threads = (List<?>) call(posts, "threads", Map.of());
    assertEquals(4, threads.size());
    assertEquals(2, ((List<?>) get(threads.get(0), "reactions")).size());
    List<?> embedded = (List<?>) call(posts, "threadsWithPost", Map.of());
    Object thread = get(embedded.get(1), "commentThread");
    assertEquals(AWKWARD, get(thread, "body"));
    assertEquals(1, ((List<?>) get(thread, "reactions")).size());
    assertEquals("first", get(embedded.get(1), "title"));
  }

  @Test
  void anEmbedOnTheNullExtendedSideIsNullNeverARecordOfNulls() throws Exception {
    // LEFT JOIN: order 2 has no customer.
    List<?> left = (List<?>) call(shop, "ordersWithCustomer", Map.of());
    assertEquals("Ann", get(get(left.get(0), "customer"), "name"));
    assertNull(get(left.get(1), "customer"));
    // RIGHT JOIN: Bob has no order; the left side is absent, the right side never is.
    List<?> right = (List<?>) call(shop, "customersWithOrders", Map.of());
    assertEquals(2, right.size());
    assertEquals(new BigDecimal("10.00"), get(get(right.get(0), "order"), "total"));
    assertNull(get(right.get(1), "order"));
    assertEquals("Bob", get(get(right.get(1), "customer"), "name"));
    // FULL JOIN: one row missing each side.
    List<?> full = (List<?>) call(shop, "ordersAndCustomers", Map.of());
    assertEquals(3, full.size());
    int noCustomer = 0;
    int noOrder = 0;
    for (Object row : full) {
      noCustomer += get(row, "customer") == null ? 1 : 0;
      noOrder += get(row, "order") == null ? 1 : 0;
      assertNotNull(get(row, "customer") != null ? get(row, "customer") : get(row, "order"));
    }
    assertEquals(1, noCustomer);
    assertEquals(1, noOrder);
  }

  @Test
  void chainedJoinsAndTablesWithoutAPrimaryKey() throws Exception {
    // customers LEFT JOIN orders LEFT JOIN shipments RIGHT JOIN notes: note 99 matches nothing.
    List<?> chain = (List<?>) call(shop, "orderChain", Map.of());
    assertEquals(2, chain.size());
    Object found = chain.get(0);
    assertEquals("Ann", get(get(found, "customer"), "name"));
    assertEquals(1L, get(get(found, "order"), "id"));
    Object shipment = get(found, "shipment");
    assertNotNull(shipment, "a shipment whose carrier is NULL is still there");
    assertNull(get(shipment, "carrier"));
    Object missing = chain.get(1);
    assertNull(get(missing, "customer"));
    assertNull(get(missing, "order"));
    assertNull(get(missing, "shipment"));
    assertEquals(99L, get(get(missing, "note"), "orderId"));
    assertNull(get(get(missing, "note"), "text"));
    // labels has no NOT NULL column: a row of NULLs cannot be told from an absent one.
    List<?> labels = (List<?>) call(shop, "orderLabels", Map.of());
    assertEquals("gift", get(get(labels.get(0), "label"), "label"));
    assertNull(get(labels.get(1), "label"), "order 2's only label is NULL: the join found none");
  }

  private static Object call(Object repository, String name, Map<String, ?> arguments)
      throws Exception {
    return GeneratedRepository.call(repository, name, arguments);
  }

  private static Object get(Object record, String component) throws Exception {
    return record.getClass().getMethod(component).invoke(record);
  }
}
