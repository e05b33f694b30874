package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.QueryStreams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/selectors.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class SelectorsQueries {
  private static final String GET_SELECTOR = "SELECT * FROM profile_selectors WHERE id = ?";

  private static final String PROFILE_SELECTORS = "SELECT id, unnest(selectors)::profile_selector AS selector FROM profiles";

  private static final String ADD_SELECTOR = "UPDATE profiles SET selectors = selectors || ?::profile_selector WHERE id = ?";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public SelectorsQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public SelectorsQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public SelectorsQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code GetSelector} {@code :one}, {@code queries/selectors.sql:1}:
   * <pre>{@code
   * SELECT * FROM profile_selectors WHERE id = @id
   * }</pre>
   */
  public Optional<ProfileSelectorRecord> getSelector(UUID id) {
    Objects.requireNonNull(id, "id");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(GET_SELECTOR)) {
        statement.setObject(1, id, Types.OTHER);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          ProfileSelectorRecord row = readProfileSelectorRecord(rows);
          if (rows.next()) {
            throw new QueryException("GetSelector", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("GetSelector", e);
    }
  }

  /**
   * {@code ProfileSelectors} {@code :many}, {@code queries/selectors.sql:4}:
   * <pre>{@code
   * SELECT id, unnest(selectors)::profile_selector AS selector FROM profiles
   * }</pre>
   */
  public List<ProfileSelectorsRow> profileSelectors() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(PROFILE_SELECTORS)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<ProfileSelectorsRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readProfileSelectorsRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("ProfileSelectors", e);
    }
  }

  /**
   * The rows of {@link #profileSelectors}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<ProfileSelectorsRow> streamProfileSelectors() {
    return QueryStreams.open(connections, "ProfileSelectors", PROFILE_SELECTORS, statement -> {}, rows -> readProfileSelectorsRow(rows));
  }

  /**
   * {@code AddSelector} {@code :exec}, {@code queries/selectors.sql:7}:
   * <pre>{@code
   * UPDATE profiles SET selectors = selectors || @selector::profile_selector WHERE id = @id
   * }</pre>
   */
  public void addSelector(ProfileSelector selector, UUID id) {
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(id, "id");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(ADD_SELECTOR)) {
        statement.setObject(1, selector.pgText(), Types.OTHER);
        statement.setObject(2, id, Types.OTHER);
        statement.execute();
      }
    } catch (SQLException e) {
      throw new QueryException("AddSelector", e);
    }
  }

  private static ProfileSelectorRecord readProfileSelectorRecord(ResultSet rows) throws
      SQLException {
    return new ProfileSelectorRecord(
        rows.getObject(1, UUID.class),
        rows.getString(2),
        rows.getString(3));
  }

  private static ProfileSelectorsRow readProfileSelectorsRow(ResultSet rows) throws SQLException {
    return new ProfileSelectorsRow(
        rows.getObject(1, UUID.class),
        ProfileSelector.fromPg(rows.getString(2)));
  }

  /**
   * A row of {@code ProfileSelectors}.
   */
  public record ProfileSelectorsRow(UUID id, @Nullable ProfileSelector selector) {
  }
}
