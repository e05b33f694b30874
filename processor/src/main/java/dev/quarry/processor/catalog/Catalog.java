package dev.quarry.processor.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What Quarry knows of the schema database's catalog: its user tables (read once, after the
 * migrations) and the types that queries use (read on demand and cached).
 */
public final class Catalog {
  private final Connection connection;
  private final Map<String, Table> tablesByName = new LinkedHashMap<>();
  private final Map<String, View> viewsByName = new LinkedHashMap<>();

  /** By name alone: the one relation of that name, or empty when several schemas have one. */
  private final Map<String, Optional<Table>> tablesByBareName = new HashMap<>();

  private final Map<String, Optional<View>> viewsByBareName = new HashMap<>();
  private final Map<Integer, Table> relationsByOid = new HashMap<>();
  private final Map<Integer, View> viewsByOid = new HashMap<>();
  private final Map<Integer, PgType> typesByOid = new HashMap<>();
  private boolean allTypesLoaded;

  private Catalog(Connection connection) {
    this.connection = connection;
  }

  /** Reads the user tables of the database behind {@code connection}. */
  public static Catalog load(Connection connection) throws SQLException {
    Catalog catalog = new Catalog(connection);
    catalog.loadTables();
    return catalog;
  }

  private void loadTables() throws SQLException {
    String sql =
        """
        SELECT c.oid, n.nspname, c.relname, a.attnum, a.attname, a.atttypid,
               a.attnotnull OR (t.typtype = 'd' AND t.typnotnull), c.relkind,
               CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END, a.attndims
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        JOIN pg_type t ON t.oid = a.atttypid
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
          AND NOT c.relispartition
        ORDER BY n.nspname, c.relname, a.attnum
        """;
    Map<String, List<TableColumn>> columns = new LinkedHashMap<>();
    Map<String, int[]> oids = new HashMap<>();
    Map<String, String[]> names = new HashMap<>();
    Map<String, Character> kinds = new HashMap<>();
    Map<String, String> definitions = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        String key = key(rows.getString(2), rows.getString(3));
        oids.putIfAbsent(key, new int[] {rows.getInt(1)});
        names.putIfAbsent(key, new String[] {rows.getString(2), rows.getString(3)});
        kinds.putIfAbsent(key, rows.getString(8).charAt(0));
        if (rows.getString(9) != null) {
          definitions.putIfAbsent(key, rows.getString(9));
        }
        columns
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(
                new TableColumn(
                    rows.getString(5),
                    rows.getInt(4),
                    rows.getInt(6),
                    rows.getBoolean(7),
                    rows.getInt(10)));
      }
    }
    for (Map.Entry<String, List<TableColumn>> entry : columns.entrySet()) {
      String key = entry.getKey();
      // The same query row filled names, oids and kinds for every key of columns.
      String[] name = Objects.requireNonNull(names.get(key));
      Table table =
          new Table(Objects.requireNonNull(oids.get(key))[0], name[0], name[1], entry.getValue());
      char kind = Objects.requireNonNull(kinds.get(key));
      relationsByOid.put(table.oid(), table);
      if (kind == 'v' || kind == 'm') {
        View view = new View(table, definitions.getOrDefault(key, ""));
        viewsByName.put(key, view);
        viewsByOid.put(table.oid(), view);
      } else {
        tablesByName.put(key, table);
      }
    }
    indexBareNames(tablesByName, tablesByBareName);
    indexBareNames(viewsByName, viewsByBareName);
  }

  private static <T> void indexBareNames(Map<String, T> byName, Map<String, Optional<T>> byBare) {
    for (Map.Entry<String, T> entry : byName.entrySet()) {
      String key = entry.getKey();
      String name = key.substring(key.indexOf('\0') + 1);
      byBare.merge(name, Optional.of(entry.getValue()), (one, other) -> Optional.empty());
    }
  }

  /**
   * Schema and name joined by a character no identifier holds, so that dots in names stay apart.
   */
  private static String key(String schema, String table) {
    return schema + '\0' + table;
  }

  /** The table {@code schema.name}, if it is a user table. */
  public Optional<Table> table(String schema, String name) {
    return Optional.ofNullable(tablesByName.get(key(schema, name)));
  }

  public Collection<Table> tables() {
    return tablesByName.values();
  }

  /**
   * The table, view, materialized view or foreign table with this OID (as RowDescription names the
   * relation a column is read from), if it is a user relation.
   */
  public Optional<Table> relation(int oid) {
    return Optional.ofNullable(relationsByOid.get(oid));
  }

  /** The view or materialized view with this OID, if it is one. */
  public Optional<View> viewByOid(int oid) {
    return Optional.ofNullable(viewsByOid.get(oid));
  }

  /** A view or materialized view, with its defining query as PostgreSQL prints it. */
  public record View(Table columns, String definition) {}

  /** The view {@code schema.name}, if there is one. */
  public Optional<View> view(String schema, String name) {
    return Optional.ofNullable(viewsByName.get(key(schema, name)));
  }

  /**
   * Finds a table (or view, with {@code views}) named as a query names it: {@code schema.name}, or
   * a bare name looked up in {@code public} first, then in any schema when only one has it.
   */
  public Optional<Table> resolveTable(@Nullable String schema, String name) {
    return resolve(tablesByName, tablesByBareName, schema, name);
  }

  /** Like {@link #resolveTable} for views. */
  public Optional<View> resolveView(@Nullable String schema, String name) {
    return resolve(viewsByName, viewsByBareName, schema, name);
  }

  private static <T> Optional<T> resolve(
      Map<String, T> byName,
      Map<String, Optional<T>> byBareName,
      @Nullable String schema,
      String name) {
    if (schema != null) {
      return Optional.ofNullable(byName.get(key(schema, name)));
    }
    T inPublic = byName.get(key("public", name));
    if (inPublic != null) {
      return Optional.of(inPublic);
    }
    // The one schema that has it; none when several do.
    return byBareName.getOrDefault(name, Optional.empty());
  }

  /** The type with {@code oid}, with its element or base types loaded as well. */
  public PgType type(int oid) throws SQLException {
    PgType type = typesByOid.get(oid);
    if (type == null) {
      loadTypes(Set.of(oid));
      type = typesByOid.get(oid);
      if (type == null) {
        throw new SQLException("type with OID " + oid + " is not in pg_type");
      }
    }
    return type;
  }

  /**
   * Every type of the database, loaded once: for looking a type up by the name a user wrote (a type
   * override), which Quarry does itself so that no type name is sent to the server.
   */
  public java.util.Collection<PgType> allTypes() throws SQLException {
    if (!allTypesLoaded) {
      List<Integer> oids = new ArrayList<>();
      try (PreparedStatement statement =
              connection.prepareStatement("SELECT oid FROM pg_type WHERE typtype <> 'p'");
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          oids.add(rows.getInt(1));
        }
      }
      loadTypes(oids);
      allTypesLoaded = true;
    }
    return java.util.Collections.unmodifiableCollection(typesByOid.values());
  }

  /** Loads the types with these OIDs and, transitively, their element and base types. */
  public void loadTypes(Collection<Integer> oids) throws SQLException {
    Set<Integer> missing = new TreeSet<>();
    for (int oid : oids) {
      if (!typesByOid.containsKey(oid)) {
        missing.add(oid);
      }
    }
    while (!missing.isEmpty()) {
      Map<Integer, List<String>> labels = enumLabels(missing);
      Set<Integer> next = new TreeSet<>();
      String sql =
          """
          SELECT t.oid, n.nspname, t.typname, format_type(t.oid, NULL), t.typtype, t.typelem, t.typbasetype,
                 t.typrelid, coalesce(c.relkind, ' ')
          FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          LEFT JOIN pg_class c ON c.oid = t.typrelid
          WHERE t.oid = ANY (?)
          """;
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setArray(1, intArray(missing));
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            int oid = rows.getInt(1);
            PgType type =
                new PgType(
                    oid,
                    rows.getString(2),
                    rows.getString(3),
                    rows.getString(4),
                    rows.getString(5).charAt(0),
                    rows.getInt(6),
                    rows.getInt(7),
                    labels.getOrDefault(oid, List.of()),
                    rows.getInt(8),
                    rows.getString(9).charAt(0));
            typesByOid.put(oid, type);
            for (int related : new int[] {type.elementOid(), type.baseTypeOid()}) {
              if (related != 0 && !typesByOid.containsKey(related)) {
                next.add(related);
              }
            }
          }
        }
      }
      missing = next;
    }
  }

  private Map<Integer, List<String>> enumLabels(Set<Integer> oids) throws SQLException {
    Map<Integer, List<String>> labels = new HashMap<>();
    String sql =
        "SELECT enumtypid, enumlabel FROM pg_enum WHERE enumtypid = ANY (?) ORDER BY enumtypid, enumsortorder";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, intArray(oids));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          labels.computeIfAbsent(rows.getInt(1), k -> new ArrayList<>()).add(rows.getString(2));
        }
      }
    }
    return labels;
  }

  private Array intArray(Collection<Integer> values) throws SQLException {
    return connection.createArrayOf("oid", values.toArray(new Integer[0]));
  }

  /** The attributes of a composite type, in order, with their types loaded. */
  public List<TableColumn> compositeAttributes(PgType type) throws SQLException {
    List<TableColumn> attributes = new ArrayList<>();
    String sql =
        "SELECT attname, attnum, atttypid, attndims FROM pg_attribute"
            + " WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped ORDER BY attnum";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, type.relationOid());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          attributes.add(
              new TableColumn(
                  rows.getString(1), rows.getInt(2), rows.getInt(3), false, rows.getInt(4)));
        }
      }
    }
    List<Integer> oids = new ArrayList<>();
    for (TableColumn attribute : attributes) {
      oids.add(attribute.typeOid());
    }
    loadTypes(oids);
    return attributes;
  }

  private java.util.function.Function<Table, Table> withViewNullability = table -> table;

  /**
   * How a view's columns get their nullability (views declare no NOT NULL): the analysis infers it
   * from the view's definition and sets this, so that {@link #rowRelation} answers like an embed.
   */
  public void viewNullability(java.util.function.Function<Table, Table> withNullability) {
    this.withViewNullability = withNullability;
  }

  /**
   * The relation whose row type {@code type} is ({@link PgType#isRowType}), with each column's
   * nullability (a view's as its definition gives it), or empty when it is not a user relation.
   */
  public Optional<Table> rowRelation(PgType type) {
    if (!type.isRowType()) {
      return Optional.empty();
    }
    Table relation = relationsByOid.get(type.relationOid());
    if (relation == null) {
      return Optional.empty();
    }
    return Optional.of(
        viewsByOid.containsKey(relation.oid()) ? withViewNullability.apply(relation) : relation);
  }

  private @Nullable Set<String> setReturningFunctions;
  private @Nullable Set<String> aggregateFunctions;
  private @Nullable Set<Integer> plainInsertTargets;

  /** Whether some function named {@code name} (lower-case, any schema) returns a set. */
  public boolean returnsSet(String name) throws SQLException {
    loadFunctions();
    return Objects.requireNonNull(setReturningFunctions).contains(name);
  }

  /** Whether every function named {@code name} (lower-case, any schema) is an aggregate. */
  public boolean isAggregate(String name) throws SQLException {
    loadFunctions();
    return Objects.requireNonNull(aggregateFunctions).contains(name);
  }

  private void loadFunctions() throws SQLException {
    if (setReturningFunctions != null) {
      return;
    }
    Set<String> sets = new java.util.HashSet<>();
    Set<String> aggregates = new java.util.HashSet<>();
    String sql =
        """
        SELECT proname, bool_or(proretset), bool_and(prokind = 'a')
        FROM pg_proc
        GROUP BY proname
        HAVING bool_or(proretset) OR bool_and(prokind = 'a')
        """;
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        if (rows.getBoolean(2)) {
          sets.add(rows.getString(1));
        }
        if (rows.getBoolean(3)) {
          aggregates.add(rows.getString(1));
        }
      }
    }
    setReturningFunctions = sets;
    aggregateFunctions = aggregates;
  }

  /**
   * Whether an INSERT into the table named so returns each row it inserts: an ordinary or
   * partitioned table without a {@code DO INSTEAD} rule for INSERT ({@code pg_rewrite}). Views and
   * foreign tables do not count: an INSTEAD OF trigger or a foreign server decides their rows.
   */
  public boolean insertsPlainly(@Nullable String schema, String name) throws SQLException {
    Optional<Table> table = resolveTable(schema, name);
    if (table.isEmpty()) {
      return false;
    }
    if (plainInsertTargets == null) {
      Set<Integer> plain = new java.util.HashSet<>();
      String sql =
          """
          SELECT c.oid FROM pg_class c
          WHERE c.relkind IN ('r', 'p')
            AND NOT EXISTS (SELECT FROM pg_rewrite r
                            WHERE r.ev_class = c.oid AND r.ev_type = '3' AND r.is_instead)
          """;
      try (PreparedStatement statement = connection.prepareStatement(sql);
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          plain.add(rows.getInt(1));
        }
      }
      plainInsertTargets = plain;
    }
    return plainInsertTargets.contains(table.get().oid());
  }
}
