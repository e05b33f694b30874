package dev.quarry.processor.database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Migrated schemas cached on a server as template databases, so that a build whose migrations are
 * unchanged clones one ({@code CREATE DATABASE scratch TEMPLATE quarry_template_<key>}) instead of
 * running every migration. Used on a kept embedded server and on a server given by URL.
 *
 * <p>The key is the build's (migrations, how they run, the Quarry build: see {@code
 * MigrationRecord.key}) plus the server's version and the connecting user (so a template is only
 * cloned by the user who owns it and its objects). A template's comment is its marker: {@code
 * quarry template: created=<instant> record=<base64>}, where the record holds what the migrations
 * produced besides the schema (history and diagnostics), so a cloned build reports the same. A
 * template is made from a build's freshly migrated scratch database by copying it under a scratch
 * name (marked as the build's, so a killed build's copy is dropped like its scratch database) and
 * then, in one transaction, marking and renaming it: no build ever sees a template without its
 * marker.
 *
 * <p>Roles belong to the server, not to a database: when the migrations created roles (or stand-in
 * roles were made for them), nothing is cached, since the roles must go when the build ends and a
 * template would keep using them. Only the {@link #KEEP} newest templates stay on a server; older
 * ones are dropped when a new one is made (never while anyone is connected to them).
 */
final class SchemaTemplates {
  static final String PREFIX = "quarry_template_";

  /** How many templates a server keeps. */
  static final int KEEP = 4;

  private static final String MARKER = "quarry template: created=";
  private static final Pattern MARKER_PATTERN =
      Pattern.compile("quarry template: created=(\\S+) record=([A-Za-z0-9+/=]+)");

  private SchemaTemplates() {}

  /**
   * Creates the scratch database {@code scratch} as a clone of the template for {@code schemaKey}
   * when there is one; otherwise creates nothing and returns what {@link #keep} needs later.
   */
  static ServerDatabase.Created cloneInto(Connection admin, String schemaKey, String scratch)
      throws SQLException {
    String template = PREFIX + fullKey(admin, schemaKey);
    Optional<String> record = record(admin, template);
    if (record.isPresent()) {
      try (Statement statement = admin.createStatement()) {
        statement.execute(
            "CREATE DATABASE "
                + ServerDatabase.quote(scratch)
                + " TEMPLATE "
                + ServerDatabase.quote(template));
        return new ServerDatabase.Created(template, record.get(), null);
      } catch (SQLException e) {
        if (ConnectionLoss.is(e, admin)) {
          throw e;
        }
        // Dropped meanwhile, or someone is connected to it: migrate as if nothing were cached.
      }
    }
    return new ServerDatabase.Created(template, null, roles(admin));
  }

  /**
   * Keeps {@code scratch} (migrated, with nobody connected) as {@code template}; false when the
   * roles changed since {@code rolesBefore} (the migrations created some) or the copy failed.
   */
  static boolean keep(
      Connection admin,
      String scratch,
      String template,
      Map<String, String> rolesBefore,
      String record)
      throws SQLException {
    if (!roles(admin).equals(rolesBefore)) {
      return false;
    }
    String staging = ServerDatabase.scratchName();
    try (Statement statement = admin.createStatement()) {
      statement.execute(
          "CREATE DATABASE "
              + ServerDatabase.quote(staging)
              + " TEMPLATE "
              + ServerDatabase.quote(scratch));
    } catch (SQLException e) {
      return false;
    }
    try (Statement statement = admin.createStatement()) {
      statement.setEscapeProcessing(false);
      statement.execute(
          "COMMENT ON DATABASE "
              + ServerDatabase.quote(staging)
              + " IS '"
              + ScratchOwner.current().comment()
              + "'");
      admin.setAutoCommit(false);
      try {
        // Marker and name together: a template is never seen without its record.
        statement.execute(
            "COMMENT ON DATABASE "
                + ServerDatabase.quote(staging)
                + " IS '"
                + MARKER
                + Instant.now()
                + " record="
                + record
                + "'");
        statement.execute(
            "ALTER DATABASE "
                + ServerDatabase.quote(staging)
                + " RENAME TO "
                + ServerDatabase.quote(template));
        // Nobody connects to a template (a session there would make CREATE DATABASE wait), and
        // autovacuum leaves it alone but for wraparound.
        statement.execute(
            "ALTER DATABASE " + ServerDatabase.quote(template) + " WITH ALLOW_CONNECTIONS false");
        admin.commit();
      } catch (SQLException e) {
        admin.rollback();
        // Another build kept the same schema first (or the rename failed): drop the copy.
        admin.setAutoCommit(true);
        statement.execute("DROP DATABASE IF EXISTS " + ServerDatabase.quote(staging));
        return false;
      } finally {
        admin.setAutoCommit(true);
      }
    }
    prune(admin, template);
    return true;
  }

  /** The record in {@code template}'s marker, when it exists and is marked. */
  static Optional<String> record(Connection admin, String template) throws SQLException {
    try (PreparedStatement statement =
        admin.prepareStatement(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
      statement.setString(1, template);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        String comment = rows.getString(1);
        Matcher m = comment == null ? null : MARKER_PATTERN.matcher(comment);
        return m != null && m.matches() ? Optional.of(m.group(2)) : Optional.empty();
      }
    }
  }

  /**
   * Drops the marked templates beyond the {@link #KEEP} newest (never {@code kept}); one in use
   * stays (no FORCE).
   */
  static List<String> prune(Connection admin, String kept) {
    List<Map.Entry<String, Instant>> templates = new ArrayList<>();
    try (Statement statement = admin.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database"
                    + " WHERE datname LIKE 'quarry\\_template\\_%'")) {
      while (rows.next()) {
        String comment = rows.getString(2);
        Matcher m = comment == null ? null : MARKER_PATTERN.matcher(comment);
        if (m != null && m.matches()) {
          try {
            templates.add(Map.entry(rows.getString(1), Instant.parse(m.group(1))));
          } catch (DateTimeParseException e) {
            // Not a marker Quarry wrote: left alone.
          }
        }
      }
    } catch (SQLException e) {
      return List.of();
    }
    templates.sort(Map.Entry.<String, Instant>comparingByValue(Comparator.reverseOrder()));
    List<String> dropped = new ArrayList<>();
    for (int i = KEEP; i < templates.size(); i++) {
      String name = templates.get(i).getKey();
      if (name.equals(kept)) {
        continue;
      }
      try (Statement statement = admin.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + ServerDatabase.quote(name));
        dropped.add(name);
      } catch (SQLException e) {
        // In use, or another build's drop won: stays until a later build prunes it.
      }
    }
    return dropped;
  }

  /** The build's key with the server's version and the user, 24 hex digits. */
  private static String fullKey(Connection admin, String schemaKey) throws SQLException {
    String server;
    try (Statement statement = admin.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT current_setting('server_version_num') || '|' || current_user")) {
      rows.next();
      server = rows.getString(1);
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((schemaKey + "|" + server).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * Every role with its comment: a role the migrations created, or a role of another build that
   * they now use too (its marker names this build), changes it.
   */
  private static Map<String, String> roles(Connection admin) throws SQLException {
    Map<String, String> roles = new HashMap<>();
    try (Statement statement = admin.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT rolname, coalesce(shobj_description(oid, 'pg_authid'), '') FROM pg_roles")) {
      while (rows.next()) {
        roles.put(rows.getString(1), rows.getString(2));
      }
    }
    return roles;
  }
}
