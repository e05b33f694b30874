package dev.quarry.processor.lock;

import dev.quarry.processor.syntax.ParsedQuery;
import dev.quarry.processor.syntax.QueryDeclaration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Everything the analysis stage found that type mapping and the model need, with no OIDs and no
 * connection: the stage boundary between the database and code generation. A build either captures
 * it from the schema database or reads it from the lock file, and builds the model from it the same
 * way in both cases, which is why a build from the lock file gives the same sources byte for byte.
 *
 * @param schema the inputs the schema was built from
 * @param queries by query name
 * @param types every type the queries, tables and composite types refer to, by {@link TypeKey}
 * @param tables the tables result columns are read from and that column overrides name, by key
 * @param overrideTables for each table a column override names (as written, {@code orders} or
 *     {@code shop.orders}), the key of the table it resolved to
 */
public record Resolution(
    SchemaStamp schema,
    SortedMap<String, ResolvedQuery> queries,
    SortedMap<String, ResolvedType> types,
    SortedMap<String, ResolvedTable> tables,
    SortedMap<String, String> overrideTables) {

  public Resolution {
    queries = Collections.unmodifiableSortedMap(new TreeMap<>(queries));
    types = Collections.unmodifiableSortedMap(new TreeMap<>(types));
    tables = Collections.unmodifiableSortedMap(new TreeMap<>(tables));
    overrideTables = Collections.unmodifiableSortedMap(new TreeMap<>(overrideTables));
  }

  /**
   * The inputs of the schema: a hash over all of them, and each migration's own hash so that a
   * stale lock file can say which migration changed.
   *
   * @param hash see {@link InputHashes#schemaStamp}; it covers the analyser too
   * @param analyser the Quarry that resolved the facts, null for a lock file of a Quarry that did
   *     not record it
   * @param postgresMajor the configured PostgreSQL major version
   * @param migrations the migrations in the order they are applied
   */
  public record SchemaStamp(
      String hash,
      @Nullable AnalyserVersion analyser,
      int postgresMajor,
      List<MigrationStamp> migrations) {
    public SchemaStamp {
      migrations = List.copyOf(migrations);
    }
  }

  /** One migration file and the hash of its up part. */
  public record MigrationStamp(String file, String hash) {}

  /**
   * The type with {@code key}. Every key a resolution's queries, tables and types use has its type:
   * {@link LockFile} checks that when it reads, and a capture records what it refers to.
   *
   * @throws IllegalStateException when the resolution lacks it
   */
  public ResolvedType type(String key) {
    ResolvedType type = types.get(key);
    if (type == null) {
      throw new IllegalStateException("the resolution has no type " + key);
    }
    return type;
  }

  /**
   * What this resolution holds for {@code query}, or empty when it holds nothing for this query's
   * text or its parameters no longer match.
   */
  public Optional<ResolvedStatement> statement(ParsedQuery query) {
    QueryDeclaration declaration = query.declaration();
    ResolvedQuery resolved = queries.get(declaration.name());
    if (resolved == null
        || !resolved.textHash().equals(InputHashes.queryHash(declaration))
        || resolved.parameters().size() != query.parameters().size()) {
      return Optional.empty();
    }
    return Optional.of(new ResolvedStatement(query, resolved));
  }

  /**
   * This resolution with only {@code kept} of its queries, extended by {@code added}'s queries, and
   * only the types and tables those queries and the column overrides still use. Both must have been
   * resolved against the same schema.
   */
  public Resolution merge(List<String> kept, Resolution added) {
    SortedMap<String, ResolvedQuery> mergedQueries = new TreeMap<>(added.queries);
    for (String name : kept) {
      ResolvedQuery query = queries.get(name);
      if (query != null) {
        mergedQueries.putIfAbsent(name, query);
      }
    }
    SortedMap<String, ResolvedType> mergedTypes = new TreeMap<>(types);
    mergedTypes.putAll(added.types);
    SortedMap<String, ResolvedTable> mergedTables = new TreeMap<>(tables);
    mergedTables.putAll(added.tables);
    return new Resolution(
            added.schema, mergedQueries, mergedTypes, mergedTables, added.overrideTables)
        .pruned();
  }

  /** This resolution without the queries not in {@code names}, and what only they used. */
  public Resolution retain(java.util.Collection<String> names) {
    SortedMap<String, ResolvedQuery> kept = new TreeMap<>(queries);
    kept.keySet().retainAll(names);
    return new Resolution(schema, kept, types, tables, overrideTables).pruned();
  }

  /** Drops the types and tables that no query, table or override refers to. */
  private Resolution pruned() {
    SortedMap<String, ResolvedTable> usedTables = new TreeMap<>();
    java.util.Deque<String> typeQueue = new java.util.ArrayDeque<>();
    for (String table : overrideTables.values()) {
      addTable(table, usedTables, typeQueue);
    }
    for (ResolvedQuery query : queries.values()) {
      for (String table : query.tables().values()) {
        addTable(table, usedTables, typeQueue);
      }
      for (ResolvedParameter parameter : query.parameters()) {
        typeQueue.add(parameter.type());
      }
      for (ResolvedColumn column : query.columns()) {
        typeQueue.add(column.type());
        if (column.table() != null) {
          addTable(column.table(), usedTables, typeQueue);
        }
      }
    }
    SortedMap<String, ResolvedType> usedTypes = new TreeMap<>();
    while (!typeQueue.isEmpty()) {
      String key = typeQueue.poll();
      ResolvedType type = types.get(key);
      if (type == null || usedTypes.containsKey(key)) {
        continue;
      }
      usedTypes.put(key, type);
      if (type.element() != null) {
        typeQueue.add(type.element());
      }
      if (type.base() != null) {
        typeQueue.add(type.base());
      }
      for (ResolvedField attribute : type.attributes()) {
        typeQueue.add(attribute.type());
      }
    }
    return new Resolution(schema, queries, usedTypes, usedTables, overrideTables);
  }

  private void addTable(
      String key, SortedMap<String, ResolvedTable> used, java.util.Deque<String> typeQueue) {
    ResolvedTable table = tables.get(key);
    if (table != null && used.putIfAbsent(key, table) == null) {
      for (ResolvedField column : table.columns()) {
        typeQueue.add(column.type());
      }
    }
  }
}
