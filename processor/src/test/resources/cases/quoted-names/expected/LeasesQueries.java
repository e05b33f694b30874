package com.example.db;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.QueryStreams;
import dev.quarry.runtime.SqlArrays;
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
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/leases.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class LeasesQueries {
  private static final String CREATE_LEASE = "INSERT INTO \"Billing\".\"Lease\" (\"TenantId\", \"Kind\", \"PastKinds\", \"Steps\", \"Rent\")\n"
      + "VALUES (?, ?::\"LeaseKind\", cast(?::text[] AS \"LeaseKind\"[]),\n"
      + "        ?::\"Billing\".\"StepKind\"[], ?)\n"
      + "RETURNING *";

  private static final String LEASES_OF_KIND = "SELECT \"Id\", \"Kind\", \"PastKinds\", \"Steps\", \"Rent\" FROM \"Billing\".\"Lease\"\n"
      + "WHERE \"Kind\" = ANY(?::\"LeaseKind\"[]) ORDER BY \"Id\"";

  private static final String LEASE_WITH_TENANT = "SELECT l.*, \"Tenant\".*, \"Tenant\".\"Home\"\n"
      + "FROM \"Billing\".\"Lease\" l JOIN \"Tenant\" ON \"Tenant\".\"Id\" = l.\"TenantId\"\n"
      + "WHERE l.\"Id\" = ?";

  private static final String LONG_LEASES = "SELECT * FROM \"Billing\".\"LongLeases\" ORDER BY \"Id\"";

  private static final String CREATE_TENANT = "INSERT INTO \"Tenant\" (\"FullName\", \"Home\") VALUES (?, ?) RETURNING \"Id\"";

  private static final String KIND_LABELS = "SELECT unnest(enum_range(NULL::\"LeaseKind\")) AS \"Label\"";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public LeasesQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public LeasesQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public LeasesQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(CREATE_LEASE)) {
        statement.setLong(1, params.tenantId());
        statement.setObject(2, params.kind().label(), Types.OTHER);
        statement.setArray(3, SqlArrays.create(connection, "text", params.pastKinds()));
        statement.setArray(4, SqlArrays.create(connection, "\"Billing\".\"StepKind\"", params.steps()));
        statement.setLong(5, params.rent());
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("CreateLease", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          Lease row = readLease(rows);
          if (rows.next()) {
            throw new QueryException("CreateLease", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("CreateLease", e);
    }
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(LEASES_OF_KIND)) {
        statement.setArray(1, SqlArrays.create(connection, "\"public\".\"LeaseKind\"", kinds));
        try (ResultSet rows = statement.executeQuery()) {
          List<LeasesOfKindRow> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readLeasesOfKindRow(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("LeasesOfKind", e);
    }
  }

  /**
   * The rows of {@link #leasesOfKind}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<LeasesOfKindRow> streamLeasesOfKind(List<LeaseKind> kinds) {
    Objects.requireNonNull(kinds, "kinds");
    return QueryStreams.open(connections, "LeasesOfKind", LEASES_OF_KIND, statement -> {
      statement.setArray(1, SqlArrays.create(statement.getConnection(), "\"public\".\"LeaseKind\"", kinds));
    }, rows -> readLeasesOfKindRow(rows));
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(LEASE_WITH_TENANT)) {
        statement.setLong(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          LeaseWithTenantRow row = readLeaseWithTenantRow(rows);
          if (rows.next()) {
            throw new QueryException("LeaseWithTenant", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("LeaseWithTenant", e);
    }
  }

  /**
   * {@code LongLeases} {@code :many}, {@code queries/leases.sql:16}:
   * <pre>{@code
   * SELECT * FROM "Billing"."LongLeases" ORDER BY "Id"
   * }</pre>
   */
  public List<LongLease> longLeases() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(LONG_LEASES)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<LongLease> result = new ArrayList<>();
          while (rows.next()) {
            result.add(readLongLease(rows));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("LongLeases", e);
    }
  }

  /**
   * The rows of {@link #longLeases}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<LongLease> streamLongLeases() {
    return QueryStreams.open(connections, "LongLeases", LONG_LEASES, statement -> {}, rows -> readLongLease(rows));
  }

  /**
   * {@code CreateTenant} {@code :one}, {@code queries/leases.sql:19}:
   * <pre>{@code
   * INSERT INTO "Tenant" ("FullName", "Home") VALUES (@full_name, @home) RETURNING "Id"
   * }</pre>
   */
  public long createTenant(String fullName, @Nullable Address home) {
    Objects.requireNonNull(fullName, "fullName");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(CREATE_TENANT)) {
        statement.setString(1, fullName);
        statement.setObject(2, home == null ? null : home.pgText(), Types.OTHER);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("CreateTenant", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          long row = rows.getLong(1);
          if (rows.next()) {
            throw new QueryException("CreateTenant", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("CreateTenant", e);
    }
  }

  /**
   * {@code KindLabels} {@code :many}, {@code queries/leases.sql:22}:
   * <pre>{@code
   * SELECT unnest(enum_range(NULL::"LeaseKind")) AS "Label"
   * }</pre>
   */
  public List<@Nullable LeaseKind> kindLabels() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(KIND_LABELS)) {
        try (ResultSet rows = statement.executeQuery()) {
          List<@Nullable LeaseKind> result = new ArrayList<>();
          while (rows.next()) {
            result.add(LeaseKind.fromNullableLabel(rows.getString(1)));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("KindLabels", e);
    }
  }

  /**
   * The rows of {@link #kindLabels}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<@Nullable LeaseKind> streamKindLabels() {
    return QueryStreams.open(connections, "KindLabels", KIND_LABELS, statement -> {}, rows -> LeaseKind.fromNullableLabel(rows.getString(1)));
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
    }
  }
}
