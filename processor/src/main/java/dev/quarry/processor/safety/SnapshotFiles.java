package dev.quarry.processor.safety;

import dev.quarry.processor.config.MigrationOptions;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.migration.SchemaListing;
import dev.quarry.processor.query.QueryFile;
import dev.quarry.processor.source.CommittedFile;
import dev.quarry.processor.syntax.QueryDeclaration;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The files a team commits so that reviews and the next release see what this build saw: the schema
 * snapshot ({@code quarry.snapshot}), read from the migrated database, and this build's queries
 * ({@code quarry.recordQueries}), which the next release checks its migrations against. Written
 * only when they changed (see {@link CommittedFile}).
 */
public final class SnapshotFiles {
  private static final String SNAPSHOT_HEADER =
      "-- Schema snapshot: the schema the migrations build, written by Quarry (-Aquarry.snapshot).\n"
          + "-- Do not edit; commit it, so that a pull request shows its schema change in this file's diff.\n\n";

  private static final String RECORD_HEADER =
      "-- The queries of this build, written by Quarry (-Aquarry.recordQueries). At a release, copy this file\n"
          + "-- to the path given with -Aquarry.previousQueries and commit it: the next release's build then\n"
          + "-- checks that its migrations do not break the queries still running during a rolling deploy.\n";

  private final MigrationOptions options;
  private final Diagnostics diagnostics;

  public SnapshotFiles(MigrationOptions options, Diagnostics diagnostics) {
    this.options = options;
    this.diagnostics = diagnostics;
  }

  /**
   * The schema snapshot's text, read from the database the migrations built, when {@code
   * quarry.snapshot} is set; for {@link #writeSnapshot} once the build has no error.
   */
  public Optional<String> readSnapshot(Connection connection) throws SQLException {
    return options.snapshot() == null
        ? Optional.empty()
        : Optional.of(SNAPSHOT_HEADER + SchemaListing.of(connection));
  }

  /** Writes the snapshot to {@code quarry.snapshot} (see {@link #write}). */
  public void writeSnapshot(String text) {
    if (options.snapshot() != null) {
      write(options.snapshot(), text, MigrationOptions.SNAPSHOT, Message.SNAPSHOT_UNWRITABLE);
    }
  }

  /**
   * Writes this build's queries to {@code quarry.recordQueries} as one query file in sqlc's syntax
   * (header, the file and line it came from, the statement), in file and line order. At a release
   * the team copies it to where {@code quarry.previousQueries} points and commits it.
   */
  public void recordQueries(List<QueryFile> files) {
    Path target = options.recordQueries();
    if (target == null) {
      return;
    }
    StringBuilder text = new StringBuilder(RECORD_HEADER);
    for (QueryFile file : files) {
      String source = file.file().text();
      for (QueryDeclaration query : file.queries()) {
        int headerEnd = source.indexOf('\n', query.headerOffset());
        String header =
            source
                .substring(query.headerOffset(), headerEnd < 0 ? source.length() : headerEnd)
                .stripTrailing();
        text.append('\n')
            .append(header)
            .append('\n')
            .append("-- from ")
            .append(query.headerLocation().toString().replaceAll(":\\d+$", ""))
            .append('\n')
            .append(query.sql().replace("\r\n", "\n"))
            .append(";\n");
      }
    }
    write(
        target,
        text.toString(),
        MigrationOptions.RECORD_QUERIES,
        Message.RECORDED_QUERIES_UNWRITABLE);
  }

  /**
   * Writes {@code text} to {@code target} unless it already holds it (see {@link CommittedFile}).
   */
  private void write(Path target, String text, String option, Message failure) {
    try {
      CommittedFile.writeIfChanged(target, text);
    } catch (IOException e) {
      diagnostics.report(failure, null, target, e, option);
    }
  }
}
