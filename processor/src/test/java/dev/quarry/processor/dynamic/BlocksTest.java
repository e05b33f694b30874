package dev.quarry.processor.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.query.QueryFileReader;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.syntax.QueryDeclaration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the markers of one query. */
class BlocksTest {
  private final Diagnostics diagnostics = new Diagnostics();

  private List<QueryDeclaration> queries(String text) {
    return new QueryFileReader(diagnostics)
        .read(new SourceFile(Path.of("/p/queries/q.sql"), "queries/q.sql", text))
        .queries();
  }

  @Test
  void aClosingMarkerAfterTheLastTokenBelongsToTheStatementEvenPastACommentWithASemicolon() {
    String text =
        "-- name: A :many\n"
            + "SELECT 1 FROM t WHERE true /*[if @x]*/ AND x = @x -- x; y\n"
            + "/*[end]*/;\n"
            + "-- name: B :many\n"
            + "SELECT 2;\n";
    List<QueryDeclaration> queries = queries(text);
    Blocks blocks = Blocks.read(queries.get(0), diagnostics).orElseThrow();
    assertEquals(List.of(), diagnostics.all());
    assertEquals(1, blocks.blocks().size());
    assertEquals(text.indexOf("/*[end]*/") + "/*[end]*/".length(), blocks.end());
    assertFalse(Blocks.read(queries.get(1), diagnostics).orElseThrow().dynamic());
  }

  @Test
  void sqlcSpellingsUseTheBlocksParameter() {
    List<QueryDeclaration> queries =
        queries(
            "-- name: A :many\n"
                + "SELECT 1 FROM t WHERE true /*[if @x]*/ AND x = sqlc.narg('x') /*[end]*/\n"
                + "  /*[if @ids]*/ AND id IN (sqlc.slice(ids)) /*[end]*/;\n");
    Blocks blocks = Blocks.read(queries.get(0), diagnostics).orElseThrow();
    assertEquals(List.of(), diagnostics.all());
    assertEquals(List.of("x", "ids"), blocks.switches().stream().map(Blocks.Switch::key).toList());
    assertTrue(blocks.dynamic());
  }
}
