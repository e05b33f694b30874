package dev.quarry.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Interval;
import dev.quarry.runtime.Patch;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.Transactions;
import dev.quarry.sample.db.Comment;
import dev.quarry.sample.db.CommentsQueries;
import dev.quarry.sample.db.Post;
import dev.quarry.sample.db.PostsQueries;
import dev.quarry.sample.db.Tag;
import dev.quarry.sample.db.TagsQueries;
import dev.quarry.sample.db.Tip;
import dev.quarry.sample.db.User;
import dev.quarry.sample.db.UserRole;
import dev.quarry.sample.db.UsersQueries;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Runs every generated repository method against a real, migrated PostgreSQL database: writes,
 * reads back and checks the values, including enums, arrays, jsonb, intervals, bytea, numeric and
 * nullable columns. Subclasses say which database.
 *
 * <p>Tests do not depend on each other or on an empty database: each makes its own users with
 * unique emails and only counts rows it made.
 */
abstract class RepositoriesContract {

  /** A migrated database. */
  abstract DataSource dataSource();

  private final ObjectMapper json = new ObjectMapper();

  private static String uniqueEmail(String name) {
    return name + "-" + UUID.randomUUID() + "@example.com";
  }

  private User writer(String name) {
    return new UsersQueries(dataSource())
        .createUser(
            new UsersQueries.CreateUserParams(
                uniqueEmail(name), name, UserRole.WRITER, null, null, List.of()));
  }

  private Post draft(User author, String title) {
    return new PostsQueries(dataSource())
        .createPost(
            new PostsQueries.CreatePostParams(
                author.id(), title, "body of " + title, null, "{}", null));
  }

  @Test
  void usersRoundTrip() {
    UsersQueries users = new UsersQueries(dataSource());
    String email = uniqueEmail("ada");
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);

    User ada =
        users.createUser(
            new UsersQueries.CreateUserParams(
                email,
                "Ada",
                UserRole.ADMIN,
                "Counts things.",
                LocalDate.of(1815, 12, 10),
                List.of("https://ada.example.com", "https://example.org/ada")));
    assertTrue(ada.id() > 0);
    assertEquals(email, ada.email());
    assertEquals("Ada", ada.displayName());
    assertEquals(UserRole.ADMIN, ada.role());
    assertEquals("admin", ada.role().label());
    assertEquals(UserRole.ADMIN, UserRole.fromLabel("admin"));
    assertEquals("Counts things.", ada.bio());
    assertEquals(LocalDate.of(1815, 12, 10), ada.birthday());
    assertEquals(List.of("https://ada.example.com", "https://example.org/ada"), ada.links());
    assertNull(ada.avatar());
    assertTrue(ada.createdAt().isAfter(before));

    User minimal =
        users.createUser(
            new UsersQueries.CreateUserParams(
                uniqueEmail("min"), "Min", UserRole.READER, null, null, List.of()));
    assertNull(minimal.bio());
    assertNull(minimal.birthday());
    assertEquals(List.of(), minimal.links());

    assertEquals(email, users.getUser(ada.id()).orElseThrow().email());
    assertEquals(ada.id(), users.findUserByEmail(email).orElseThrow().id());
    assertTrue(users.getUser(-1).isEmpty());
    assertTrue(users.findUserByEmail("nobody-" + UUID.randomUUID()).isEmpty());

    QueryException duplicate =
        assertThrows(
            QueryException.class,
            () ->
                users.createUser(
                    new UsersQueries.CreateUserParams(
                        email, "Again", UserRole.READER, null, null, List.of())));
    assertEquals("23505", duplicate.sqlState());
    assertEquals("CreateUser", duplicate.queryName());

    assertEquals(1, users.changeUserRole(UserRole.WRITER, minimal.id()));
    assertEquals(0, users.changeUserRole(UserRole.WRITER, -1));
    assertEquals(UserRole.WRITER, users.getUser(minimal.id()).orElseThrow().role());
    var writers = users.listUsersByRole(UserRole.WRITER);
    assertTrue(
        writers.stream()
            .anyMatch(row -> row.id() == minimal.id() && row.role() == UserRole.WRITER));
    assertFalse(writers.stream().anyMatch(row -> row.id() == ada.id()));

