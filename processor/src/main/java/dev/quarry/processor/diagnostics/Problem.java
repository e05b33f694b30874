package dev.quarry.processor.diagnostics;

/**
 * Every kind of message Quarry reports, with a stable tag that users can search for and tests can
 * assert on. The tag is printed at the end of each message, e.g. {@code [quarry:sql-error]}.
 */
public enum Problem {
  /** The annotation or a processor option is not usable. */
  CONFIGURATION("configuration"),
  /** A migration or query file or directory is missing or unreadable. */
  MISSING_FILE("missing-file"),
  /**
   * A migration or query file that is not UTF-8 text: bytes that are not UTF-8, or a NUL character.
   */
  NOT_TEXT("not-text"),
  /** A migration file name or folder that Quarry cannot order. */
  MIGRATION_LAYOUT("migration-layout"),
  /** A migration statement that PostgreSQL rejected. */
  MIGRATION_FAILED("migration-failed"),
  /** A role a migration names was missing, and a stand-in was created for it. */
  STAND_IN_ROLE("stand-in-role"),
  /** A {@code -- name:} header that cannot be read. */
  BAD_HEADER("bad-header"),
  /** A query file without any query header: nothing is generated for it. */
  NO_QUERIES("no-queries"),
  /** A command Quarry does not know, or one that does not fit the statement. */
  BAD_COMMAND("bad-command"),
  /** Two queries with the same name. */
  DUPLICATE_QUERY("duplicate-query"),
  /** A parameter that cannot be read or typed. */
  BAD_PARAMETER("bad-parameter"),
  /**
   * An optional block or run-time sort of a query ({@code /*[if @x]*}{@code /}, {@code --
   * quarry:sort}) that is malformed, or a variant of it that does not agree with the others.
   */
  BLOCK("block"),
  /** A query that PostgreSQL rejected, e.g. a syntax error. */
  SQL_ERROR("sql-error"),
  /** A query that uses a table or column that does not exist (any more). */
  UNKNOWN_NAME("unknown-name"),
  /** A PostgreSQL type Quarry cannot map to Java. */
  UNSUPPORTED_TYPE("unsupported-type"),
  /** No database to build the schema in could be started or reached. */
  DATABASE_UNAVAILABLE("database-unavailable"),
  /**
   * Something a dead build left behind (an embedded server, a scratch database), found and removed.
   */
  LEFTOVERS("leftovers"),
  /**
   * Something this build made (a scratch database, a role, an embedded server's files) that it
   * could not remove when it finished.
   */
  CLEANUP("cleanup"),
  /** A generated name that collides with another. */
  NAME_CLASH("name-clash"),
  /** A migration statement that locks or rewrites a table that already holds data. */
  LOCK_RISK("lock-risk"),
  /** A down part that does not undo its up part. */
  DOWN_ROUND_TRIP("down"),
  /** A query of the previous release that the new schema breaks during a rolling deploy. */
  EXPAND_CONTRACT("expand-contract"),
  /** The schema snapshot file cannot be written. */
  SNAPSHOT("snapshot"),
  /** The file of recorded queries ({@code quarry.recordQueries}) cannot be written. */
  RECORDED_QUERIES("recorded-queries"),
  /** The lock file does not match the migrations or queries, and cannot be refreshed here. */
  STALE_LOCK("stale-lock"),
  /** The lock file cannot be read, parsed or written. */
  LOCK_FILE("lock-file"),
  /** A failure inside Quarry itself: a bug to report. */
  INTERNAL("internal");

  private final String tag;

  Problem(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return "quarry:" + tag;
  }
}
