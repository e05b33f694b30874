package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Given;
import dev.quarry.runtime.QueryRunner;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Optional blocks and run-time sorting end to end: the {@code dynamic} case is compiled with
 * Quarry, its migration applied to embedded PostgreSQL, and its generated methods run with blocks
 * on and off and every sort order; the SQL each call sent is captured by a listener. Then, on
 * 20,000 analysed rows and under {@code plan_cache_mode = force_generic_plan}, EXPLAIN shows the
 * index used for the statement of an active block, and not for the {@code (@x IS NULL OR col = @x)}
 * workaround.
 */
class DynamicQueriesEndToEndTest {
  private static final OffsetDateTime JAN =
      OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

  private static GeneratedRepository generated;
  private static Object repository;
  private static final List<String> sent = new ArrayList<>();

  @BeforeAll
  static void compileMigrateAndFill() throws Exception {
    generated = new GeneratedRepository(CompileCaseTest.CASES.resolve("dynamic"));
    ConnectionSource connections =
        new ConnectionSource() {
          @Override
          public Connection acquire() throws SQLException {
            return generated.connect();
          }

          @Override
          public void release(Connection connection) throws SQLException {
            connection.close();
          }
        };
    repository =
        generated
            .classes
            .loadClass(CompileCaseTest.PACKAGE + ".PostsQueries")
            .getConstructor(QueryRunner.class)
            .newInstance(new QueryRunner(connections, event -> sent.add(event.query().sql())));
    try (Connection connection = generated.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO authors VALUES (1, 'Ann'), (2, 'Bob')");
      statement.execute(
          "INSERT INTO posts (id, author_id, title, published_at, created_at) VALUES"
              + " (1, 1, 'Alpha tips', '2026-01-02T00:00:00Z', '2026-01-05T00:00:00Z'),"
              + " (2, 1, 'Beta notes', NULL, '2026-01-04T00:00:00Z'),"
              + " (3, 2, 'Gamma TIPS', '2026-01-03T00:00:00Z', '2026-01-03T00:00:00Z'),"
              + " (4, 2, 'Delta', NULL, '2026-01-06T00:00:00Z')");
      statement.execute(
          "INSERT INTO post_tags VALUES (1, 'java'), (3, 'java'), (3, 'sql'), (4, 'sql')");
    }
  }

  @AfterAll
  static void stop() {
    if (generated != null) {
      generated.close();
    }
  }

  @Test
  void everyBlockFiltersOnlyWhenGiven() throws Exception {
    assertEquals(List.of(3L, 2L, 1L, 4L), listPosts(filter(), "CREATED_AT_ASC", 10));
    assertEquals(List.of(2L, 1L), listPosts(filter("withAuthor", 1L), "CREATED_AT_ASC", 10));
    assertEquals(List.of(3L, 1L), listPosts(filter("withTag", "java"), "CREATED_AT_ASC", 10));
    assertEquals(List.of(3L, 1L), listPosts(filter("withPublished", true), "CREATED_AT_ASC", 10));
    assertEquals(List.of(2L, 4L), listPosts(filter("withPublished", false), "CREATED_AT_ASC", 10));
    assertEquals(List.of(3L, 1L), listPosts(filter("withSearch", "tips"), "CREATED_AT_ASC", 10));
    Object both = invoke(filter("withTag", "sql"), "withAuthor", 2L);
    assertEquals(List.of(3L, 4L), listPosts(both, "CREATED_AT_ASC", 10));
    Object all =
        invoke(
            invoke(invoke(both, "withPublished", true), "withSearch", "GAMMA"), "withTag", "sql");
    assertEquals(List.of(3L), listPosts(all, "TITLE_ASC", 10));
    // The statement sent holds the active blocks only, without markers.
    String last = sent.get(sent.size() - 1);
    assertTrue(last.contains("JOIN post_tags t"), last);
    assertTrue(last.contains("p.author_id = ?") && last.contains("ILIKE"), last);
    assertFalse(last.contains("/*["), last);
    assertEquals(List.of(), listPosts(filter("withTag", "nope"), "TITLE_ASC", 10));
    listPosts(filter(), "TITLE_DESC", 10);
    String plain = sent.get(sent.size() - 1);
    assertFalse(plain.contains("post_tags") || plain.contains("ILIKE"), plain);
    assertTrue(plain.contains("ORDER BY p.title DESC, p.id DESC"), plain);
  }

