package com.example.db;

import dev.quarry.runtime.Columns;
import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Interval;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import dev.quarry.runtime.SqlArrays;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PGInterval;

/**
 * The queries of {@code queries/types.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class TypesQueries {
  private static final Query INSERT_EVERYTHING = new Query("InsertEverything", ":one",
      "queries/types.sql", 1,
      "INSERT INTO everything (\n"
      + "  c_int2,\n"
      + "  c_int4,\n"
      + "  c_int8,\n"
      + "  c_numeric,\n"
      + "  c_float4,\n"
      + "  c_float8,\n"
      + "  c_bool,\n"
      + "  c_text,\n"
      + "  c_varchar,\n"
      + "  c_bpchar,\n"
      + "  c_name,\n"
      + "  c_citext,\n"
      + "  c_bytea,\n"
      + "  c_uuid,\n"
      + "  c_date,\n"
      + "  c_time,\n"
      + "  c_timetz,\n"
      + "  c_timestamp,\n"
      + "  c_timestamptz,\n"
      + "  c_interval,\n"
      + "  c_json,\n"
      + "  c_jsonb,\n"
      + "  c_inet,\n"
      + "  c_cidr,\n"
      + "  c_macaddr,\n"
      + "  c_money,\n"
      + "  c_bit,\n"
      + "  c_varbit,\n"
      + "  c_xml,\n"
      + "  c_oid,\n"
      + "  c_tsvector,\n"
      + "  c_int4range,\n"
      + "  c_int4multirange,\n"
      + "  c_point,\n"
      + "  c_box,\n"
      + "  c_circle,\n"
      + "  c_line,\n"
      + "  c_lseg,\n"
      + "  c_path,\n"
      + "  c_polygon,\n"
      + "  c_mood,\n"
      + "  c_domain,\n"
      + "  c_address,\n"
      + "  c_int_array,\n"
      + "  c_text_array,\n"
      + "  c_mood_array,\n"
      + "  c_int_matrix,\n"
      + "  c_uuid_array,\n"
      + "  c_date_array,\n"
      + "  c_timestamptz_array,\n"
      + "  c_numeric_array,\n"
      + "  c_bool_array,\n"
      + "  c_bytea_array,\n"
      + "  c_jsonb_array,\n"
      + "  c_stamp,\n"
      + "  c_address_array\n"
      + ") VALUES (\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?::int[][],\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?\n"
      + ")\n"
      + "RETURNING *");

  private static final Query INSERT_NULLS = new Query("InsertNulls", ":one", "queries/types.sql",
      119,
      "INSERT INTO everything (\n"
      + "  c_int2,\n"
      + "  c_int4,\n"
      + "  c_int8,\n"
      + "  c_numeric,\n"
      + "  c_float4,\n"
      + "  c_float8,\n"
      + "  c_bool,\n"
      + "  c_text,\n"
      + "  c_varchar,\n"
      + "  c_bpchar,\n"
      + "  c_name,\n"
      + "  c_citext,\n"
      + "  c_bytea,\n"
      + "  c_uuid,\n"
      + "  c_date,\n"
      + "  c_time,\n"
      + "  c_timetz,\n"
      + "  c_timestamp,\n"
      + "  c_timestamptz,\n"
      + "  c_interval,\n"
      + "  c_json,\n"
      + "  c_jsonb,\n"
      + "  c_inet,\n"
      + "  c_cidr,\n"
      + "  c_macaddr,\n"
      + "  c_money,\n"
      + "  c_bit,\n"
      + "  c_varbit,\n"
      + "  c_xml,\n"
      + "  c_oid,\n"
      + "  c_tsvector,\n"
      + "  c_int4range,\n"
      + "  c_int4multirange,\n"
      + "  c_point,\n"
      + "  c_box,\n"
      + "  c_circle,\n"
      + "  c_line,\n"
      + "  c_lseg,\n"
      + "  c_path,\n"
      + "  c_polygon,\n"
      + "  c_mood,\n"
      + "  c_domain,\n"
      + "  c_address,\n"
      + "  c_int_array,\n"
      + "  c_text_array,\n"
      + "  c_mood_array,\n"
      + "  c_int_matrix,\n"
      + "  c_uuid_array,\n"
      + "  c_date_array,\n"
      + "  c_timestamptz_array,\n"
      + "  c_numeric_array,\n"
      + "  c_bool_array,\n"
      + "  c_bytea_array,\n"
      + "  c_jsonb_array,\n"
      + "  c_stamp,\n"
      + "  c_address_array\n"
      + ") VALUES (\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?::int[][],\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?,\n"
      + "  ?\n"
      + ")\n"
      + "RETURNING *");

  private static final Query GET_EVERYTHING = new Query("GetEverything", ":one",
      "queries/types.sql", 238,
      "SELECT * FROM everything WHERE id = ?");

  private static final Query FIND_BY_MOODS = new Query("FindByMoods", ":many", "queries/types.sql",
      241,
      "SELECT id, c_mood FROM everything WHERE c_mood = ANY (?::mood[]) ORDER "
      + "BY id");

  private static final Query COUNT_BY_IDS = new Query("CountByIds", ":one", "queries/types.sql",
      244,
      "SELECT count(*) FROM everything WHERE id = ANY (?::bigint[])");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public TypesQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public TypesQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public TypesQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public TypesQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code InsertEverything} {@code :one}, {@code queries/types.sql:1}:
   * <pre>
   * INSERT INTO everything (
   *   c_int2,
   *   c_int4,
   *   c_int8,
   *   c_numeric,
   *   c_float4,
   *   c_float8,
   *   c_bool,
   *   c_text,
   *   c_varchar,
   *   c_bpchar,
   *   c_name,
   *   c_citext,
   *   c_bytea,
   *   c_uuid,
   *   c_date,
   *   c_time,
   *   c_timetz,
   *   c_timestamp,
   *   c_timestamptz,
   *   c_interval,
   *   c_json,
   *   c_jsonb,
   *   c_inet,
   *   c_cidr,
   *   c_macaddr,
   *   c_money,
   *   c_bit,
   *   c_varbit,
   *   c_xml,
   *   c_oid,
   *   c_tsvector,
   *   c_int4range,
   *   c_int4multirange,
   *   c_point,
   *   c_box,
   *   c_circle,
   *   c_line,
   *   c_lseg,
   *   c_path,
   *   c_polygon,
   *   c_mood,
   *   c_domain,
   *   c_address,
   *   c_int_array,
   *   c_text_array,
   *   c_mood_array,
   *   c_int_matrix,
   *   c_uuid_array,
   *   c_date_array,
   *   c_timestamptz_array,
   *   c_numeric_array,
   *   c_bool_array,
   *   c_bytea_array,
   *   c_jsonb_array,
   *   c_stamp,
   *   c_address_array
   * ) VALUES (
   *   &#64;c_int2,
   *   &#64;c_int4,
   *   &#64;c_int8,
   *   &#64;c_numeric,
   *   &#64;c_float4,
   *   &#64;c_float8,
   *   &#64;c_bool,
   *   &#64;c_text,
   *   &#64;c_varchar,
   *   &#64;c_bpchar,
   *   &#64;c_name,
   *   &#64;c_citext,
   *   &#64;c_bytea,
   *   &#64;c_uuid,
   *   &#64;c_date,
   *   &#64;c_time,
   *   &#64;c_timetz,
   *   &#64;c_timestamp,
   *   &#64;c_timestamptz,
   *   &#64;c_interval,
   *   &#64;c_json,
   *   &#64;c_jsonb,
   *   &#64;c_inet,
   *   &#64;c_cidr,
   *   &#64;c_macaddr,
   *   &#64;c_money,
   *   &#64;c_bit,
   *   &#64;c_varbit,
   *   &#64;c_xml,
   *   &#64;c_oid,
   *   &#64;c_tsvector,
   *   &#64;c_int4range,
   *   &#64;c_int4multirange,
   *   &#64;c_point,
   *   &#64;c_box,
   *   &#64;c_circle,
   *   &#64;c_line,
   *   &#64;c_lseg,
   *   &#64;c_path,
   *   &#64;c_polygon,
   *   &#64;c_mood,
   *   &#64;c_domain,
   *   &#64;c_address,
   *   &#64;c_int_array,
   *   &#64;c_text_array,
   *   &#64;c_mood_array,
   *   &#64;c_int_matrix::int[][],
   *   &#64;c_uuid_array,
   *   &#64;c_date_array,
   *   &#64;c_timestamptz_array,
   *   &#64;c_numeric_array,
   *   &#64;c_bool_array,
   *   &#64;c_bytea_array,
   *   &#64;c_jsonb_array,
   *   &#64;c_stamp,
   *   &#64;c_address_array
   * )
   * RETURNING *
   * </pre>
   */
  public Everything insertEverything(InsertEverythingParams params) {
    Objects.requireNonNull(params, "params");
    return runner.single(INSERT_EVERYTHING, statement -> {
      statement.setObject(1, params.cInt2(), Types.SMALLINT);
      statement.setObject(2, params.cInt4(), Types.INTEGER);
      statement.setObject(3, params.cInt8(), Types.BIGINT);
      statement.setObject(4, params.cNumeric(), Types.NUMERIC);
      statement.setObject(5, params.cFloat4(), Types.REAL);
      statement.setObject(6, params.cFloat8(), Types.DOUBLE);
      statement.setObject(7, params.cBool(), Types.BOOLEAN);
      statement.setObject(8, params.cText(), Types.VARCHAR);
      statement.setObject(9, params.cVarchar(), Types.VARCHAR);
      statement.setObject(10, params.cBpchar(), Types.VARCHAR);
      statement.setObject(11, params.cName(), Types.VARCHAR);
      statement.setObject(12, params.cCitext(), Types.OTHER);
      statement.setObject(13, params.cBytea(), Types.BINARY);
      statement.setObject(14, params.cUuid(), Types.OTHER);
      statement.setObject(15, params.cDate(), Types.DATE);
      statement.setObject(16, params.cTime(), Types.TIME);
      statement.setObject(17, params.cTimetz(), Types.OTHER);
      statement.setObject(18, params.cTimestamp(), Types.TIMESTAMP);
      statement.setObject(19, params.cTimestamptz(), Types.TIMESTAMP_WITH_TIMEZONE);
      statement.setObject(20, Interval.toPgInterval(params.cInterval()), Types.OTHER);
      statement.setObject(21, params.cJson(), Types.OTHER);
      statement.setObject(22, params.cJsonb(), Types.OTHER);
      statement.setObject(23, params.cInet(), Types.OTHER);
      statement.setObject(24, params.cCidr(), Types.OTHER);
      statement.setObject(25, params.cMacaddr(), Types.OTHER);
      statement.setObject(26, params.cMoney(), Types.OTHER);
      statement.setObject(27, params.cBit(), Types.OTHER);
      statement.setObject(28, params.cVarbit(), Types.OTHER);
      statement.setObject(29, params.cXml(), Types.OTHER);
      statement.setObject(30, params.cOid(), Types.BIGINT);
      statement.setObject(31, params.cTsvector(), Types.OTHER);
      statement.setObject(32, params.cInt4range(), Types.OTHER);
      statement.setObject(33, params.cInt4multirange(), Types.OTHER);
      statement.setObject(34, params.cPoint(), Types.OTHER);
      statement.setObject(35, params.cBox(), Types.OTHER);
      statement.setObject(36, params.cCircle(), Types.OTHER);
      statement.setObject(37, params.cLine(), Types.OTHER);
      statement.setObject(38, params.cLseg(), Types.OTHER);
      statement.setObject(39, params.cPath(), Types.OTHER);
      statement.setObject(40, params.cPolygon(), Types.OTHER);
      statement.setObject(41, params.cMood() == null ? null : params.cMood().label(), Types.OTHER);
      statement.setInt(42, params.cDomain());
      statement.setObject(43, params.cAddress() == null ? null : params.cAddress().pgText(),
          Types.OTHER);
      statement.setArray(44, SqlArrays.create(statement.getConnection(), "int4",
          params.cIntArray()));
      statement.setArray(45, SqlArrays.create(statement.getConnection(), "text",
          params.cTextArray()));
      statement.setArray(46, SqlArrays.create(statement.getConnection(), "mood",
          params.cMoodArray()));
      statement.setArray(47, SqlArrays.create(statement.getConnection(), "int4",
          params.cIntMatrix()));
      statement.setArray(48, SqlArrays.create(statement.getConnection(), "uuid",
          params.cUuidArray()));
      statement.setArray(49, SqlArrays.create(statement.getConnection(), "date",
          params.cDateArray()));
      statement.setArray(50, SqlArrays.create(statement.getConnection(), "timestamptz",
          params.cTimestamptzArray()));
      statement.setArray(51, SqlArrays.create(statement.getConnection(), "numeric",
          params.cNumericArray()));
      statement.setArray(52, SqlArrays.create(statement.getConnection(), "bool",
          params.cBoolArray()));
      statement.setArray(53, SqlArrays.create(statement.getConnection(), "bytea",
          params.cByteaArray()));
      statement.setArray(54, SqlArrays.create(statement.getConnection(), "jsonb",
          params.cJsonbArray()));
      statement.setObject(55, params.cStamp() == null ? null : params.cStamp().pgText(),
          Types.OTHER);
      statement.setArray(56, SqlArrays.create(statement.getConnection(), "address",
          params.cAddressArray()));
    }, TypesQueries::readEverything);
  }

  /**
   * Every column but the NOT NULL domain, with nullable parameters.
   *
   * <p>{@code InsertNulls} {@code :one}, {@code queries/types.sql:119}:
   * <pre>
   * INSERT INTO everything (
   *   c_int2,
   *   c_int4,
   *   c_int8,
   *   c_numeric,
   *   c_float4,
   *   c_float8,
   *   c_bool,
   *   c_text,
   *   c_varchar,
   *   c_bpchar,
   *   c_name,
   *   c_citext,
   *   c_bytea,
   *   c_uuid,
   *   c_date,
   *   c_time,
   *   c_timetz,
   *   c_timestamp,
   *   c_timestamptz,
   *   c_interval,
   *   c_json,
   *   c_jsonb,
   *   c_inet,
   *   c_cidr,
   *   c_macaddr,
   *   c_money,
   *   c_bit,
   *   c_varbit,
   *   c_xml,
   *   c_oid,
   *   c_tsvector,
   *   c_int4range,
   *   c_int4multirange,
   *   c_point,
   *   c_box,
   *   c_circle,
   *   c_line,
   *   c_lseg,
   *   c_path,
   *   c_polygon,
   *   c_mood,
   *   c_domain,
   *   c_address,
   *   c_int_array,
   *   c_text_array,
   *   c_mood_array,
   *   c_int_matrix,
   *   c_uuid_array,
   *   c_date_array,
   *   c_timestamptz_array,
   *   c_numeric_array,
   *   c_bool_array,
   *   c_bytea_array,
   *   c_jsonb_array,
   *   c_stamp,
   *   c_address_array
   * ) VALUES (
   *   sqlc.narg(c_int2),
   *   sqlc.narg(c_int4),
   *   sqlc.narg(c_int8),
   *   sqlc.narg(c_numeric),
   *   sqlc.narg(c_float4),
   *   sqlc.narg(c_float8),
   *   sqlc.narg(c_bool),
   *   sqlc.narg(c_text),
   *   sqlc.narg(c_varchar),
   *   sqlc.narg(c_bpchar),
   *   sqlc.narg(c_name),
   *   sqlc.narg(c_citext),
   *   sqlc.narg(c_bytea),
   *   sqlc.narg(c_uuid),
   *   sqlc.narg(c_date),
   *   sqlc.narg(c_time),
   *   sqlc.narg(c_timetz),
   *   sqlc.narg(c_timestamp),
   *   sqlc.narg(c_timestamptz),
   *   sqlc.narg(c_interval),
   *   sqlc.narg(c_json),
   *   sqlc.narg(c_jsonb),
   *   sqlc.narg(c_inet),
   *   sqlc.narg(c_cidr),
   *   sqlc.narg(c_macaddr),
   *   sqlc.narg(c_money),
   *   sqlc.narg(c_bit),
   *   sqlc.narg(c_varbit),
   *   sqlc.narg(c_xml),
   *   sqlc.narg(c_oid),
   *   sqlc.narg(c_tsvector),
   *   sqlc.narg(c_int4range),
   *   sqlc.narg(c_int4multirange),
   *   sqlc.narg(c_point),
   *   sqlc.narg(c_box),
   *   sqlc.narg(c_circle),
   *   sqlc.narg(c_line),
   *   sqlc.narg(c_lseg),
   *   sqlc.narg(c_path),
   *   sqlc.narg(c_polygon),
   *   sqlc.narg(c_mood),
   *   &#64;c_domain,
   *   sqlc.narg(c_address),
   *   sqlc.narg(c_int_array),
   *   sqlc.narg(c_text_array),
   *   sqlc.narg(c_mood_array),
   *   sqlc.narg(c_int_matrix)::int[][],
   *   sqlc.narg(c_uuid_array),
   *   sqlc.narg(c_date_array),
   *   sqlc.narg(c_timestamptz_array),
   *   sqlc.narg(c_numeric_array),
   *   sqlc.narg(c_bool_array),
   *   sqlc.narg(c_bytea_array),
   *   sqlc.narg(c_jsonb_array),
   *   sqlc.narg(c_stamp),
   *   sqlc.narg(c_address_array)
   * )
   * RETURNING *
   * </pre>
   */
  public Everything insertNulls(InsertNullsParams params) {
    Objects.requireNonNull(params, "params");
    return runner.single(INSERT_NULLS, statement -> {
      statement.setObject(1, params.cInt2(), Types.SMALLINT);
      statement.setObject(2, params.cInt4(), Types.INTEGER);
      statement.setObject(3, params.cInt8(), Types.BIGINT);
      statement.setObject(4, params.cNumeric(), Types.NUMERIC);
      statement.setObject(5, params.cFloat4(), Types.REAL);
      statement.setObject(6, params.cFloat8(), Types.DOUBLE);
      statement.setObject(7, params.cBool(), Types.BOOLEAN);
      statement.setObject(8, params.cText(), Types.VARCHAR);
      statement.setObject(9, params.cVarchar(), Types.VARCHAR);
      statement.setObject(10, params.cBpchar(), Types.VARCHAR);
      statement.setObject(11, params.cName(), Types.VARCHAR);
      statement.setObject(12, params.cCitext(), Types.OTHER);
      statement.setObject(13, params.cBytea(), Types.BINARY);
      statement.setObject(14, params.cUuid(), Types.OTHER);
      statement.setObject(15, params.cDate(), Types.DATE);
      statement.setObject(16, params.cTime(), Types.TIME);
      statement.setObject(17, params.cTimetz(), Types.OTHER);
      statement.setObject(18, params.cTimestamp(), Types.TIMESTAMP);
      statement.setObject(19, params.cTimestamptz(), Types.TIMESTAMP_WITH_TIMEZONE);
      statement.setObject(20, Interval.toPgInterval(params.cInterval()), Types.OTHER);
      statement.setObject(21, params.cJson(), Types.OTHER);
      statement.setObject(22, params.cJsonb(), Types.OTHER);
      statement.setObject(23, params.cInet(), Types.OTHER);
      statement.setObject(24, params.cCidr(), Types.OTHER);
      statement.setObject(25, params.cMacaddr(), Types.OTHER);
      statement.setObject(26, params.cMoney(), Types.OTHER);
      statement.setObject(27, params.cBit(), Types.OTHER);
      statement.setObject(28, params.cVarbit(), Types.OTHER);
      statement.setObject(29, params.cXml(), Types.OTHER);
      statement.setObject(30, params.cOid(), Types.BIGINT);
      statement.setObject(31, params.cTsvector(), Types.OTHER);
      statement.setObject(32, params.cInt4range(), Types.OTHER);
      statement.setObject(33, params.cInt4multirange(), Types.OTHER);
      statement.setObject(34, params.cPoint(), Types.OTHER);
      statement.setObject(35, params.cBox(), Types.OTHER);
      statement.setObject(36, params.cCircle(), Types.OTHER);
      statement.setObject(37, params.cLine(), Types.OTHER);
      statement.setObject(38, params.cLseg(), Types.OTHER);
      statement.setObject(39, params.cPath(), Types.OTHER);
      statement.setObject(40, params.cPolygon(), Types.OTHER);
      statement.setObject(41, params.cMood() == null ? null : params.cMood().label(), Types.OTHER);
      statement.setInt(42, params.cDomain());
      statement.setObject(43, params.cAddress() == null ? null : params.cAddress().pgText(),
          Types.OTHER);
      statement.setArray(44, SqlArrays.create(statement.getConnection(), "int4",
          params.cIntArray()));
      statement.setArray(45, SqlArrays.create(statement.getConnection(), "text",
          params.cTextArray()));
      statement.setArray(46, SqlArrays.create(statement.getConnection(), "mood",
          params.cMoodArray()));
      statement.setArray(47, SqlArrays.create(statement.getConnection(), "int4",
          params.cIntMatrix()));
      statement.setArray(48, SqlArrays.create(statement.getConnection(), "uuid",
          params.cUuidArray()));
      statement.setArray(49, SqlArrays.create(statement.getConnection(), "date",
          params.cDateArray()));
      statement.setArray(50, SqlArrays.create(statement.getConnection(), "timestamptz",
          params.cTimestamptzArray()));
      statement.setArray(51, SqlArrays.create(statement.getConnection(), "numeric",
          params.cNumericArray()));
      statement.setArray(52, SqlArrays.create(statement.getConnection(), "bool",
          params.cBoolArray()));
      statement.setArray(53, SqlArrays.create(statement.getConnection(), "bytea",
          params.cByteaArray()));
      statement.setArray(54, SqlArrays.create(statement.getConnection(), "jsonb",
          params.cJsonbArray()));
      statement.setObject(55, params.cStamp() == null ? null : params.cStamp().pgText(),
          Types.OTHER);
      statement.setArray(56, SqlArrays.create(statement.getConnection(), "address",
          params.cAddressArray()));
    }, TypesQueries::readEverything);
  }

  /**
   * {@code GetEverything} {@code :one}, {@code queries/types.sql:238}:
   * <pre>{@code
   * SELECT * FROM everything WHERE id = @id
   * }</pre>
   */
  public Optional<Everything> getEverything(long id) {
    return runner.optional(GET_EVERYTHING, statement -> {
      statement.setLong(1, id);
    }, TypesQueries::readEverything);
  }

  /**
   * {@code FindByMoods} {@code :many}, {@code queries/types.sql:241}:
   * <pre>{@code
   * SELECT id, c_mood FROM everything WHERE c_mood = ANY (@moods::mood[]) ORDER BY id
   * }</pre>
   */
  public List<FindByMoodsRow> findByMoods(List<Mood> moods) {
    Objects.requireNonNull(moods, "moods");
    return runner.list(FIND_BY_MOODS, statement -> {
      statement.setArray(1, SqlArrays.create(statement.getConnection(), "mood", moods));
    }, TypesQueries::readFindByMoodsRow);
  }

  /**
   * {@code CountByIds} {@code :one}, {@code queries/types.sql:244}:
   * <pre>{@code
   * SELECT count(*) FROM everything WHERE id = ANY (@ids::bigint[])
   * }</pre>
   */
  public long countByIds(List<Long> ids) {
    Objects.requireNonNull(ids, "ids");
    return runner.single(COUNT_BY_IDS, statement -> {
      statement.setArray(1, SqlArrays.create(statement.getConnection(), "int8", ids));
    }, rows -> rows.getLong(1));
  }

  private static Everything readEverything(ResultSet rows) throws SQLException {
    return new Everything(
        rows.getLong(1),
        Columns.nullableShort(rows, 2),
        Columns.nullableInt(rows, 3),
        Columns.nullableLong(rows, 4),
        rows.getBigDecimal(5),
        Columns.nullableFloat(rows, 6),
        Columns.nullableDouble(rows, 7),
        Columns.nullableBoolean(rows, 8),
        rows.getString(9),
        rows.getString(10),
        rows.getString(11),
        rows.getString(12),
        rows.getString(13),
        rows.getBytes(14),
        rows.getObject(15, UUID.class),
        rows.getObject(16, LocalDate.class),
        rows.getObject(17, LocalTime.class),
        rows.getObject(18, OffsetTime.class),
        rows.getObject(19, LocalDateTime.class),
        rows.getObject(20, OffsetDateTime.class),
        Interval.from(rows.getObject(21, PGInterval.class)),
        rows.getString(22),
        rows.getString(23),
        rows.getString(24),
        rows.getString(25),
        rows.getString(26),
        rows.getString(27),
        rows.getString(28),
        rows.getString(29),
        rows.getString(30),
        Columns.nullableLong(rows, 31),
        rows.getString(32),
        rows.getString(33),
        rows.getString(34),
        rows.getString(35),
        rows.getString(36),
        rows.getString(37),
        rows.getString(38),
        rows.getString(39),
        rows.getString(40),
        rows.getString(41),
        Mood.fromNullableLabel(rows.getString(42)),
        rows.getInt(43),
        Address.fromPg(rows.getString(44)),
        SqlArrays.toList(rows.getArray(45), (r, c) -> Columns.nullableInt(r, c)),
        SqlArrays.toList(rows.getArray(46), (r, c) -> r.getString(c)),
        SqlArrays.toList(rows.getArray(47), (r, c) -> Mood.fromNullableLabel(r.getString(c))),
        SqlArrays.toList(rows.getArray(48), (r1, c1) -> SqlArrays.toList(r1.getArray(c1), (r, c) -> Columns.nullableInt(r, c))),
        SqlArrays.toList(rows.getArray(49), (r, c) -> r.getObject(c, UUID.class)),
        SqlArrays.toList(rows.getArray(50), (r, c) -> r.getObject(c, LocalDate.class)),
        SqlArrays.toList(rows.getArray(51), (r, c) -> r.getObject(c, OffsetDateTime.class)),
        SqlArrays.toList(rows.getArray(52), (r, c) -> r.getBigDecimal(c)),
        SqlArrays.toList(rows.getArray(53), (r, c) -> Columns.nullableBoolean(r, c)),
        SqlArrays.toList(rows.getArray(54), (r, c) -> r.getBytes(c)),
        SqlArrays.toList(rows.getArray(55), (r, c) -> r.getString(c)),
        Stamp.fromPg(rows.getString(56)),
        SqlArrays.toList(rows.getArray(57), (r, c) -> Address.fromPg(r.getString(c))));
  }

  private static FindByMoodsRow readFindByMoodsRow(ResultSet rows) throws SQLException {
    return new FindByMoodsRow(
        rows.getLong(1),
        Mood.fromNullableLabel(rows.getString(2)));
  }

  /**
   * A row of {@code FindByMoods}.
   */
  public record FindByMoodsRow(long id, @Nullable Mood cMood) {
  }

  /**
   * The parameters of {@code InsertEverything}.
   */
  public record InsertEverythingParams(@Nullable Short cInt2, @Nullable Integer cInt4,
      @Nullable Long cInt8, @Nullable BigDecimal cNumeric, @Nullable Float cFloat4,
      @Nullable Double cFloat8, @Nullable Boolean cBool, @Nullable String cText,
      @Nullable String cVarchar, @Nullable String cBpchar, @Nullable String cName,
      @Nullable String cCitext, byte @Nullable [] cBytea, @Nullable UUID cUuid,
      @Nullable LocalDate cDate, @Nullable LocalTime cTime, @Nullable OffsetTime cTimetz,
      @Nullable LocalDateTime cTimestamp, @Nullable OffsetDateTime cTimestamptz,
      @Nullable Interval cInterval, @Nullable String cJson, @Nullable String cJsonb,
      @Nullable String cInet, @Nullable String cCidr, @Nullable String cMacaddr,
      @Nullable String cMoney, @Nullable String cBit, @Nullable String cVarbit,
      @Nullable String cXml, @Nullable Long cOid, @Nullable String cTsvector,
      @Nullable String cInt4range, @Nullable String cInt4multirange, @Nullable String cPoint,
      @Nullable String cBox, @Nullable String cCircle, @Nullable String cLine,
      @Nullable String cLseg, @Nullable String cPath, @Nullable String cPolygon,
      @Nullable Mood cMood, int cDomain, @Nullable Address cAddress,
      @Nullable List<Integer> cIntArray, @Nullable List<String> cTextArray,
      @Nullable List<Mood> cMoodArray, @Nullable List<List<Integer>> cIntMatrix,
      @Nullable List<UUID> cUuidArray, @Nullable List<LocalDate> cDateArray,
      @Nullable List<OffsetDateTime> cTimestamptzArray, @Nullable List<BigDecimal> cNumericArray,
      @Nullable List<Boolean> cBoolArray, @Nullable List<byte[]> cByteaArray,
      @Nullable List<String> cJsonbArray, @Nullable Stamp cStamp,
      @Nullable List<Address> cAddressArray) {
    public InsertEverythingParams {
      cIntArray = cIntArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cIntArray));
      cTextArray = cTextArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cTextArray));
      cMoodArray = cMoodArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cMoodArray));
      cIntMatrix = cIntMatrix == null ? null : Collections.unmodifiableList(new ArrayList<>(cIntMatrix));
      cUuidArray = cUuidArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cUuidArray));
      cDateArray = cDateArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cDateArray));
      cTimestamptzArray = cTimestamptzArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cTimestamptzArray));
      cNumericArray = cNumericArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cNumericArray));
      cBoolArray = cBoolArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cBoolArray));
      cByteaArray = cByteaArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cByteaArray));
      cJsonbArray = cJsonbArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cJsonbArray));
      cAddressArray = cAddressArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cAddressArray));
    }
  }

  /**
   * The parameters of {@code InsertNulls}.
   */
  public record InsertNullsParams(@Nullable Short cInt2, @Nullable Integer cInt4,
      @Nullable Long cInt8, @Nullable BigDecimal cNumeric, @Nullable Float cFloat4,
      @Nullable Double cFloat8, @Nullable Boolean cBool, @Nullable String cText,
      @Nullable String cVarchar, @Nullable String cBpchar, @Nullable String cName,
      @Nullable String cCitext, byte @Nullable [] cBytea, @Nullable UUID cUuid,
      @Nullable LocalDate cDate, @Nullable LocalTime cTime, @Nullable OffsetTime cTimetz,
      @Nullable LocalDateTime cTimestamp, @Nullable OffsetDateTime cTimestamptz,
      @Nullable Interval cInterval, @Nullable String cJson, @Nullable String cJsonb,
      @Nullable String cInet, @Nullable String cCidr, @Nullable String cMacaddr,
      @Nullable String cMoney, @Nullable String cBit, @Nullable String cVarbit,
      @Nullable String cXml, @Nullable Long cOid, @Nullable String cTsvector,
      @Nullable String cInt4range, @Nullable String cInt4multirange, @Nullable String cPoint,
      @Nullable String cBox, @Nullable String cCircle, @Nullable String cLine,
      @Nullable String cLseg, @Nullable String cPath, @Nullable String cPolygon,
      @Nullable Mood cMood, int cDomain, @Nullable Address cAddress,
      @Nullable List<Integer> cIntArray, @Nullable List<String> cTextArray,
      @Nullable List<Mood> cMoodArray, @Nullable List<List<Integer>> cIntMatrix,
      @Nullable List<UUID> cUuidArray, @Nullable List<LocalDate> cDateArray,
      @Nullable List<OffsetDateTime> cTimestamptzArray, @Nullable List<BigDecimal> cNumericArray,
      @Nullable List<Boolean> cBoolArray, @Nullable List<byte[]> cByteaArray,
      @Nullable List<String> cJsonbArray, @Nullable Stamp cStamp,
      @Nullable List<Address> cAddressArray) {
    public InsertNullsParams {
      cIntArray = cIntArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cIntArray));
      cTextArray = cTextArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cTextArray));
      cMoodArray = cMoodArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cMoodArray));
      cIntMatrix = cIntMatrix == null ? null : Collections.unmodifiableList(new ArrayList<>(cIntMatrix));
      cUuidArray = cUuidArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cUuidArray));
      cDateArray = cDateArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cDateArray));
      cTimestamptzArray = cTimestamptzArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cTimestamptzArray));
      cNumericArray = cNumericArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cNumericArray));
      cBoolArray = cBoolArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cBoolArray));
      cByteaArray = cByteaArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cByteaArray));
      cJsonbArray = cJsonbArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cJsonbArray));
      cAddressArray = cAddressArray == null ? null : Collections.unmodifiableList(new ArrayList<>(cAddressArray));
    }
  }
}
