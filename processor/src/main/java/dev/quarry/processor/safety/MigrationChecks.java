package dev.quarry.processor.safety;

import dev.quarry.processor.analysis.QueryAnalyzer;
import dev.quarry.processor.config.Check;
import dev.quarry.processor.config.MigrationOptions;
import dev.quarry.processor.database.RoleGuard;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.diagnostics.Severity;
import dev.quarry.processor.migration.Migration;
import dev.quarry.processor.migration.SchemaHistory;
import dev.quarry.processor.source.SourceReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The migration safety checks, run once the migrations are applied and the queries analysed: lock
 * risks in each migration, the previous release's queries against the new schema (expand/contract),
 * and last the down round trip (which changes the database and puts it back). Each check's level
 * comes from {@code quarry.checks} and from {@code -- quarry:allow} / {@code -- quarry:check}
 * comments in a migration. The files a release commits (schema snapshot, recorded queries) are
 * {@link SnapshotFiles}' job.
 */
public final class MigrationChecks {
  private final MigrationOptions options;
  private final SourceReader sources;
  private final Diagnostics diagnostics;
  private final MigrationDirectives directives;

  public MigrationChecks(MigrationOptions options, SourceReader sources, Diagnostics diagnostics) {
    this.options = options;
    this.sources = sources;
    this.diagnostics = diagnostics;
    this.directives = new MigrationDirectives(options.checks(), diagnostics);
  }

  /** Runs the checks on the database that holds {@code applied}. */
  public void run(
      Connection connection, List<Migration> applied, SchemaHistory history, QueryAnalyzer analyzer)
      throws SQLException {
    run(connection, applied, history, analyzer, RoleGuard.NONE);
  }

  /**
   * @param roles how the down round trip's migrations create roles: the schema database's {@code
   *     roles()}, so that roles re-created on a shared server are dropped at the end too
   */
  public void run(
      Connection connection,
      List<Migration> applied,
      SchemaHistory history,
      QueryAnalyzer analyzer,
      RoleGuard roles)
      throws SQLException {
    checkLockRisks(history);
    if (options.previousQueries() != null) {
      new ExpandContractCheck(sources, diagnostics, directives, applied)
          .check(options.previousQueries(), analyzer);
    }
    boolean downAnywhere =
        options.level(Check.DOWN) != Check.Level.OFF
            || applied.stream().anyMatch(m -> directives.level(Check.DOWN, m) != Check.Level.OFF);
    if (downAnywhere) {
      new DownRoundTrip(diagnostics, directives, roles).check(connection, applied);
    }
  }

  private void checkLockRisks(SchemaHistory history) {
    for (int i = 0; i < history.steps().size(); i++) {
      SchemaHistory.Step step = history.steps().get(i);
      Migration migration = step.migration();
      Check.Level level = directives.level(Check.LOCK_RISK, migration);
      if (level == Check.Level.OFF) {
        continue;
      }
      var before = i == 0 ? history.baseline() : history.steps().get(i - 1).after();
      for (LockRiskCheck.Finding finding : LockRiskCheck.check(migration, before, step.after())) {
        String marker = migration.format().noTransactionMarker();
        String risk =
            finding.message()
                + (marker != null && finding.concurrently() ? " (" + marker + ")" : "");
        diagnostics.report(
            level == Check.Level.ERROR ? Severity.ERROR : Severity.WARNING,
            Message.LOCK_RISK_FOUND,
            migration.file().locationOf(finding.offset()),
            risk,
            migration.displayName());
      }
    }
  }
}
