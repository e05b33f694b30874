package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/profiles.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class ProfilesQueries {
  private static final Query PROFILE_BY_NAME = new Query("ProfileByName", ":one",
      "queries/profiles.sql", 2,
      "SELECT profiles_with_project.*, projects.id AS project_id\n"
      + "FROM profiles_with_project JOIN projects ON projects.name = "
      + "profiles_with_project.project_name\n"
      + "WHERE profiles_with_project.name = ?");

  private static final Query PROFILE_EVENTS = new Query("ProfileEvents", ":many",
      "queries/profiles.sql", 8,
      "SELECT p.*, e.*\n"
      + "FROM profiles p LEFT JOIN audit.\"Event\" e ON e.\"ProfileId\" = p.id\n"
      + "ORDER BY p.id");

  private static final Query LIST_PROFILES_WITH_EVENTS = new Query("ListProfilesWithEvents",
      ":many", "queries/profiles.sql", 13,
      "SELECT * FROM profiles_with_events ORDER BY id");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public ProfilesQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public ProfilesQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public ProfilesQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public ProfilesQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
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
    return runner.optional(PROFILE_BY_NAME, statement -> {
      statement.setString(1, name);
    }, ProfilesQueries::readProfileByNameRow);
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
    return runner.list(PROFILE_EVENTS, statement -> {}, ProfilesQueries::readProfileEventsRow);
  }

  /**
   * {@code ListProfilesWithEvents} {@code :many}, {@code queries/profiles.sql:13}:
   * <pre>{@code
   * SELECT * FROM profiles_with_events ORDER BY id
   * }</pre>
   */
  public List<ProfilesWithEvent> listProfilesWithEvents() {
    return runner.list(LIST_PROFILES_WITH_EVENTS, statement -> {},
        ProfilesQueries::readProfilesWithEvent);
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
    // Id is NOT NULL in every row the join found
    return rows.getObject(offset + 1) == null ? null : readEventAt(rows, offset);
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
