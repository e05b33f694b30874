package dev.quarry.sample;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.quarry.micrometer.MicrometerQueryListener;
import dev.quarry.runtime.Interval;
import dev.quarry.runtime.Patch;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.QueryListener;
import dev.quarry.runtime.QueryRunner;
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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The blog's operations. Every database call goes through a Quarry-generated repository; this class
 * adds the rules the schema does not state (who may write, input limits) and turns "no such row"
 * and constraint violations into {@link ApiException}s with a clear message.
 *
 * <p>Results are returned as view records rather than the generated records so that the JSON API
 * stays stable when the schema grows, and enums appear as their PostgreSQL labels.
 */
public final class BlogService {
  /** PostgreSQL's SQLSTATE for unique_violation. */
  static final String UNIQUE_VIOLATION = "23505";

  /** PostgreSQL's SQLSTATE for foreign_key_violation. */
  static final String FOREIGN_KEY_VIOLATION = "23503";

  static final int MAX_PAGE_SIZE = 100;

  private final DataSource dataSource;
  private final MeterRegistry meters = new SimpleMeterRegistry();
  private final QueryListener listener = new MicrometerQueryListener(meters);
  private final UsersQueries users;
  private final PostsQueries posts;
  private final CommentsQueries comments;
  private final TagsQueries tags;

  /**
   * Every repository, also those of transactions, runs through a {@link QueryRunner} with a
   * listener that keeps a Micrometer timer per query: {@link #metrics()}, {@code GET /metrics}.
   */
  public BlogService(DataSource dataSource) {
    this.dataSource = dataSource;
    QueryRunner runner = QueryRunner.of(dataSource).withListener(listener);
    this.users = new UsersQueries(runner);
    this.posts = new PostsQueries(runner);
    this.comments = new CommentsQueries(runner);
    this.tags = new TagsQueries(runner);
  }

  /** A runner on a transaction's connection, reporting to the same listener. */
  private QueryRunner on(Connection connection) {
    return QueryRunner.of(connection).withListener(listener);
  }

  /** One query's calls so far, from its {@code quarry.query} timers. */
  public record QueryMetric(
      String query, String file, long calls, long failures, double totalMs, double maxMs) {}

  /** Every query called so far, by name: calls, failures, total and longest time. */
  public List<QueryMetric> metrics() {
    Map<String, QueryMetric> byQuery = new java.util.TreeMap<>();
    for (Timer timer : meters.find(MicrometerQueryListener.TIMER).timers()) {
      String query = timer.getId().getTag("query");
      boolean failed = "failure".equals(timer.getId().getTag("outcome"));
      QueryMetric old = byQuery.get(query);
      QueryMetric add =
          new QueryMetric(
              query,
              timer.getId().getTag("file"),
              timer.count(),
              failed ? timer.count() : 0,
              timer.totalTime(TimeUnit.MILLISECONDS),
              timer.max(TimeUnit.MILLISECONDS));
      byQuery.put(
          query,
          old == null
              ? add
              : new QueryMetric(
                  query,
                  old.file(),
                  old.calls() + add.calls(),
                  old.failures() + add.failures(),
                  old.totalMs() + add.totalMs(),
                  Math.max(old.maxMs(), add.maxMs())));
    }
    return List.copyOf(byQuery.values());
  }

  // ---- requests ----

  public record NewUser(
      String email,
      String displayName,
      UserRole role,
      @Nullable String bio,
      @Nullable LocalDate birthday,
      List<String> links) {}

  public record NewPost(
      long authorId,
      String title,
      String body,
      @Nullable String summary,
      String metadataJson,
      @Nullable Interval readingTime,
      List<String> tags) {}

  public record NewComment(long authorId, String body, @Nullable Short rating) {}

  public record NewTip(long userId, BigDecimal amount, @Nullable String note) {}

  // ---- views ----

  public record UserView(
      long id,
      String email,
      String displayName,
      String role,
      @Nullable String bio,
      @Nullable LocalDate birthday,
      List<@Nullable String> links,
      boolean hasAvatar,
      OffsetDateTime createdAt) {}

