package dev.quarry.processor.catalog;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The catalog facts that type mapping and the model read: types by OID, tables by name and the
 * attributes of composite types. The live {@link Catalog} answers from the schema database; the
 * lock file's facts answer the same questions without one, so both give the same model.
 */
public interface TypeCatalog {

  /** The type with {@code oid}; its element and base types can be asked for as well. */
  PgType type(int oid) throws SQLException;

  /**
   * Finds a table named as a query names it: {@code schema.name}, or a bare name looked up in
   * {@code public} first, then in any schema when only one has it.
   */
  Optional<Table> resolveTable(@Nullable String schema, String name);

  /** The attributes of a composite type, in order. */
  List<TableColumn> compositeAttributes(PgType type) throws SQLException;

  /**
   * The relation whose row type {@code type} is ({@link PgType#isRowType}), with each column's
   * nullability (a view's as its definition gives it), or empty when it is not a user relation.
   */
  Optional<Table> rowRelation(PgType type) throws SQLException;
}
