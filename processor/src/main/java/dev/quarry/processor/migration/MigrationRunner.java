package dev.quarry.processor.migration;

import dev.quarry.processor.database.ConnectionLoss;
import dev.quarry.processor.database.RoleGuard;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.syntax.StatementSpan;
import dev.quarry.processor.syntax.Token;
import dev.quarry.processor.syntax.TokenKind;
import dev.quarry.processor.syntax.TokenList;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Applies migrations, in order, to the scratch database, one statement at a time so that an error
 * points at the statement (and the place in it) that PostgreSQL rejected.
 *
 * <p>Each migration runs in its own transaction, except a migration holding a statement that
 * PostgreSQL refuses inside a transaction block ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM},
 * ...): that migration runs in autocommit, statement by statement, as Flyway and golang-migrate
 * would run it. On the scratch database the difference is only what is left after a failure, and
 * nothing is applied after a failure anyway.
 *
 * <p>Statements are sent as written (escape processing off, so the driver does not rewrite {@code
 * {fn ...}} or {@code ?}), which keeps PostgreSQL's error positions valid offsets into the file.
 */
public final class MigrationRunner {
  // Commands PostgreSQL refuses inside a transaction block.
  private static final Pattern OUTSIDE_TRANSACTION =
      Pattern.compile(
          "(?is)^(?:CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY"
              + "|DROP\\s+INDEX\\s+CONCURRENTLY"
              + "|REINDEX\\b.*\\bCONCURRENTLY"
              + "|VACUUM\\b"
              + "|CREATE\\s+DATABASE\\b|DROP\\s+DATABASE\\b"
              + "|CREATE\\s+TABLESPACE\\b|DROP\\s+TABLESPACE\\b"
              + "|ALTER\\s+SYSTEM\\b"
              + "|CREATE\\s+SUBSCRIPTION\\b|DROP\\s+SUBSCRIPTION\\b"
              + ")");
  private static final Pattern ADD_ENUM_VALUE =
      Pattern.compile("(?is)^ALTER\\s+TYPE\\b.*\\bADD\\s+VALUE\\b");

  private final Diagnostics diagnostics;
  private final RoleGuard roles;
  private final @Nullable StandInRoles standInRoles;

  /** A runner that leaves roles to PostgreSQL: a missing one fails the statement that names it. */
  public MigrationRunner(Diagnostics diagnostics) {
    this(diagnostics, RoleGuard.NONE);
  }

  /**
   * @param roles how statements that create roles run: {@link RoleGuard#NONE} on a cluster of the
   *     build's own, the scratch database's {@code roles()} on a shared server
   */
  public MigrationRunner(Diagnostics diagnostics, RoleGuard roles) {
    this.diagnostics = diagnostics;
    this.roles = roles;
    this.standInRoles = null;
  }

  /**
   * A runner that looks up the roles a statement grants to, makes policies for or otherwise names
   * before running it (see {@link StandInRoles}).
   *
   * @param freshCluster whether the database is a cluster of this build's own (embedded,
   *     container): missing roles get NOLOGIN stand-ins; false on a shared server, where a missing
   *     role is an error naming it
   */
  public MigrationRunner(Diagnostics diagnostics, boolean freshCluster) {
    this(diagnostics, RoleGuard.NONE, freshCluster);
  }

  /**
   * A runner with stand-in roles (see {@link #MigrationRunner(Diagnostics, boolean)}) whose
   * statements that create roles run under {@code roles} (see {@link #MigrationRunner(Diagnostics,
   * RoleGuard)}).
   */
  public MigrationRunner(Diagnostics diagnostics, RoleGuard roles, boolean freshCluster) {
    this.diagnostics = diagnostics;
    this.roles = roles;
    this.standInRoles = new StandInRoles(diagnostics, freshCluster);
  }

