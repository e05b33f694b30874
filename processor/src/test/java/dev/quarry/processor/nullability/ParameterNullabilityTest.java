package dev.quarry.processor.nullability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.processor.nullability.ParameterNullability.Rule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parameter rules on their own: {@code users(id NOT NULL, email NOT NULL, bio NULL, born NULL,
 * settings NULL)}: {@code settings} is a JSqlParser keyword. Each row lists the statement and the
 * parameters that accept NULL with their rule ({@code 3=NULLABLE_COLUMN}), empty for none. The
 * {@code parameter-nullability} case folder checks the same rules against PostgreSQL.
 */
class ParameterNullabilityTest {
  private static final ParameterNullability INFERENCE =
      new ParameterNullability(
          (schema, table) -> {
            if (!table.equals("users")) {
              return Optional.empty();
            }
            Map<String, Boolean> columns = new LinkedHashMap<>();
            columns.put("id", false);
            columns.put("email", false);
            columns.put("bio", true);
            columns.put("born", true);
            columns.put("settings", true);
            return Optional.of(columns);
          });

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "INSERT INTO users (email, bio) VALUES ($1, $2)|2=NULLABLE_COLUMN",
        "INSERT INTO users (email, bio, born) VALUES ($1, $2::text, $3)|2=NULLABLE_COLUMN 3=NULLABLE_COLUMN",
        "INSERT INTO users VALUES ($1, $2, $3, $4)|3=NULLABLE_COLUMN 4=NULLABLE_COLUMN",
        "INSERT INTO users (bio, email) VALUES ($1, $2), ($3, $4)|1=NULLABLE_COLUMN 3=NULLABLE_COLUMN",
        "INSERT INTO users (email, bio) SELECT $1, $2|2=NULLABLE_COLUMN",
        "INSERT INTO users (email, bio) VALUES ($1, $1)|",
        "INSERT INTO users (email, bio) VALUES ($1, $2) ON CONFLICT (email) DO UPDATE SET born = $3|2=NULLABLE_COLUMN 3=NULLABLE_COLUMN",
        "UPDATE users SET bio = $1 WHERE id = $2|1=NULLABLE_COLUMN",
        "UPDATE users SET email = $1, born = $2 WHERE id = $3|2=NULLABLE_COLUMN",
        "UPDATE users SET bio = upper($1) WHERE id = $2|",
        "SELECT * FROM users WHERE bio = $1|",
        "SELECT * FROM users WHERE $1::text IS NULL OR bio = $1|1=NULL_TEST",
        "SELECT * FROM users WHERE $1 IS NOT NULL|1=NULL_TEST",
        "SELECT * FROM users WHERE bio IS NOT DISTINCT FROM $1|1=DISTINCT_FROM",
        "SELECT * FROM users WHERE $1 IS DISTINCT FROM bio|1=DISTINCT_FROM",
        "UPDATE users SET bio = coalesce($1, bio) WHERE id = $2|1=COALESCE",
        "SELECT nullif($1, '') FROM users|1=COALESCE",
        "SELECT * FROM users WHERE id IN (SELECT id FROM users WHERE $1::date IS NULL)|1=NULL_TEST",
        "INSERT INTO users (email, settings) VALUES ($1, $2)|2=NULLABLE_COLUMN",
        "WITH made AS (INSERT INTO users (email, bio) VALUES ($1, $2) RETURNING id) SELECT id FROM made|2=NULLABLE_COLUMN",
        "UPDATE users SET bio = CASE WHEN $1::boolean THEN $2 ELSE bio END, email = CASE WHEN $3 THEN $4 ELSE email END WHERE id = $5|2=NULLABLE_COLUMN",
        "UPDATE users SET settings = CASE WHEN $1::boolean THEN $2 ELSE settings END WHERE id = $3|2=NULLABLE_COLUMN",
        "not sql|"
      })
  void infers(String sql, String expected) {
    Map<Integer, Rule> expectedMap = new LinkedHashMap<>();
    if (expected != null) {
      for (String pair : expected.split(" ")) {
        String[] parts = pair.split("=");
        expectedMap.put(Integer.parseInt(parts[0]), Rule.valueOf(parts[1]));
      }
    }
    assertEquals(expectedMap, new LinkedHashMap<>(INFERENCE.nullable(sql)), sql);
  }
}
