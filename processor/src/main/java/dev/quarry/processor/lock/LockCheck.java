package dev.quarry.processor.lock;

import dev.quarry.processor.lock.Resolution.MigrationStamp;
import dev.quarry.processor.lock.Resolution.SchemaStamp;
import dev.quarry.processor.syntax.ParsedQuery;
import dev.quarry.processor.syntax.QueryDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Compares a lock file with the current migrations and queries: whether the schema it was resolved
 * against is still the one the migrations build, which queries are new or changed, and in words,
 * what is stale.
 *
 * @param locked the lock file's resolution, or null when there is none that can be used
 * @param schemaFresh whether {@code locked} was resolved against the current schema
 * @param stale the queries that must be analysed again (all of them when the schema changed)
 * @param reasons what is stale, one phrase each, for messages
 */
public record LockCheck(
    @Nullable Resolution locked,
    boolean schemaFresh,
    List<ParsedQuery> stale,
    List<String> reasons) {
  public LockCheck {
    stale = List.copyOf(stale);
    reasons = List.copyOf(reasons);
  }

  /** Whether the lock file answers for every query, so no database is needed. */
  public boolean fresh() {
    return locked != null && schemaFresh && stale.isEmpty();
  }

  /**
   * Checks {@code locked} against the current inputs; {@code unusable} says why there is no lock
   * file to use when {@code locked} is null.
   */
  public static LockCheck of(
      @Nullable Resolution locked, String unusable, SchemaStamp schema, List<ParsedQuery> queries) {
    if (locked == null) {
      return new LockCheck(null, false, queries, List.of(unusable));
    }
    List<String> reasons = new ArrayList<>();
    // The hash covers the analyser too; compared on its own as well, so that the analyser line
    // decides even in a lock file whose hash was not computed by the Quarry it names.
    if (!locked.schema().hash().equals(schema.hash())
        || !Objects.equals(locked.schema().analyser(), schema.analyser())) {
      reasons.addAll(schemaChanges(locked.schema(), schema));
      return new LockCheck(locked, false, queries, reasons);
    }
    List<ParsedQuery> stale = new ArrayList<>();
    for (ParsedQuery query : queries) {
      QueryDeclaration declaration = query.declaration();
      ResolvedQuery resolved = locked.queries().get(declaration.name());
      if (resolved == null || !resolved.textHash().equals(InputHashes.queryHash(declaration))) {
        stale.add(query);
        reasons.add(
            "query "
                + declaration.name()
                + " ("
                + declaration.headerLocation()
                + ") is "
                + (resolved == null ? "new" : "changed"));
      }
    }
    return new LockCheck(locked, true, stale, reasons);
  }

  private static List<String> schemaChanges(SchemaStamp locked, SchemaStamp now) {
    List<String> reasons = new ArrayList<>();
    if (!Objects.equals(locked.analyser(), now.analyser())) {
      reasons.add(
          (locked.analyser() == null
                  ? "it was written by a Quarry that did not record its version"
                  : "it was written by Quarry " + locked.analyser())
              + ", this build is Quarry "
              + now.analyser()
              + " (facts resolved by another analysis are not reused)");
    }
    if (locked.postgresMajor() != now.postgresMajor()) {
      reasons.add(
          "it was resolved for PostgreSQL "
              + locked.postgresMajor()
              + ", the build uses "
              + now.postgresMajor());
    }
    Map<String, String> before = new LinkedHashMap<>();
    for (MigrationStamp migration : locked.migrations()) {
      before.put(migration.file(), migration.hash());
    }
    for (MigrationStamp migration : now.migrations()) {
      String hash = before.remove(migration.file());
      if (hash == null) {
        reasons.add("migration " + migration.file() + " is new");
      } else if (!hash.equals(migration.hash())) {
        reasons.add("migration " + migration.file() + " changed");
      }
    }
    for (String removed : before.keySet()) {
      reasons.add("migration " + removed + " was removed");
    }
    if (reasons.isEmpty()) {
      reasons.add("the type overrides of @GenerateQueries changed");
    }
    return reasons;
  }

  /** The reasons as one phrase, listing at most a few. */
  public String describe() {
    int shown = Math.min(reasons.size(), 5);
    String text = String.join("; ", reasons.subList(0, shown));
    return reasons.size() > shown ? text + "; and " + (reasons.size() - shown) + " more" : text;
  }
}
