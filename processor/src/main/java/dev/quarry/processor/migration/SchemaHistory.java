package dev.quarry.processor.migration;

import dev.quarry.processor.migration.SchemaSnapshot.Column;
import dev.quarry.processor.migration.SchemaSnapshot.ColumnKey;
import dev.quarry.processor.migration.SchemaSnapshot.Relation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The schema before the first migration and after each applied one, so that an error about a table
 * or column that does not exist can say which migration dropped or renamed it. A rename is
 * recognised by identity: same relation oid (and same attribute number for a column) under a new
 * name.
 */
public record SchemaHistory(SchemaSnapshot baseline, List<Step> steps) {
  /** One applied migration and the schema after it. */
  public record Step(Migration migration, SchemaSnapshot after) {}

  public SchemaHistory {
    steps = List.copyOf(steps);
  }

  /** The schema after the last applied migration. */
  public SchemaSnapshot current() {
    return steps.isEmpty() ? baseline : steps.get(steps.size() - 1).after();
  }

  /**
   * The last migration that dropped, renamed or retyped a column named {@code column}; with a
   * {@code table}, only columns of a table of that name (its name before or after the migration, or
   * its name now) count.
   */
  public Optional<SchemaChange> columnChange(@Nullable String table, String column) {
    SchemaSnapshot now = current();
    for (int i = steps.size() - 1; i >= 0; i--) {
      SchemaSnapshot before = i == 0 ? baseline : steps.get(i - 1).after();
      Step step = steps.get(i);
      SchemaSnapshot after = step.after();
      for (Map.Entry<ColumnKey, Column> entry : before.columns().entrySet()) {
        if (!entry.getValue().name().equals(column)) {
          continue;
        }
        long oid = entry.getKey().relationOid();
        Relation oldTable = before.relation(oid);
        Relation newTable = after.relation(oid);
        Relation nowTable = now.relation(oid);
        if (oldTable == null) {
          continue;
        }
        if (table != null
            && !named(oldTable, table)
            && !named(newTable, table)
            && !named(nowTable, table)) {
          continue;
        }
        String was = oldTable.displayName() + "." + column;
        Column later = after.columns().get(entry.getKey());
        if (newTable == null) {
          return Optional.of(
              new SchemaChange(
                  SchemaChange.Kind.TABLE_DROPPED, step.migration(), was, oldTable.displayName()));
        }
        if (later == null) {
          return Optional.of(
              new SchemaChange(SchemaChange.Kind.DROPPED, step.migration(), was, null));
        }
        if (!later.name().equals(column)) {
          return Optional.of(
              new SchemaChange(
                  SchemaChange.Kind.RENAMED,
                  step.migration(),
                  was,
                  newTable.displayName() + "." + later.name()));
        }
        if (!later.type().equals(entry.getValue().type())) {
          return Optional.of(
              new SchemaChange(SchemaChange.Kind.RETYPED, step.migration(), was, later.type()));
        }
      }
    }
    return Optional.empty();
  }

  /** The last migration that dropped or renamed a table (or view) named {@code table}. */
  public Optional<SchemaChange> tableChange(String table) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      SchemaSnapshot before = i == 0 ? baseline : steps.get(i - 1).after();
      Step step = steps.get(i);
      for (Map.Entry<Long, Relation> entry : before.relations().entrySet()) {
        Relation old = entry.getValue();
        if (!named(old, table)) {
          continue;
        }
        Relation later = step.after().relation(entry.getKey());
        if (later == null) {
          return Optional.of(
              new SchemaChange(
                  SchemaChange.Kind.DROPPED, step.migration(), old.displayName(), null));
        }
        if (!later.equals(old)) {
          return Optional.of(
              new SchemaChange(
                  SchemaChange.Kind.RENAMED,
                  step.migration(),
                  old.displayName(),
                  later.displayName()));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code relation} is called {@code name} or {@code schema.name}. */
  private static boolean named(@Nullable Relation relation, String name) {
    return relation != null
        && (relation.name().equals(name)
            || (relation.schema() + "." + relation.name()).equals(name));
  }
}
