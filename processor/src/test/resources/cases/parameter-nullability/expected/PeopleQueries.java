package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.QueryStreams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/people.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class PeopleQueries {
  private static final String INSERT_VALUES = "INSERT INTO people (email, bio, born) VALUES (?, ?, ?)";

  private static final String INSERT_SELECT = "INSERT INTO people (email, bio) SELECT ?, ?::text";

  private static final String UPDATE_SET = "UPDATE people SET bio = ?, born = ? WHERE id = ?";

  private static final String IS_NULL_TEST = "SELECT id FROM people WHERE ?::date IS NULL OR born < ?";

  private static final String DISTINCT_FROM = "SELECT id FROM people WHERE bio IS NOT DISTINCT FROM ?";

  private static final String COALESCE = "UPDATE people SET visits = coalesce(?, visits) WHERE id = ?";

  private static final String NULLIF = "UPDATE people SET bio = nullif(?, '') WHERE id = ?";

  private static final String NARG = "SELECT id FROM people WHERE email = coalesce(?, email)";

  private static final String EQUALS_STAYS_NON_NULL = "SELECT id FROM people WHERE bio = ?";

  private static final String SAME_PARAMETER_INTO_NOT_NULL = "INSERT INTO people (email, bio) VALUES (?, ?)";

  private static final String CASE_BRANCH = "UPDATE people SET bio = CASE WHEN ?::boolean THEN ? ELSE bio END WHERE id = ?";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public PeopleQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public PeopleQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public PeopleQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(INSERT_VALUES)) {
        statement.setString(1, email);
        statement.setObject(2, bio, Types.VARCHAR);
        statement.setObject(3, born, Types.DATE);
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("InsertValues", e);
    }
  }

  /**
   * {@code InsertSelect} {@code :exec}, {@code queries/people.sql:7}:
   * <pre>{@code
   * INSERT INTO people (email, bio) SELECT @email, @bio::text
   * }</pre>
   */
  public void insertSelect(String email, @Nullable String bio) {
    Objects.requireNonNull(email, "email");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(INSERT_SELECT)) {
        statement.setString(1, email);
        statement.setObject(2, bio, Types.VARCHAR);
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("InsertSelect", e);
    }
  }

  /**
   * {@code UpdateSet} {@code :execrows}, {@code queries/people.sql:10}:
   * <pre>{@code
   * UPDATE people SET bio = @bio, born = @born WHERE id = @id
   * }</pre>
   */
  public long updateSet(@Nullable String bio, @Nullable LocalDate born, long id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(UPDATE_SET)) {
        statement.setObject(1, bio, Types.VARCHAR);
        statement.setObject(2, born, Types.DATE);
        statement.setLong(3, id);
        return statement.executeLargeUpdate();
      }
    } catch (SQLException e) {
      throw new QueryException("UpdateSet", e);
    }
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(IS_NULL_TEST)) {
        statement.setObject(1, bornBefore, Types.DATE);
        statement.setObject(2, bornBefore, Types.DATE);
        try (ResultSet rows = statement.executeQuery()) {
          List<Long> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getLong(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("IsNullTest", e);
    }
  }

  /**
   * The rows of {@link #isNullTest}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Long> streamIsNullTest(@Nullable LocalDate bornBefore) {
    return QueryStreams.open(connections, "IsNullTest", IS_NULL_TEST, statement -> {
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(DISTINCT_FROM)) {
        statement.setObject(1, bio, Types.VARCHAR);
        try (ResultSet rows = statement.executeQuery()) {
          List<Long> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getLong(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("DistinctFrom", e);
    }
  }

  /**
   * The rows of {@link #distinctFrom}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Long> streamDistinctFrom(@Nullable String bio) {
    return QueryStreams.open(connections, "DistinctFrom", DISTINCT_FROM, statement -> {
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(COALESCE)) {
        statement.setObject(1, visits, Types.INTEGER);
        statement.setLong(2, id);
        return statement.executeLargeUpdate();
      }
    } catch (SQLException e) {
      throw new QueryException("Coalesce", e);
    }
  }

  /**
   * {@code Nullif} {@code :exec}, {@code queries/people.sql:23}:
   * <pre>{@code
   * UPDATE people SET bio = nullif(@bio_text, '') WHERE id = @id
   * }</pre>
   */
  public void nullif(@Nullable String bioText, long id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(NULLIF)) {
        statement.setObject(1, bioText, Types.VARCHAR);
        statement.setLong(2, id);
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("Nullif", e);
    }
  }

  /**
   * {@code Narg} {@code :many}, {@code queries/people.sql:26}:
   * <pre>{@code
   * SELECT id FROM people WHERE email = coalesce(sqlc.narg(email), email)
   * }</pre>
   */
  public List<Long> narg(@Nullable String email) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(NARG)) {
        statement.setObject(1, email, Types.VARCHAR);
        try (ResultSet rows = statement.executeQuery()) {
          List<Long> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getLong(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("Narg", e);
    }
  }

  /**
   * The rows of {@link #narg}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Long> streamNarg(@Nullable String email) {
    return QueryStreams.open(connections, "Narg", NARG, statement -> {
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(EQUALS_STAYS_NON_NULL)) {
        statement.setString(1, bio);
        try (ResultSet rows = statement.executeQuery()) {
          List<Long> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getLong(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("EqualsStaysNonNull", e);
    }
  }

  /**
   * The rows of {@link #equalsStaysNonNull}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Long> streamEqualsStaysNonNull(String bio) {
    Objects.requireNonNull(bio, "bio");
    return QueryStreams.open(connections, "EqualsStaysNonNull", EQUALS_STAYS_NON_NULL, statement -> {
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(SAME_PARAMETER_INTO_NOT_NULL)) {
        statement.setString(1, text);
        statement.setString(2, text);
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("SameParameterIntoNotNull", e);
    }
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(CASE_BRANCH)) {
        statement.setBoolean(1, bioDoUpdate);
        statement.setObject(2, bio, Types.VARCHAR);
        statement.setLong(3, id);
        return statement.executeLargeUpdate();
      }
    } catch (SQLException e) {
      throw new QueryException("CaseBranch", e);
    }
  }
}
