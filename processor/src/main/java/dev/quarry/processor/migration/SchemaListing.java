package dev.quarry.processor.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A readable, deterministic text of a database's schema, in SQL-like form: schemas, extensions,
 * enums, domains, tables (columns with types, nullability, defaults, identity; constraints),
 * indexes, views, functions' signatures and triggers. Everything is sorted by name and nothing
 * depends on oids, so the same migrations always give the same text, and a changed migration shows
 * as a small diff. The schema snapshot file holds it; the down round-trip check compares two of
 * them.
 *
 * <p>Objects that belong to an extension are left out (the extension is listed), and so are {@code
 * NOT NULL} constraints as catalog rows (PostgreSQL 18 has them; the column says it), so that the
 * text does not change with the server's major version for the same schema.
 */
public final class SchemaListing {
  private static final String USER_SCHEMA =
      " NOT IN ('pg_catalog', 'information_schema') AND %1$s NOT LIKE 'pg\\_toast%%' AND %1$s NOT LIKE 'pg\\_temp\\_%%'";
  // Shows a name as written in SQL: quoted only when needed, without "public.".
  private static final String NAME =
      "CASE WHEN %1$s = 'public' THEN '' ELSE quote_ident(%1$s) || '.' END || quote_ident(%2$s)";
  private static final String NOT_EXTENSION =
      " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = %s AND d.deptype = 'e')";

  private SchemaListing() {}

  /** The listing of the database {@code connection} is connected to. */
  public static String of(Connection connection) throws SQLException {
    List<String> out = new ArrayList<>();
    // Sections and tables are separated by blank lines; each object is one line otherwise.
    lines(
        connection,
        out,
        "SELECT 'CREATE SCHEMA ' || quote_ident(n.nspname) || ';' FROM pg_catalog.pg_namespace n"
            + " WHERE n.nspname <> 'public' AND n.nspname"
            + user("n.nspname")
            + notExtension("n.oid")
            + " ORDER BY 1");
    lines(
        connection,
        out,
        "SELECT 'CREATE EXTENSION ' || quote_ident(extname) || ';' FROM pg_catalog.pg_extension"
            + " WHERE extname <> 'plpgsql' ORDER BY 1");
    lines(
        connection,
        out,
        "SELECT 'CREATE TYPE ' || "
            + name("n.nspname", "t.typname")
            + " || ' AS ENUM ('"
            + " || string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) || ');'"
            + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
            + " JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid WHERE n.nspname"
            + user("n.nspname")
            + notExtension("t.oid")
            + " GROUP BY n.nspname, t.typname ORDER BY 1");
    lines(
        connection,
        out,
        "SELECT 'CREATE DOMAIN ' || "
            + name("n.nspname", "t.typname")
            + " || ' AS '"
            + " || format_type(t.typbasetype, t.typtypmod)"
            + " || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END"
            + " || coalesce(' DEFAULT ' || t.typdefault, '')"
            + " || coalesce((SELECT string_agg(' CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid), '' ORDER BY c.conname)"
            + "   FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid), '') || ';'"
            + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE t.typtype = 'd' AND n.nspname"
            + user("n.nspname")
            + notExtension("t.oid")
            + " ORDER BY 1");
    tables(connection, out);
    lines(
        connection,
        out,
        "SELECT pg_get_indexdef(i.indexrelid) || ';' FROM pg_catalog.pg_index i"
            + " JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname"
            + user("n.nspname")
            + notExtension("i.indrelid")
            // Indexes of primary keys, unique and exclusion constraints are shown as the
            // constraint.
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid"
            + "   AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))"
            + " ORDER BY n.nspname, c.relname");
    lines(
        connection,
        out,
        "SELECT 'CREATE ' || CASE c.relkind WHEN 'm' THEN 'MATERIALIZED ' ELSE '' END || 'VIEW '"
            + " || "
            + name("n.nspname", "c.relname")
            + " || ' AS' || chr(10) || rtrim(pg_get_viewdef(c.oid, true), ';') || ';'"
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('v', 'm') AND n.nspname"
            + user("n.nspname")
            + notExtension("c.oid")
            + " ORDER BY n.nspname, c.relname");
    lines(
        connection,
        out,
        "SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' WHEN 'a' THEN 'AGGREGATE ' ELSE 'FUNCTION ' END"
            + " || "
            + name("n.nspname", "p.proname")
            + " || '(' || pg_get_function_identity_arguments(p.oid) || ')'"
            + " || CASE WHEN p.prokind IN ('f', 'w') THEN ' RETURNS ' || pg_get_function_result(p.oid) ELSE '' END || ';'"
            + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE n.nspname"
            + user("n.nspname")
            + notExtension("p.oid")
            + " ORDER BY 1");
    lines(
        connection,
        out,
        "SELECT pg_get_triggerdef(t.oid) || ';' FROM pg_catalog.pg_trigger t"
            + " JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE NOT t.tgisinternal AND n.nspname"
            + user("n.nspname")
            + notExtension("c.oid")
            + " ORDER BY n.nspname, c.relname, t.tgname");
    return String.join("\n", out) + (out.isEmpty() ? "" : "\n");
  }

