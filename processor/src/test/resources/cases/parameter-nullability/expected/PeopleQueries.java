package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import java.sql.Connection;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/people.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class PeopleQueries {
  private static final Query INSERT_VALUES = new Query("InsertValues", ":exec",
      "queries/people.sql", 3,
      "INSERT INTO people (email, bio, born) VALUES (?, ?, ?)");

  private static final Query INSERT_SELECT = new Query("InsertSelect", ":exec",
      "queries/people.sql", 7,
      "INSERT INTO people (email, bio) SELECT ?, ?::text");

  private static final Query UPDATE_SET = new Query("UpdateSet", ":execrows", "queries/people.sql",
      10,
      "UPDATE people SET bio = ?, born = ? WHERE id = ?");

  private static final Query IS_NULL_TEST = new Query("IsNullTest", ":many", "queries/people.sql",
      13,
      "SELECT id FROM people WHERE ?::date IS NULL OR born < ?");

  private static final Query DISTINCT_FROM = new Query("DistinctFrom", ":many",
      "queries/people.sql", 17,
      "SELECT id FROM people WHERE bio IS NOT DISTINCT FROM ?");

  private static final Query COALESCE = new Query("Coalesce", ":execrows", "queries/people.sql", 20,
      "UPDATE people SET visits = coalesce(?, visits) WHERE id = ?");

  private static final Query NULLIF = new Query("Nullif", ":exec", "queries/people.sql", 23,
      "UPDATE people SET bio = nullif(?, '') WHERE id = ?");

  private static final Query NARG = new Query("Narg", ":many", "queries/people.sql", 26,
      "SELECT id FROM people WHERE email = coalesce(?, email)");

  private static final Query EQUALS_STAYS_NON_NULL = new Query("EqualsStaysNonNull", ":many",
      "queries/people.sql", 29,
      "SELECT id FROM people WHERE bio = ?");

  private static final Query SAME_PARAMETER_INTO_NOT_NULL = new Query("SameParameterIntoNotNull",
      ":exec", "queries/people.sql", 33,
      "INSERT INTO people (email, bio) VALUES (?, ?)");

  private static final Query CASE_BRANCH = new Query("CaseBranch", ":execrows",
      "queries/people.sql", 37,
      "UPDATE people SET bio = CASE WHEN ?::boolean THEN ? ELSE bio END WHERE "
      + "id = ?");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public PeopleQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public PeopleQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public PeopleQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public PeopleQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * bio and born are nullable columns: their parameters take null; email is NOT NULL.
   *
   * <p>{@code InsertValues} {@code :exec}, {@code queries/people.sql:3}:
   * <pre>{@code
   * INSERT INTO people (email, bio, born) VALUES (@email, @bio, @born)
   * }</pre>
   */
  public void insertValues(String email, @Nullable String bio, @Nullable LocalDate born) {
    Objects.requireNonNull(email, "email");
    runner.execute(INSERT_VALUES, statement -> {
      statement.setString(1, email);
      statement.setObject(2, bio, Types.VARCHAR);
      statement.setObject(3, born, Types.DATE);
    });
  }

  /**
   * {@code InsertSelect} {@code :exec}, {@code queries/people.sql:7}:
   * <pre>{@code
   * INSERT INTO people (email, bio) SELECT @email, @bio::text
   * }</pre>
   */
  public void insertSelect(String email, @Nullable String bio) {
    Objects.requireNonNull(email, "email");
    runner.execute(INSERT_SELECT, statement -> {
      statement.setString(1, email);
      statement.setObject(2, bio, Types.VARCHAR);
    });
  }

  /**
   * {@code UpdateSet} {@code :execrows}, {@code queries/people.sql:10}:
   * <pre>{@code
   * UPDATE people SET bio = @bio, born = @born WHERE id = @id
   * }</pre>
   */
  public long updateSet(@Nullable String bio, @Nullable LocalDate born, long id) {
    return runner.updateCount(UPDATE_SET, statement -> {
      statement.setObject(1, bio, Types.VARCHAR);
      statement.setObject(2, born, Types.DATE);
      statement.setLong(3, id);
    });
  }

  /**
   * An optional filter: a null born_before keeps every row.
   *
   * <p>{@code IsNullTest} {@code :many}, {@code queries/people.sql:13}:
   * <pre>{@code
   * SELECT id FROM people WHERE @born_before::date IS NULL OR born < @born_before
   * }</pre>
   */
  public List<Long> isNullTest(@Nullable LocalDate bornBefore) {
    return runner.list(IS_NULL_TEST, statement -> {
      statement.setObject(1, bornBefore, Types.DATE);
      statement.setObject(2, bornBefore, Types.DATE);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code DistinctFrom} {@code :many}, {@code queries/people.sql:17}:
   * <pre>{@code
   * SELECT id FROM people WHERE bio IS NOT DISTINCT FROM @bio
   * }</pre>
   */
  public List<Long> distinctFrom(@Nullable String bio) {
    return runner.list(DISTINCT_FROM, statement -> {
      statement.setObject(1, bio, Types.VARCHAR);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code Coalesce} {@code :execrows}, {@code queries/people.sql:20}:
   * <pre>{@code
   * UPDATE people SET visits = coalesce(@visits, visits) WHERE id = @id
   * }</pre>
   */
  public long coalesce(@Nullable Integer visits, long id) {
    return runner.updateCount(COALESCE, statement -> {
      statement.setObject(1, visits, Types.INTEGER);
      statement.setLong(2, id);
    });
  }

  /**
   * {@code Nullif} {@code :exec}, {@code queries/people.sql:23}:
   * <pre>{@code
   * UPDATE people SET bio = nullif(@bio_text, '') WHERE id = @id
   * }</pre>
   */
  public void nullif(@Nullable String bioText, long id) {
    runner.execute(NULLIF, statement -> {
      statement.setObject(1, bioText, Types.VARCHAR);
      statement.setLong(2, id);
    });
  }

  /**
   * {@code Narg} {@code :many}, {@code queries/people.sql:26}:
   * <pre>{@code
   * SELECT id FROM people WHERE email = coalesce(sqlc.narg(email), email)
   * }</pre>
   */
  public List<Long> narg(@Nullable String email) {
    return runner.list(NARG, statement -> {
      statement.setObject(1, email, Types.VARCHAR);
    }, rows -> rows.getLong(1));
  }

  /**
   * bio is nullable, but NULL = anything matches no row: the parameter stays non-null.
   *
   * <p>{@code EqualsStaysNonNull} {@code :many}, {@code queries/people.sql:29}:
   * <pre>{@code
   * SELECT id FROM people WHERE bio = @bio
   * }</pre>
   */
  public List<Long> equalsStaysNonNull(String bio) {
    Objects.requireNonNull(bio, "bio");
    return runner.list(EQUALS_STAYS_NON_NULL, statement -> {
      statement.setString(1, bio);
    }, rows -> rows.getLong(1));
  }

  /**
   * Stored into email (NOT NULL) too: a null would fail, so it stays non-null.
   *
   * <p>{@code SameParameterIntoNotNull} {@code :exec}, {@code queries/people.sql:33}:
   * <pre>{@code
   * INSERT INTO people (email, bio) VALUES (@text, @text)
   * }</pre>
   */
  public void sameParameterIntoNotNull(String text) {
    Objects.requireNonNull(text, "text");
    runner.execute(SAME_PARAMETER_INTO_NOT_NULL, statement -> {
      statement.setString(1, text);
      statement.setString(2, text);
    });
  }

  /**
   * The value of a CASE stored into bio: river's "do_update" flags, a partial update by hand.
   *
   * <p>{@code CaseBranch} {@code :execrows}, {@code queries/people.sql:37}:
   * <pre>{@code
   * UPDATE people SET bio = CASE WHEN @bio_do_update::boolean THEN @bio ELSE bio END WHERE id = @id
   * }</pre>
   */
  public long caseBranch(boolean bioDoUpdate, @Nullable String bio, long id) {
    return runner.updateCount(CASE_BRANCH, statement -> {
      statement.setBoolean(1, bioDoUpdate);
      statement.setObject(2, bio, Types.VARCHAR);
      statement.setLong(3, id);
    });
  }
}