  public record UserListItem(
      long id, String email, String displayName, String role, OffsetDateTime createdAt) {}

  public record Author(long id, String displayName, String role) {}

  public record CommentView(
      long id,
      long authorId,
      String authorName,
      String body,
      @Nullable Short rating,
      OffsetDateTime createdAt) {}

  public record TipView(
      long id, long userId, BigDecimal amount, @Nullable String note, LocalDateTime paidAt) {}

  public record PostSummary(
      long id,
      String title,
      @Nullable String summary,
      boolean featured,
      double score,
      @Nullable OffsetDateTime publishedAt,
      long authorId,
      String authorName,
      List<String> tags) {}

  public record PostDetail(
      long id,
      UUID slug,
      String title,
      String body,
      @Nullable String summary,
      @JsonRawValue String metadata,
      @Nullable Interval readingTime,
      boolean featured,
      double score,
      @Nullable OffsetDateTime publishedAt,
      OffsetDateTime createdAt,
      Author author,
      List<String> tags,
      List<CommentView> comments,
      List<TipView> tips) {}

  /** A post with its comments, read in one query as nested records. */
  public record Thread(
      long id, String title, @Nullable OffsetDateTime publishedAt, List<ThreadComment> comments) {}

  public record ThreadComment(
      long id, long authorId, String body, @Nullable Short rating, OffsetDateTime createdAt) {}

  public record Publication(
      long id, @Nullable OffsetDateTime publishedAt, boolean featured, double score) {}

  public record AuthorPostCount(long id, String displayName, @Nullable Long postCount) {}

  public record TagPostCount(String name, @Nullable Long postCount) {}

  /**
   * Site-wide numbers. The counts and sums are SQL expressions, which this version of Quarry
   * reports as nullable; they are passed through as they come.
   */
  public record Stats(
      @Nullable Long totalPosts,
      @Nullable Long publishedPosts,
      @Nullable BigDecimal totalTips,
      @Nullable Long totalComments,
      @Nullable Double averageRating,
      Map<String, @Nullable Long> usersByRole,
      List<AuthorPostCount> topAuthors,
      List<TagPostCount> popularTags) {}

  // ---- users ----

  public UserView createUser(NewUser user) {
    requireText("email", user.email(), 320);
    if (!user.email().contains("@")) {
      throw ApiException.badRequest("email must contain '@': " + user.email());
    }
    requireText("displayName", user.displayName(), 100);
    try {
      User created =
          users.createUser(
              new UsersQueries.CreateUserParams(
                  user.email(),
                  user.displayName(),
                  user.role(),
                  user.bio(),
                  user.birthday(),
                  user.links()));
      return view(created);
    } catch (QueryException e) {
      if (UNIQUE_VIOLATION.equals(e.sqlState())) {
        throw ApiException.conflict("a user with email " + user.email() + " already exists");
      }
      throw e;
    }
  }

  public UserView user(long id) {
    return users.getUser(id).map(BlogService::view).orElseThrow(() -> userNotFound(id));
  }

  public UserView userByEmail(String email) {
    return users
        .findUserByEmail(email)
        .map(BlogService::view)
        .orElseThrow(() -> ApiException.notFound("no user has email " + email));
  }

  public List<UserListItem> usersWithRole(UserRole role) {
    List<UserListItem> result = new ArrayList<>();
    for (var row : users.listUsersByRole(role)) {
      result.add(
          new UserListItem(
              row.id(), row.email(), row.displayName(), row.role().label(), row.createdAt()));
    }
    return result;
  }

  /** Changes only the profile fields whose Patch is set; the display name cannot be set to null. */
  public UserView patchUser(
      long userId, Patch<String> displayName, Patch<String> bio, Patch<LocalDate> birthday) {
    if (displayName.isSet()) {
      String name = displayName.value();
      if (name == null) {
        throw ApiException.badRequest("displayName cannot be null; leave it out to keep it");
      }
      requireText("displayName", name, 100);
    }
    return users
        .patchUser(displayName, bio, birthday, userId)
        .map(BlogService::view)
        .orElseThrow(() -> userNotFound(userId));
  }