  @Test
  void theCallerChoosesTheOrderAndTheQuerysOwnOrderBreaksTies() throws Exception {
    assertEquals(List.of(1L, 2L, 4L, 3L), listPosts(filter(), "TITLE_ASC", 10));
    assertEquals(List.of(3L, 4L, 2L, 1L), listPosts(filter(), "TITLE_DESC", 10));
    assertEquals(List.of(3L, 2L, 1L, 4L), listPosts(filter(), "CREATED_AT_ASC", 10));
    assertEquals(List.of(4L, 1L), listPosts(filter(), "CREATED_AT_DESC", 2));
    assertEquals(
        List.of("Delta", "Alpha tips", "Beta notes", "Gamma TIPS"),
        call("latestTitles", Map.of("sort", sort("LatestTitlesSort", "CREATED_AT_DESC"))));
    assertThrows(
        NullPointerException.class,
        () -> call("latestTitles", nullArgument("sort")),
        "a sort is always chosen");
  }

  @Test
  void absentLeavesTheBlockOutWhileNullKeepsItAndBindsNull() throws Exception {
    Object absent = staticCall("NullableFilterFilter", "none");
    assertEquals(List.of(1L, 2L, 3L, 4L), call("nullableFilter", Map.of("filter", absent)));
    Object isNull = invoke(absent, "withPublishedAt", (Object) null);
    assertEquals(List.of(2L, 4L), call("nullableFilter", Map.of("filter", isNull)));
    Object value = invoke(absent, "withPublishedAt", OffsetDateTime.parse("2026-01-03T00:00:00Z"));
    assertEquals(List.of(3L), call("nullableFilter", Map.of("filter", value)));
    // A parameter that does not accept NULL rejects it before any statement runs.
    int before = sent.size();
    assertThrows(NullPointerException.class, () -> invoke(filter(), "withTag", (Object) null));
    Class<?> type = type("ListPostsFilter");
    InvocationTargetException rejected =
        assertThrows(
            InvocationTargetException.class,
            () ->
                type.getConstructors()[0].newInstance(
                    Given.of(null), Given.absent(), Given.absent(), Given.absent()));
    assertTrue(rejected.getCause().getMessage().startsWith("tag does not accept NULL"));
    assertEquals(before, sent.size());
  }

  @Test
  void sqlcSpellingsAndSlicesWorkInsideBlocks() throws Exception {
    Object none = staticCall("PostsByIdsOrTitleFilter", "none");
    assertEquals(List.of(1L, 2L, 3L, 4L), call("postsByIdsOrTitle", Map.of("filter", none)));
    List<Long> ids = new ArrayList<>(List.of(2L, 3L));
    Object some = invoke(none, "withIds", ids);
    ids.add(4L);
    assertEquals(
        List.of(2L, 3L),
        call("postsByIdsOrTitle", Map.of("filter", some)),
        "the filter holds a copy of the list");
    assertEquals(
        List.of(4L),
        call(
            "postsByIdsOrTitle",
            Map.of("filter", invoke(invoke(none, "withTitle", "Delta"), "withIds", ids))));
  }

  @Test
  void oneAndExecRowsTakeFiltersToo() throws Exception {
    Object none = staticCall("CountPostsFilter", "none");
    assertEquals(4L, call("countPosts", Map.of("filter", none)));
    assertEquals(2L, call("countPosts", Map.of("filter", invoke(none, "withAuthor", 2L))));
    Object since = invoke(none, "withPublishedSince", JAN.plusDays(1).plusHours(12));
    assertEquals(1L, call("countPosts", Map.of("filter", since)));
    assertEquals(
        0L, call("countPosts", Map.of("filter", invoke(since, "withAuthor", 1L))), "both blocks");
    Object archive = staticCall("ArchivePostsFilter", "none");
    try (Connection connection = generated.connect()) {
      connection.setAutoCommit(false);
      Object scoped =
          generated
              .classes
              .loadClass(CompileCaseTest.PACKAGE + ".PostsQueries")
              .getConstructor(Connection.class)
              .newInstance(connection);
      assertEquals(
          2L,
          GeneratedRepository.call(
              scoped, "archivePosts", Map.of("filter", invoke(archive, "withAuthor", 1L))));
      assertEquals(4L, GeneratedRepository.call(scoped, "archivePosts", Map.of("filter", archive)));
      connection.rollback();
    }
  }