  private static void tables(Connection connection, List<String> out) throws SQLException {
    String tables =
        "SELECT c.oid, "
            + name("n.nspname", "c.relname")
            + ", c.relkind FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p', 'f') AND n.nspname"
            + user("n.nspname")
            + notExtension("c.oid")
            + " ORDER BY n.nspname, c.relname";
    String columns =
        "SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)"
            + " || CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0"
            + "   THEN ' COLLATE ' || (SELECT quote_ident(collname) FROM pg_catalog.pg_collation WHERE oid = a.attcollation) ELSE '' END"
            + " || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END"
            + " || CASE WHEN a.attgenerated = 's' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ') STORED'"
            + "   ELSE coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') END"
            + " || CASE a.attidentity WHEN 'a' THEN ' GENERATED ALWAYS AS IDENTITY' WHEN 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' ELSE '' END"
            + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
    String constraints =
        "SELECT 'CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid)"
            + " FROM pg_catalog.pg_constraint WHERE conrelid = ? AND contype IN ('p', 'u', 'f', 'c', 'x') ORDER BY conname";
    record Table(long oid, String name, String kind) {}
    List<Table> all = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(tables)) {
      while (rs.next()) {
        all.add(new Table(rs.getLong(1), rs.getString(2), rs.getString(3)));
      }
    }
    try (PreparedStatement columnQuery = connection.prepareStatement(columns);
        PreparedStatement constraintQuery = connection.prepareStatement(constraints)) {
      for (Table table : all) {
        List<String> body = new ArrayList<>(column(columnQuery, table.oid()));
        body.addAll(column(constraintQuery, table.oid()));
        String kind = table.kind().equals("f") ? "FOREIGN TABLE " : "TABLE ";
        if (!out.isEmpty()) {
          out.add("");
        }
        out.add(
            "CREATE "
                + kind
                + table.name()
                + " ("
                + (body.isEmpty() ? "" : "\n    " + String.join(",\n    ", body) + "\n")
                + ")"
                + (table.kind().equals("p") ? " PARTITIONED" : "")
                + ";");
      }
    }
  }

  private static List<String> column(PreparedStatement query, long oid) throws SQLException {
    List<String> values = new ArrayList<>();
    query.setLong(1, oid);
    try (ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static void lines(Connection connection, List<String> out, String sql)
      throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      boolean first = true;
      while (rs.next()) {
        if (first && !out.isEmpty()) {
          out.add("");
        }
        first = false;
        out.add(rs.getString(1));
      }
    }
  }

  private static String user(String column) {
    return String.format(USER_SCHEMA, column);
  }

  private static String name(String schema, String name) {
    return String.format(NAME, schema, name);
  }

  private static String notExtension(String oid) {
    return String.format(NOT_EXTENSION, oid);
  }
}
