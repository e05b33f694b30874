package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.QueryStreams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/profiles.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class ProfilesQueries {
  private static final String PROFILE_BY_NAME = "SELECT profiles_with_project.*, projects.id AS project_id\n"
      + "FROM profiles_with_project JOIN projects ON projects.name = profiles_with_project.project_name\n"
      + "WHERE profiles_with_project.name = ?";

  private static final String PROFILE_EVENTS = "SELECT p.*, e.*\n"
      + "FROM profiles p LEFT JOIN audit.\"Event\" e ON e.\"ProfileId\" = p.id\n"
      + "ORDER BY p.id";

  private static final String LIST_PROFILES_WITH_EVENTS = "SELECT * FROM profiles_with_events ORDER BY id";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public ProfilesQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public ProfilesQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public ProfilesQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * {@code ProfileByName} {@code :one}, {@code queries/profiles.sql:2}:
   * <pre>{@code
   * SELECT sqlc.embed(profiles_with_project), projects.id AS project_id
   * FROM profiles_with_project JOIN projects ON projects.name = profiles_with_project.project_name
   * WHERE profiles_with_project.name = @name
   * }</pre>
   */
  public Optional<ProfileByNameRow> profileByName(String name) {
    Objects.requireNonNull(name, "name");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(PROFILE_BY_NAME)) {
        statement.setString(1, name);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          ProfileByNameRow row = readProfileByNameRow(rows);
          if (rows.next()) {
            throw new QueryException("ProfileByName", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("ProfileByName", e);
    }
  }

  /**
   * {@code ProfileEvents} {@code :many}, {@code queries/profiles.sql:8}:
   * <pre>{@code
   * SELECT sqlc.embed(p), sqlc.embed(e)
   * FROM profiles p LEFT JOIN audit."Event" e ON e."ProfileId" = p.id
   * ORDER BY p.id
   * }</pre>
   */
  public List<ProfileEventsRow> profileEvents() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(PROFILE_EVENTS)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<ProfileEventsRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readProfileEventsRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("ProfileEvents", e);
    }
  }

  /**
   * The rows of {@link #profileEvents}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<ProfileEventsRow> streamProfileEvents() {
    return QueryStreams.open(connections, "ProfileEvents", PROFILE_EVENTS, statement -> {}, rows -> readProfileEventsRow(rows));
  }

  /**
   * {@code ListProfilesWithEvents} {@code :many}, {@code queries/profiles.sql:13}:
   * <pre>{@code
   * SELECT * FROM profiles_with_events ORDER BY id
   * }</pre>
   */
  public List<ProfilesWithEvent> listProfilesWithEvents() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(LIST_PROFILES_WITH_EVENTS)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<ProfilesWithEvent> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readProfilesWithEvent(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("ListProfilesWithEvents", e);
    }
  }

  /**
   * The rows of {@link #listProfilesWithEvents}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<ProfilesWithEvent> streamListProfilesWithEvents() {
    return QueryStreams.open(connections, "ListProfilesWithEvents", LIST_PROFILES_WITH_EVENTS, statement -> {}, rows -> readProfilesWithEvent(rows));
  }

  private static ProfilesWithProject readProfilesWithProjectAt(ResultSet rows, int offset) throws
      SQLException {
    return new ProfilesWithProject(
        rows.getLong(offset + 1),
        rows.getString(offset + 2),
        rows.getString(offset + 3),
        rows.getString(offset + 4));
  }

  private static ProfileByNameRow readProfileByNameRow(ResultSet rows) throws SQLException {
    return new ProfileByNameRow(
        readProfilesWithProjectAt(rows, 0),
        rows.getLong(5));
  }

  private static Profile readProfileAt(ResultSet rows, int offset) throws SQLException {
    return new Profile(
        rows.getLong(offset + 1),
        rows.getLong(offset + 2),
        rows.getString(offset + 3),
        rows.getString(offset + 4));
  }

  private static Event readEventAt(ResultSet rows, int offset) throws SQLException {
    return new Event(
        rows.getLong(offset + 1),
        rows.getLong(offset + 2),
        rows.getString(offset + 3));
  }

  private static @Nullable Event readNullableEventAt(ResultSet rows, int offset) throws
      SQLException {
    for (int column = offset + 1; column <= offset + 3; column++) {
      if (rows.getObject(column) != null) {
        return readEventAt(rows, offset);
      }
    }
    return null;
  }

  private static ProfileEventsRow readProfileEventsRow(ResultSet rows) throws SQLException {
    return new ProfileEventsRow(
        readProfileAt(rows, 0),
        readNullableEventAt(rows, 4));
  }

  private static ProfilesWithEvent readProfilesWithEvent(ResultSet rows) throws SQLException {
    return new ProfilesWithEvent(
        rows.getLong(1),
        rows.getString(2));
  }

  /**
   * A row of {@code ProfileByName}.
   */
  public record ProfileByNameRow(ProfilesWithProject profilesWithProject, long projectId) {
  }

  /**
   * A row of {@code ProfileEvents}.
   */
  public record ProfileEventsRow(Profile profile, @Nullable Event event) {
  }
}
