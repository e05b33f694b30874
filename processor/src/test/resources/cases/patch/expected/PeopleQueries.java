package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Patch;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
  private static final Query PATCH_PERSON = new Query("PatchPerson", ":one", "queries/people.sql",
      1,
      "UPDATE people\n"
      + "SET display_name = CASE WHEN ?::boolean THEN ? ELSE display_name END,\n"
      + "    bio = CASE WHEN ?::boolean THEN ? ELSE bio END,\n"
      + "    born = CASE WHEN ?::boolean THEN ? ELSE born END,\n"
      + "    visits = visits + 1\n"
      + "WHERE id = ?\n"
      + "RETURNING *");

  private static final Query PATCH_BIO = new Query("PatchBio", ":execrows", "queries/people.sql",
      11,
      "UPDATE people SET bio = CASE WHEN ?::boolean THEN ? ELSE bio END WHERE "
      + "id = ?");

  private static final Query PATCH_PEOPLE = new Query("PatchPeople", ":batchexec",
      "queries/people.sql", 14,
      "UPDATE people SET bio = CASE WHEN ?::boolean THEN ? ELSE bio END, born = "
      + "CASE WHEN ?::boolean THEN ? ELSE born END WHERE id = ?");

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
   * Updates only the columns whose Patch is set.
   *
   * <p>{@code PatchPerson} {@code :one}, {@code queries/people.sql:1}:
   * <pre>{@code
   * UPDATE people
   * SET display_name = quarry.patch(@display_name),
   *     bio = quarry.patch(sqlc.arg(bio)),
   *     born = quarry.patch(@born),
   *     visits = visits + 1
   * WHERE id = @id
   * RETURNING *
   * }</pre>
   */
  public Optional<People> patchPerson(Patch<String> displayName, Patch<@Nullable String> bio,
      Patch<@Nullable LocalDate> born, long id) {
    Patch.requireNonNullValue(displayName, "displayName");
    Objects.requireNonNull(bio, "bio");
    Objects.requireNonNull(born, "born");
    return runner.optional(PATCH_PERSON, statement -> {
      statement.setBoolean(1, displayName.isSet());
      statement.setObject(2, displayName.value(), Types.VARCHAR);
      statement.setBoolean(3, bio.isSet());
      statement.setObject(4, bio.value(), Types.VARCHAR);
      statement.setBoolean(5, born.isSet());
      statement.setObject(6, born.value(), Types.DATE);
      statement.setLong(7, id);
    }, PeopleQueries::readPeople);
  }

  /**
   * {@code PatchBio} {@code :execrows}, {@code queries/people.sql:11}:
   * <pre>{@code
   * UPDATE people SET bio = quarry.patch(@bio) WHERE id = @id
   * }</pre>
   */
  public long patchBio(Patch<@Nullable String> bio, long id) {
    Objects.requireNonNull(bio, "bio");
    return runner.updateCount(PATCH_BIO, statement -> {
      statement.setBoolean(1, bio.isSet());
      statement.setObject(2, bio.value(), Types.VARCHAR);
      statement.setLong(3, id);
    });
  }

  /**
   * {@code PatchPeople} {@code :batchexec}, {@code queries/people.sql:14}:
   * <pre>{@code
   * UPDATE people SET bio = quarry.patch(@bio), born = quarry.patch(@born) WHERE id = @id
   * }</pre>
   */
  public long[] patchPeople(List<PatchPeopleParams> params) {
    Objects.requireNonNull(params, "params");
    return runner.batch(PATCH_PEOPLE, params, (statement, item) -> {
      statement.setBoolean(1, item.bio().isSet());
      statement.setObject(2, item.bio().value(), Types.VARCHAR);
      statement.setBoolean(3, item.born().isSet());
      statement.setObject(4, item.born().value(), Types.DATE);
      statement.setLong(5, item.id());
    });
  }

  private static People readPeople(ResultSet rows) throws SQLException {
    return new People(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3),
        rows.getObject(4, LocalDate.class),
        rows.getInt(5));
  }

  /**
   * The parameters of {@code PatchPeople}.
   */
  public record PatchPeopleParams(Patch<@Nullable String> bio, Patch<@Nullable LocalDate> born,
      long id) {
    public PatchPeopleParams {
      Objects.requireNonNull(bio, "bio");
      Objects.requireNonNull(born, "born");
    }
  }
}
