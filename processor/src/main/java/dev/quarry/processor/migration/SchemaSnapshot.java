package dev.quarry.processor.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The user's relations and their columns at one moment, keyed by what survives a rename: the
 * relation's oid, and for a column its attribute number within the relation.
 */
public record SchemaSnapshot(
    Map<Long, Relation> relations,
    Map<ColumnKey, Column> columns,
    List<NotNullCheck> notNullChecks) {
  /** A table, view, materialized view or foreign table. */
  public record Relation(String schema, String name) {
    /** {@code name} in {@code public}, {@code schema.name} elsewhere. */
    public String displayName() {
      return schema.equals("public") ? name : schema + "." + name;
    }
  }

  /** Identifies a column across renames. */
  public record ColumnKey(long relationOid, int attnum) {}

  /** A column's name and type ({@code format_type}, e.g. {@code character varying(20)}). */
  public record Column(String name, String type) {}

  /**
   * A {@code CHECK (column IS NOT NULL)} constraint: once validated, PostgreSQL 12+ sets the column
   * NOT NULL without scanning the table, which the lock-risk check needs to know.
   */
  public record NotNullCheck(
      long relationOid, String constraint, String column, boolean validated) {}

  public SchemaSnapshot {
    relations = Map.copyOf(relations);
    columns = Map.copyOf(columns);
    notNullChecks = List.copyOf(notNullChecks);
  }

  private static final String NOT_NULL_CHECKS =
      "SELECT c.conrelid, c.conname, pg_get_constraintdef(c.oid), c.convalidated"
          + " FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace"
          + " WHERE c.contype = 'c' AND c.conrelid <> 0 AND n.nspname NOT IN ('pg_catalog', 'information_schema')";
  private static final Pattern IS_NOT_NULL =
      Pattern.compile("CHECK \\(\\(\"?([^\"()\\s]+)\"? IS NOT NULL\\)\\)( NOT VALID)?");

  // One catalog query: cheap enough to run after every migration.
  private static final String QUERY =
      "SELECT c.oid, n.nspname, c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod)"
          + " FROM pg_catalog.pg_class c"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " LEFT JOIN pg_catalog.pg_attribute a"
          + "   ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
          + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')"
          + "   AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
          + "   AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

  /** The snapshot of the database {@code connection} is connected to. */
  public static SchemaSnapshot take(Connection connection) throws SQLException {
    Map<Long, Relation> relations = new LinkedHashMap<>();
    Map<ColumnKey, Column> columns = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(QUERY)) {
      while (rs.next()) {
        long oid = rs.getLong(1);
        relations.putIfAbsent(oid, new Relation(rs.getString(2), rs.getString(3)));
        String column = rs.getString(5);
        if (column != null) {
          columns.put(new ColumnKey(oid, rs.getInt(4)), new Column(column, rs.getString(6)));
        }
      }
    }
    List<NotNullCheck> checks = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(NOT_NULL_CHECKS)) {
      while (rs.next()) {
        Matcher m = IS_NOT_NULL.matcher(rs.getString(3));
        if (m.matches()) {
          checks.add(
              new NotNullCheck(rs.getLong(1), rs.getString(2), m.group(1), rs.getBoolean(4)));
        }
      }
    }
    return new SchemaSnapshot(relations, columns, checks);
  }

  /** An empty schema. */
  public static SchemaSnapshot empty() {
    return new SchemaSnapshot(Map.of(), Map.of(), List.of());
  }

  @Nullable Relation relation(long oid) {
    return relations.get(oid);
  }

  /**
   * The oid of the relation a statement calls {@code name} ({@code schema} null when the name is
   * unqualified: then a relation of that name in {@code public} first, else in any schema).
   */
  public Optional<Long> relationOid(@Nullable String schema, String name) {
    Long any = null;
    for (Map.Entry<Long, Relation> e : relations.entrySet()) {
      Relation r = e.getValue();
      if (!r.name().equals(name)) {
        continue;
      }
      if (schema != null ? r.schema().equals(schema) : r.schema().equals("public")) {
        return Optional.of(e.getKey());
      }
      if (schema == null && (any == null || e.getKey() < any)) {
        any = e.getKey();
      }
    }
    return Optional.ofNullable(any);
  }

  /** The column of relation {@code oid} named {@code name}, with its key. */
  public Optional<Map.Entry<ColumnKey, Column>> column(long oid, String name) {
    return columns.entrySet().stream()
        .filter(e -> e.getKey().relationOid() == oid && e.getValue().name().equals(name))
        .findFirst();
  }
}
