package dev.quarry.processor.safety;

import dev.quarry.processor.migration.Migration;
import dev.quarry.processor.migration.SchemaSnapshot;
import dev.quarry.processor.migration.SchemaSnapshot.Column;
import dev.quarry.processor.migration.SchemaSnapshot.ColumnKey;
import dev.quarry.processor.syntax.SqlScript;
import dev.quarry.processor.syntax.StatementSpan;
import dev.quarry.processor.syntax.TokenKind;
import dev.quarry.processor.syntax.TokenList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds statements that lock or rewrite a table that existed before their migration, where
 * production holds rows and serves traffic: an index built without {@code CONCURRENTLY}, a {@code
 * NOT NULL} column added without a default, a column type change that rewrites the table, a foreign
 * key or {@code CHECK} added without {@code NOT VALID}, and {@code SET NOT NULL} without a
 * validated {@code CHECK (col IS NOT NULL)} to prove it. A table created in the same migration is
 * empty, so nothing about it is reported.
 *
 * <p>It reads the statement's tokens, not a parse tree: enough to tell these shapes apart, and it
 * never fails on SQL that PostgreSQL accepted. Types before and after come from the catalog, so
 * {@code varchar(20)} to {@code varchar(40)} is known not to rewrite.
 */
final class LockRiskCheck {
  /** One risky statement: where, and the message. */
  /**
   * One risk: where, what to do instead, and whether that advice is to build an index {@code
   * CONCURRENTLY} (which needs a migration that runs outside a transaction).
   */
  record Finding(int offset, String message, boolean concurrently) {
    Finding(int offset, String message) {
      this(offset, message, false);
    }
  }

  // Defaults whose value differs per row: adding a column with one rewrites the table.
  private static final Set<String> VOLATILE_FUNCTIONS =
      Set.of(
          "random",
          "gen_random_uuid",
          "uuid_generate_v1",
          "uuid_generate_v4",
          "uuidv4",
          "uuidv7",
          "clock_timestamp",
          "timeofday",
          "nextval",
          "statement_timestamp");
  private static final Set<String> SERIAL_TYPES =
      Set.of("serial", "bigserial", "smallserial", "serial2", "serial4", "serial8");
  private static final Pattern VARCHAR =
      Pattern.compile("character varying(?:\\((\\d+)\\))?(\\[\\])?");
  private static final Pattern NUMERIC =
      Pattern.compile("numeric(?:\\((\\d+),(\\d+)\\))?(\\[\\])?");

  private LockRiskCheck() {}

  /**
   * The risky statements of {@code migration}, given the schema before it ({@code before}) and
   * after it ({@code after}).
   */
  static List<Finding> check(Migration migration, SchemaSnapshot before, SchemaSnapshot after) {
    List<Finding> findings = new ArrayList<>();
    SqlScript script = SqlScript.of(migration.file());
    // Constraints validated earlier in the same migration: SET NOT NULL after them is cheap.
    Set<String> validatedHere = new HashSet<>();
    for (StatementSpan span : migration.statements()) {
      Words w = new Words(script.tokens(span).significant());
      if (w.is(0, "create") && (w.is(1, "index") || (w.is(1, "unique") && w.is(2, "index")))) {
        createIndex(w, before, findings);
      } else if (w.is(0, "alter") && w.is(1, "table")) {
        alterTable(w, before, after, validatedHere, findings);
      }
    }
    return findings;
  }

  private static void createIndex(Words w, SchemaSnapshot before, List<Finding> findings) {
    if (w.indexOf("concurrently", 0) >= 0) {
      return;
    }
    int on = w.indexOf("on", 0);
    if (on < 0) {
      return;
    }
    int name = w.is(on + 1, "only") ? on + 2 : on + 1;
    Optional<Table> table = w.tableAt(name, before);
    if (table.isPresent()) {
      findings.add(
          new Finding(
              w.start(0),
              "CREATE INDEX on "
                  + table.get().display()
                  + " blocks writes to the table until the index is built; use CREATE INDEX CONCURRENTLY,"
                  + " in a migration that runs outside a transaction",
              true));
    }
  }

