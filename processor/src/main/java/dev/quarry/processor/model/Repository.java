package dev.quarry.processor.model;

import dev.quarry.processor.source.SourceFile;
import java.util.List;

/** One generated {@code <FileName>Queries} class for one query file. */
public record Repository(
    String javaName, SourceFile file, List<QueryMethod> methods, List<RowRecord> rowRecords) {
  public Repository {
    methods = List.copyOf(methods);
    rowRecords = List.copyOf(rowRecords);
  }
}
