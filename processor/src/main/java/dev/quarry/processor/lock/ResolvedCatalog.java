package dev.quarry.processor.lock;

import dev.quarry.processor.analysis.AnalyzedColumn;
import dev.quarry.processor.analysis.AnalyzedParameter;
import dev.quarry.processor.analysis.AnalyzedQuery;
import dev.quarry.processor.catalog.PgType;
import dev.quarry.processor.catalog.Table;
import dev.quarry.processor.catalog.TableColumn;
import dev.quarry.processor.catalog.TypeCatalog;
import dev.quarry.processor.syntax.ParsedQuery;
import dev.quarry.processor.syntax.QueryDeclaration;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Resolution} seen through the interfaces the model stage reads: a {@link TypeCatalog} and
 * {@link AnalyzedQuery} values. It numbers types and tables itself (in key order), because OIDs
 * differ between databases and only serve as identities here.
 */
public final class ResolvedCatalog implements TypeCatalog {
  private final Resolution resolution;
  private final Map<String, Integer> oids = new HashMap<>();
  private final Map<Integer, PgType> typesByOid = new HashMap<>();
  private final Map<Integer, String> keysByOid = new HashMap<>();
  private final Map<String, Table> tablesByKey = new LinkedHashMap<>();

  /** Table keys by the names they are looked up with: overrides' and every query's. */
  private final Map<String, String> lookups = new HashMap<>();

  public ResolvedCatalog(Resolution resolution) {
    this.resolution = resolution;
    int next = 1;
    for (String key : resolution.types().keySet()) {
      oids.put(key, next);
      keysByOid.put(next, key);
      next++;
    }
    for (Map.Entry<String, ResolvedType> entry : resolution.types().entrySet()) {
      ResolvedType type = entry.getValue();
      int oid = Objects.requireNonNull(oids.get(entry.getKey()));
      typesByOid.put(
          oid,
          new PgType(
              oid,
              type.schema(),
              type.name(),
              type.sqlName(),
              type.kind(),
              oidOrZero(type.element()),
              oidOrZero(type.base()),
              type.labels(),
              type.attributes().isEmpty() ? 0 : oid,
              type.relationKind()));
    }
    for (Map.Entry<String, ResolvedTable> entry : resolution.tables().entrySet()) {
      ResolvedTable table = entry.getValue();
      tablesByKey.put(
          entry.getKey(),
          new Table(next++, table.schema(), table.name(), fields(table.columns(), true)));
    }
    for (ResolvedQuery query : resolution.queries().values()) {
      query.tables().forEach(lookups::putIfAbsent);
    }
    lookups.putAll(resolution.overrideTables());
  }

  private int oidOrZero(@Nullable String key) {
    return key == null ? 0 : oid(key);
  }

  private int oid(String key) {
    Integer oid = oids.get(key);
    if (oid == null) {
      // LockFile checks references when it reads; a capture always includes what it refers to.
      throw new IllegalStateException("the resolution has no type " + key);
    }
    return oid;
  }

  @Override
  public Optional<Table> rowRelation(PgType type) throws SQLException {
    if (!type.isRowType()) {
      return Optional.empty();
    }
    ResolvedType resolved = resolution.types().get(keysByOid.get(type.oid()));
    if (resolved == null || resolved.attributes().isEmpty()) {
      return Optional.empty();
    }
    // Numbered apart from the tables: a row relation is matched by schema and name only.
    return Optional.of(
        new Table(-type.oid(), type.schema(), type.name(), fields(resolved.attributes(), true)));
  }

  private List<TableColumn> fields(List<ResolvedField> fields, boolean table) {
    List<TableColumn> columns = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      ResolvedField field = fields.get(i);
      columns.add(
          new TableColumn(
              field.name(),
              i + 1,
              oid(field.type()),
              table && field.notNull(),
              field.dimensions()));
    }
    return columns;
  }

  @Override
  public PgType type(int oid) throws SQLException {
    PgType type = typesByOid.get(oid);
    if (type == null) {
      throw new SQLException("the lock file's facts have no type numbered " + oid);
    }
    return type;
  }

  @Override
  public Optional<Table> resolveTable(@Nullable String schema, String name) {
    String key = lookups.get(OverrideTables.lookup(schema, name));
    return key == null ? Optional.empty() : Optional.ofNullable(tablesByKey.get(key));
  }

  @Override
  public List<TableColumn> compositeAttributes(PgType type) throws SQLException {
    ResolvedType resolved = resolution.types().get(keysByOid.get(type.oid()));
    if (resolved == null) {
      throw new SQLException(
          "the lock file's facts have no type " + type.schema() + "." + type.name());
    }
    return fields(resolved.attributes(), false);
  }

  /**
   * The analysis of {@code query} as the resolution holds it, or empty when it holds none for this
   * query's text or its parameters no longer match.
   */
  public Optional<AnalyzedQuery> analyzed(ParsedQuery query) {
    QueryDeclaration declaration = query.declaration();
    ResolvedQuery resolved = resolution.queries().get(declaration.name());
    if (resolved == null
        || !resolved.textHash().equals(InputHashes.queryHash(declaration))
        || resolved.parameters().size() != query.parameters().size()) {
      return Optional.empty();
    }
    List<AnalyzedParameter> parameters = new ArrayList<>();
    for (int i = 0; i < resolved.parameters().size(); i++) {
      ResolvedParameter parameter = resolved.parameters().get(i);
      parameters.add(
          new AnalyzedParameter(
              query.parameters().get(i),
              oid(parameter.type()),
              parameter.dimensions(),
              parameter.nullable() || query.parameters().get(i).nullable()));
    }
    List<AnalyzedColumn> columns = new ArrayList<>();
    for (ResolvedColumn column : resolved.columns()) {
      Table table = column.table() == null ? null : tablesByKey.get(column.table());
      columns.add(
          new AnalyzedColumn(
              column.name(),
              oid(column.type()),
              column.nullable(),
              table,
              table == null ? null : column.tableColumn()));
    }
    return Optional.of(
        new AnalyzedQuery(
            query, parameters, resolved.returnsRows(), columns, resolved.exactlyOneRow()));
  }
}