  private static void alterTable(
      Words w,
      SchemaSnapshot before,
      SchemaSnapshot after,
      Set<String> validatedHere,
      List<Finding> findings) {
    int name = 2;
    if (w.is(name, "if") && w.is(name + 1, "exists")) {
      name += 2;
    }
    if (w.is(name, "only")) {
      name++;
    }
    Optional<Table> found = w.tableAt(name, before);
    int actionsStart = w.afterName(name);
    // Actions apply to a table created earlier in this migration as well; those hold no rows.
    for (int[] action : w.splitAtCommas(actionsStart)) {
      int a = action[0];
      int end = action[1];
      if (w.is(a, "validate") && w.is(a + 1, "constraint")) {
        validatedHere.add(w.name(a + 2));
      }
      if (found.isEmpty()) {
        continue;
      }
      Table table = found.get();
      if (w.is(a, "add")) {
        addAction(w, a + 1, end, table, findings);
      } else if (w.is(a, "alter")) {
        int column = w.is(a + 1, "column") ? a + 2 : a + 1;
        int verb = column + 1;
        if (w.is(verb, "type")
            || (w.is(verb, "set") && w.is(verb + 1, "data") && w.is(verb + 2, "type"))) {
          retype(w, a, table, w.name(column), before, after, findings);
        } else if (w.is(verb, "set") && w.is(verb + 1, "not") && w.is(verb + 2, "null")) {
          setNotNull(w, a, table, w.name(column), before, validatedHere, findings);
        }
      }
    }
  }

  private static void addAction(Words w, int at, int end, Table table, List<Finding> findings) {
    boolean constraint =
        w.is(at, "constraint")
            || w.is(at, "foreign")
            || w.is(at, "check")
            || w.is(at, "primary")
            || w.is(at, "unique")
            || w.is(at, "exclude");
    int start = w.start(at - 1);
    if (constraint) {
      boolean notValid = w.indexOfPair("not", "valid", at, end) >= 0;
      boolean usingIndex = w.indexOfPair("using", "index", at, end) >= 0;
      if (w.indexOf("foreign", at, end) >= 0 && !notValid) {
        findings.add(
            new Finding(
                start,
                "ADD FOREIGN KEY on "
                    + table.display()
                    + " checks every row while it blocks writes to both tables; add it NOT VALID, then VALIDATE"
                    + " CONSTRAINT in a later migration"));
      } else if (w.indexOf("check", at, end) >= 0 && !notValid) {
        findings.add(
            new Finding(
                start,
                "ADD CHECK on "
                    + table.display()
                    + " checks every row while it blocks reads and writes; add it NOT VALID, then VALIDATE"
                    + " CONSTRAINT in a later migration"));
      } else if ((w.indexOf("primary", at, end) >= 0 || w.indexOf("unique", at, end) >= 0)
          && !usingIndex) {
        findings.add(
            new Finding(
                start,
                "ADD PRIMARY KEY or UNIQUE on "
                    + table.display()
                    + " builds an index while it blocks writes; CREATE UNIQUE INDEX CONCURRENTLY first, then"
                    + " ADD CONSTRAINT ... USING INDEX",
                true));
      }
      return;
    }
    int column = w.is(at, "column") ? at + 1 : at;
    if (w.is(column, "if") && w.is(column + 1, "not") && w.is(column + 2, "exists")) {
      column += 3;
    }
    String name = w.name(column);
    int def = w.indexOf("default", column + 1, end);
    boolean notNull =
        w.indexOfPair("not", "null", column + 1, end) >= 0
            || w.indexOfPair("primary", "key", column + 1, end) >= 0;
    String where = table.display() + "." + name;
    if (SERIAL_TYPES.contains(w.lower(column + 1))) {
      findings.add(
          new Finding(
              start,
              "ADD COLUMN "
                  + where
                  + " "
                  + w.lower(column + 1)
                  + " rewrites the table under an ACCESS EXCLUSIVE lock (every row gets its own sequence value);"
                  + " add a nullable column, backfill it in batches, then add the default"));
    } else if (w.indexOfPair("as", "identity", column + 1, end) >= 0
        && w.indexOf("generated", column + 1, end) >= 0) {
      findings.add(
          new Finding(
              start,
              "ADD COLUMN "
                  + where
                  + " GENERATED ... AS IDENTITY rewrites the table under an ACCESS EXCLUSIVE lock (every row gets"
                  + " its own sequence value); add a nullable column, backfill it in batches, set NOT NULL, then ALTER"
                  + " COLUMN ... ADD GENERATED ... AS IDENTITY (no rewrite) and setval its sequence past the highest"
                  + " value"));
    } else if (def >= 0 && w.anyVolatileCall(def + 1, end, VOLATILE_FUNCTIONS)) {
      findings.add(
          new Finding(
              start,
              "ADD COLUMN "
                  + where
                  + " with a volatile default rewrites the table under an ACCESS EXCLUSIVE lock; add the column"
                  + " without a default (or with a constant one), backfill it in batches, then set the default"));
    } else if (w.indexOfPair("stored", null, column + 1, end) >= 0
        && w.indexOf("generated", column + 1, end) >= 0) {
      findings.add(
          new Finding(
              start,
              "ADD COLUMN "
                  + where
                  + " GENERATED ... STORED rewrites the table under an ACCESS EXCLUSIVE lock"));
    } else if (notNull && def < 0 && w.indexOf("generated", column + 1, end) < 0) {
      findings.add(
          new Finding(
              start,
              "ADD COLUMN "
                  + where
                  + " NOT NULL without a default fails on a table that has rows; give it a default (PostgreSQL 11+"
                  + " adds a constant default without rewriting), or add it nullable, backfill, and set NOT NULL later"));
    }
    if (w.indexOf("unique", column + 1, end) >= 0
        || w.indexOfPair("primary", "key", column + 1, end) >= 0) {
      findings.add(
          new Finding(
              start,
              "ADD COLUMN "
                  + where
                  + " with UNIQUE or PRIMARY KEY builds an index while it blocks writes; add the column, then CREATE"
                  + " UNIQUE INDEX CONCURRENTLY and ADD CONSTRAINT ... USING INDEX",
              true));
    }
  }

