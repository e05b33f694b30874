package dev.quarry.processor.query;

import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.syntax.QueryDeclaration;
import java.util.List;

/** A query file and the named queries in it, in file order. */
public record QueryFile(SourceFile file, List<QueryDeclaration> queries) {
  public QueryFile {
    queries = List.copyOf(queries);
  }
}
