package dev.quarry.processor.safety;

import dev.quarry.processor.analysis.QueryAnalyzer;
import dev.quarry.processor.config.Check;
import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.diagnostics.Severity;
import dev.quarry.processor.migration.Migration;
import dev.quarry.processor.query.QueryFile;
import dev.quarry.processor.query.QueryFileReader;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.source.SourceReader;
import dev.quarry.processor.syntax.ParameterRewriter;
import dev.quarry.processor.syntax.ParsedQuery;
import dev.quarry.processor.syntax.QueryDeclaration;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The expand/contract check: during a rolling deploy the previous release keeps running its queries
 * while the new release's migrations have already been applied. Each query of the previous release
 * ({@code quarry.previousQueries}: its query files or directory, as committed at the last release)
 * is prepared against the new schema; one that no longer prepares is reported at its line with the
 * migration that broke it (a dropped or renamed column or table), so the change is split into
 * expand (add the new shape) now and contract (remove the old) in a later release.
 */
final class ExpandContractCheck {
  // Only failures that mean "the schema no longer fits the query"; the previous release's own
  // parsing problems were its build's business.
  private static final Set<Problem> SCHEMA_PROBLEMS =
      EnumSet.of(Problem.SQL_ERROR, Problem.UNKNOWN_NAME, Problem.BAD_PARAMETER);

  private final SourceReader sources;
  private final Diagnostics diagnostics;
  private final MigrationDirectives directives;
  private final List<Migration> applied;

  ExpandContractCheck(
      SourceReader sources,
      Diagnostics diagnostics,
      MigrationDirectives directives,
      List<Migration> applied) {
    this.sources = sources;
    this.diagnostics = diagnostics;
    this.directives = directives;
    this.applied = applied;
  }

  void check(Path previous, QueryAnalyzer analyzer) throws SQLException {
    // A missing path is reported by the SourceReader as an error of this build, whatever the level.
    List<Path> files =
        sources.sqlFiles(
            List.of(previous.toString()), "previous release's queries (quarry.previousQueries)");
    QueryFileReader reader = new QueryFileReader(new Diagnostics());
    ParameterRewriter rewriter = new ParameterRewriter();
    List<ParsedQuery> previousQueries = new ArrayList<>();
    for (Path path : files) {
      Optional<SourceFile> file = sources.read(path);
      if (file.isEmpty()) {
        continue;
      }
      QueryFile queries = reader.read(file.get());
      for (QueryDeclaration query : queries.queries()) {
        rewriter.rewrite(query, new Diagnostics()).ifPresent(previousQueries::add);
      }
    }
    Map<ParsedQuery, Diagnostics> results = new LinkedHashMap<>();
    for (ParsedQuery query : previousQueries) {
      results.put(query, new Diagnostics());
    }
    analyzer.analyzeAll(
        previousQueries,
        query -> Objects.requireNonNull(results.get(query), "every query has one"));
    for (Map.Entry<ParsedQuery, Diagnostics> result : results.entrySet()) {
      for (Diagnostic d : result.getValue().all()) {
        if (d.severity() == Severity.ERROR && SCHEMA_PROBLEMS.contains(d.problem())) {
          report(d, result.getKey().declaration());
        }
      }
    }
  }

  private void report(Diagnostic failure, QueryDeclaration query) {
    // The explanation names the migration that dropped or renamed what the query uses; that
    // migration's own setting (-- quarry:allow expand-contract) decides, else the build's.
    Check.Level level = directives.buildLevel(Check.EXPAND_CONTRACT);
    for (int i = applied.size() - 1; i >= 0; i--) {
      Migration migration = applied.get(i);
      if (failure.message().contains(migration.displayName() + " ")) {
        level = directives.level(Check.EXPAND_CONTRACT, migration);
        break;
      }
    }
    if (level == Check.Level.OFF) {
      return;
    }
    diagnostics.report(
        level == Check.Level.ERROR ? Severity.ERROR : Severity.WARNING,
        Message.EXPAND_CONTRACT_BROKEN,
        failure.location(),
        query.name(),
        failure.message());
  }
}