  private static void retype(
      Words w,
      int at,
      Table table,
      String column,
      SchemaSnapshot before,
      SchemaSnapshot after,
      List<Finding> findings) {
    Optional<Map.Entry<ColumnKey, Column>> old = before.column(table.oid(), column);
    if (old.isEmpty()) {
      return;
    }
    Column now = after.columns().get(old.get().getKey());
    if (now == null || !rewrites(old.get().getValue().type(), now.type())) {
      return;
    }
    findings.add(
        new Finding(
            w.start(at),
            "ALTER COLUMN "
                + table.display()
                + "."
                + column
                + " TYPE from "
                + old.get().getValue().type()
                + " to "
                + now.type()
                + " rewrites the table under an ACCESS EXCLUSIVE lock; add a new column, backfill it, and switch over"
                + " (only widening varchar or numeric, or varchar to text, is free)"));
  }

  /**
   * Whether PostgreSQL rewrites the table to change a column's type from {@code from} to {@code
   * to}.
   */
  static boolean rewrites(String from, String to) {
    if (from.equals(to)) {
      return false;
    }
    Matcher fromVarchar = VARCHAR.matcher(from);
    if (fromVarchar.matches()) {
      String array = fromVarchar.group(2) == null ? "" : "[]";
      if (to.equals("text" + array)) {
        return false;
      }
      Matcher toVarchar = VARCHAR.matcher(to);
      if (toVarchar.matches() && Objects.equals(array, toVarchar.group(2) == null ? "" : "[]")) {
        return toVarchar.group(1) != null
            && (fromVarchar.group(1) == null
                || Integer.parseInt(toVarchar.group(1)) < Integer.parseInt(fromVarchar.group(1)));
      }
    }
    if (from.equals("text") && to.equals("character varying")) {
      return false;
    }
    Matcher fromNumeric = NUMERIC.matcher(from);
    Matcher toNumeric = NUMERIC.matcher(to);
    if (fromNumeric.matches() && toNumeric.matches() && fromNumeric.group(1) != null) {
      if (toNumeric.group(1) == null) {
        return false;
      }
      return !toNumeric.group(2).equals(fromNumeric.group(2))
          || Integer.parseInt(toNumeric.group(1)) < Integer.parseInt(fromNumeric.group(1));
    }
    return !(from.equals("cidr") && to.equals("inet"));
  }