  public void changeRole(long userId, UserRole role) {
    if (users.changeUserRole(role, userId) == 0) {
      throw userNotFound(userId);
    }
  }

  /** Sets the user's avatar image, or removes it when {@code image} is null. */
  public void setAvatar(long userId, byte @Nullable [] image) {
    if (users.setUserAvatar(image, userId) == 0) {
      throw userNotFound(userId);
    }
  }

  public byte[] avatar(long userId) {
    return users
        .getUserAvatar(userId)
        .orElseThrow(() -> userNotFound(userId))
        .orElseThrow(() -> ApiException.notFound("user " + userId + " has no avatar"));
  }

  private static UserView view(User user) {
    return new UserView(
        user.id(),
        user.email(),
        user.displayName(),
        user.role().label(),
        user.bio(),
        user.birthday(),
        user.links(),
        user.avatar() != null,
        user.createdAt());
  }

  // ---- posts ----

  /**
   * Creates a post and its tags in one transaction, so a failure while tagging leaves no untagged
   * post behind. Readers may not write posts.
   */
  public PostDetail createPost(NewPost post) {
    requireText("title", post.title(), 200);
    requireText("body", post.body(), 100_000);
    List<String> tagNames = tagNames(post.tags());
    long postId =
        Transactions.inTransaction(
            dataSource,
            connection -> {
              User author =
                  new UsersQueries(on(connection))
                      .getUser(post.authorId())
                      .orElseThrow(() -> userNotFound(post.authorId()));
              if (author.role() == UserRole.READER) {
                throw ApiException.forbidden(
                    "user " + author.id() + " is a reader; only writers and admins write posts");
              }
              Post created =
                  new PostsQueries(on(connection))
                      .createPost(
                          new PostsQueries.CreatePostParams(
                              post.authorId(),
                              post.title(),
                              post.body(),
                              post.summary(),
                              post.metadataJson(),
                              post.readingTime()));
              tagPost(new TagsQueries(on(connection)), created.id(), tagNames);
              return created.id();
            });
    return post(postId);
  }

  /** Adds tags to a post (creating tags that do not exist yet) and returns all its tags. */
  public List<String> addTags(long postId, List<String> names) {
    List<String> tagNames = tagNames(names);
    if (tagNames.isEmpty()) {
      throw ApiException.badRequest("tags must name at least one tag");
    }
    Transactions.runInTransaction(
        dataSource,
        connection -> {
          if (new PostsQueries(on(connection)).getPostWithAuthor(postId).isEmpty()) {
            throw postNotFound(postId);
          }
          tagPost(new TagsQueries(on(connection)), postId, tagNames);
        });
    return names(tags.listTagsForPost(postId));
  }

  private static void tagPost(TagsQueries tags, long postId, List<String> tagNames) {
    if (tagNames.isEmpty()) {
      return;
    }
    for (Tag tag : tags.upsertTags(tagNames)) {
      tags.tagPost(postId, tag.id());
    }
  }

  /** Trimmed, lower-cased, de-duplicated tag names in their given order. */
  private static List<String> tagNames(List<String> names) {
    LinkedHashSet<String> result = new LinkedHashSet<>();
    for (String name : names) {
      String tag = name.strip().toLowerCase(Locale.ROOT);
      if (tag.isEmpty() || tag.length() > 50) {
        throw ApiException.badRequest("a tag must have 1 to 50 characters: '" + name + "'");
      }
      result.add(tag);
    }
    return List.copyOf(result);
  }

  private static List<String> names(List<Tag> tags) {
    List<String> result = new ArrayList<>();
    for (Tag tag : tags) {
      result.add(tag.name());
    }
    return result;
  }

  /** Published posts, newest first, optionally of one author only. */
  public List<PostSummary> publishedPosts(@Nullable Long authorId, int limit) {
    return listPosts(
        new PostListing(authorId, null, true, null, PostsQueries.ListPostsSort.PUBLISHED_AT_DESC),
        limit);
  }

