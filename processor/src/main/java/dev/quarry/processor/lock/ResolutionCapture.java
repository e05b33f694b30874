package dev.quarry.processor.lock;

import dev.quarry.processor.analysis.AnalyzedColumn;
import dev.quarry.processor.analysis.AnalyzedParameter;
import dev.quarry.processor.analysis.AnalyzedQuery;
import dev.quarry.processor.catalog.Catalog;
import dev.quarry.processor.catalog.PgType;
import dev.quarry.processor.catalog.Table;
import dev.quarry.processor.catalog.TableColumn;
import dev.quarry.processor.config.TypeOverrideSpec;
import dev.quarry.processor.lock.Resolution.SchemaStamp;
import dev.quarry.processor.syntax.StatementFacts;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Captures a {@link Resolution} from the live catalog: the analysed queries, and every catalog fact
 * that mapping their types can read (types with their element, base and attribute types; the tables
 * columns come from; the tables column overrides name).
 */
public final class ResolutionCapture {
  private final Catalog catalog;
  private final SortedMap<String, ResolvedType> types = new TreeMap<>();
  private final SortedMap<String, ResolvedTable> tables = new TreeMap<>();
  private final Deque<Integer> pending = new ArrayDeque<>();
  private final Set<Integer> seen = new HashSet<>();

  private ResolutionCapture(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The resolution of {@code analyzed} against the schema in {@code catalog}. */
  public static Resolution capture(
      SchemaStamp schema,
      Catalog catalog,
      Collection<AnalyzedQuery> analyzed,
      List<TypeOverrideSpec> overrides)
      throws SQLException {
    return new ResolutionCapture(catalog).run(schema, analyzed, overrides);
  }

  private Resolution run(
      SchemaStamp schema, Collection<AnalyzedQuery> analyzed, List<TypeOverrideSpec> overrides)
      throws SQLException {
    SortedMap<String, ResolvedQuery> queries = new TreeMap<>();
    for (AnalyzedQuery query : analyzed) {
      List<ResolvedParameter> parameters = new ArrayList<>();
      for (AnalyzedParameter parameter : query.parameters()) {
        parameters.add(
            new ResolvedParameter(
                parameter.parameter().name(),
                typeKey(parameter.typeOid()),
                parameter.dimensions(),
                parameter.nullable() && !parameter.parameter().nullable()));
      }
      List<ResolvedColumn> columns = new ArrayList<>();
      for (AnalyzedColumn column : query.columns()) {
        String table = column.baseTable() == null ? null : table(column.baseTable());
        columns.add(
            new ResolvedColumn(
                column.name(),
                typeKey(column.typeOid()),
                column.nullable(),
                table,
                column.baseColumn()));
      }
      var declaration = query.parsed().declaration();
      queries.put(
          declaration.name(),
          new ResolvedQuery(
              declaration.name(),
              declaration.file().displayPath(),
              InputHashes.queryHash(declaration),
              parameters,
              query.returnsRows(),
              columns,
              statementTables(query.parsed().facts()),
              query.exactlyOneRow()));
    }
    SortedMap<String, String> overrideTables = new TreeMap<>();
    for (TypeOverrideSpec override : overrides) {
      if (override.column() == null) {
        continue;
      }
      List<String> parts = override.columnParts();
      if (parts.size() < 2) {
        continue;
      }
      String schemaName = parts.size() > 2 ? parts.get(parts.size() - 3) : null;
      String tableName = parts.get(parts.size() - 2);
      Optional<Table> found = catalog.resolveTable(schemaName, tableName);
      if (found.isPresent()) {
        overrideTables.put(OverrideTables.lookup(schemaName, tableName), table(found.get()));
      }
    }
    while (!pending.isEmpty()) {
      resolveType(pending.poll());
    }
    return new Resolution(schema, queries, types, tables, overrideTables);
  }

  /**
   * Records a lookup for every table a statement names ({@code t} or {@code schema.t}), so that
   * model building from the lock file finds the same tables as from the live catalog: the target of
   * a {@code :copyfrom} (its columns type the values) and the tables of parameters that column
   * overrides apply to.
   */
  private SortedMap<String, String> statementTables(StatementFacts facts) throws SQLException {
    SortedMap<String, String> lookups = new TreeMap<>();
    // Each name the statement uses, in order: "" for any other token (a zero-length name is no
    // name PostgreSQL accepts).
    List<String> words = facts.names();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (word.isEmpty()) {
        continue;
      }
      Optional<Table> plain = catalog.resolveTable(null, word);
      if (plain.isPresent()) {
        lookups.put(OverrideTables.lookup(null, word), table(plain.get()));
      }
      String next = i + 1 < words.size() ? words.get(i + 1) : "";
      if (!next.isEmpty()) {
        Optional<Table> qualified = catalog.resolveTable(word, next);
        if (qualified.isPresent()) {
          lookups.put(OverrideTables.lookup(word, next), table(qualified.get()));
        }
      }
    }
    return lookups;
  }

  /** The key of a type, queuing it (and what it refers to) for the types section. */
  private String typeKey(int oid) throws SQLException {
    PgType type = catalog.type(oid);
    if (seen.add(oid)) {
      pending.add(oid);
    }
    return TypeKey.of(type.schema(), type.name());
  }

  private String table(Table table) throws SQLException {
    String key = TypeKey.of(table.schema(), table.name());
    if (!tables.containsKey(key)) {
      List<ResolvedField> columns = new ArrayList<>();
      for (TableColumn column : table.columns()) {
        columns.add(
            new ResolvedField(
                column.name(), typeKey(column.typeOid()), column.notNull(), column.dimensions()));
      }
      tables.put(key, new ResolvedTable(table.schema(), table.name(), columns));
    }
    return key;
  }

  private void resolveType(int oid) throws SQLException {
    PgType type = catalog.type(oid);
    String element = type.elementOid() == 0 ? null : typeKey(type.elementOid());
    String base = type.baseTypeOid() == 0 ? null : typeKey(type.baseTypeOid());
    List<ResolvedField> attributes = new ArrayList<>();
    if (type.isComposite()) {
      for (TableColumn attribute : catalog.compositeAttributes(type)) {
        attributes.add(
            new ResolvedField(
                attribute.name(), typeKey(attribute.typeOid()), false, attribute.dimensions()));
      }
    } else if (type.isRowType()) {
      // A list of a relation's rows: its record needs each column's type and nullability.
      Optional<Table> relation = catalog.rowRelation(type);
      if (relation.isPresent()) {
        for (TableColumn column : relation.get().columns()) {
          attributes.add(
              new ResolvedField(
                  column.name(), typeKey(column.typeOid()), column.notNull(), column.dimensions()));
        }
      }
    }
    types.put(
        TypeKey.of(type.schema(), type.name()),
        new ResolvedType(
            type.schema(),
            type.name(),
            type.sqlName(),
            type.kind(),
            element,
            base,
            type.enumLabels(),
            type.relationKind(),
            attributes));
  }
}
