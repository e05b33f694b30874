package dev.quarry.processor.analysis;

import dev.quarry.processor.analysis.StatementDescriber.Described;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.syntax.ParsedQuery;
import dev.quarry.processor.syntax.UtilityStatement;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One query on its way through the analysis. */
final class QueryWork {
  final ParsedQuery query;
  final Diagnostics diagnostics;
  @Nullable UtilityStatement utility;
  @Nullable Described described;
  List<AnalyzedParameter> parameters = List.of();
  @Nullable AnalyzedQuery result;
  boolean failed;

  QueryWork(ParsedQuery query, Diagnostics diagnostics) {
    this.query = query;
    this.diagnostics = diagnostics;
  }

  void fail() {
    failed = true;
  }

  /** The description, in the stages that run only once the query was described. */
  Described described() {
    return Objects.requireNonNull(described, "the query was described");
  }

  /** The utility statement, in the stages that run only for one. */
  UtilityStatement utility() {
    return Objects.requireNonNull(utility, "the query is a utility statement");
  }
}