  /**
   * What the post listing is filtered by, and its order: each null filter is left out of the
   * statement (an optional block of ListPosts in queries/posts.sql).
   */
  public record PostListing(
      @Nullable Long authorId,
      @Nullable String tag,
      @Nullable Boolean published,
      @Nullable String titleSearch,
      PostsQueries.ListPostsSort sort) {}

  /** The posts {@code listing} selects, in its order, with their tags. */
  public List<PostSummary> listPosts(PostListing listing, int limit) {
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw ApiException.badRequest("limit must be between 1 and " + MAX_PAGE_SIZE + ": " + limit);
    }
    var filter = PostsQueries.ListPostsFilter.none();
    if (listing.authorId() != null) {
      filter = filter.withAuthorId(listing.authorId());
    }
    if (listing.tag() != null) {
      filter = filter.withTag(listing.tag());
    }
    if (listing.published() != null) {
      filter = filter.withPublished(listing.published());
    }
    if (listing.titleSearch() != null) {
      filter = filter.withTitleSearch(listing.titleSearch());
    }
    var rows = posts.listPosts(filter, listing.sort(), limit);
    List<Long> ids = new ArrayList<>();
    for (var row : rows) {
      ids.add(row.id());
    }
    // One query for the tags of the whole page rather than one per post.
    Map<Long, List<String>> tagsByPost = new LinkedHashMap<>();
    if (!ids.isEmpty()) {
      for (var row : tags.listTagNamesForPosts(ids)) {
        tagsByPost.computeIfAbsent(row.postId(), id -> new ArrayList<>()).add(row.name());
      }
    }
    List<PostSummary> result = new ArrayList<>();
    for (var row : rows) {
      result.add(
          new PostSummary(
              row.id(),
              row.title(),
              row.summary(),
              row.featured(),
              row.score(),
              row.publishedAt(),
              row.authorId(),
              row.authorName(),
              tagsByPost.getOrDefault(row.id(), List.of())));
    }
    return result;
  }

  /**
   * An author's posts, newest first, each with its comments: one query, whose comments column is a
   * list of the generated {@code Comment} record (ListThreadsByAuthor in queries/comments.sql).
   */
  public List<Thread> threads(long authorId, int limit) {
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw ApiException.badRequest("limit must be between 1 and " + MAX_PAGE_SIZE + ": " + limit);
    }
    List<Thread> result = new ArrayList<>();
    for (var row : comments.listThreadsByAuthor(authorId, limit)) {
      List<ThreadComment> thread = new ArrayList<>();
      for (Comment comment : row.comments()) {
        thread.add(
            new ThreadComment(
                comment.id(),
                comment.authorId(),
                comment.body(),
                comment.rating(),
                comment.createdAt()));
      }
      result.add(new Thread(row.id(), row.title(), row.publishedAt(), thread));
    }
    return result;
  }

  /** A post with its author, tags, comments and tips. */
  public PostDetail post(long id) {
    var post = posts.getPostWithAuthor(id).orElseThrow(() -> postNotFound(id));
    List<CommentView> commentViews = new ArrayList<>();
    for (var row : comments.listCommentsForPost(id)) {
      commentViews.add(
          new CommentView(
              row.id(),
              row.authorId(),
              row.authorName(),
              row.body(),
              row.rating(),
              row.createdAt()));
    }
    List<TipView> tipViews = new ArrayList<>();
    for (Tip tip : posts.listTipsForPost(id)) {
      tipViews.add(view(tip));
    }
    return new PostDetail(
        post.id(),
        post.slug(),
        post.title(),
        post.body(),
        post.summary(),
        post.metadata(),
        post.readingTime(),
        post.featured(),
        post.score(),
        post.publishedAt(),
        post.createdAt(),
        new Author(post.authorId(), post.authorName(), post.authorRole().label()),
        names(tags.listTagsForPost(id)),
        commentViews,
        tipViews);
  }

  /** Publishes a post (keeping the first publication time if it was published before). */
  public Publication publish(long postId, boolean featured, double score) {
    if (!Double.isFinite(score) || score < 0) {
      throw ApiException.badRequest("score must be a finite number >= 0: " + score);
    }
    var row = posts.publishPost(featured, score, postId).orElseThrow(() -> postNotFound(postId));
    return new Publication(row.id(), row.publishedAt(), row.featured(), row.score());
  }

  /** Merges {@code patchJson}, a JSON object, into the post's metadata (top-level keys). */
  public void mergeMetadata(long postId, String patchJson) {
    if (posts.mergePostMetadata(patchJson, postId) == 0) {
      throw postNotFound(postId);
    }
  }

  public void deletePost(long postId) {
    if (posts.deletePost(postId) == 0) {
      throw postNotFound(postId);
    }
  }

  // ---- comments and tips ----

  public CommentView addComment(long postId, NewComment comment) {
    requireText("body", comment.body(), 10_000);
    Short rating = comment.rating();
    if (rating != null && (rating < 1 || rating > 5)) {
      throw ApiException.badRequest("rating must be between 1 and 5: " + rating);
    }
    try {
      var created = comments.createComment(postId, comment.authorId(), comment.body(), rating);
      UserView author = user(created.authorId());
      return new CommentView(
          created.id(),
          created.authorId(),
          author.displayName(),
          created.body(),
          created.rating(),
          created.createdAt());
    } catch (QueryException e) {
      if (FOREIGN_KEY_VIOLATION.equals(e.sqlState())) {
        throw ApiException.notFound(
            "post " + postId + " or user " + comment.authorId() + " does not exist");
      }
      throw e;
    }
  }

  public void deleteComment(long commentId) {
    if (comments.deleteComment(commentId) == 0) {
      throw ApiException.notFound("comment " + commentId + " does not exist");
    }
  }

  public TipView addTip(long postId, NewTip tip) {
    if (tip.amount().signum() <= 0 || tip.amount().scale() > 2) {
      throw ApiException.badRequest(
          "amount must be positive with at most two decimals: " + tip.amount());
    }
    try {
      return view(posts.addTip(postId, tip.userId(), tip.amount(), tip.note()));
    } catch (QueryException e) {
      if (FOREIGN_KEY_VIOLATION.equals(e.sqlState())) {
        throw ApiException.notFound(
            "post " + postId + " or user " + tip.userId() + " does not exist");
      }
      throw e;
    }
  }

  private static TipView view(Tip tip) {
    return new TipView(tip.id(), tip.userId(), tip.amount(), tip.note(), tip.paidAt());
  }

  // ---- stats ----

  public Stats stats() {
    // Aggregates without GROUP BY always return exactly one row: no Optional to unwrap.
    var site = posts.siteStats();
    var commentStats = comments.commentStats();
    Map<String, @Nullable Long> usersByRole = new LinkedHashMap<>();
    for (var row : users.countUsersByRole()) {
      usersByRole.put(row.role().label(), row.userCount());
    }
    List<AuthorPostCount> topAuthors = new ArrayList<>();
    for (var row : posts.topAuthors(5)) {
      topAuthors.add(new AuthorPostCount(row.id(), row.displayName(), row.postCount()));
    }
    List<TagPostCount> popularTags = new ArrayList<>();
    for (var row : tags.popularTags(5)) {
      popularTags.add(new TagPostCount(row.name(), row.postCount()));
    }
    return new Stats(
        site.totalPosts(),
        site.publishedPosts(),
        site.totalTips(),
        commentStats.totalComments(),
        commentStats.averageRating(),
        usersByRole,
        topAuthors,
        popularTags);
  }

  // ---- helpers ----

  private static void requireText(String field, @Nullable String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field + " must not be empty");
    }
    if (value.length() > maxLength) {
      throw ApiException.badRequest(field + " must have at most " + maxLength + " characters");
    }
  }

  private static ApiException userNotFound(long id) {
    return ApiException.notFound("user " + id + " does not exist");
  }

  private static ApiException postNotFound(long id) {
    return ApiException.notFound("post " + id + " does not exist");
  }
}
