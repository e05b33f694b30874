package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Given;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import dev.quarry.runtime.SqlArrays;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/posts.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class PostsQueries {
  private static final String LIST_POSTS_0 = "SELECT p.id, p.title, p.published_at, a.name AS author_name\n"
  + "FROM posts p\n"
  + "JOIN authors a ON a.id = p.author_id\n"
  + " ";

  private static final String LIST_POSTS_1 = " JOIN post_tags t ON t.post_id = p.id AND t.tag = ?  ";

  private static final String LIST_POSTS_2 = "\n"
  + "WHERE true\n"
  + "   ";

  private static final String LIST_POSTS_3 = " AND p.author_id = ?  ";

  private static final String LIST_POSTS_4 = "\n"
  + "   ";

  private static final String LIST_POSTS_5 = " AND (p.published_at IS NOT NULL) = ?  ";

  private static final String LIST_POSTS_6 = "\n"
  + "   ";

  private static final String LIST_POSTS_7 = " AND p.title ILIKE '%' || ? || '%'  ";

  private static final String LIST_POSTS_8 = "\n"
  + "ORDER BY ";

  private static final String LIST_POSTS_10 = "p.id DESC\n"
  + "LIMIT ?";

  private static final String LIST_POSTS_BY_CREATED_AT_ASC = "created_at ASC, ";

  private static final String LIST_POSTS_BY_CREATED_AT_DESC = "created_at DESC, ";

  private static final String LIST_POSTS_BY_TITLE_ASC = "p.title ASC, ";

  private static final String LIST_POSTS_BY_TITLE_DESC = "p.title DESC, ";

  private static final String COUNT_POSTS_0 = "SELECT count(*) AS total\n"
  + "FROM posts p\n"
  + "WHERE true\n"
  + "   ";

  private static final String COUNT_POSTS_1 = " AND p.author_id = ?  ";

  private static final String COUNT_POSTS_2 = "\n"
  + "   ";

  private static final String COUNT_POSTS_3 = " AND p.published_at >= ?  ";

  private static final String LATEST_TITLES_0 = "SELECT title FROM posts ORDER BY ";

  private static final String LATEST_TITLES_2 = "id";

  private static final String LATEST_TITLES_BY_CREATED_AT_ASC = "created_at ASC, ";

  private static final String LATEST_TITLES_BY_CREATED_AT_DESC = "created_at DESC, ";

  private static final String LATEST_TITLES_BY_TITLE_ASC = "title ASC, ";

  private static final String LATEST_TITLES_BY_TITLE_DESC = "title DESC, ";

  private static final String ARCHIVE_POSTS_0 = "UPDATE posts SET published_at = NULL\n"
  + "WHERE true  ";

  private static final String ARCHIVE_POSTS_1 = " AND author_id = ?  ";

  private static final String NULLABLE_FILTER_0 = "SELECT id FROM posts p\n"
  + "WHERE true  ";

  private static final String NULLABLE_FILTER_1 = " AND p.published_at IS NOT DISTINCT FROM ?  ";

  private static final String NULLABLE_FILTER_2 = "\n"
  + "ORDER BY id";

  private static final String POSTS_BY_IDS_OR_TITLE_0 = "SELECT id FROM posts\n"
  + "WHERE true\n"
  + "   ";

  private static final String POSTS_BY_IDS_OR_TITLE_1 = " AND title = ?  ";

  private static final String POSTS_BY_IDS_OR_TITLE_2 = "\n"
  + "   ";

  private static final String POSTS_BY_IDS_OR_TITLE_3 = " AND id = ANY(?)  ";

  private static final String POSTS_BY_IDS_OR_TITLE_4 = "\n"
  + "ORDER BY id";

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public PostsQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public PostsQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public PostsQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public PostsQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * Posts, filtered by whichever of author, tag, publication and title the caller gives.
   *
   * <p>{@code ListPosts} {@code :many}, {@code queries/posts.sql:1}:
   * <pre>
   * SELECT p.id, p.title, p.published_at, a.name AS author_name
   * FROM posts p
   * JOIN authors a ON a.id = p.author_id
   * /*[if &#64;tag]*&#47; JOIN post_tags t ON t.post_id = p.id AND t.tag = &#64;tag /*[end]*&#47;
   * WHERE true
   *   /*[if &#64;author]*&#47; AND p.author_id = &#64;author /*[end]*&#47;
   *   /*[if &#64;published]*&#47; AND (p.published_at IS NOT NULL) = &#64;published /*[end]*&#47;
   *   /*[if &#64;search]*&#47; AND p.title ILIKE '%' || &#64;search || '%' /*[end]*&#47;
   * ORDER BY p.id DESC
   * LIMIT &#64;max_rows
   * </pre>
   */
  public List<ListPostsRow> listPosts(ListPostsFilter filter, ListPostsSort sort, long maxRows) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(sort, "sort");
    final Query query = new Query("ListPosts", ":many", "queries/posts.sql", 1,
        LIST_POSTS_0
        + (filter.tag().isGiven() ? LIST_POSTS_1 : "")
        + LIST_POSTS_2
        + (filter.author().isGiven() ? LIST_POSTS_3 : "")
        + LIST_POSTS_4
        + (filter.published().isGiven() ? LIST_POSTS_5 : "")
        + LIST_POSTS_6
        + (filter.search().isGiven() ? LIST_POSTS_7 : "")
        + LIST_POSTS_8
        + switch (sort) {
          case CREATED_AT_ASC -> LIST_POSTS_BY_CREATED_AT_ASC;
          case CREATED_AT_DESC -> LIST_POSTS_BY_CREATED_AT_DESC;
          case TITLE_ASC -> LIST_POSTS_BY_TITLE_ASC;
          case TITLE_DESC -> LIST_POSTS_BY_TITLE_DESC;
        }
        + LIST_POSTS_10);
    return runner.list(query, statement -> {
      int at = 1;
      if (filter.tag().isGiven()) {
        statement.setObject(at++, filter.tag().value(), Types.VARCHAR);
      }
      if (filter.author().isGiven()) {
        statement.setObject(at++, filter.author().value(), Types.BIGINT);
      }
      if (filter.published().isGiven()) {
        statement.setObject(at++, filter.published().value(), Types.BOOLEAN);
      }
      if (filter.search().isGiven()) {
        statement.setObject(at++, filter.search().value(), Types.VARCHAR);
      }
      statement.setLong(at++, maxRows);
    }, PostsQueries::readListPostsRow);
  }

  /**
   * {@code CountPosts} {@code :one}, {@code queries/posts.sql:15}:
   * <pre>
   * SELECT count(*) AS total
   * FROM posts p
   * WHERE true
   *   /*[if &#64;author]*&#47; AND p.author_id = &#64;author /*[end]*&#47;
   *   /*[if &#64;published_since]*&#47; AND p.published_at &gt;= &#64;published_since /*[end]*&#47;
   * </pre>
   */
  public long countPosts(CountPostsFilter filter) {
    Objects.requireNonNull(filter, "filter");
    final Query query = new Query("CountPosts", ":one", "queries/posts.sql", 15,
        COUNT_POSTS_0
        + (filter.author().isGiven() ? COUNT_POSTS_1 : "")
        + COUNT_POSTS_2
        + (filter.publishedSince().isGiven() ? COUNT_POSTS_3 : ""));
    return runner.single(query, statement -> {
      int at = 1;
      if (filter.author().isGiven()) {
        statement.setObject(at++, filter.author().value(), Types.BIGINT);
      }
      if (filter.publishedSince().isGiven()) {
        statement.setObject(at++, filter.publishedSince().value(), Types.TIMESTAMP_WITH_TIMEZONE);
      }
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code LatestTitles} {@code :many}, {@code queries/posts.sql:22}:
   * <pre>{@code
   * SELECT title FROM posts ORDER BY id
   * }</pre>
   */
  public List<String> latestTitles(LatestTitlesSort sort) {
    Objects.requireNonNull(sort, "sort");
    final Query query = new Query("LatestTitles", ":many", "queries/posts.sql", 22,
        LATEST_TITLES_0
        + switch (sort) {
          case CREATED_AT_ASC -> LATEST_TITLES_BY_CREATED_AT_ASC;
          case CREATED_AT_DESC -> LATEST_TITLES_BY_CREATED_AT_DESC;
          case TITLE_ASC -> LATEST_TITLES_BY_TITLE_ASC;
          case TITLE_DESC -> LATEST_TITLES_BY_TITLE_DESC;
        }
        + LATEST_TITLES_2);
    return runner.list(query, statement -> {}, rows -> rows.getString(1));
  }

  /**
   * {@code ArchivePosts} {@code :execrows}, {@code queries/posts.sql:26}:
   * <pre>
   * UPDATE posts SET published_at = NULL
   * WHERE true /*[if &#64;author]*&#47; AND author_id = &#64;author /*[end]*&#47;
   * </pre>
   */
  public long archivePosts(ArchivePostsFilter filter) {
    Objects.requireNonNull(filter, "filter");
    final Query query = new Query("ArchivePosts", ":execrows", "queries/posts.sql", 26,
        ARCHIVE_POSTS_0
        + (filter.author().isGiven() ? ARCHIVE_POSTS_1 : ""));
    return runner.updateCount(query, statement -> {
      int at = 1;
      if (filter.author().isGiven()) {
        statement.setObject(at++, filter.author().value(), Types.BIGINT);
      }
    });
  }

  /**
   * {@code NullableFilter} {@code :many}, {@code queries/posts.sql:30}:
   * <pre>
   * SELECT id FROM posts p
   * WHERE true /*[if &#64;published_at]*&#47; AND p.published_at IS NOT DISTINCT FROM &#64;published_at /*[end]*&#47;
   * ORDER BY id
   * </pre>
   */
  public List<Long> nullableFilter(NullableFilterFilter filter) {
    Objects.requireNonNull(filter, "filter");
    final Query query = new Query("NullableFilter", ":many", "queries/posts.sql", 30,
        NULLABLE_FILTER_0
        + (filter.publishedAt().isGiven() ? NULLABLE_FILTER_1 : "")
        + NULLABLE_FILTER_2);
    return runner.list(query, statement -> {
      int at = 1;
      if (filter.publishedAt().isGiven()) {
        statement.setObject(at++, filter.publishedAt().value(), Types.TIMESTAMP_WITH_TIMEZONE);
      }
    }, rows -> rows.getLong(1));
  }

  /**
   * sqlc's spellings work inside blocks too.
   *
   * <p>{@code PostsByIdsOrTitle} {@code :many}, {@code queries/posts.sql:35}:
   * <pre>
   * SELECT id FROM posts
   * WHERE true
   *   /*[if &#64;title]*&#47; AND title = sqlc.arg(title) /*[end]*&#47;
   *   /*[if &#64;ids]*&#47; AND id IN (sqlc.slice(ids)) /*[end]*&#47;
   * ORDER BY id
   * </pre>
   */
  public List<Long> postsByIdsOrTitle(PostsByIdsOrTitleFilter filter) {
    Objects.requireNonNull(filter, "filter");
    final Query query = new Query("PostsByIdsOrTitle", ":many", "queries/posts.sql", 35,
        POSTS_BY_IDS_OR_TITLE_0
        + (filter.title().isGiven() ? POSTS_BY_IDS_OR_TITLE_1 : "")
        + POSTS_BY_IDS_OR_TITLE_2
        + (filter.ids().isGiven() ? POSTS_BY_IDS_OR_TITLE_3 : "")
        + POSTS_BY_IDS_OR_TITLE_4);
    return runner.list(query, statement -> {
      int at = 1;
      if (filter.title().isGiven()) {
        statement.setObject(at++, filter.title().value(), Types.VARCHAR);
      }
      if (filter.ids().isGiven()) {
        statement.setArray(at++, SqlArrays.create(statement.getConnection(), "int8",
            filter.ids().value()));
      }
    }, rows -> rows.getLong(1));
  }

  private static ListPostsRow readListPostsRow(ResultSet rows) throws SQLException {
    return new ListPostsRow(
        rows.getLong(1),
        rows.getString(2),
        rows.getObject(3, OffsetDateTime.class),
        rows.getString(4));
  }

  /**
   * A row of {@code ListPosts}.
   */
  public record ListPostsRow(long id, String title, @Nullable OffsetDateTime publishedAt,
      String authorName) {
  }

  /**
   * The optional blocks of {@code ListPosts}: a parameter given keeps its blocks in the statement,
   * an absent one leaves them out.
   */
  public record ListPostsFilter(Given<String> tag, Given<Long> author, Given<Boolean> published,
      Given<String> search) {
    public ListPostsFilter {
      Given.requireNonNullValue(tag, "tag");
      Given.requireNonNullValue(author, "author");
      Given.requireNonNullValue(published, "published");
      Given.requireNonNullValue(search, "search");
    }

    /**
     * Every parameter absent: no block is in the statement.
     */
    public static ListPostsFilter none() {
      return new ListPostsFilter(Given.absent(), Given.absent(), Given.absent(), Given.absent());
    }

    /**
     * A copy with {@code @tag} given: its blocks are in the statement.
     */
    public ListPostsFilter withTag(String tag) {
      Objects.requireNonNull(tag, "tag");
      return new ListPostsFilter(Given.of(tag), author, published, search);
    }

    /**
     * A copy with {@code @author} given: its blocks are in the statement.
     */
    public ListPostsFilter withAuthor(long author) {
      return new ListPostsFilter(tag, Given.of(author), published, search);
    }

    /**
     * A copy with {@code @published} given: its blocks are in the statement.
     */
    public ListPostsFilter withPublished(boolean published) {
      return new ListPostsFilter(tag, author, Given.of(published), search);
    }

    /**
     * A copy with {@code @search} given: its blocks are in the statement.
     */
    public ListPostsFilter withSearch(String search) {
      Objects.requireNonNull(search, "search");
      return new ListPostsFilter(tag, author, published, Given.of(search));
    }
  }

  /**
   * The orders {@code ListPosts} can return its rows in, each checked against the schema at build time;
   * the query's own ORDER BY items follow as tie-breakers.
   */
  public enum ListPostsSort {
    /**
     * {@code ORDER BY created_at ASC}.
     */
    CREATED_AT_ASC,

    /**
     * {@code ORDER BY created_at DESC}.
     */
    CREATED_AT_DESC,

    /**
     * {@code ORDER BY p.title ASC}.
     */
    TITLE_ASC,

    /**
     * {@code ORDER BY p.title DESC}.
     */
    TITLE_DESC
  }

  /**
   * The optional blocks of {@code CountPosts}: a parameter given keeps its blocks in the statement,
   * an absent one leaves them out.
   */
  public record CountPostsFilter(Given<Long> author, Given<OffsetDateTime> publishedSince) {
    public CountPostsFilter {
      Given.requireNonNullValue(author, "author");
      Given.requireNonNullValue(publishedSince, "publishedSince");
    }

    /**
     * Every parameter absent: no block is in the statement.
     */
    public static CountPostsFilter none() {
      return new CountPostsFilter(Given.absent(), Given.absent());
    }

    /**
     * A copy with {@code @author} given: its blocks are in the statement.
     */
    public CountPostsFilter withAuthor(long author) {
      return new CountPostsFilter(Given.of(author), publishedSince);
    }

    /**
     * A copy with {@code @published_since} given: its blocks are in the statement.
     */
    public CountPostsFilter withPublishedSince(OffsetDateTime publishedSince) {
      Objects.requireNonNull(publishedSince, "publishedSince");
      return new CountPostsFilter(author, Given.of(publishedSince));
    }
  }

  /**
   * The orders {@code LatestTitles} can return its rows in, each checked against the schema at build time;
   * the query's own ORDER BY items follow as tie-breakers.
   */
  public enum LatestTitlesSort {
    /**
     * {@code ORDER BY created_at ASC}.
     */
    CREATED_AT_ASC,

    /**
     * {@code ORDER BY created_at DESC}.
     */
    CREATED_AT_DESC,

    /**
     * {@code ORDER BY title ASC}.
     */
    TITLE_ASC,

    /**
     * {@code ORDER BY title DESC}.
     */
    TITLE_DESC
  }

  /**
   * The optional blocks of {@code ArchivePosts}: a parameter given keeps its blocks in the statement,
   * an absent one leaves them out.
   */
  public record ArchivePostsFilter(Given<Long> author) {
    public ArchivePostsFilter {
      Given.requireNonNullValue(author, "author");
    }

    /**
     * Every parameter absent: no block is in the statement.
     */
    public static ArchivePostsFilter none() {
      return new ArchivePostsFilter(Given.absent());
    }

    /**
     * A copy with {@code @author} given: its blocks are in the statement.
     */
    public ArchivePostsFilter withAuthor(long author) {
      return new ArchivePostsFilter(Given.of(author));
    }
  }

  /**
   * The optional blocks of {@code NullableFilter}: a parameter given keeps its blocks in the statement,
   * an absent one leaves them out.
   */
  public record NullableFilterFilter(Given<OffsetDateTime> publishedAt) {
    public NullableFilterFilter {
      Objects.requireNonNull(publishedAt, "publishedAt");
    }

    /**
     * Every parameter absent: no block is in the statement.
     */
    public static NullableFilterFilter none() {
      return new NullableFilterFilter(Given.absent());
    }

    /**
     * A copy with {@code @published_at} given: its blocks are in the statement, and {@code null} binds NULL.
     */
    public NullableFilterFilter withPublishedAt(@Nullable OffsetDateTime publishedAt) {
      return new NullableFilterFilter(Given.of(publishedAt));
    }
  }

  /**
   * The optional blocks of {@code PostsByIdsOrTitle}: a parameter given keeps its blocks in the statement,
   * an absent one leaves them out.
   */
  public record PostsByIdsOrTitleFilter(Given<String> title, Given<List<Long>> ids) {
    public PostsByIdsOrTitleFilter {
      Given.requireNonNullValue(title, "title");
      Given.requireNonNullValue(ids, "ids");
    }

    /**
     * Every parameter absent: no block is in the statement.
     */
    public static PostsByIdsOrTitleFilter none() {
      return new PostsByIdsOrTitleFilter(Given.absent(), Given.absent());
    }

    /**
     * A copy with {@code @title} given: its blocks are in the statement.
     */
    public PostsByIdsOrTitleFilter withTitle(String title) {
      Objects.requireNonNull(title, "title");
      return new PostsByIdsOrTitleFilter(Given.of(title), ids);
    }

    /**
     * A copy with {@code @ids} given: its blocks are in the statement.
     */
    public PostsByIdsOrTitleFilter withIds(List<Long> ids) {
      Objects.requireNonNull(ids, "ids");
      return new PostsByIdsOrTitleFilter(title,
          Given.of(ids == null ? null : Collections.unmodifiableList(new ArrayList<>(ids))));
    }
  }
}
