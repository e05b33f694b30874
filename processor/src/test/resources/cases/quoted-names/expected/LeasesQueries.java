package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import dev.quarry.runtime.SqlArrays;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
  private static final Query CREATE_LEASE = new Query("CreateLease", ":one", "queries/leases.sql",
      1,
      "INSERT INTO \"Billing\".\"Lease\" (\"TenantId\", \"Kind\", \"PastKinds\", \"Steps\", "
      + "\"Rent\")\n"
      + "VALUES (?, ?::\"LeaseKind\", cast(?::text[] AS \"LeaseKind\"[]),\n"
      + "        ?::\"Billing\".\"StepKind\"[], ?)\n"
      + "RETURNING *");

  private static final Query LEASES_OF_KIND = new Query("LeasesOfKind", ":many",
      "queries/leases.sql", 7,
      "SELECT \"Id\", \"Kind\", \"PastKinds\", \"Steps\", \"Rent\" FROM "
      + "\"Billing\".\"Lease\"\n"
      + "WHERE \"Kind\" = ANY(?::\"LeaseKind\"[]) ORDER BY \"Id\"");

  private static final Query LEASE_WITH_TENANT = new Query("LeaseWithTenant", ":one",
      "queries/leases.sql", 11,
      "SELECT l.*, \"Tenant\".*, \"Tenant\".\"Home\"\n"
      + "FROM \"Billing\".\"Lease\" l JOIN \"Tenant\" ON \"Tenant\".\"Id\" = l.\"TenantId\"\n"
      + "WHERE l.\"Id\" = ?");

  private static final Query LONG_LEASES = new Query("LongLeases", ":many", "queries/leases.sql",
      16,
      "SELECT * FROM \"Billing\".\"LongLeases\" ORDER BY \"Id\"");

  private static final Query CREATE_TENANT = new Query("CreateTenant", ":one", "queries/leases.sql",
      19,
      "INSERT INTO \"Tenant\" (\"FullName\", \"Home\") VALUES (?, ?) RETURNING \"Id\"");

  private static final Query KIND_LABELS = new Query("KindLabels", ":many", "queries/leases.sql",
      22,
      "SELECT unnest(enum_range(NULL::\"LeaseKind\")) AS \"Label\"");

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
   * <pre>
   * INSERT INTO "Billing"."Lease" ("TenantId", "Kind", "PastKinds", "Steps", "Rent")
   * VALUES (&#64;tenant_id, &#64;kind::"LeaseKind", cast(&#64;past_kinds::text[] AS "LeaseKind"[]),
   *         &#64;steps::"Billing"."StepKind"[], &#64;rent)
   * RETURNING *
   * </pre>
   */
  public Lease createLease(CreateLeaseParams params) {
    Objects.requireNonNull(params, "params");
    return runner.single(CREATE_LEASE, statement -> {
      statement.setLong(1, params.tenantId());
      statement.setObject(2, params.kind().label(), Types.OTHER);
      statement.setArray(3, SqlArrays.create(statement.getConnection(), "text",
          params.pastKinds()));
      statement.setArray(4, SqlArrays.create(statement.getConnection(), "\"Billing\".\"StepKind\"",
          params.steps()));
      statement.setLong(5, params.rent());
    }, LeasesQueries::readLease);
  }

  /**
   * {@code LeasesOfKind} {@code :many}, {@code queries/leases.sql:7}:
   * <pre>{@code
   * SELECT "Id", "Kind", "PastKinds", "Steps", "Rent" FROM "Billing"."Lease"
   * WHERE "Kind" = ANY(@kinds::"LeaseKind"[]) ORDER BY "Id"
   * }</pre>
   */
  public List<LeasesOfKindRow> leasesOfKind(List<LeaseKind> kinds) {
    Objects.requireNonNull(kinds, "kinds");
    return runner.list(LEASES_OF_KIND, statement -> {
      statement.setArray(1, SqlArrays.create(statement.getConnection(), "\"public\".\"LeaseKind\"",
          kinds));
    }, LeasesQueries::readLeasesOfKindRow);
  }

  /**
   * {@code LeaseWithTenant} {@code :one}, {@code queries/leases.sql:11}:
   * <pre>{@code
   * SELECT sqlc.embed(l), sqlc.embed("Tenant"), "Tenant"."Home"
   * FROM "Billing"."Lease" l JOIN "Tenant" ON "Tenant"."Id" = l."TenantId"
   * WHERE l."Id" = @id
   * }</pre>
   */
  public Optional<LeaseWithTenantRow> leaseWithTenant(long id) {
    return runner.optional(LEASE_WITH_TENANT, statement -> {
      statement.setLong(1, id);
    }, LeasesQueries::readLeaseWithTenantRow);
  }

  /**
   * {@code LongLeases} {@code :many}, {@code queries/leases.sql:16}:
   * <pre>{@code
   * SELECT * FROM "Billing"."LongLeases" ORDER BY "Id"
   * }</pre>
   */
  public List<LongLease> longLeases() {
    return runner.list(LONG_LEASES, statement -> {}, LeasesQueries::readLongLease);
  }

  /**
   * {@code CreateTenant} {@code :one}, {@code queries/leases.sql:19}:
   * <pre>{@code
   * INSERT INTO "Tenant" ("FullName", "Home") VALUES (@full_name, @home) RETURNING "Id"
   * }</pre>
   */
  public long createTenant(String fullName, @Nullable Address home) {
    Objects.requireNonNull(fullName, "fullName");
    return runner.single(CREATE_TENANT, statement -> {
      statement.setString(1, fullName);
      statement.setObject(2, home == null ? null : home.pgText(), Types.OTHER);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code KindLabels} {@code :many}, {@code queries/leases.sql:22}:
   * <pre>{@code
   * SELECT unnest(enum_range(NULL::"LeaseKind")) AS "Label"
   * }</pre>
   */
  public List<@Nullable LeaseKind> kindLabels() {
    return runner.list(KIND_LABELS, statement -> {},
        rows -> LeaseKind.fromNullableLabel(rows.getString(1)));
  }

  private static Lease readLease(ResultSet rows) throws SQLException {
    return new Lease(
        rows.getLong(1),
        rows.getLong(2),
        LeaseKind.fromLabel(rows.getString(3)),
        SqlArrays.toNonNullList(rows.getArray(4), (r, c) -> LeaseKind.fromNullableLabel(r.getString(c))),
        SqlArrays.toList(rows.getArray(5), (r, c) -> StepKind.fromNullableLabel(r.getString(c))),
        rows.getLong(6),
        rows.getString(7));
  }

  private static LeasesOfKindRow readLeasesOfKindRow(ResultSet rows) throws SQLException {
    return new LeasesOfKindRow(
        rows.getLong(1),
        LeaseKind.fromLabel(rows.getString(2)),
        SqlArrays.toNonNullList(rows.getArray(3), (r, c) -> LeaseKind.fromNullableLabel(r.getString(c))),
        SqlArrays.toList(rows.getArray(4), (r, c) -> StepKind.fromNullableLabel(r.getString(c))),
        rows.getLong(5));
  }

  private static Lease readLeaseAt(ResultSet rows, int offset) throws SQLException {
    return new Lease(
        rows.getLong(offset + 1),
        rows.getLong(offset + 2),
        LeaseKind.fromLabel(rows.getString(offset + 3)),
        SqlArrays.toNonNullList(rows.getArray(offset + 4), (r, c) -> LeaseKind.fromNullableLabel(r.getString(c))),
        SqlArrays.toList(rows.getArray(offset + 5), (r, c) -> StepKind.fromNullableLabel(r.getString(c))),
        rows.getLong(offset + 6),
        rows.getString(offset + 7));
  }

  private static Tenant readTenantAt(ResultSet rows, int offset) throws SQLException {
    return new Tenant(
        rows.getLong(offset + 1),
        rows.getString(offset + 2),
        Address.fromPg(rows.getString(offset + 3)));
  }

  private static LeaseWithTenantRow readLeaseWithTenantRow(ResultSet rows) throws SQLException {
    return new LeaseWithTenantRow(
        readLeaseAt(rows, 0),
        readTenantAt(rows, 7),
        Address.fromPg(rows.getString(11)));
  }

  private static LongLease readLongLease(ResultSet rows) throws SQLException {
    return new LongLease(
        rows.getLong(1),
        rows.getLong(2),
        LeaseKind.fromLabel(rows.getString(3)),
        rows.getLong(4),
        rows.getString(5));
  }

  /**
   * A row of {@code LeasesOfKind}.
   */
  public record LeasesOfKindRow(long id, LeaseKind kind, List<@Nullable LeaseKind> pastKinds,
      @Nullable List<@Nullable StepKind> steps, long rent) {
  }

  /**
   * A row of {@code LeaseWithTenant}.
   */
  public record LeaseWithTenantRow(Lease lease, Tenant tenant, @Nullable Address home) {
  }

  /**
   * The parameters of {@code CreateLease}.
   */
  public record CreateLeaseParams(long tenantId, LeaseKind kind, List<String> pastKinds,
      @Nullable List<StepKind> steps, long rent) {
    public CreateLeaseParams {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(pastKinds, "pastKinds");
      pastKinds = Collections.unmodifiableList(new ArrayList<>(pastKinds));
      steps = steps == null ? null : Collections.unmodifiableList(new ArrayList<>(steps));
    }
  }
}
