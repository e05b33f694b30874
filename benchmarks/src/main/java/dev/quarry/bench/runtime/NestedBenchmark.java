package dev.quarry.bench.runtime;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import dev.quarry.bench.BenchDatabase;
import dev.quarry.bench.Workload.Comment;
import dev.quarry.bench.Workload.PostWithComments;
import dev.quarry.bench.db.PostsQueries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One-to-many results: all 10,000 posts, each with its 10 comments, read three ways on one
 * connection:
 *
 * <ul>
 *   <li>{@code quarryNested}: the generated {@code PostsQueries.postsWithComments()}, whose
 *       comments column is {@code ARRAY(SELECT c FROM comments c ...)}, read as a list of the
 *       generated {@code Comment} record (runtime {@code PgRows});
 *   <li>{@code jdbcGrouping}: hand-written JDBC over the flat join, grouping consecutive rows of a
 *       post into its list, the usual way to do it by hand;
 *   <li>{@code jooqMultiset}: jOOQ's {@code MULTISET} (emulated with JSONB on PostgreSQL) mapped
 *       with {@link Records#mapping}.
 * </ul>
 *
 * <p>Each maps to records of the same shape. The setup checks that all three read the same posts
 * and comments. Not part of {@link Rounds}; run it alone, e.g. {@code java -cp
 * benchmarks/target/benchmarks.jar org.openjdk.jmh.Main NestedBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class NestedBenchmark {
  static final String FLAT_JOIN =
      "SELECT p.id, p.title, p.created_at,"
          + " c.id, c.post_id, c.author, c.body, c.rating, c.created_at"
          + " FROM posts p LEFT JOIN comments c ON c.post_id = p.id"
          + " ORDER BY p.id, c.id";

  private static final Table<?> P = table(name("posts")).as("p");
  private static final Field<Long> P_ID = field(name("p", "id"), SQLDataType.BIGINT);
  private static final Field<String> P_TITLE = field(name("p", "title"), SQLDataType.CLOB);
  private static final Field<OffsetDateTime> P_CREATED_AT =
      field(name("p", "created_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
  private static final Table<?> C = table(name("comments")).as("c");
  private static final Field<Long> C_ID = field(name("c", "id"), SQLDataType.BIGINT);
  private static final Field<Long> C_POST_ID = field(name("c", "post_id"), SQLDataType.BIGINT);
  private static final Field<String> C_AUTHOR = field(name("c", "author"), SQLDataType.CLOB);
  private static final Field<String> C_BODY = field(name("c", "body"), SQLDataType.CLOB);
  private static final Field<Short> C_RATING = field(name("c", "rating"), SQLDataType.SMALLINT);
  private static final Field<OffsetDateTime> C_CREATED_AT =
      field(name("c", "created_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

  static {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }

  private BenchDatabase database;
  private Connection connection;
  private PostsQueries quarry;
  private DSLContext jooq;

  @Setup(Level.Trial)
  public void open() throws Exception {
    database = BenchDatabase.create();
    System.out.println("# database: " + database.description());
    connection = database.connect();
    quarry = new PostsQueries(connection);
    jooq = DSL.using(connection, SQLDialect.POSTGRES);
    // How jOOQ emulates MULTISET on PostgreSQL (JSON, JSONB or XML), for the record.
    System.out.println("# jOOQ SQL: " + jooqQuery().getSQL());
    check();
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    connection.close();
    database.close();
  }

  /** All three read the same posts and comments, or the comparison means nothing. */
  void check() throws SQLException {
    List<PostWithComments> hand = jdbcGrouping();
    if (hand.size() != BenchDatabase.POSTS
        || hand.stream().anyMatch(p -> p.comments().size() != BenchDatabase.COMMENTS_PER_POST)) {
      throw new IllegalStateException("the flat join did not give 10 comments for every post");
    }
    List<PostWithComments> generated = new ArrayList<>();
    for (var row : quarryNested()) {
      List<Comment> comments = new ArrayList<>();
      for (var c : row.comments()) {
        comments.add(
            new Comment(c.id(), c.postId(), c.author(), c.body(), c.rating(), c.createdAt()));
      }
      generated.add(new PostWithComments(row.id(), row.title(), row.createdAt(), comments));
    }
    compare("Quarry", hand, generated);
    compare("jOOQ", hand, jooqMultiset());
  }

  private static void compare(
      String who, List<PostWithComments> expected, List<PostWithComments> actual) {
    for (int i = 0; i < expected.size(); i++) {
      PostWithComments e = expected.get(i);
      PostWithComments a = actual.get(i);
      boolean same =
          e.id() == a.id()
              && e.title().equals(a.title())
              && e.createdAt().isEqual(a.createdAt())
              && e.comments().size() == a.comments().size();
      for (int j = 0; same && j < e.comments().size(); j++) {
        Comment x = e.comments().get(j);
        Comment y = a.comments().get(j);
        same =
            x.id() == y.id()
                && x.body().equals(y.body())
                && x.author().equals(y.author())
                && java.util.Objects.equals(x.rating(), y.rating())
                && x.createdAt().isEqual(y.createdAt());
      }
      if (!same || expected.size() != actual.size()) {
        throw new IllegalStateException(who + " read post " + e.id() + " differently: " + a);
      }
    }
  }

  @Benchmark
  public List<PostsQueries.PostsWithCommentsRow> quarryNested() {
    return quarry.postsWithComments();
  }

  @Benchmark
  public List<PostWithComments> jdbcGrouping() throws SQLException {
    List<PostWithComments> posts = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(FLAT_JOIN);
        ResultSet rows = statement.executeQuery()) {
      long current = 0;
      List<Comment> comments = null;
      while (rows.next()) {
        long id = rows.getLong(1);
        if (comments == null || id != current) {
          comments = new ArrayList<>();
          posts.add(
              new PostWithComments(
                  id, rows.getString(2), rows.getObject(3, OffsetDateTime.class), comments));
          current = id;
        }
        long commentId = rows.getLong(4);
        if (!rows.wasNull()) {
          short rating = rows.getShort(8);
          Short nullableRating = rows.wasNull() ? null : rating;
          comments.add(
              new Comment(
                  commentId,
                  rows.getLong(5),
                  rows.getString(6),
                  rows.getString(7),
                  nullableRating,
                  rows.getObject(9, OffsetDateTime.class)));
        }
      }
    }
    return posts;
  }

  @Benchmark
  public List<PostWithComments> jooqMultiset() {
    return jooqQuery().fetch(Records.mapping(PostWithComments::new));
  }

  private org.jooq.SelectSeekStep1<
          org.jooq.Record4<Long, String, OffsetDateTime, List<Comment>>, Long>
      jooqQuery() {
    return jooq.select(
            P_ID,
            P_TITLE,
            P_CREATED_AT,
            multiset(
                    select(C_ID, C_POST_ID, C_AUTHOR, C_BODY, C_RATING, C_CREATED_AT)
                        .from(C)
                        .where(C_POST_ID.eq(P_ID))
                        .orderBy(C_ID))
                .convertFrom(r -> r.map(Records.mapping(Comment::new))))
        .from(P)
        .orderBy(P_ID);
  }
}
