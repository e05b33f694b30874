package dev.quarry.processor.diagnostics;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Every message Quarry reports, in one place: its {@link Problem} (the tag users search for), its
 * {@link Severity} and its text, a {@link String#format} template whose {@code %s} placeholders
 * take the parts that vary (names, places, reasons). Stages report a message with {@link
 * Diagnostics#report}; {@link Diagnostic#render()} adds the location and the tag.
 *
 * <p>The checks whose level a build or a migration sets (lock risk, down round trip, expand and
 * contract) are listed as errors and reported at their level.
 */
public enum Message {

  // config: a processor option's value Quarry cannot use (InvalidOptionException)

  OPTION_KEEP_ALIVE_INVALID(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "-A%s=%s is not true or false; -A%s=false starts and stops embedded PostgreSQL in every build"
          + " instead of keeping one running between builds"),
  OPTION_IDLE_INVALID(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "-A%s=%s is not a number of seconds from 1 to 604800; it is how long a kept embedded"
          + " PostgreSQL may stay unused before it stops (600 by default)"),
  OPTION_BUILD_SERVER_INVALID(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "-A%s=%s is not true or false; -A%s=false runs every build in the compiler's own process"
          + " instead of in the kept server's"),
  OPTION_MIGRATION_FORMAT_INVALID(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "-A%s=%s is not a migration format; use auto (the default) or one of %s"),
  OPTION_PAIR_INVALID(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "-A%s=%s: \"%s\" is not name=value; separate pairs with commas, e.g."
          + " -A%s=schema=public,owner=app"),
  OPTION_CHECK_UNKNOWN(
      Problem.CONFIGURATION, Severity.ERROR, "-A%s: unknown check \"%s\"; the checks are %s"),
  OPTION_CHECK_LEVEL_INVALID(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "-A%s: \"%s\" for %s is not a level; use off, warning, error or on"),
  OPTION_TIMINGS_INVALID(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "-A%s=%s is not true or false; -A%s=true prints a note with how long each phase of the build"
          + " took"),
  OPTION_LOCK_MODE_INVALID(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "-A%s=%s is not a lock mode; use auto (the default: use the lock file when it is up to date,"
          + " else analyse with a database and rewrite it), offline (never connect; fail when the"
          + " lock file is stale) or off (no lock file)"),
  OPTION_DATABASE_USER_BEFORE_HOST(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "-A%s=%s puts the user before the host (user:password@host), which the PostgreSQL JDBC driver"
          + " does not read; write the user and password as parameters:"
          + " jdbc:postgresql://host:port/database?user=name&password=secret, or leave the password"
          + " out and set the environment variable PGPASSWORD"),
  OPTION_DATABASE_INVALID(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "-A%s=%s is not a database choice; use auto (the default: a container when Docker answers,"
          + " else embedded), container, embedded, or a %s//host:port/database URL of a running"
          + " server"),
  OPTION_POSTGRES_VERSION_INVALID(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "-A%s=%s is not a PostgreSQL major version; use one number from %s on, such as %s (the"
          + " default) or 16, without minor version"),

  // database: no schema database could be started or reached (DatabaseUnavailableException)

  DATABASE_SCRATCH_UNCREATABLE(
      Problem.DATABASE_UNAVAILABLE,
      Severity.ERROR,
      "cannot create a scratch database on %s: %s; the user in the URL needs the CREATEDB privilege (ALTER ROLE ... CREATEDB), or set -Aquarry.database=embedded"),
  DATABASE_SERVER_UNREACHABLE(
      Problem.DATABASE_UNAVAILABLE,
      Severity.ERROR,
      "cannot connect to %s: %s; %s, or set -Aquarry.database=embedded (no server needed)"),
  DATABASE_SCRATCH_UNREACHABLE(
      Problem.DATABASE_UNAVAILABLE,
      Severity.ERROR,
      "created scratch database %s on %s but cannot connect to it: %s; check pg_hba.conf or set -Aquarry.database=embedded%s"),
  DATABASE_NO_BINARIES_FOR_PLATFORM(
      Problem.DATABASE_UNAVAILABLE,
      Severity.ERROR,
      "embedded PostgreSQL has no binaries for %s on %s (there are binaries for macOS x64 and arm64, Linux x64 and arm64, Windows x64); set -Aquarry.database to the jdbc:postgresql:// URL of a server you run, or to container when Docker is available"),
  DATABASE_BINARIES_MISSING(
      Problem.DATABASE_UNAVAILABLE,
      Severity.ERROR,
      "embedded PostgreSQL %s needs its binaries (found %s): add %s:%s:%s.x.y (a %s.* version from Maven Central) to the compiler plugin's annotationProcessorPaths (Gradle: to the annotationProcessor configuration), or set -Aquarry.postgresVersion to the major version you have"),
  DATABASE_KEPT_SERVER_UNSTARTABLE(
      Problem.DATABASE_UNAVAILABLE,
      Severity.ERROR,
      "cannot start the kept embedded PostgreSQL %s in %s: %s; set -Aquarry.keepAlive=false to start one for this build only"),
  DATABASE_DIRECTORY_UNCREATABLE(
      Problem.DATABASE_UNAVAILABLE,
      Severity.ERROR,
      "cannot create a directory for embedded PostgreSQL in %s: %s; free some space or set -Aquarry.database to a jdbc:postgresql:// URL"),
  DATABASE_CLUSTER_UNCOPYABLE(
      Problem.DATABASE_UNAVAILABLE,
      Severity.ERROR,
      "cannot copy the cached PostgreSQL cluster %s to %s: %s; free some space in %s, or set -Aquarry.database to a jdbc:postgresql:// URL"),
  DATABASE_EMBEDDED_UNSTARTABLE(
      Problem.DATABASE_UNAVAILABLE,
      Severity.ERROR,
      "cannot start embedded PostgreSQL %s: %s%s%s; set -Aquarry.database to a jdbc:postgresql:// URL of a running server instead"),
  DATABASE_DOCKER_MISSING(
      Problem.DATABASE_UNAVAILABLE,
      Severity.ERROR,
      "-Aquarry.database=container needs a Docker engine, but none answers: %s; start Docker, or set -Aquarry.database=embedded (or auto)"),
  DATABASE_NONE_STARTED(
      Problem.DATABASE_UNAVAILABLE,
      Severity.ERROR,
      "no schema database could be started: %s; then %s"),
  DATABASE_CONTAINER_UNSTARTABLE(
      Problem.DATABASE_UNAVAILABLE,
      Severity.ERROR,
      "cannot start a PostgreSQL container from %s: %s; check that Docker runs and can pull the image, or set -Aquarry.database=embedded"),

  // processor (QuarryProcessor, TypeOverrideReader, Pipeline)

  TYPE_OVERRIDE_INVALID(
      Problem.CONFIGURATION, Severity.ERROR, "@TypeOverride(converter = %s.class): %s"),
  LOCK_FILE_SHARED(
      Problem.LOCK_FILE,
      Severity.ERROR,
      "this @GenerateQueries and the one on %s would share the lock file %s (it lives in the folder"
          + " of the first queries path); give each its own queries folder, or name a different"
          + " folder first"),
  PROCESSOR_FAILED(
      Problem.INTERNAL,
      Severity.ERROR,
      "Quarry failed unexpectedly: %s; this is a bug in Quarry, please report it with the"
          + " migrations and queries that caused it"),
  GENERATED_SOURCE_UNWRITABLE(
      Problem.INTERNAL, Severity.ERROR, "cannot write the generated source %s: %s"),
  STALE_RECORD_CLASS(
      Problem.NAME_CLASH,
      Severity.ERROR,
      "the class file of the record %s, which this build generates again, is on the class path"
          + " (an earlier build's output?); javac %s fails when a processor generates a record"
          + " whose class file it has read (JDK-8332297, fixed in JDK 23). Delete the earlier"
          + " build's class files (mvn clean, or the class output folder) or compile with JDK 23"
          + " or newer"),
  REPOSITORY_INDEX_UNWRITABLE(
      Problem.INTERNAL,
      Severity.ERROR,
      "cannot write %s (the list of repositories frameworks read): %s"),
  DATABASE_UNAVAILABLE_LOCK_STALE(
      Problem.DATABASE_UNAVAILABLE,
      Severity.ERROR,
      "%s; the lock file %s cannot stand in for it: %s (build once where a database is available"
          + " to refresh it, and commit it)"),
  LEFTOVERS_REMOVED(Problem.LEFTOVERS, Severity.NOTE, "%s"),
  CLEANUP_FAILED(Problem.CLEANUP, Severity.WARNING, "%s"),

  // source

  PATH_MISSING(
      Problem.MISSING_FILE,
      Severity.ERROR,
      "%s path \"%s\" does not exist: looked for %s (relative to quarry.projectDir %s; set"
          + " -Aquarry.projectDir or fix the path in @GenerateQueries)"),
  PATH_BROKEN_LINK(Problem.MISSING_FILE, Severity.ERROR, "%s path \"%s\" (%s) %s"),
  FILE_UNREADABLE(
      Problem.MISSING_FILE,
      Severity.ERROR,
      "cannot read the file (%s): check that it is a readable file"),
  FILE_NOT_READABLE_FOR_BUILD(
      Problem.MISSING_FILE,
      Severity.ERROR,
      "cannot read the file (%s): make it readable for the build"),
  FILE_NOT_UTF8(
      Problem.NOT_TEXT,
      Severity.ERROR,
      "the file is not valid UTF-8 (byte 0x%02X); save it as UTF-8"),

  // analysis

  QUERY_REJECTED(Problem.SQL_ERROR, Severity.ERROR, "%s: %s%s [SQLSTATE %s]"),
  QUERY_NAME_UNKNOWN(Problem.UNKNOWN_NAME, Severity.ERROR, "%s: %s%s [SQLSTATE %s]"),
  QUERY_PARAMETER_UNTYPED(
      Problem.BAD_PARAMETER,
      Severity.ERROR,
      "%s: %s%s; add a cast that names the type, e.g. @name::text [SQLSTATE %s]"),

  // migration

  /**
   * A migration statement PostgreSQL rejected: what was running ({@link Phrase#MIGRATION_FAILED}
   * and the like), the server's error ({@link Phrase#SERVER_ERROR}), its remarks ({@link
   * Phrase#SERVER_DETAIL} and the like), what to change ({@link Phrase#FIX_MIGRATION}) and {@link
   * Phrase#MIGRATIONS_NOT_APPLIED}.
   */
  MIGRATION_STATEMENT_FAILED(Problem.MIGRATION_FAILED, Severity.ERROR, "%s%s%s; %s%s"),

  // safety: the checks report at the level the build or the migration sets (see
  // Diagnostics#report(Severity, ...))

  LOCK_RISK_FOUND(
      Problem.LOCK_RISK,
      Severity.ERROR,
      "%s; or, if %s is safe as it is (the table is small or not in use yet), say so with --"
          + " quarry:allow lock-risk"),
  EXPAND_CONTRACT_BROKEN(
      Problem.EXPAND_CONTRACT,
      Severity.ERROR,
      "the previous release's query %s fails on the new schema: %s; during a rolling deploy the"
          + " previous release still runs it, so keep what it uses until the next release (expand"
          + " now, contract later), or set -Aquarry.checks=expand-contract=off for a release that"
          + " stops the old version first"),
  DOWN_PART_FAILED(
      Problem.DOWN_ROUND_TRIP,
      Severity.ERROR,
      "%s (down round trip, -Aquarry.checks=down=off to skip it)"),
  SNAPSHOT_UNWRITABLE(
      Problem.SNAPSHOT,
      Severity.ERROR,
      "cannot write the schema snapshot %s: %s; check the path given with -A%s"),
  RECORDED_QUERIES_UNWRITABLE(
      Problem.RECORDED_QUERIES,
      Severity.ERROR,
      "cannot write the recorded queries %s: %s; check the path given with -A%s"),

  // analysis

  QUERY_ANALYSIS_BUG(
      Problem.INTERNAL,
      Severity.ERROR,
      "%s: Quarry could not analyse this query (%s: %s); this is a bug in Quarry, please report it"
          + " with the query; the other queries were analysed"),
  PARAMETER_UNTYPED_OUTPUT(
      Problem.BAD_PARAMETER,
      Severity.ERROR,
      "%s: nothing in the statement gives parameter %s a type, so PostgreSQL would only guess text"
          + " for the column it is returned as; add a cast that names the type, e.g. %s::text or"
          + " %s::bigint"),
  PARAMETER_IN_UTILITY(
      Problem.BAD_PARAMETER,
      Severity.ERROR,
      "%s: PostgreSQL takes no parameters in a %s statement, so %s cannot be bound; %s"),
  PARAMETER_ANONYMOUS_RECORD(
      Problem.BAD_PARAMETER,
      Severity.ERROR,
      "%s: PostgreSQL types parameter %s as an anonymous record%s, and no value can be passed as"
          + " one; add a cast to the composite type, e.g. %s::my_type%s"),

  // dynamic

  BLOCK_MARKER_LOOKALIKE(
      Problem.BLOCK,
      Severity.ERROR,
      "this comment starts like a block marker but is not one: write %s (a comment that starts"
          + " with [ is read as a marker)"),
  BLOCK_IF_WITHOUT_PARAMETER(
      Problem.BLOCK,
      Severity.ERROR,
      "the block marker /*[if %s]*/ needs one named parameter: write /*[if @name]*/, e.g. /*[if"
          + " @author]*/"),
  BLOCK_NESTED(
      Problem.BLOCK,
      Severity.ERROR,
      "optional blocks do not nest: this block starts inside the block of @%s opened at %s; close"
          + " that one with /*[end]*/ first"),
  BLOCK_END_WITH_ARGUMENT(
      Problem.BLOCK, Severity.ERROR, "the block marker /*[end]*/ takes nothing after end"),
  BLOCK_END_UNOPENED(
      Problem.BLOCK,
      Severity.ERROR,
      "/*[end]*/ closes no block: open one before it with /*[if @name]*/, or remove it"),
  BLOCK_MARKER_UNKNOWN(
      Problem.BLOCK, Severity.ERROR, "unknown block marker /*[%s]*/: the markers are %s%s"),
  BLOCK_UNTERMINATED(
      Problem.BLOCK,
      Severity.ERROR,
      "unterminated optional block: the block of @%s opened here has no /*[end]*/; close it with"
          + " /*[end]*/ before the end of the statement"),
  BLOCK_TOO_MANY(
      Problem.BLOCK,
      Severity.ERROR,
      "a query takes at most %s optional parameters in its blocks; this is parameter %s: split the"
          + " query"),
  BLOCK_IN_BATCH(
      Problem.BLOCK,
      Severity.ERROR,
      "%s need one statement per call; %s runs one per parameter set: use :one, :many, :exec,"
          + " :execrows or :execresult"),
  BLOCK_UNBALANCED(
      Problem.BLOCK,
      Severity.ERROR,
      "the optional block of @%s holds %s: a block holds whole parenthesised groups; move its"
          + " markers so that both are at the same depth"),
  BLOCK_NEEDS_NAMED_PARAMETERS(
      Problem.BLOCK,
      Severity.ERROR,
      "a query with optional blocks names its parameters: write @name instead of %s"),
  BLOCK_FOREIGN_PARAMETER(
      Problem.BLOCK,
      Severity.ERROR,
      "%s is used inside the optional block of @%s%s: a block uses its own parameter, and"
          + " parameters used outside all blocks; give it a block of its own, /*[if @%s]*/"),
  BLOCK_PARAMETER_UNUSED(
      Problem.BLOCK,
      Severity.ERROR,
      "unknown parameter @%s in the block marker: the block does not use it; write the block's"
          + " condition with it, e.g. /*[if @%s]*/ AND col = @%s /*[end]*/"),
  BLOCK_SWITCH_USED_OUTSIDE(
      Problem.BLOCK,
      Severity.ERROR,
      "@%s switches the optional block at %s, so it may be used only inside blocks opened with"
          + " /*[if @%s]*/; use another parameter here"),
  SORT_WITHOUT_ORDER_BY(
      Problem.BLOCK,
      Severity.ERROR,
      "quarry:sort puts the caller's key in front of the query's ORDER BY, and the query has none:"
          + " end it with ORDER BY and a unique column as the tie-breaker, e.g. ORDER BY id"),
  SORT_ORDER_BY_IN_BLOCK(
      Problem.BLOCK,
      Severity.ERROR,
      "the ORDER BY of a query with quarry:sort is inside an optional block: move it out of the"
          + " block"),
  VARIANT_MORE_PROBLEMS(
      Problem.BLOCK,
      Severity.NOTE,
      "variants of %s show %s more problems; fix the ones above and build again to see them"),
  VARIANT_DIFFERS(
      Problem.BLOCK,
      Severity.ERROR,
      "%s: %s in %s, unlike the query as written (every block on); a block may only filter or join"
          + " without changing the result: make the column's type and nullability the same in every"
          + " variant (e.g. cast it, or coalesce it)"),

  // migration

  MIGRATION_FORMATS_MIXED(
      Problem.MIGRATION_LAYOUT,
      Severity.ERROR,
      "migration files mix formats: %s; Quarry cannot tell their order or their up parts, so"
          + " convert them to one format (or force one with -Aquarry.migrationFormat=%s)"),
  MIGRATION_FORMAT_MISFIT(
      Problem.MIGRATION_LAYOUT,
      Severity.ERROR,
      "migration files %s are in the %s format, but %s does not fit it; make it %s or move it out"
          + " of the folder"),
  MIGRATION_FORMAT_MISFITS(
      Problem.MIGRATION_LAYOUT,
      Severity.ERROR,
      "migration files %s are in the %s format, but %s do not fit it; make them %s or move them"
          + " out of the folder"),
  MIGRATION_ROLE_MISSING(
      Problem.MIGRATION_FAILED,
      Severity.ERROR,
      "migration failed: role %s does not exist on the server at -Aquarry.database and no"
          + " migration before this statement creates it (production creates such roles outside the"
          + " migrations); Quarry does not create roles on a shared server, so create it there once"
          + " (CREATE ROLE %s NOLOGIN), or build on embedded PostgreSQL"
          + " (-Aquarry.database=embedded), where Quarry creates stand-ins"),
  MIGRATION_ROLES_MISSING(
      Problem.MIGRATION_FAILED,
      Severity.ERROR,
      "migration failed: roles %s do not exist on the server at -Aquarry.database and no migration"
          + " before this statement creates them (production creates such roles outside the"
          + " migrations); Quarry does not create roles on a shared server, so create them there"
          + " once (CREATE ROLE %s NOLOGIN), or build on embedded PostgreSQL"
          + " (-Aquarry.database=embedded), where Quarry creates stand-ins"),
  STAND_IN_ROLE_CREATED(
      Problem.STAND_IN_ROLE,
      Severity.NOTE,
      "role %s does not exist and no migration before this statement creates it; Quarry created a"
          + " NOLOGIN stand-in on its own database so that the migration applies (production"
          + " creates such roles outside the migrations)"),
  CATALOG_UNREADABLE(
      Problem.INTERNAL, Severity.ERROR, "cannot read the schema database's catalog: %s"),
  SCHEMA_UNREADABLE_AFTER_MIGRATION(
      Problem.INTERNAL, Severity.ERROR, "cannot read the schema after this migration: %s"),
  MIGRATION_NEEDS_NO_TRANSACTION(
      Problem.MIGRATION_FAILED,
      Severity.ERROR,
      "%sthis statement cannot run inside a transaction block, and %s runs %s in one; mark the"
          + " migration with %s (and keep such statements in a migration of their own)"),
  MIGRATION_SET_SKIPPED(
      Problem.MIGRATION_FAILED,
      Severity.NOTE,
      "skipped: this server does not know the parameter this SET names; psql would report it and"
          + " go on, so Quarry does too"),
  MIGRATION_FOLDERS_WITHOUT_UP(
      Problem.MIGRATION_LAYOUT,
      Severity.ERROR,
      "migration folders with %s have no up.sql, so there is nothing to apply; add an up.sql or"
          + " remove the folder"),
  MIGRATION_METADATA_UNREADABLE(
      Problem.MISSING_FILE,
      Severity.WARNING,
      "cannot read %s (%s); its migration runs in a transaction"),
  TERN_NUMBER_GAP(
      Problem.MIGRATION_LAYOUT,
      Severity.ERROR,
      "tern migration %s has number %s but tern expects %s (migrations are numbered 1, 2, 3 ..."
          + " without gaps); renumber the files"),
  MIGRATIONS_UNLISTABLE(
      Problem.MISSING_FILE, Severity.ERROR, "cannot list migrations directory %s: %s"),
  MIGRATION_SUBFOLDERS_IGNORED(
      Problem.MIGRATION_LAYOUT,
      Severity.NOTE,
      "migrations: the .sql files in subfolders of %s (%s) are not read: only Flyway reads"
          + " subfolders, and only its own V, U, R, B and callback files; the other tools read the"
          + " folder itself; list a subfolder in @GenerateQueries(migrations = ...) if it holds"
          + " migrations"),
  MIGRATIONS_WITHOUT_SQL(
      Problem.MISSING_FILE,
      Severity.ERROR,
      "migrations directory %s holds no .sql files (looked in %s)"),
  MIGRATIONS_ONLY_IN_SUBFOLDERS(
      Problem.MISSING_FILE,
      Severity.ERROR,
      "migrations directory %s holds no .sql files (looked in %s; its subfolders hold %s, which"
          + " are not read: only Flyway files are read from subfolders and one-folder-per-migration"
          + " layouts need migration.sql or up.sql in each folder; list the subfolders in"
          + " @GenerateQueries(migrations = ...))"),
  MIGRATION_NAME_MISFIT(
      Problem.MIGRATION_LAYOUT,
      Severity.ERROR,
      "migration files %s does not fit the %s format (%s); rename it or move it out of the folder"),
  MIGRATION_NAME_MISFITS(
      Problem.MIGRATION_LAYOUT,
      Severity.ERROR,
      "migration files %s do not fit the %s format (%s); rename them or move them out of the"
          + " folder"),
  MIGRATION_ORDER_AMBIGUOUS(
      Problem.MIGRATION_LAYOUT,
      Severity.ERROR,
      "migration files %s have the same %s; give each a distinct one so their order is clear"),
  MIGRATION_SECTIONS_INVALID(Problem.MIGRATION_LAYOUT, Severity.ERROR, "this %s migration %s"),
  FLYWAY_PLACEHOLDER_UNSET(
      Problem.MIGRATION_LAYOUT,
      Severity.ERROR,
      "Flyway placeholder %s has no value; pass one with -Aquarry.placeholders=%s=<value>"
          + " (comma-separated name=value pairs, as flyway.placeholders.%s in Flyway's"
          + " configuration)"),
  ATLAS_SUM_MISSING(
      Problem.MIGRATION_LAYOUT,
      Severity.ERROR,
      "the Atlas migration directory %s has no atlas.sum; run 'atlas migrate hash'"),
  FILE_UNREADABLE_RAW(Problem.MISSING_FILE, Severity.ERROR, "cannot read the file: %s"),
  ATLAS_CHECKSUM_MISMATCH(
      Problem.MIGRATION_LAYOUT,
      Severity.ERROR,
      "checksum mismatch: Atlas would refuse this migration directory%s; this happens when a"
          + " migration file is created or edited by hand; check the migration files and run 'atlas"
          + " migrate hash' to re-hash them"),
  PSQL_INCLUDE(
      Problem.MIGRATION_LAYOUT,
      Severity.ERROR,
      "psql's %s includes another file, which Quarry does not follow; list the included file in"
          + " @GenerateQueries(migrations = ...) in its place"),

  // model

  CLASS_NAME_CLASH(
      Problem.NAME_CLASH,
      Severity.ERROR,
      "query files %s and %s both give the class %s; rename one of them"),
  TOO_MANY_QUERIES_IN_FILE(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "query %s is query number %s of %s in %s; one generated class holds at most %s queries (the"
          + " JVM limits a class's constants and static initializer): split the file"),
  METHOD_NAME_CLASH(
      Problem.NAME_CLASH,
      Severity.ERROR,
      "query %s gives the method name %s, which another query in this file already has; rename one"
          + " of them"),
  ENUM_NAME_CLASH(
      Problem.NAME_CLASH,
      Severity.ERROR,
      "the enum type %s gives the Java name %s, which a repository class already has; rename the"
          + " query file or the type"),
  COMPOSITE_NAME_CLASH(
      Problem.NAME_CLASH,
      Severity.ERROR,
      "the composite type %s gives the Java name %s, which another generated type already has;"
          + " rename the query file or the type"),
  COPY_MISMATCH(Problem.BAD_COMMAND, Severity.ERROR, "%s (at %s)"),
  BATCHEXEC_RETURNS_ROWS(
      Problem.BAD_COMMAND,
      Severity.ERROR,
      "%s is %s but its statement returns rows, which a JDBC batch cannot return; use :batchmany"
          + " or :batchone, or drop the RETURNING clause"),
  COMMAND_NEEDS_ROWS(
      Problem.BAD_COMMAND,
      Severity.ERROR,
      "%s is %s but its statement returns no rows; use :exec or :execrows, or add a RETURNING"
          + " clause"),
  ROW_ARRAY_PARAMETER(
      Problem.UNSUPPORTED_TYPE,
      Severity.ERROR,
      "%s: the parameter @%s is an array of the row type of %s, which Quarry does not bind; pass"
          + " the columns' values as parameters instead"),
  EMBED_NOT_WHOLE_ROW(
      Problem.BAD_PARAMETER,
      Severity.ERROR,
      "%s: sqlc.embed(%s) does not give a whole row of a table in the result; embed a table (or"
          + " its alias) of the FROM clause or RETURNING target"),
  RECORD_ARRAY_COLUMN(
      Problem.UNSUPPORTED_TYPE,
      Severity.ERROR,
      "%s: the column %s is an array of anonymous records (record[]), whose attributes PostgreSQL"
          + " does not describe; collect a table's or view's rows instead, e.g. ARRAY(SELECT c FROM"
          + " comments c WHERE ...) or array_agg(c), or a view's rows for other columns"),
  ROW_LIST_COLUMN_UNREADABLE(
      Problem.UNSUPPORTED_TYPE, Severity.ERROR, "%s: the column %s is a list of rows, but %s"),

  // processor

  LOCK_STALE_OFFLINE(
      Problem.STALE_LOCK,
      Severity.ERROR,
      "the lock file %s is stale: %s; -A%s=offline never connects to a database, so refresh the"
          + " lock file with a build that can (without -A%s=offline; embedded PostgreSQL needs no"
          + " install) and commit it"),
  LOCK_WRITE_FAILED(
      Problem.LOCK_FILE,
      Severity.ERROR,
      "cannot write the lock file %s: %s; make its folder writable, or set -A%s=off"),
  TEMPLATE_RECORD_UNREADABLE(
      Problem.DATABASE_UNAVAILABLE,
      Severity.ERROR,
      "the cached migrated schema that %s was cloned from has a record this build cannot read;"
          + " drop that quarry_template_ database (DROP DATABASE), and the next build makes it"
          + " again"),
  DATABASE_FAILED_DURING_BUILD(
      Problem.DATABASE_UNAVAILABLE,
      Severity.ERROR,
      "the schema database (%s) failed while Quarry was using it: %s [SQLSTATE %s]; check that the"
          + " database stays up and reachable during the build, or choose another -A%s (embedded"
          + " needs no server)"),
  DUPLICATE_QUERY_NAME(
      Problem.DUPLICATE_QUERY,
      Severity.ERROR,
      "a query named %s already exists at %s; query names must be unique, rename one of them"),

  // query

  UNTERMINATED_TOKEN(Problem.SQL_ERROR, Severity.ERROR, "unterminated %s starting here: %s"),
  HEADER_INSIDE_STATEMENT(
      Problem.BAD_HEADER,
      Severity.ERROR,
      "query header inside the statement that starts at line %s: end the statement before it with"
          + " ';' (or close its open parenthesis)"),
  HEADER_WITHOUT_STATEMENT(
      Problem.BAD_HEADER,
      Severity.ERROR,
      "query header %s has no statement after it: write the query's SQL below the header, or"
          + " remove the header"),
  HEADER_BEFORE_HEADER(
      Problem.BAD_HEADER,
      Severity.ERROR,
      "query header %s has no statement after it: the next header (line %s) comes first; write the"
          + " query's SQL below this header, or remove it"),
  FILE_WITHOUT_QUERIES(
      Problem.NO_QUERIES,
      Severity.WARNING,
      "the file holds no query (no \"-- name:\" header), so nothing is generated for it: write a"
          + " header above each statement, e.g. %s, or move the file out of the queries folder"),
  HEADER_LOOKALIKE(
      Problem.BAD_HEADER,
      Severity.WARNING,
      "this comment looks like a query header but is not one, so the statement below it is not"
          + " read as a query: write it as %s (\"name\" in lower case, a colon after it, and the"
          + " command with its colon)"),
  QUERY_OPTION_UNKNOWN(
      Problem.BAD_HEADER,
      Severity.ERROR,
      "unknown option \"quarry:%s\" under a query header%s; the options there are %s"),
  QUERY_OPTION_TAKES_NOTHING(
      Problem.BAD_HEADER,
      Severity.ERROR,
      "quarry:%s takes nothing after it: write it alone on its line, e.g. -- quarry:%s"),
  STREAM_NEEDS_MANY(
      Problem.BAD_HEADER,
      Severity.ERROR,
      "quarry:stream applies to :many queries, whose rows it streams; this query is %s: remove the"
          + " line, or make the query :many"),
  SORT_TWICE(
      Problem.BAD_HEADER,
      Severity.ERROR,
      "a query takes one -- quarry:sort line; list all its keys there, separated by commas"),
  SORT_NEEDS_ROWS(
      Problem.BAD_HEADER,
      Severity.ERROR,
      "quarry:sort applies to :many and :one queries, whose rows it orders; this query is %s:"
          + " remove the line"),
  SORT_WITHOUT_KEYS(
      Problem.BAD_HEADER,
      Severity.ERROR,
      "quarry:sort needs the keys the caller may sort by: write e.g. -- quarry:sort created_at,"
          + " title"),
  SORT_KEY_NOT_A_COLUMN(
      Problem.BAD_HEADER,
      Severity.ERROR,
      "sort key \"%s\" is not a column: write a column or alias.column of the query, e.g. --"
          + " quarry:sort created_at, p.title (a direction is chosen by the caller)"),
  SORT_KEY_REPEATED(
      Problem.BAD_HEADER,
      Severity.ERROR,
      "sort key \"%s\" gives the name %s a second time; each key needs a column name of its own"),
  HEADER_WITHOUT_NAME(
      Problem.BAD_HEADER,
      Severity.ERROR,
      "query header has no name: write the query's name and command after \"name:\", e.g. %s"),
  HEADER_COMMAND_WITHOUT_NAME(
      Problem.BAD_HEADER,
      Severity.ERROR,
      "query header has no name before the command %s: write -- name: <QueryName> %s"),
  QUERY_NAME_INVALID(
      Problem.BAD_HEADER,
      Severity.ERROR,
      "query name \"%s\" is not valid: a name starts with a letter or _ and holds only ASCII"
          + " letters, digits and _ (e.g. FindUserByEmail)"),
  HEADER_WITHOUT_COMMAND(
      Problem.BAD_HEADER,
      Severity.ERROR,
      "query %s has no command: write it after the name, e.g. -- name: %s :one (commands: %s)"),
  COMMAND_UNKNOWN(
      Problem.BAD_COMMAND,
      Severity.ERROR,
      "unknown command \"%s\" for query %s%s%s; the commands are %s"),
  HEADER_EXTRA_WORD(
      Problem.BAD_HEADER,
      Severity.ERROR,
      "unexpected \"%s\" after the command %s in the header of query %s: a header is -- name: %s"
          + " %s and nothing else; put other comments on the lines below it"),

  // safety

  DIRECTIVE_UNKNOWN(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "quarry comment: unknown option \"quarry:%s\" in a migration%s; the options there are %s"),
  DIRECTIVE_WITHOUT_CHECKS(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "quarry comment: quarry:%s needs the checks it applies to, e.g. -- quarry:%s"),
  DIRECTIVE_SETTING_MALFORMED(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "quarry comment: \"%s\" is not check=level, e.g. -- quarry:check lock-risk=error"),
  DIRECTIVE_LEVEL_UNKNOWN(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "quarry comment: \"%s\" is not a level; use off, warning, error or on"),
  DIRECTIVE_CHECK_UNKNOWN(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "quarry comment: unknown check \"%s\"; the checks are %s"),
  DOWN_MISSING(
      Problem.DOWN_ROUND_TRIP,
      Severity.ERROR,
      "%s has no down part, so it cannot be rolled back; add one, or mark the migration with --"
          + " quarry:allow down if it cannot be undone [down round trip]"),
  DOWN_DOES_NOT_UNDO(
      Problem.DOWN_ROUND_TRIP,
      Severity.ERROR,
      "%s its down part does not undo its up part: %s [down round trip]"),
  DOWN_UP_AGAIN_DIFFERS(
      Problem.DOWN_ROUND_TRIP,
      Severity.ERROR,
      "%s up, down and up again do not give the same schema: %s [down round trip]"),

  // source

  PATHS_EMPTY(Problem.CONFIGURATION, Severity.ERROR, "@GenerateQueries(%s = ...) names no path"),
  PATH_INVALID(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "%s path \"%s\" is not a valid path (%s); fix it in @GenerateQueries"),
  SQL_NAME_NOT_A_FILE(Problem.MISSING_FILE, Severity.ERROR, "%s %s"),
  DIRECTORY_WITHOUT_SQL(
      Problem.MISSING_FILE, Severity.ERROR, "%s directory %s holds no .sql files (looked in %s)"),
  DIRECTORY_UNLISTABLE(Problem.MISSING_FILE, Severity.ERROR, "cannot list %s directory %s: %s"),
  PATH_NOT_A_FILE(Problem.MISSING_FILE, Severity.ERROR, "%s path %s %s"),
  FILE_HOLDS_NUL(
      Problem.NOT_TEXT,
      Severity.ERROR,
      "the file holds a NUL character (byte 0x00), which PostgreSQL does not accept in SQL; remove"
          + " it (is this a binary file?)"),

  // syntax

  PARAMETER_NUMBER_TOO_LARGE(
      Problem.BAD_PARAMETER,
      Severity.ERROR,
      "parameter %s is too large: PostgreSQL allows at most %s parameters; number them from $1"),
  PARAMETER_ZERO(
      Problem.BAD_PARAMETER,
      Severity.ERROR,
      "parameter $0 does not exist: PostgreSQL numbers parameters from $1"),
  SQLC_FUNCTION_WITHOUT_PARENTHESES(
      Problem.BAD_PARAMETER,
      Severity.ERROR,
      "%s needs the parameter's name in parentheses: write %s(name)"),
  SQLC_FUNCTION_WITHOUT_NAME(
      Problem.BAD_PARAMETER, Severity.ERROR, "%s() has no parameter name: write %s(name)"),
  SQLC_FUNCTION_NAME_INVALID(
      Problem.BAD_PARAMETER,
      Severity.ERROR,
      "%s(%s) is not a parameter name: write %s(name), %s('name') or %s(\"name\")"),
  SQLC_FUNCTION_NAME_EMPTY(
      Problem.BAD_PARAMETER, Severity.ERROR, "%s has an empty parameter name: write %s(name)"),
  SQLC_FUNCTION_UNCLOSED(
      Problem.BAD_PARAMETER,
      Severity.ERROR,
      "%s(%s is missing its closing parenthesis: write %s(%s)"),
  SQLC_FUNCTION_UNKNOWN(
      Problem.BAD_PARAMETER,
      Severity.ERROR,
      "unknown function %s: Quarry knows sqlc.arg(name), sqlc.narg(name), sqlc.slice(name) and"
          + " sqlc.embed(table)"),
  PATCH_NEEDS_ONE_PARAMETER(
      Problem.BAD_PARAMETER,
      Severity.ERROR,
      "quarry.patch takes one named parameter: write quarry.patch(@name) or"
          + " quarry.patch(sqlc.arg(name))"),
  PATCH_OUTSIDE_SET(
      Problem.BAD_PARAMETER,
      Severity.ERROR,
      "quarry.patch(@%s) is allowed only as the whole right-hand side of an UPDATE ... SET"
          + " assignment: write UPDATE table SET column = quarry.patch(@%s)"),
  EMBED_WITHOUT_TABLE(
      Problem.BAD_PARAMETER,
      Severity.ERROR,
      "%s needs a table name or alias in parentheses: write %s(table)"),
  PARAMETER_NUMBERS_MISSING(
      Problem.BAD_PARAMETER,
      Severity.ERROR,
      "%s missing: query %s uses %s%s, but PostgreSQL needs parameters numbered from $1 without"
          + " gaps; renumber them"),
  PATCH_PARAMETER_REUSED(
      Problem.BAD_PARAMETER,
      Severity.ERROR,
      "parameter %s is a patch (quarry.patch(@%s)) and cannot also be used elsewhere in the"
          + " statement; give this use another name"),

  // types

  OVERRIDE_UNKNOWN_TYPE(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "%s: the schema has no type \"%s\"; name it as PostgreSQL does, e.g. jsonb or public.mood"),
  OVERRIDE_UNKNOWN_COLUMN(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "%s: the schema has no column %s (a table column, as table.column)"),
  OVERRIDE_CONVERTER_MISMATCH(
      Problem.CONFIGURATION,
      Severity.ERROR,
      "%s: Quarry reads %s as %s, but the converter takes %s%s");

  /**
   * The optional parts of the messages above: a message whose text has a part that is there or not
   * (a suggestion, a hint that applies to some inputs only) takes it as an argument, this phrase
   * formatted or the empty string.
   */
  public enum Phrase {
    /** A suggestion for an unknown {@code quarry:} word: the nearest known one. */
    DID_YOU_MEAN_OPTION(" (did you mean quarry:%s?)"),
    /** A suggestion for an unknown word: the nearest known one. */
    DID_YOU_MEAN(" (did you mean %s?)"),
    /** After an unknown query command written without its colon. */
    COMMAND_WITHOUT_COLON("; a command starts with a colon"),
    /** What was running when a migration statement failed: the migration itself. */
    MIGRATION_FAILED("migration failed: "),
    /** What was running when a migration statement failed: its down part. */
    DOWN_PART_FAILED("down part failed: "),
    /** What was running when a migration statement failed: the migration, after the downs. */
    UP_AGAIN_FAILED(
        "applying this migration again after the down parts failed (a down part left something"
            + " behind that it creates): "),
    /** What to change after {@link #MIGRATION_FAILED}. */
    FIX_MIGRATION("fix this migration"),
    /** What to change after {@link #DOWN_PART_FAILED} and {@link #UP_AGAIN_FAILED}. */
    FIX_DOWN_PART("fix the down part or the migration"),
    /** The server's error message and its SQLSTATE. */
    SERVER_ERROR("%s (SQLSTATE %s)"),
    SERVER_DETAIL("; detail: %s"),
    SERVER_HINT("; hint: %s"),
    SERVER_WHERE("; where: %s"),
    /** A further reason, e.g. a role a migration needs. */
    REASON("; %s"),
    ADD_VALUE_IN_SAME_TRANSACTION(
        "; a value added with ALTER TYPE ... ADD VALUE cannot be used in the same transaction:"
            + " move the statements that use it into a later migration"),
    MIGRATION_NOT_APPLIED(" (the %s migration after it was not applied)"),
    MIGRATIONS_NOT_APPLIED(" (the %s migrations after it were not applied)"),
    /** The end of a failed embedded PostgreSQL's output. */
    OUTPUT_ENDS_WITH("; its output ends with: %s"),
    /** What embedded PostgreSQL binaries were found: none. */
    BINARIES_FOUND_NONE("none on the processor path"),
    /** What embedded PostgreSQL binaries were found: only other versions. */
    BINARIES_FOUND_ONLY("only %s on the processor path");

    private final String template;
    private final int arguments;

    Phrase(String template) {
      this.template = template;
      this.arguments = countArguments(template);
    }

    /** The text with its placeholders, as written in this catalog. */
    public String template() {
      return template;
    }

    /**
     * The text with {@code args} in its placeholders, in order.
     *
     * @throws IllegalArgumentException when the number of arguments is not the template's
     */
    public String format(@Nullable Object... args) {
      if (args.length != arguments) {
        throw new IllegalArgumentException(
            name() + " takes " + arguments + " arguments, not " + args.length);
      }
      return String.format(Locale.ROOT, template, args);
    }
  }

  private final Problem problem;
  private final Severity severity;
  private final String template;
  private final int arguments;

  Message(Problem problem, Severity severity, String template) {
    this.problem = problem;
    this.severity = severity;
    this.template = template;
    this.arguments = countArguments(template);
  }

  public Problem problem() {
    return problem;
  }

  public Severity severity() {
    return severity;
  }

  /** The text with its placeholders, as written in this catalog. */
  public String template() {
    return template;
  }

  /** How many arguments {@link #format} takes: the template's placeholders. */
  public int arguments() {
    return arguments;
  }

  /**
   * The text with {@code args} in its placeholders, in order.
   *
   * @throws IllegalArgumentException when the number of arguments is not the template's
   */
  public String format(@Nullable Object... args) {
    if (args.length != arguments) {
      throw new IllegalArgumentException(
          name() + " takes " + arguments + " arguments, not " + args.length);
    }
    return String.format(Locale.ROOT, template, args);
  }

  private static int countArguments(String template) {
    Matcher matcher = Specifier.PATTERN.matcher(template);
    int count = 0;
    while (matcher.find()) {
      String conversion = matcher.group(1);
      if (!conversion.equals("%") && !conversion.equals("n")) {
        count++;
      }
    }
    return count;
  }

  /** Apart, so that it is set before the constants are made. */
  private static final class Specifier {
    // A format specifier: %s, %02X; also %% (a percent sign) and %n, which take no argument.
    static final Pattern PATTERN =
        Pattern.compile("%(?:\\d+\\$)?[-#+ 0,(<]*\\d*(?:\\.\\d+)?([a-zA-Z%])");
  }
}
