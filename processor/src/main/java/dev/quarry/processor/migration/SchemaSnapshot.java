package dev.quarry.processor.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The user's relations and their columns at one moment, keyed by what survives a rename:
 * the relation's oid, and for a column its attribute number within the relation.
 */
public record SchemaSnapshot(Map<Long, Relation> relations, Map<ColumnKey, Column> columns) {
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

  public SchemaSnapshot {
    relations = Map.copyOf(relations);
    columns = Map.copyOf(columns);
  }

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
    return new SchemaSnapshot(relations, columns);
  }

  /** An empty schema. */
  public static SchemaSnapshot empty() {
    return new SchemaSnapshot(Map.of(), Map.of());
  }

  @Nullable Relation relation(long oid) {
    return relations.get(oid);
  }
}