  /**
   * The point of blocks over {@code (@x IS NULL OR col = @x)}: with a generic plan, the statement
   * of an active block uses the index on {@code posts.author_id}, the workaround cannot.
   */
  @Test
  void anActiveBlockUsesTheIndexUnderAGenericPlanWhereIsNullOrDoesNot() throws Exception {
    Object filter = invoke(staticCall("CountPostsFilter", "none"), "withAuthor", 7L);
    call("countPosts", Map.of("filter", filter));
    String generatedSql = sent.get(sent.size() - 1);
    assertTrue(generatedSql.contains("p.author_id = ?"), generatedSql);
    assertFalse(generatedSql.contains("published_at"), generatedSql);
    String workaround =
        "SELECT count(*) AS total FROM posts p WHERE true"
            + " AND (?::bigint IS NULL OR p.author_id = ?)"
            + " AND (?::timestamptz IS NULL OR p.published_at >= ?)";
    try (Connection connection = generated.connect();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute(
          "INSERT INTO authors SELECT g, 'author ' || g FROM generate_series(3, 402) g");
      statement.execute(
          "INSERT INTO posts (id, author_id, title, published_at) SELECT 100 + g, 3 + g % 400,"
              + " 'post ' || g,"
              + " now() FROM generate_series(1, 20000) g");
      statement.execute("ANALYZE posts");
      assertTrue(count(connection, "SELECT count(*) FROM posts") >= 10_000);
      statement.execute("SET plan_cache_mode = force_generic_plan");
      String blockPlan = explain(connection, generatedSql, 1, 7L);
      String orPlan = explain(connection, workaround, 4, 7L, 7L, null, null);
      assertTrue(blockPlan.contains("posts_author_id"), "the block's plan:\n" + blockPlan);
      assertFalse(orPlan.contains("posts_author_id"), "the IS NULL OR plan:\n" + orPlan);
      assertTrue(orPlan.contains("Seq Scan"), "the IS NULL OR plan:\n" + orPlan);
      connection.rollback();
    }
  }

  /** The generic plan of {@code sql}, prepared with {@code n} parameters and run with these. */
  private static String explain(Connection connection, String sql, int n, Object... values)
      throws SQLException {
    StringBuilder numbered = new StringBuilder();
    int next = 1;
    for (char c : sql.toCharArray()) {
      numbered.append(c == '?' ? "$" + next++ : String.valueOf(c));
    }
    assertEquals(n + 1, next, sql);
    try (Statement statement = connection.createStatement()) {
      statement.execute("DEALLOCATE ALL");
      statement.execute("PREPARE plan_check AS " + numbered);
      StringBuilder arguments = new StringBuilder();
      for (int i = 0; i < values.length; i++) {
        arguments.append(i == 0 ? "" : ", ").append(values[i] == null ? "NULL" : values[i]);
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rows =
          statement.executeQuery("EXPLAIN EXECUTE plan_check(" + arguments + ")")) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Long> listPosts(Object filter, String sort, long maxRows) throws Exception {
    List<?> rows =
        (List<?>)
            call(
                "listPosts",
                Map.of("filter", filter, "sort", sort("ListPostsSort", sort), "maxRows", maxRows));
    List<Long> ids = new ArrayList<>();
    for (Object row : rows) {
      ids.add((Long) row.getClass().getMethod("id").invoke(row));
    }
    return ids;
  }

  private static Object filter(Object... withers) throws Exception {
    Object filter = staticCall("ListPostsFilter", "none");
    for (int i = 0; i < withers.length; i += 2) {
      filter = invoke(filter, (String) withers[i], withers[i + 1]);
    }
    return filter;
  }

  private static Object invoke(Object target, String method, Object argument) throws Exception {
    for (var candidate : target.getClass().getMethods()) {
      if (candidate.getName().equals(method) && candidate.getParameterCount() == 1) {
        try {
          return candidate.invoke(target, argument);
        } catch (InvocationTargetException e) {
          if (e.getCause() instanceof Exception cause) {
            throw cause;
          }
          throw e;
        }
      }
    }
    throw new AssertionError("no method " + method);
  }

  private static Class<?> type(String nested) throws ClassNotFoundException {
    return generated.classes.loadClass(CompileCaseTest.PACKAGE + ".PostsQueries$" + nested);
  }

  private static Object staticCall(String nested, String method) throws Exception {
    return type(nested).getMethod(method).invoke(null);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object sort(String nested, String constant) throws Exception {
    return Enum.valueOf((Class) type(nested), constant);
  }

  private static Object call(String name, Map<String, ?> arguments) throws Exception {
    return GeneratedRepository.call(repository, name, arguments);
  }

  private static Map<String, Object> nullArgument(String name) {
    Map<String, Object> map = new HashMap<>();
    map.put(name, null);
    return map;
  }
}
