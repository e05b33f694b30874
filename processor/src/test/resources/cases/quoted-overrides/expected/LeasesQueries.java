package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import dev.quarry.runtime.ValueConverters;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/leases.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class LeasesQueries {
  private static final CentsConverter CENTS_CONVERTER = new CentsConverter();

  private static final NoteConverter NOTE_CONVERTER = new NoteConverter();

  private static final Query CREATE_LEASE = new Query("CreateLease", ":one", "queries/leases.sql",
      1,
      "INSERT INTO \"Billing\".\"Lease\" (\"Rent\", \"Note\") VALUES (?, ?) RETURNING *");

  private static final Query RENTS = new Query("Rents", ":many", "queries/leases.sql", 4,
      "SELECT \"Rent\", \"Note\" FROM \"Billing\".\"Lease\" ORDER BY \"Id\"");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public LeasesQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public LeasesQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public LeasesQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public LeasesQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code CreateLease} {@code :one}, {@code queries/leases.sql:1}:
   * <pre>{@code
   * INSERT INTO "Billing"."Lease" ("Rent", "Note") VALUES (@rent, @note) RETURNING *
   * }</pre>
   */
  public Lease createLease(Cents rent, @Nullable Note note) {
    Objects.requireNonNull(rent, "rent");
    return runner.single(CREATE_LEASE, statement -> {
      statement.setLong(1, CENTS_CONVERTER.toDatabase(rent));
      statement.setObject(2, ValueConverters.toDatabase(NOTE_CONVERTER, note), Types.VARCHAR);
    }, LeasesQueries::readLease);
  }

  /**
   * {@code Rents} {@code :many}, {@code queries/leases.sql:4}:
   * <pre>{@code
   * SELECT "Rent", "Note" FROM "Billing"."Lease" ORDER BY "Id"
   * }</pre>
   */
  public List<RentsRow> rents() {
    return runner.list(RENTS, statement -> {}, LeasesQueries::readRentsRow);
  }

  private static Lease readLease(ResultSet rows) throws SQLException {
    return new Lease(
        rows.getLong(1),
        CENTS_CONVERTER.fromDatabase(rows.getLong(2)),
        ValueConverters.fromDatabase(NOTE_CONVERTER, rows.getString(3)));
  }

  private static RentsRow readRentsRow(ResultSet rows) throws SQLException {
    return new RentsRow(
        CENTS_CONVERTER.fromDatabase(rows.getLong(1)),
        ValueConverters.fromDatabase(NOTE_CONVERTER, rows.getString(2)));
  }

  /**
   * A row of {@code Rents}.
   */
  public record RentsRow(Cents rent, @Nullable Note note) {
  }
}