    byte[] image = {0, 1, 2, (byte) 0xff, 'Q'};
    assertEquals(1, users.setUserAvatar(image, ada.id()));
    assertArrayEquals(image, users.getUserAvatar(ada.id()).orElseThrow().orElseThrow());
    assertArrayEquals(image, users.getUser(ada.id()).orElseThrow().avatar());
    assertEquals(1, users.setUserAvatar(null, ada.id()));
    assertTrue(users.getUserAvatar(ada.id()).orElseThrow().isEmpty(), "a user without an avatar");
    assertTrue(users.getUserAvatar(-1).isEmpty());
    assertEquals(0, users.setUserAvatar(image, -1));

    var counts = users.countUsersByRole();
    var admins =
        counts.stream().filter(row -> row.role() == UserRole.ADMIN).findFirst().orElseThrow();
    assertNotNull(admins.userCount());
    assertTrue(admins.userCount() >= 1);
  }

  private static final PostsQueries.ListPostsSort BY_DATE =
      PostsQueries.ListPostsSort.PUBLISHED_AT_DESC;

  /** The listing's filter for published posts. */
  private static PostsQueries.ListPostsFilter published() {
    return PostsQueries.ListPostsFilter.none().withPublished(true);
  }

  /**
   * The post listing's optional filters (author, tag, published, an ILIKE title search) apply only
   * when given, alone or together, and the caller's sort orders the rows.
   */
  @Test
  void postListingFiltersByWhatIsGivenInTheChosenOrder() {
    User author = writer("lis");
    PostsQueries posts = new PostsQueries(dataSource());
    TagsQueries tags = new TagsQueries(dataSource());
    String unique = "l" + UUID.randomUUID().toString().substring(0, 8);
    Post apple = draft(author, unique + " Apple pie");
    Post banana = draft(author, unique + " Banana BREAD");
    Post cherry = draft(author, unique + " Cherry tart");
    posts.publishPost(false, 3.0, apple.id());
    posts.publishPost(false, 1.0, cherry.id());
    Tag tag = tags.upsertTags(List.of(unique)).get(0);
    tags.tagPost(apple.id(), tag.id());
    tags.tagPost(banana.id(), tag.id());

    var mine = PostsQueries.ListPostsFilter.none().withAuthorId(author.id());
    assertEquals(
        List.of(apple.id(), banana.id(), cherry.id()),
        ids(posts.listPosts(mine, PostsQueries.ListPostsSort.TITLE_ASC, 10)),
        "no other filter: drafts and published posts, by title");
    assertEquals(
        List.of(cherry.id(), apple.id()),
        ids(posts.listPosts(mine.withPublished(true), PostsQueries.ListPostsSort.SCORE_ASC, 10)));
    assertEquals(
        List.of(banana.id()), ids(posts.listPosts(mine.withPublished(false), BY_DATE, 10)));
    assertEquals(
        List.of(banana.id(), apple.id()),
        ids(
            posts.listPosts(
                PostsQueries.ListPostsFilter.none().withTag(unique),
                PostsQueries.ListPostsSort.TITLE_DESC,
                10)),
        "the tag's join is in the statement only when a tag is given");
    assertEquals(
        List.of(banana.id()),
        ids(
            posts.listPosts(
                PostsQueries.ListPostsFilter.none().withTitleSearch(unique + " BANANA"),
                BY_DATE,
                10)),
        "ILIKE ignores case");
    assertEquals(
        List.of(apple.id()),
        ids(
            posts.listPosts(
                mine.withTag(unique).withPublished(true).withTitleSearch("pie"), BY_DATE, 10)));
    assertEquals(
        List.of(),
        ids(posts.listPosts(mine.withTag(unique + "-none"), BY_DATE, 10)),
        "an unknown tag matches nothing");
  }

  private static List<Long> ids(List<PostsQueries.ListPostsRow> rows) {
    return rows.stream().map(PostsQueries.ListPostsRow::id).toList();
  }

  @Test
  void postsRoundTrip() throws Exception {
    User author = writer("pat");
    PostsQueries posts = new PostsQueries(dataSource());

    Post post =
        posts.createPost(
            new PostsQueries.CreatePostParams(
                author.id(),
                "Intervals",
                "Months are not days.",
                "A summary",
                "{\"lang\": \"en\", \"draft\": true}",
                new Interval(1, 2, 3_000_000)));
    assertEquals(author.id(), post.authorId());
    assertEquals("Intervals", post.title());
    assertEquals("Months are not days.", post.body());
    assertEquals("A summary", post.summary());
    assertNull(post.publishedAt());
    assertNotNull(post.slug());
    assertEquals(json.readTree("{\"lang\":\"en\",\"draft\":true}"), json.readTree(post.metadata()));
    assertEquals(new Interval(1, 2, 3_000_000), post.readingTime());
    assertFalse(post.featured());
    assertEquals(0.0, post.score());

    Post bare = draft(author, "Bare");
    assertNull(bare.summary());
    assertNull(bare.readingTime(), "a NULL interval must read back as null");
    assertEquals(json.readTree("{}"), json.readTree(bare.metadata()));

    var detail = posts.getPostWithAuthor(post.id()).orElseThrow();
    assertEquals(post.slug(), detail.slug());
    assertEquals(author.displayName(), detail.authorName());
    assertEquals(UserRole.WRITER, detail.authorRole());
    assertEquals(author.id(), detail.authorId());
    assertEquals(
        Interval.of(Duration.ofSeconds(3)).microseconds(), detail.readingTime().microseconds());
    assertTrue(posts.getPostWithAuthor(-1).isEmpty());

    assertTrue(
        posts.listPosts(published().withAuthorId(author.id()), BY_DATE, 10).isEmpty(),
        "drafts are not listed");
    var published = posts.publishPost(true, 2.5, post.id()).orElseThrow();
    assertEquals(post.id(), published.id());
    assertNotNull(published.publishedAt());
    assertTrue(published.featured());
    assertEquals(2.5, published.score());
    var republished = posts.publishPost(false, 1.0, post.id()).orElseThrow();
    assertEquals(
        published.publishedAt().truncatedTo(ChronoUnit.MICROS),
        republished.publishedAt().truncatedTo(ChronoUnit.MICROS),
        "publishing again keeps the first publication time");
    assertTrue(posts.publishPost(true, 1.0, -1).isEmpty());

    var mine = posts.listPosts(published().withAuthorId(author.id()), BY_DATE, 10);
    assertEquals(1, mine.size());
    assertEquals(post.id(), mine.get(0).id());
    assertEquals(author.displayName(), mine.get(0).authorName());
    assertEquals("A summary", mine.get(0).summary());
    assertTrue(
        posts.listPosts(published(), BY_DATE, 1000).stream()
            .anyMatch(row -> row.id() == post.id()));
    assertEquals(1, posts.listPosts(published(), BY_DATE, 1).size());

    assertEquals(1, posts.mergePostMetadata("{\"draft\": false, \"series\": \"x\"}", post.id()));
    assertEquals(
        json.readTree("{\"lang\":\"en\",\"draft\":false,\"series\":\"x\"}"),
        json.readTree(posts.getPostWithAuthor(post.id()).orElseThrow().metadata()));
    assertEquals(0, posts.mergePostMetadata("{}", -1));

    User reader = writer("tipper");
    LocalDateTime beforeTip = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(5);
    Tip tip = posts.addTip(post.id(), reader.id(), new BigDecimal("12.30"), "thanks");
    assertEquals(0, new BigDecimal("12.30").compareTo(tip.amount()));
    assertEquals("thanks", tip.note());
    assertTrue(tip.paidAt().isAfter(beforeTip), "paid_at is UTC wall-clock time");
    Tip anonymousNote = posts.addTip(post.id(), reader.id(), new BigDecimal("0.01"), null);
    assertNull(anonymousNote.note());
    assertEquals(
        "23514",
        assertThrows(
                QueryException.class,
                () -> posts.addTip(post.id(), reader.id(), BigDecimal.ZERO, null))
            .sqlState());
    List<Tip> tips = posts.listTipsForPost(post.id());
    assertEquals(List.of(tip.id(), anonymousNote.id()), tips.stream().map(Tip::id).toList());

    var stats = posts.siteStats();
    assertTrue(stats.totalPosts() >= 2);
    assertTrue(stats.publishedPosts() >= 1);
    assertTrue(stats.totalTips().compareTo(new BigDecimal("12.31")) >= 0);
    var top = posts.topAuthors(1000);
    assertTrue(top.stream().anyMatch(row -> row.id() == author.id() && row.postCount() == 2));

    assertEquals(1, posts.deletePost(bare.id()));
    assertEquals(0, posts.deletePost(bare.id()));
    assertTrue(posts.getPostWithAuthor(bare.id()).isEmpty());
  }

  @Test
  void commentsRoundTrip() {
    User author = writer("cory");
    Post post = draft(author, "Comments");
    CommentsQueries comments = new CommentsQueries(dataSource());

    Comment rated = comments.createComment(post.id(), author.id(), "Five stars", (short) 5);
    assertEquals(post.id(), rated.postId());
    assertEquals(author.id(), rated.authorId());
    assertEquals("Five stars", rated.body());
    assertEquals(Short.valueOf((short) 5), rated.rating());
    Comment unrated = comments.createComment(post.id(), author.id(), "No rating", null);
    assertNull(unrated.rating());

    QueryException badRating =
        assertThrows(
            QueryException.class,
            () -> comments.createComment(post.id(), author.id(), "Nine", (short) 9));
    assertEquals("23514", badRating.sqlState());
    QueryException missingPost =
        assertThrows(
            QueryException.class, () -> comments.createComment(-1, author.id(), "?", null));
    assertEquals("23503", missingPost.sqlState());

    var listed = comments.listCommentsForPost(post.id());
    assertEquals(List.of(rated.id(), unrated.id()), listed.stream().map(row -> row.id()).toList());
    assertEquals(author.displayName(), listed.get(0).authorName());
    assertEquals(Short.valueOf((short) 5), listed.get(0).rating());
    assertNull(listed.get(1).rating());

    var stats = comments.commentStats();
    assertTrue(stats.totalComments() >= 2);
    assertNotNull(stats.averageRating());

    assertEquals(1, comments.deleteComment(unrated.id()));
    assertEquals(0, comments.deleteComment(unrated.id()));
    assertEquals(1, comments.listCommentsForPost(post.id()).size());
  }

  @Test
  void postsComeWithTheirCommentsAsNestedRecords() {
    User author = writer("nina");
    Post quiet = draft(author, "No comments yet");
    Post busy = draft(author, "Busy");
    CommentsQueries comments = new CommentsQueries(dataSource());
    String awkward = "A \"quoted\", (parenthesised) \\ comment {with} ü€😀";
    Comment first = comments.createComment(busy.id(), author.id(), awkward, (short) 4);
    Comment second = comments.createComment(busy.id(), author.id(), "", null);

    var threads = comments.listThreadsByAuthor(author.id(), 10);
    assertEquals(List.of(busy.id(), quiet.id()), threads.stream().map(t -> t.id()).toList());
    assertEquals(List.of(first, second), threads.get(0).comments());
    assertEquals(awkward, threads.get(0).comments().get(0).body());
    assertEquals("", threads.get(0).comments().get(1).body());
    assertNull(threads.get(0).comments().get(1).rating());
    assertEquals(List.of(), threads.get(1).comments());

    var viaService = new BlogService(dataSource()).threads(author.id(), 1);
    assertEquals(1, viaService.size());
    assertEquals(2, viaService.get(0).comments().size());
  }

  /**
   * A statement locks rows in the order it processes them, which RETURNING shows. Transactions that
   * upsert the same tags must lock them in one order, or two concurrent post creations can deadlock
   * (LoadTest found that). Without UpsertTags' ORDER BY, the order depends on the plan (a
   * HashAggregate for the DISTINCT yields these names out of order) and on the input order.
   */
  @Test
  void upsertTagsProcessesTagsInNameOrderWhateverThePlan() throws SQLException {
    List<String> names = List.of("order-e", "order-d", "order-c", "order-b", "order-a");
    List<String> sorted = names.stream().sorted().toList();
    for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
      try (Connection connection = dataSource().getConnection()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET plan_cache_mode = " + mode);
        }
        TagsQueries tags = new TagsQueries(connection);
        // Past the driver's prepareThreshold (5), so a server-side statement's plan is reused.
        for (int i = 0; i < 7; i++) {
          assertEquals(sorted, tags.upsertTags(names).stream().map(Tag::name).toList(), mode);
        }
        try (Statement statement = connection.createStatement()) {
          statement.execute("RESET plan_cache_mode");
        }
      }
    }
  }

  @Test
  void tagsRoundTrip() {
    User author = writer("tess");
    Post first = draft(author, "First");
    Post second = draft(author, "Second");
    TagsQueries tags = new TagsQueries(dataSource());
    String unique = "t" + UUID.randomUUID().toString().substring(0, 8);

    List<Tag> created = tags.upsertTags(List.of(unique + "-a", unique + "-b", unique + "-a"));
    assertEquals(2, created.size(), "duplicate names collapse into one tag");
    List<Tag> again = tags.upsertTags(List.of(unique + "-a"));
    Tag tagA =
        created.stream().filter(t -> t.name().equals(unique + "-a")).findFirst().orElseThrow();
    Tag tagB =
        created.stream().filter(t -> t.name().equals(unique + "-b")).findFirst().orElseThrow();
    assertEquals(tagA.id(), again.get(0).id(), "an existing tag keeps its id");

    tags.tagPost(first.id(), tagA.id());
    tags.tagPost(first.id(), tagA.id()); // already tagged: ON CONFLICT DO NOTHING
    tags.tagPost(first.id(), tagB.id());
    tags.tagPost(second.id(), tagA.id());
    assertEquals(
        List.of(unique + "-a", unique + "-b"),
        tags.listTagsForPost(first.id()).stream().map(Tag::name).toList());
    assertEquals(List.of(), tags.listTagsForPost(-1));

    var names = tags.listTagNamesForPosts(List.of(first.id(), second.id()));
    assertEquals(3, names.size());
    assertEquals(first.id(), names.get(0).postId());
    assertEquals(second.id(), names.get(2).postId());
    assertEquals(List.of(), tags.listTagNamesForPosts(List.of()));

    var popular = tags.popularTags(1000);
    var popularA =
        popular.stream().filter(row -> row.name().equals(unique + "-a")).findFirst().orElseThrow();
    assertEquals(2L, popularA.postCount());
  }

  @Test
  void transactionsCommitOrRollBackTogether() {
    User author = writer("tx");
    String title = "rolled back " + UUID.randomUUID();
    RuntimeException failure =
        assertThrows(
            IllegalStateException.class,
            () ->
                Transactions.runInTransaction(
                    dataSource(),
                    connection -> {
                      Post post =
                          new PostsQueries(connection)
                              .createPost(
                                  new PostsQueries.CreatePostParams(
                                      author.id(), title, "b", null, "{}", null));
                      new TagsQueries(ConnectionSource.of(connection))
                          .tagPost(
                              post.id(),
                              new TagsQueries(connection).upsertTags(List.of("tx")).get(0).id());
                      throw new IllegalStateException("abort");
                    }));
    assertEquals("abort", failure.getMessage());
    assertTrue(
        new PostsQueries(dataSource())
            .topAuthors(1000).stream().noneMatch(row -> row.id() == author.id()),
        "the rolled-back post is gone");

    long committed =
        Transactions.inTransaction(
            dataSource(),
            connection ->
                new PostsQueries(connection)
                    .createPost(
                        new PostsQueries.CreatePostParams(
                            author.id(), "committed", "b", null, "{}", null))
                    .id());
    assertTrue(
        new PostsQueries(ConnectionSource.of(dataSource()))
            .getPostWithAuthor(committed)
            .isPresent());
  }

  @Test
  void serviceMapsDatabaseOutcomesToApiErrors() {
    BlogService blog = new BlogService(dataSource());
    String email = uniqueEmail("svc");
    var user =
        blog.createUser(
            new BlogService.NewUser(email, "Svc", UserRole.WRITER, null, null, List.of("x")));
    ApiException conflict =
        assertThrows(
            ApiException.class,
            () ->
                blog.createUser(
                    new BlogService.NewUser(email, "Svc", UserRole.READER, null, null, List.of())));
    assertEquals(409, conflict.status());
    // The query listener saw both calls of CreateUser, the second one failing.
    BlogService.QueryMetric createUser =
        blog.metrics().stream()
            .filter(m -> m.query().equals("CreateUser"))
            .findFirst()
            .orElseThrow();
    assertEquals(2, createUser.calls(), blog.metrics().toString());
    assertEquals(1, createUser.failures(), blog.metrics().toString());
    assertEquals("queries/users.sql", createUser.file());
    assertTrue(createUser.totalMs() > 0, createUser.toString());

    var post =
        blog.createPost(
            new BlogService.NewPost(
                user.id(),
                "Service",
                "Body",
                null,
                "{\"a\":1}",
                null,
                List.of("Svc", "svc ", "two")));
    assertEquals(List.of("svc", "two"), post.tags());
    assertEquals(404, assertThrows(ApiException.class, () -> blog.post(-1)).status());
    assertEquals(
        404,
        assertThrows(
                ApiException.class,
                () -> blog.addComment(-1, new BlogService.NewComment(user.id(), "x", null)))
            .status());
    blog.publish(post.id(), false, 1);
    assertTrue(blog.publishedPosts(user.id(), 5).stream().anyMatch(p -> p.tags().contains("two")));
    assertNotNull(blog.stats().usersByRole().get("writer"));
  }

  @Test
  void patchUserEndpointTellsAbsentFromNullFromValue() throws Exception {
    BlogService blog = new BlogService(dataSource());
    var user =
        blog.createUser(
            new BlogService.NewUser(
                uniqueEmail("patch"),
                "Pat",
                UserRole.WRITER,
                "old bio",
                LocalDate.of(1990, 1, 2),
                List.of()));
    try (BlogServer server =
        BlogServer.start(
            blog,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))) {
      HttpClient client = HttpClient.newHttpClient();
      String path = "/users/" + user.id();

      // Absent displayName: unchanged; bio null: set NULL; birthday: set.
      JsonNode patched =
          patch(client, server, path, "{\"bio\": null, \"birthday\": \"2000-03-04\"}", 200);
      assertEquals("Pat", patched.get("displayName").asText());
      assertTrue(patched.get("bio").isNull(), patched.toString());
      assertEquals("2000-03-04", patched.get("birthday").asText());

      patched = patch(client, server, path, "{\"displayName\": \"Pat Two\"}", 200);
      assertEquals("Pat Two", patched.get("displayName").asText());
      assertTrue(patched.get("bio").isNull(), "absent keeps NULL: " + patched);
      assertEquals("2000-03-04", patched.get("birthday").asText(), "absent keeps the value");

      patch(client, server, path, "{\"displayName\": null}", 400);
      patch(client, server, path, "{\"birthday\": \"not a date\"}", 400);
      patch(client, server, "/users/-1", "{\"bio\": \"x\"}", 404);
    }
    var after = blog.user(user.id());
    assertEquals("Pat Two", after.displayName(), "the rejected calls changed nothing");
    assertNull(after.bio());
    assertEquals(LocalDate.of(2000, 3, 4), after.birthday());

    // The generated method itself: Patch.set(null) for the NOT NULL display name fails early.
    UsersQueries users = new UsersQueries(dataSource());
    assertThrows(
        NullPointerException.class,
        () -> users.patchUser(Patch.setNull(), Patch.unchanged(), Patch.unchanged(), user.id()));
    User unchanged =
        users
            .patchUser(Patch.unchanged(), Patch.set("new bio"), Patch.unchanged(), user.id())
            .orElseThrow();
    assertEquals("Pat Two", unchanged.displayName());
    assertEquals("new bio", unchanged.bio());
    assertEquals(LocalDate.of(2000, 3, 4), unchanged.birthday());
  }

  private JsonNode patch(
      HttpClient client, BlogServer server, String path, String body, int expectedStatus)
      throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(server.uri().resolve(path))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(expectedStatus, response.statusCode(), path + " " + body + ": " + response.body());
    return json.readTree(response.body());
  }
}