  /** What {@link #apply} did: the migrations applied, the one that failed, and the history. */
  public record Result(List<Migration> applied, Optional<Migration> failed, SchemaHistory history) {
    public Result {
      applied = List.copyOf(applied);
    }

    /** Whether every migration was applied. */
    public boolean succeeded() {
      return failed.isEmpty();
    }
  }

  /**
   * Applies {@code migrations} in order on {@code connection}, stopping at the first that fails
   * (later ones build on it); the failure is reported as a diagnostic at the statement.
   *
   * @throws SQLException when the connection is lost (the server went away or stopped answering):
   *     that is no fault of the migration, and nothing more can run
   */
  public Result apply(Connection connection, List<Migration> migrations) throws SQLException {
    SchemaSnapshot baseline;
    try {
      baseline = SchemaSnapshot.take(connection);
    } catch (SQLException e) {
      if (ConnectionLoss.is(e, connection)) {
        throw e;
      }
      diagnostics.report(Message.CATALOG_UNREADABLE, null, e.getMessage());
      return new Result(
          List.of(),
          migrations.stream().findFirst(),
          new SchemaHistory(SchemaSnapshot.empty(), List.of()));
    }
    List<Migration> applied = new ArrayList<>();
    List<SchemaHistory.Step> steps = new ArrayList<>();
    for (int index = 0; index < migrations.size(); index++) {
      Migration migration = migrations.get(index);
      int remaining = migrations.size() - index - 1;
      if (!applyOne(connection, migration, remaining)) {
        return new Result(applied, Optional.of(migration), new SchemaHistory(baseline, steps));
      }
      applied.add(migration);
      if (PsqlScript.endsSession(migration)) {
        resetSession(connection);
      }
      try {
        steps.add(new SchemaHistory.Step(migration, SchemaSnapshot.take(connection)));
      } catch (SQLException e) {
        if (ConnectionLoss.is(e, connection)) {
          throw e;
        }
        diagnostics.report(
            Message.SCHEMA_UNREADABLE_AFTER_MIGRATION, migration.file().start(), e.getMessage());
        return new Result(applied, Optional.of(migration), new SchemaHistory(baseline, steps));
      }
    }
    return new Result(applied, Optional.empty(), new SchemaHistory(baseline, steps));
  }

