package dev.quarry.processor.lock;

import dev.quarry.processor.config.TypeOverrideSpec;
import dev.quarry.processor.lock.Resolution.MigrationStamp;
import dev.quarry.processor.lock.Resolution.SchemaStamp;
import dev.quarry.processor.migration.Migration;
import dev.quarry.processor.syntax.QueryDeclaration;
import dev.quarry.processor.syntax.StatementSpan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The hashes that tell whether a lock file still matches its inputs. Line endings are made {@code
 * \n} first, so that a checkout that turns them into {@code \r\n} (Git on Windows) does not make
 * the lock file stale.
 */
public final class InputHashes {
  /**
   * The lock file's format: changes when its syntax does. A change of the analysis is {@link
   * AnalyserVersion#ANALYSIS}.
   */
  static final int FORMAT = 1;

  private InputHashes() {}

  /** The hash of one query's text, from its header to the end of its statement. */
  public static String queryHash(QueryDeclaration query) {
    return sha256(query.file().text().substring(query.headerOffset(), query.sqlEnd()));
  }

  /** The hash of a migration's up part: the statements Quarry applies, in order. */
  public static String migrationHash(Migration migration) {
    StringBuilder text = new StringBuilder();
    for (StatementSpan statement : migration.statements()) {
      text.append(migration.statementText(statement)).append("\n;\n");
    }
    return sha256(text.toString());
  }

  /**
   * The stamp of the schema a query is resolved against: the ordered migrations' up parts, the
   * PostgreSQL major version and the type overrides (which change checks and column types), and the
   * Quarry that resolves it ({@link AnalyserVersion}): a new analysis makes every fact stale.
   */
  public static SchemaStamp schemaStamp(
      List<Migration> migrations, int postgresMajor, List<TypeOverrideSpec> overrides) {
    List<MigrationStamp> stamps = new ArrayList<>();
    AnalyserVersion analyser = AnalyserVersion.current();
    StringBuilder all =
        new StringBuilder("quarry-lock ")
            .append(FORMAT)
            .append("\nanalyser ")
            .append(analyser)
            .append("\npostgres ")
            .append(postgresMajor)
            .append('\n');
    for (Migration migration : migrations) {
      MigrationStamp stamp =
          new MigrationStamp(migration.file().displayPath(), migrationHash(migration));
      stamps.add(stamp);
      all.append("migration ").append(stamp.file()).append(' ').append(stamp.hash()).append('\n');
    }
    for (TypeOverrideSpec override : overrides) {
      all.append("override ")
          .append(override.describe())
          .append(' ')
          .append(override.databaseType())
          .append(' ')
          .append(override.javaType())
          .append('\n');
    }
    return new SchemaStamp(sha256(all.toString()), analyser, postgresMajor, stamps);
  }

  static String sha256(String text) {
    String normalized = text.replace("\r\n", "\n");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
