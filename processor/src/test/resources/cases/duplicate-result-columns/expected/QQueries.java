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
 * The queries of {@code queries/q.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class QQueries {
  private static final Query BOTH_IDS = new Query("BothIds", ":many", "queries/q.sql", 1,
      "SELECT a.id, b.id, a.label, b.label FROM a JOIN b ON b.a_id = a.id");

  private static final Query THREE_IDS = new Query("ThreeIds", ":one", "queries/q.sql", 4,
      "SELECT a.id, b.id, b.a_id AS id FROM a JOIN b ON b.a_id = a.id WHERE "
      + "a.id = ?");

  private static final Query RENAMED_CLASH = new Query("RenamedClash", ":many", "queries/q.sql", 7,
      "SELECT a.id, b.id, a.id AS id2, b.label AS \"ID\" FROM a JOIN b ON b.a_id "
      + "= a.id");

  private static final Query CASE_CLASH = new Query("CaseClash", ":many", "queries/q.sql", 10,
      "SELECT a.label AS \"Label\", a.label AS label, a.label AS \"LABEL\" FROM a");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public QQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public QQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public QQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public QQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code BothIds} {@code :many}, {@code queries/q.sql:1}:
   * <pre>{@code
   * SELECT a.id, b.id, a.label, b.label FROM a JOIN b ON b.a_id = a.id
   * }</pre>
   */
  public List<BothIdsRow> bothIds() {
    return runner.list(BOTH_IDS, statement -> {}, QQueries::readBothIdsRow);
  }

  /**
   * {@code ThreeIds} {@code :one}, {@code queries/q.sql:4}:
   * <pre>{@code
   * SELECT a.id, b.id, b.a_id AS id FROM a JOIN b ON b.a_id = a.id WHERE a.id = @id
   * }</pre>
   */
  public Optional<ThreeIdsRow> threeIds(long id) {
    return runner.optional(THREE_IDS, statement -> {
      statement.setLong(1, id);
    }, QQueries::readThreeIdsRow);
  }

  /**
   * {@code RenamedClash} {@code :many}, {@code queries/q.sql:7}:
   * <pre>{@code
   * SELECT a.id, b.id, a.id AS id2, b.label AS "ID" FROM a JOIN b ON b.a_id = a.id
   * }</pre>
   */
  public List<RenamedClashRow> renamedClash() {
    return runner.list(RENAMED_CLASH, statement -> {}, QQueries::readRenamedClashRow);
  }

  /**
   * {@code CaseClash} {@code :many}, {@code queries/q.sql:10}:
   * <pre>{@code
   * SELECT a.label AS "Label", a.label AS label, a.label AS "LABEL" FROM a
   * }</pre>
   */
  public List<CaseClashRow> caseClash() {
    return runner.list(CASE_CLASH, statement -> {}, QQueries::readCaseClashRow);
  }

  private static BothIdsRow readBothIdsRow(ResultSet rows) throws SQLException {
    return new BothIdsRow(
        rows.getLong(1),
        rows.getLong(2),
        rows.getString(3),
        rows.getString(4));
  }

  private static ThreeIdsRow readThreeIdsRow(ResultSet rows) throws SQLException {
    return new ThreeIdsRow(
        rows.getLong(1),
        rows.getLong(2),
        rows.getLong(3));
  }

  private static RenamedClashRow readRenamedClashRow(ResultSet rows) throws SQLException {
    return new RenamedClashRow(
        rows.getLong(1),
        rows.getLong(2),
        rows.getLong(3),
        rows.getString(4));
  }

  private static CaseClashRow readCaseClashRow(ResultSet rows) throws SQLException {
    return new CaseClashRow(
        rows.getString(1),
        rows.getString(2),
        rows.getString(3));
  }

  /**
   * A row of {@code BothIds}.
   */
  public record BothIdsRow(long id, long id2, String label, @Nullable String label2) {
  }

  /**
   * A row of {@code ThreeIds}.
   */
  public record ThreeIdsRow(long id, long id2, long id3) {
  }

  /**
   * A row of {@code RenamedClash}.
   */
  public record RenamedClashRow(long id, long id2, long id22, @Nullable String id3) {
  }

  /**
   * A row of {@code CaseClash}.
   */
  public record CaseClashRow(String label, String label2, String label3) {
  }
}
