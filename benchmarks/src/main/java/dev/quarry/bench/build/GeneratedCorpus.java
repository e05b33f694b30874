package dev.quarry.bench.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a large, deterministic project for the build-time benchmark: 100 Flyway migrations over 50
 * tables (50 {@code CREATE TABLE}s, then 50 migrations that add columns, indexes built concurrently
 * and views) and 1,000 queries, 20 per table in one file each, of every command and the usual
 * shapes: lookups, filtered lists, inserts returning rows, updates, deletes, outer joins to the
 * neighbouring table, aggregates, window functions, CTEs, {@code sqlc.slice}, {@code sqlc.narg},
 * {@code sqlc.embed}, jsonb and array operators. The same call always writes the same bytes; {@link
 * #fingerprint} identifies them in the results.
 */
public final class GeneratedCorpus {
  public static final int TABLES = 50;
  public static final int QUERIES_PER_TABLE = 20;

  private GeneratedCorpus() {}

  /** Writes {@code migrations/} and {@code queries/} under {@code project}. */
  public static Map<String, String> write(Path project) throws IOException {
    Map<String, String> files = files();
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = project.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
    return files;
  }

  /** SHA-256 of every file's name and content, in order (first 16 hex digits). */
  public static String fingerprint() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> file : files().entrySet()) {
        digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(file.getValue().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Relative path to content, in a fixed order. */
  static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    for (int k = 1; k <= TABLES; k++) {
      files.put(String.format("migrations/V%03d__create_%s.sql", k, table(k)), createTable(k));
    }
    for (int k = 1; k <= TABLES; k++) {
      files.put(
          String.format("migrations/V%03d__extend_%s.sql", TABLES + k, table(k)), extendTable(k));
    }
    for (int k = 1; k <= TABLES; k++) {
      files.put("queries/" + table(k) + ".sql", queries(k));
    }
    return files;
  }

  static String table(int k) {
    return String.format("item%02d", k);
  }

  /** Java-style name part of table k: Item07. */
  private static String type(int k) {
    return String.format("Item%02d", k);
  }

  private static boolean hasStatus(int k) {
    return k % 5 == 0;
  }

  private static String createTable(int k) {
    StringBuilder sql = new StringBuilder();
    if (hasStatus(k)) {
      sql.append("CREATE TYPE ")
          .append(table(k))
          .append("_status AS ENUM ('new', 'active', 'on hold', 'closed');\n\n");
    }
    sql.append("CREATE TABLE ")
        .append(table(k))
        .append(" (\n")
        .append("  id         bigserial PRIMARY KEY,\n");
    if (k > 1) {
      sql.append("  parent_id  bigint REFERENCES ").append(table(k - 1)).append(" (id),\n");
    }
    sql.append("  name       text NOT NULL,\n")
        .append("  code       varchar(32) NOT NULL UNIQUE,\n")
        .append("  quantity   int NOT NULL DEFAULT 0,\n")
        .append("  price      numeric(12, 2),\n")
        .append("  active     boolean NOT NULL DEFAULT true,\n")
        .append("  created_at timestamptz NOT NULL DEFAULT now(),\n")
        .append("  payload    jsonb,\n");
    if (hasStatus(k)) {
      sql.append("  status     ").append(table(k)).append("_status NOT NULL DEFAULT 'new',\n");
    }
    sql.append("  tags       text[] NOT NULL DEFAULT '{}'\n").append(");\n");
    return sql.toString();
  }

  private static String extendTable(int k) {
    StringBuilder sql = new StringBuilder();
    sql.append("ALTER TABLE ").append(table(k)).append(" ADD COLUMN note text;\n");
    sql.append("ALTER TABLE ")
        .append(table(k))
        .append(" ADD COLUMN score int NOT NULL DEFAULT 0;\n");
    if (k % 5 == 0) {
      // Flyway runs a migration holding CONCURRENTLY statement by statement, outside a transaction.
      sql.append("CREATE INDEX CONCURRENTLY ")
          .append(table(k))
          .append("_name_idx ON ")
          .append(table(k))
          .append(" (name);\n");
    }
    if (k % 10 == 0) {
      sql.append("CREATE VIEW active_")
          .append(table(k))
          .append(" AS SELECT id, name, score FROM ")
          .append(table(k))
          .append(" WHERE active;\n");
    }
    sql.append("COMMENT ON COLUMN ").append(table(k)).append(".score IS 'ranking points';\n");
    return sql.toString();
  }

  private static String queries(int k) {
    String t = table(k);
    String T = type(k);
    String parent = k > 1 ? table(k - 1) : null;
    String child = k < TABLES ? table(k + 1) : null;
    StringBuilder q = new StringBuilder();
    query(q, "Get" + T, ":one", "SELECT * FROM " + t + " WHERE id = @id;");
    query(
        q,
        "List" + T + "ByName",
        ":many",
        "SELECT id, name, code, quantity FROM "
            + t
            + " WHERE name LIKE @pattern ORDER BY id LIMIT @max_rows;");
    query(
        q,
        "Create" + T,
        ":one",
        "INSERT INTO "
            + t
            + " ("
            + (parent != null ? "parent_id, " : "")
            + "name, code, quantity, price, payload, tags)\n"
            + "VALUES ("
            + (parent != null ? "sqlc.narg(parent_id), " : "")
            + "@name, @code, @quantity, sqlc.narg(price), sqlc.narg(payload), @tags)\nRETURNING *;");
    query(
        q,
        "Update" + T + "Quantity",
        ":exec",
        "UPDATE " + t + " SET quantity = @quantity WHERE id = @id;");
    query(q, "Delete" + T, ":execrows", "DELETE FROM " + t + " WHERE id = @id;");
    query(
        q,
        "Count" + T + "ByActive",
        ":one",
        "SELECT count(*) AS total FROM " + t + " WHERE active = @active;");
    if (parent != null) {
      query(
          q,
          "List" + T + "WithParent",
          ":many",
          "SELECT c.id, c.name, p.name AS parent_name, p.code AS parent_code\nFROM "
              + t
              + " c\nLEFT JOIN "
              + parent
              + " p ON p.id = c.parent_id\nWHERE c.created_at > @since\nORDER BY c.id\nLIMIT @max_rows;");
    } else {
      query(
          q,
          "List" + T + "Since",
          ":many",
          "SELECT id, name, created_at FROM "
              + t
              + " WHERE created_at > @since ORDER BY id LIMIT @max_rows;");
    }
    query(
        q,
        T + "StatsByActive",
        ":many",
        "SELECT active, count(*) AS n, sum(quantity) AS total_quantity, avg(price) AS average_price\nFROM "
            + t
            + "\nGROUP BY active\nORDER BY active;");
    query(
        q,
        "Insert" + T + "Batch",
        ":batchexec",
        "INSERT INTO " + t + " (name, code, quantity) VALUES (@name, @code, @quantity);");
    query(
        q,
        "Copy" + T,
        ":copyfrom",
        "INSERT INTO "
            + t
            + " (name, code, quantity, price) VALUES (@name, @code, @quantity, sqlc.narg(price));");
    query(
        q,
        T + "ByIds",
        ":many",
        "SELECT id, name FROM " + t + " WHERE id IN (sqlc.slice(ids)) ORDER BY id;");
    query(
        q,
        "Search" + T,
        ":many",
        "SELECT id, name, note FROM "
            + t
            + "\nWHERE (sqlc.narg(name)::text IS NULL OR name = sqlc.narg(name))\n"
            + "  AND quantity >= @min_quantity\nORDER BY id\nLIMIT @max_rows;");
    query(
        q,
        "Update" + T + "Note",
        ":execrows",
        "UPDATE " + t + " SET note = sqlc.narg(note), score = score + @delta WHERE id = @id;");
    query(
        q,
        T + "Tagged",
        ":many",
        "SELECT id, name, tags FROM " + t + " WHERE tags @> @tags::text[] ORDER BY id;");
    query(
        q,
        T + "WithPayloadKey",
        ":many",
        "SELECT id, payload ->> 'kind' AS kind FROM "
            + t
            + " WHERE payload ? @key ORDER BY id LIMIT @max_rows;");
    query(
        q,
        "Top" + T + "ByScore",
        ":many",
        "SELECT id, name, score, rank() OVER (ORDER BY score DESC) AS position\nFROM "
            + t
            + "\nWHERE active\nORDER BY score DESC\nLIMIT @max_rows;");
    if (child != null) {
      query(
          q,
          T + "ChildCounts",
          ":many",
          "SELECT p.id, p.name, count(c.id) AS children\nFROM "
              + t
              + " p\nLEFT JOIN "
              + child
              + " c ON c.parent_id = p.id\nGROUP BY p.id, p.name\nORDER BY p.id\nLIMIT @max_rows;");
    } else {
      query(q, T + "Codes", ":many", "SELECT code FROM " + t + " ORDER BY code;");
    }
    query(
        q,
        T + "Recent",
        ":many",
        "WITH recent AS (\n  SELECT id, name, created_at FROM "
            + t
            + " WHERE created_at > now() - @age::interval\n)\n"
            + "SELECT id, name, created_at FROM recent ORDER BY created_at DESC;");
    if (parent != null) {
      query(
          q,
          T + "WithParentRecord",
          ":one",
          "SELECT sqlc.embed(c), p.name AS parent_name\nFROM "
              + t
              + " c\nJOIN "
              + parent
              + " p ON p.id = c.parent_id\nWHERE c.id = @id;");
    } else {
      query(q, T + "Names", ":many", "SELECT name FROM " + t + " WHERE active ORDER BY name;");
    }
    if (hasStatus(k)) {
      query(
          q,
          "List" + T + "ByStatus",
          ":many",
          "SELECT id, name, status FROM "
              + t
              + " WHERE status = @status ORDER BY id LIMIT @max_rows;");
    } else {
      query(
          q,
          T + "CodeExists",
          ":one",
          "SELECT EXISTS (SELECT 1 FROM " + t + " WHERE code = @code) AS present;");
    }
    return q.toString();
  }

  private static void query(StringBuilder out, String name, String command, String sql) {
    if (out.length() > 0) {
      out.append('\n');
    }
    out.append("-- name: ")
        .append(name)
        .append(' ')
        .append(command)
        .append('\n')
        .append(sql)
        .append('\n');
  }
}
