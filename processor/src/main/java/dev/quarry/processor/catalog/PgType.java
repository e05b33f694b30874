package dev.quarry.processor.catalog;

import java.util.List;

/**
 * A PostgreSQL type as the catalog describes it.
 *
 * @param oid the type's OID
 * @param schema its schema ({@code pg_catalog} for built-ins)
 * @param name its {@code typname} ({@code int8}, {@code _text} for {@code text[]})
 * @param sqlName the name to write in SQL, qualified and quoted where needed ({@code format_type})
 * @param kind {@code typtype}: b base, e enum, d domain, c composite, r range, m multirange, p
 *     pseudo
 * @param elementOid for an array type, the element type's OID, else 0
 * @param baseTypeOid for a domain, the underlying type's OID, else 0
 * @param enumLabels for an enum, its labels in sort order, else empty
 * @param relationOid for a composite type, the relation holding its attributes, else 0
 * @param relationKind that relation's kind: {@code c} for a type made with CREATE TYPE AS, {@code
 *     r} for a table's row type, else a space
 */
public record PgType(
    int oid,
    String schema,
    String name,
    String sqlName,
    char kind,
    int elementOid,
    int baseTypeOid,
    List<String> enumLabels,
    int relationOid,
    char relationKind) {

  public PgType {
    enumLabels = List.copyOf(enumLabels);
  }

  public boolean isArray() {
    return elementOid != 0 && name.startsWith("_");
  }

  public boolean isEnum() {
    return kind == 'e';
  }

  /** A composite type made with {@code CREATE TYPE ... AS (...)} (not a table's row type). */
  public boolean isComposite() {
    return kind == 'c' && relationKind == 'c';
  }

  /**
   * The row type of a table, view, materialized view or foreign table: what {@code c} is in {@code
   * SELECT c FROM comments c}.
   */
  public boolean isRowType() {
    return kind == 'c' && "rpvmf".indexOf(relationKind) >= 0;
  }

  public boolean isDomain() {
    return kind == 'd';
  }

  public boolean isBuiltIn() {
    return schema.equals("pg_catalog");
  }
}