  private static void setNotNull(
      Words w,
      int at,
      Table table,
      String column,
      SchemaSnapshot before,
      Set<String> validatedHere,
      List<Finding> findings) {
    for (SchemaSnapshot.NotNullCheck check : before.notNullChecks()) {
      if (check.relationOid() == table.oid()
          && check.column().equals(column)
          && (check.validated() || validatedHere.contains(check.constraint()))) {
        return;
      }
    }
    findings.add(
        new Finding(
            w.start(at),
            "SET NOT NULL on "
                + table.display()
                + "."
                + column
                + " scans the whole table under an ACCESS EXCLUSIVE lock; first ADD CONSTRAINT ... CHECK ("
                + column
                + " IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT it (in a later migration), then SET NOT NULL"
                + " (PostgreSQL 12+ skips the scan) and drop the check"));
  }

  /** A table that existed before the migration. */
  record Table(long oid, String display) {}

  /** The statement's non-trivia tokens, with keyword tests by index (out of range is no match). */
  private static final class Words {
    private final String text;
    private final TokenList tokens;

    Words(TokenList tokens) {
      this.text = tokens.text();
      this.tokens = tokens;
    }

    boolean is(int i, String word) {
      return i >= 0 && i < tokens.size() && tokens.get(i).isWord(text, word);
    }

    String lower(int i) {
      return i < tokens.size() ? tokens.get(i).text(text).toLowerCase(Locale.ROOT) : "";
    }

    String name(int i) {
      return i < tokens.size() ? tokens.name(tokens.get(i)) : "";
    }

    int start(int i) {
      return tokens.get(Math.max(0, Math.min(i, tokens.size() - 1))).start();
    }

    int indexOf(String word, int from) {
      return indexOf(word, from, tokens.size());
    }

    int indexOf(String word, int from, int to) {
      for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
        if (is(i, word)) {
          return i;
        }
      }
      return -1;
    }

    /** The index of {@code first} followed by {@code second} (or alone when second is null). */
    int indexOfPair(String first, @Nullable String second, int from, int to) {
      for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
        if (is(i, first) && (second == null || is(i + 1, second))) {
          return i;
        }
      }
      return -1;
    }

    boolean anyVolatileCall(int from, int to, Set<String> functions) {
      for (int i = from; i < Math.min(to, tokens.size()) - 1; i++) {
        if (tokens.get(i).kind() == TokenKind.IDENTIFIER
            && functions.contains(lower(i))
            && tokens.get(i + 1).kind() == TokenKind.LEFT_PAREN) {
          return true;
        }
      }
      return false;
    }

    /**
     * A possibly schema-qualified table name at {@code i}, if it names a table that existed before.
     */
    Optional<Table> tableAt(int i, SchemaSnapshot before) {
      if (i >= tokens.size()) {
        return Optional.empty();
      }
      String schema = null;
      String name = name(i);
      if (i + 2 < tokens.size() && tokens.get(i + 1).kind() == TokenKind.DOT) {
        schema = name;
        name = name(i + 2);
      }
      String shown = schema == null ? name : schema + "." + name;
      return before.relationOid(schema, name).map(oid -> new Table(oid, shown));
    }

    /** The index just after a possibly qualified name at {@code i}. */
    int afterName(int i) {
      return i + 1 < tokens.size() && tokens.get(i + 1).kind() == TokenKind.DOT ? i + 3 : i + 1;
    }

    /** [start, end) token ranges from {@code from}, split at commas outside parentheses. */
    List<int[]> splitAtCommas(int from) {
      List<int[]> parts = new ArrayList<>();
      int depth = 0;
      int start = from;
      for (int i = from; i < tokens.size(); i++) {
        TokenKind kind = tokens.get(i).kind();
        if (kind == TokenKind.LEFT_PAREN) {
          depth++;
        } else if (kind == TokenKind.RIGHT_PAREN) {
          depth--;
        } else if (kind == TokenKind.COMMA && depth == 0) {
          parts.add(new int[] {start, i});
          start = i + 1;
        }
      }
      if (start < tokens.size()) {
        parts.add(new int[] {start, tokens.size()});
      }
      return parts;
    }
  }
}
