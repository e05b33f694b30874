package dev.quarry.processor.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.processor.syntax.TableReferences.TableReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableReferencesTest {

  @Test
  void tablesWithTheirAliases() {
    assertEquals(
        List.of(
            new TableReference(null, "users", "u"),
            new TableReference("app", "posts", "p"),
            new TableReference(null, "tags", "tags")),
        TableReferences.of(
            TokenList.of(
                "SELECT u.name FROM users u JOIN app.posts AS p ON p.author = u.id"
                    + " LEFT JOIN tags WHERE u.id = $1")));
  }

  @Test
  void aFromListAndAnUpdateAndAnInsert() {
    assertEquals(
        List.of(new TableReference(null, "a", "x"), new TableReference(null, "B", "y")),
        TableReferences.of(TokenList.of("SELECT 1 FROM a x, \"B\" y WHERE x.id = y.id")));
    assertEquals(
        List.of(new TableReference(null, "users", "users"), new TableReference(null, "t", "t")),
        TableReferences.of(
            TokenList.of("UPDATE users SET name = $1 FROM t WHERE t.id = users.id")));
    assertEquals(
        List.of(new TableReference(null, "users", "users")),
        TableReferences.of(
            TokenList.of("INSERT INTO users (id, name) VALUES ($1, $2) RETURNING id")));
  }

  @Test
  void subqueriesNameNoTable() {
    assertEquals(
        List.of(new TableReference(null, "users", "users")),
        TableReferences.of(TokenList.of("SELECT * FROM (SELECT id FROM users) s WHERE s.id > 0")));
  }
}
