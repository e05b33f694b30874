package dev.quarry.processor.nullability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exactly-one-row rules on their own, with the schema facts given: {@code users} is a plain
 * table, {@code ruled} has a DO INSTEAD rule for INSERT; {@code count} and {@code max} are
 * aggregates, {@code generate_series} and {@code unnest} return sets. The {@code cardinality} case
 * folder checks the same rules against PostgreSQL's catalog.
 */
class RowCountInferenceTest {
  private static final RowCountInference INFERENCE =
      new RowCountInference(
          new RowCountInference.Facts() {
            @Override
            public boolean returnsSet(String function) {
              return Set.of("generate_series", "unnest").contains(function);
            }

            @Override
            public boolean isAggregate(String function) {
              return Set.of("count", "max").contains(function);
            }

            @Override
            public boolean insertsPlainly(@Nullable String schema, String table) {
              return table.equals("users");
            }
          });

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "INSERT INTO users (a, b) VALUES ($1, $2) RETURNING *|true",
        "INSERT INTO users (a) VALUES ($1) RETURNING id|true",
        "INSERT INTO public.users (a) VALUES ($1) RETURNING id|true",
        "INSERT INTO users DEFAULT VALUES RETURNING id|true",
        "INSERT INTO users (a) SELECT $1 RETURNING id|true",
        "INSERT INTO users (a) SELECT max(a) FROM users RETURNING id|true",
        "INSERT INTO users (a) VALUES ($1) ON CONFLICT (a) DO UPDATE SET b = 1 RETURNING id|true",
        "WITH x AS (SELECT 1) INSERT INTO users (a) VALUES ($1) RETURNING id|true",
        "SELECT count(*) FROM users|true",
        "SELECT count(*) FROM users WHERE a = $1|true",
        "SELECT count(*)::int + 1 AS n, max(a) FROM users|true",
        "SELECT count(*) FILTER (WHERE a > 1) FROM users|true",
        "SELECT now()|true",
        "SELECT (SELECT a FROM users WHERE id = $1) AS a|true",
        "SELECT (SELECT generate_series(1, 3) LIMIT 1) AS a|true",
        "VALUES (1, 2)|true",
        "INSERT INTO users (errors, settings) VALUES ($1, $2) RETURNING id|true",
        "INSERT INTO users (a) VALUES ($1)|false",
        "INSERT INTO users (a) VALUES ($1), ($2) RETURNING id|false",
        "INSERT INTO users (a) VALUES ($1) ON CONFLICT DO NOTHING RETURNING id|false",
        "INSERT INTO users (a) VALUES ($1) ON CONFLICT (a) DO UPDATE SET b = 1 WHERE users.b < 2 RETURNING id|false",
        "INSERT INTO users (a) SELECT $1 WHERE $2 RETURNING id|false",
        "INSERT INTO users (a) SELECT a FROM users RETURNING id|false",
        "INSERT INTO ruled (a) VALUES ($1) RETURNING id|false",
        "INSERT INTO unknown (a) VALUES ($1) RETURNING id|false",
        "SELECT 1 WHERE false|false",
        "SELECT 1 HAVING false|false",
        "SELECT generate_series(1, $1)|false",
        "SELECT unnest(array_agg(a)) FROM users|false",
        "SELECT count(*) FROM users LIMIT $1|false",
        "SELECT count(*) FROM users OFFSET 1|false",
        "SELECT count(*) FROM users GROUP BY a|false",
        "SELECT count(*) FROM users HAVING count(*) > 1|false",
        "SELECT count(*) OVER () FROM users|false",
        "SELECT a FROM users WHERE id = $1|false",
        "SELECT 1 UNION ALL SELECT 2|false",
        "UPDATE users SET a = 1 WHERE id = $1 RETURNING id|false",
        "DELETE FROM users WHERE id = $1 RETURNING id|false",
        "not sql at all|false"
      })
  void decides(String sql, boolean exactlyOne) {
    assertEquals(exactlyOne, INFERENCE.exactlyOneRow(sql), sql);
  }
}