  /**
   * Resets the session settings a psql script made ({@code SET search_path = ''} in a pg_dump
   * file): they end with psql's session, and later migrations and the queries must not see them.
   */
  private static void resetSession(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("RESET ALL");
    }
  }

  /** Whether the migration was applied; a failure has been reported when not. */
  private boolean applyOne(Connection connection, Migration migration, int remaining)
      throws SQLException {
    return run(
        connection,
        migration,
        Message.Phrase.MIGRATION_FAILED,
        Message.Phrase.FIX_MIGRATION,
        remaining);
  }

  /**
   * Runs {@code migration}'s statements as its format would: in one transaction, or statement by
   * statement in autocommit when it is marked so (or, for formats without a marker, when a
   * statement cannot run in a transaction). Whether it succeeded; a failure has been reported, its
   * message starting with {@code failure}; the failure of a statement PostgreSQL rejected ends with
   * {@code fix}, what to change.
   *
   * @throws SQLException when the connection is lost, naming the migration that was running
   */
  public boolean run(
      Connection connection,
      Migration migration,
      Message.Phrase failure,
      Message.Phrase fix,
      int remaining)
      throws SQLException {
    @Nullable StatementSpan outside =
        migration.statements().stream()
            .filter(span -> cannotRunInTransaction(connection, migration.statementText(span)))
            .findFirst()
            .orElse(null);
    boolean inTransaction =
        switch (migration.transaction()) {
          case AUTO -> outside == null;
          case WRAPPED -> true;
          case NONE -> false;
        };
    if (inTransaction && outside != null) {
      diagnostics.report(
          Message.MIGRATION_NEEDS_NO_TRANSACTION,
          migration.file().locationOf(outside.start()),
          failure.format(),
          migration.format().displayName(),
          migration.displayName(),
          migration.format().noTransactionMarker());
      return false;
    }
    StatementSpan current = null;
    RoleGuard.Session guard = RoleGuard.Session.NONE;
    try {
      guard =
          roles.begin(
              connection,
              () ->
                  String.join(
                      "\n",
                      migration.statements().stream().map(migration::statementText).toList()));
      connection.setAutoCommit(!inTransaction);
      boolean psqlScript = PsqlScript.endsSession(migration);
      List<StatementSpan> spans = migration.statements();
      for (int i = 0; i < spans.size(); i++) {
        StatementSpan span = spans.get(i);
        current = span;
        String text = migration.statementText(span);
        boolean last = i == spans.size() - 1;
        if (psqlScript && PsqlScript.setsUnknownParameter(connection, text)) {
          // psql reports such a SET and goes on; pg_dump 17 writes SET transaction_timeout, which
          // older servers do not know.
          diagnostics.report(
              Message.MIGRATION_SET_SKIPPED, migration.file().locationOf(span.start()));
          guard.afterStatement("", last);
          continue;
        }
        if (standInRoles != null && !standInRoles.prepare(connection, migration, span)) {
          if (inTransaction) {
            connection.rollback();
          }
          return false;
        }
        if (guard.shouldRun(text)) {
          try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            statement.execute(text);
          }
        }
        guard.afterStatement(text, last);
      }
      current = null;
      if (inTransaction) {
        connection.commit();
      }
      return true;
    } catch (SQLException e) {
      if (ConnectionLoss.is(e, connection)) {
        throw new SQLException(
            "lost the connection while running "
                + migration.displayName()
                + ": "
                + ConnectionLoss.describe(e),
            e.getSQLState(),
            e);
      }
      if (inTransaction) {
        try {
          connection.rollback();
        } catch (SQLException ignored) {
          // The connection is broken; the failure below is what matters.
        }
      }
      Optional<String> why =
          current == null ? Optional.empty() : guard.explain(migration.statementText(current), e);
      report(migration, current, e, remaining, failure, fix, why);
      return false;
    } finally {
      try {
        connection.setAutoCommit(true);
      } catch (SQLException ignored) {
        // Broken connection: reported above, and nothing else runs on it.
      }
      guard.close(); // after the commit or rollback: other builds' role migrations may go on
    }
  }

  /**
   * Whether PostgreSQL refuses {@code sql} inside a transaction block: the commands above, and
   * {@code ALTER TYPE ... ADD VALUE} before PostgreSQL 12.
   */
  private static boolean cannotRunInTransaction(Connection connection, String sql) {
    if (OUTSIDE_TRANSACTION.matcher(sql).find()) {
      return true;
    }
    if (!ADD_ENUM_VALUE.matcher(sql).find()) {
      return false;
    }
    try {
      return connection.getMetaData().getDatabaseMajorVersion() < 12;
    } catch (SQLException e) {
      return false; // The statement itself will fail and be reported.
    }
  }

  /**
   * PL/pgSQL names the line of a DO block (or of a function body it compiles) where an error
   * happened: "PL/pgSQL function inline_code_block line 3 at PERFORM", "compilation of PL/pgSQL
   * function "f" near line 2". Lines count from the one the opening dollar quote is on.
   */
  private static final Pattern PLPGSQL_WHERE =
      Pattern.compile(
          "(?:function inline_code_block|compilation of PL/pgSQL function \"[^\"]*\" near) line (\\d+)");

  /**
   * The offset in {@code statement} of the first non-blank character on the body line that
   * PostgreSQL's {@code where} names, for a statement whose body is its first dollar quote.
   */
  static OptionalInt plpgsqlLine(String statement, String where) {
    Matcher matcher = PLPGSQL_WHERE.matcher(where);
    if (!matcher.find()) {
      return OptionalInt.empty();
    }
    int line;
    try {
      line = Integer.parseInt(matcher.group(1));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
    // Only on this error path, for the statement as sent (placeholders substituted).
    for (Token token : TokenList.of(statement)) {
      if (token.kind() != TokenKind.DOLLAR_STRING) {
        continue;
      }
      int bodyStart = statement.indexOf('$', token.start() + 1) + 1;
      int bodyEnd =
          token.end() - (bodyStart - token.start()); // the closing delimiter is the opening one
      int at = bodyStart;
      for (int n = 1; n < line; n++) {
        int newline = statement.indexOf('\n', at);
        if (newline < 0 || newline >= bodyEnd) {
          return OptionalInt.empty();
        }
        at = newline + 1;
      }
      while (at < bodyEnd && (statement.charAt(at) == ' ' || statement.charAt(at) == '\t')) {
        at++;
      }
      return OptionalInt.of(at);
    }
    return OptionalInt.empty();
  }

  private static String oneLine(String text) {
    return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }

  private void report(
      Migration migration,
      @Nullable StatementSpan span,
      SQLException e,
      int remaining,
      Message.Phrase failure,
      Message.Phrase fix,
      Optional<String> why) {
    ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    int offset = span == null ? 0 : span.start();
    String error;
    StringBuilder remarks = new StringBuilder();
    if (server != null) {
      if (span != null && server.getPosition() > 0) {
        offset =
            migration.fileOffset(
                span, offsetOfCharacter(migration.statementText(span), server.getPosition()));
      } else if (span != null && server.getWhere() != null) {
        OptionalInt line = plpgsqlLine(migration.statementText(span), server.getWhere());
        if (line.isPresent()) {
          offset = migration.fileOffset(span, line.getAsInt());
        }
      }
      // One line: PostgreSQL quotes the text "at or near" an error, which may span lines (an
      // unterminated dollar quote quotes the rest of the file).
      error =
          Message.Phrase.SERVER_ERROR.format(
              oneLine(String.valueOf(server.getMessage())), server.getSQLState());
      if (server.getDetail() != null) {
        remarks.append(Message.Phrase.SERVER_DETAIL.format(oneLine(server.getDetail())));
      }
      if (server.getHint() != null) {
        remarks.append(Message.Phrase.SERVER_HINT.format(oneLine(server.getHint())));
      }
      if (server.getWhere() != null && server.getPosition() <= 0) {
        remarks.append(Message.Phrase.SERVER_WHERE.format(server.getWhere().replace('\n', ' ')));
      }
    } else {
      error =
          e.getSQLState() != null
              ? Message.Phrase.SERVER_ERROR.format(e.getMessage(), e.getSQLState())
              : String.valueOf(e.getMessage());
    }
    if ("55P04".equals(e.getSQLState())) {
      // ALTER TYPE ... ADD VALUE takes effect only when its transaction commits.
      remarks.append(Message.Phrase.ADD_VALUE_IN_SAME_TRANSACTION.format());
    }
    why.ifPresent(text -> remarks.append(Message.Phrase.REASON.format(text)));
    String notApplied =
        remaining <= 0
            ? ""
            : (remaining == 1
                    ? Message.Phrase.MIGRATION_NOT_APPLIED
                    : Message.Phrase.MIGRATIONS_NOT_APPLIED)
                .format(remaining);
    diagnostics.report(
        Message.MIGRATION_STATEMENT_FAILED,
        migration.file().locationOf(offset),
        failure.format(),
        error,
        remarks,
        fix.format(),
        notApplied);
  }

  /**
   * The UTF-16 offset in {@code text} of PostgreSQL's 1-based error position, which counts
   * characters (code points), not UTF-16 units; clamped to the text (a position just past the end
   * means "at end of input").
   */
  static int offsetOfCharacter(String text, int position) {
    int characters = Math.min(position - 1, text.codePointCount(0, text.length()));
    return text.offsetByCodePoints(0, Math.max(0, characters));
  }
}
