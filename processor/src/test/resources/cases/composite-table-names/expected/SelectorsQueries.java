package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/selectors.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class SelectorsQueries {
  private static final Query GET_SELECTOR = new Query("GetSelector", ":one",
      "queries/selectors.sql", 1,
      "SELECT * FROM profile_selectors WHERE id = ?");

  private static final Query PROFILE_SELECTORS = new Query("ProfileSelectors", ":many",
      "queries/selectors.sql", 4,
      "SELECT id, unnest(selectors)::profile_selector AS selector FROM profiles");

  private static final Query ADD_SELECTOR = new Query("AddSelector", ":exec",
      "queries/selectors.sql", 7,
      "UPDATE profiles SET selectors = selectors || ?::profile_selector WHERE "
      + "id = ?");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public SelectorsQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public SelectorsQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public SelectorsQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public SelectorsQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code GetSelector} {@code :one}, {@code queries/selectors.sql:1}:
   * <pre>{@code
   * SELECT * FROM profile_selectors WHERE id = @id
   * }</pre>
   */
  public Optional<ProfileSelectorRecord> getSelector(UUID id) {
    Objects.requireNonNull(id, "id");
    return runner.optional(GET_SELECTOR, statement -> {
      statement.setObject(1, id, Types.OTHER);
    }, SelectorsQueries::readProfileSelectorRecord);
  }

  /**
   * {@code ProfileSelectors} {@code :many}, {@code queries/selectors.sql:4}:
   * <pre>{@code
   * SELECT id, unnest(selectors)::profile_selector AS selector FROM profiles
   * }</pre>
   */
  public List<ProfileSelectorsRow> profileSelectors() {
    return runner.list(PROFILE_SELECTORS, statement -> {},
        SelectorsQueries::readProfileSelectorsRow);
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
    runner.execute(ADD_SELECTOR, statement -> {
      statement.setObject(1, selector.pgText(), Types.OTHER);
      statement.setObject(2, id, Types.OTHER);
    });
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
