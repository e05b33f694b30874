package dev.quarry.processor.migration;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.syntax.SqlScript;
import dev.quarry.processor.syntax.StatementSpan;
import dev.quarry.processor.syntax.Token;
import dev.quarry.processor.syntax.TokenKind;
import dev.quarry.processor.syntax.TokenList;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Roles that production creates outside the migrations (Supabase's {@code anon}, {@code
 * authenticated} and {@code service_role}, a platform's {@code app_readonly}) but that migrations
 * name in {@code GRANT}, {@code REVOKE}, policies, {@code OWNER TO}, {@code ALTER ROLE} and {@code
 * SET ROLE}. Before such a statement runs, the roles it names in those places are looked up in
 * {@code pg_roles}, so a role a migration created earlier (itself or in a {@code DO} block) is
 * never mistaken for one:
 *
 * <ul>
 *   <li>on a fresh cluster (embedded PostgreSQL, a container) a missing role gets a {@code NOLOGIN}
 *       stand-in, created in the migration's own transaction, and a note says so;
 *   <li>on a shared server ({@code -Aquarry.database=jdbc:...}) Quarry never creates roles for
 *       this: the statement is an error naming the role and what to do.
 * </ul>
 *
 * Statements are read by their tokens (never by PostgreSQL's message text); role names inside
 * dynamic SQL ({@code EXECUTE} in a {@code DO} block) cannot be seen, and fail as PostgreSQL
 * reports them.
 */
final class StandInRoles {
  private static final Pattern MAY_NAME_ROLES =
      Pattern.compile(
          "(?i)\\b(?:GRANT|REVOKE|POLICY|OWNER|AUTHORIZATION|ROLE|USER|GROUP|OWNED)\\b");
  private static final Set<String> NOT_ROLES =
      Set.of("public", "current_user", "session_user", "current_role", "none", "all");

  private final Diagnostics diagnostics;
  private final boolean freshCluster;
  private final Set<String> created = new HashSet<>();

  /**
   * @param freshCluster whether the database is a cluster of this build's own (embedded,
   *     container), where stand-ins may be created; false on a shared server
   */
  StandInRoles(Diagnostics diagnostics, boolean freshCluster) {
    this.diagnostics = diagnostics;
    this.freshCluster = freshCluster;
  }

  /**
   * Makes sure the roles {@code span} names exist before it runs: creates stand-ins on a fresh
   * cluster; on a shared server reports the missing ones. Whether the statement may run.
   */
  boolean prepare(Connection connection, Migration migration, StatementSpan span)
      throws SQLException {
    String sql = migration.statementText(span);
    if (!MAY_NAME_ROLES.matcher(sql).find()) {
      return true;
    }
    // The file's tokens, unless placeholders were substituted into the statement's text.
    SqlScript script = SqlScript.of(migration.file());
    boolean asWritten =
        sql.length() == span.end() - span.start() && script.text().startsWith(sql, span.start());
    Set<String> named = asWritten ? rolesNamed(script.tokens(span)) : rolesNamed(sql);
    if (named.isEmpty()) {
      return true;
    }
    List<String> missing = missing(connection, named);
    if (missing.isEmpty()) {
      return true;
    }
    if (!freshCluster) {
      diagnostics.report(
          missing.size() == 1 ? Message.MIGRATION_ROLE_MISSING : Message.MIGRATION_ROLES_MISSING,
          migration.file().locationOf(span.start()),
          quoted(missing),
          quoteIdentifier(missing.get(0)));
      return false;
    }
    for (String role : missing) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE ROLE " + quoteIdentifier(role) + " NOLOGIN");
      }
      if (created.add(role)) {
        diagnostics.report(
            Message.STAND_IN_ROLE_CREATED,
            migration.file().locationOf(span.start()),
            quoted(List.of(role)));
      }
    }
    return true;
  }

  /** The roles {@code sql} names where a role goes, as PostgreSQL would read the names. */
  static Set<String> rolesNamed(String sql) {
    return rolesNamed(TokenList.of(sql));
  }

  /** The roles the statement {@code statement} holds names where a role goes. */
  static Set<String> rolesNamed(TokenList statement) {
    String sql = statement.text();
    TokenList tokens = statement.significant();
    Set<String> roles = new LinkedHashSet<>();
    if (tokens.isEmpty()) {
      return roles;
    }
    Reader r = new Reader(sql, tokens, roles);
    String first = r.word(0);
    String second = r.word(1);
    boolean grant = first.equals("grant");
    boolean revoke = first.equals("revoke");
    boolean defaultPrivileges = first.equals("alter") && second.equals("default");
    boolean policy = (first.equals("create") || first.equals("alter")) && second.equals("policy");
    if ((first.equals("alter") || first.equals("drop"))
        && Set.of("role", "user", "group").contains(second)) {
      if (first.equals("alter")) {
        r.list(2, false);
      }
      return roles;
    }
    if (first.equals("set") && (second.equals("role") || r.word(2).equals("role"))) {
      r.name(second.equals("role") ? 2 : 3);
      return roles;
    }
    if (first.equals("create") && second.equals("role")) {
      return roles; // creates its role; IN ROLE, ROLE and ADMIN lists are rare enough to leave
    }
    int depth = 0;
    boolean sawOn = false;
    for (int i = 0; i < tokens.size(); i++) {
      TokenKind kind = tokens.get(i).kind();
      if (kind == TokenKind.LEFT_PAREN) {
        depth++;
      } else if (kind == TokenKind.RIGHT_PAREN) {
        depth = Math.max(0, depth - 1);
      }
      if (depth > 0) {
        continue;
      }
      String word = r.word(i);
      String previous = i > 0 ? r.word(i - 1) : "";
      switch (word) {
        case "on" -> sawOn = true;
        case "to" -> {
          if (grant || policy || defaultPrivileges || previous.equals("owner")) {
            r.list(i + 1, true);
          }
        }
        case "from" -> {
          if (revoke || defaultPrivileges) {
            r.list(i + 1, true);
          }
        }
        case "by" -> {
          if (previous.equals("granted") || previous.equals("owned")) {
            r.list(i + 1, true);
          }
        }
        case "authorization" -> {
          if (first.equals("create") && second.equals("schema")) {
            r.name(i + 1);
          }
        }
        case "for" -> {
          if (defaultPrivileges && Set.of("role", "user").contains(r.word(i + 1))) {
            r.list(i + 2, false);
          }
        }
        default -> {}
      }
      // GRANT r1 TO r2 / REVOKE r1 FROM r2: role membership, no ON clause.
      if ((grant && word.equals("to") || revoke && word.equals("from")) && !sawOn) {
        int start = 1;
        if (revoke && r.word(1).equals("admin")) {
          start = 4; // REVOKE ADMIN OPTION FOR r1
        }
        r.list(start, false);
      }
    }
    return roles;
  }

  /** Reads names at token positions. */
  private record Reader(String sql, TokenList tokens, Set<String> roles) {
    String word(int i) {
      if (i < 0 || i >= tokens.size() || tokens.get(i).kind() != TokenKind.IDENTIFIER) {
        return "";
      }
      return tokens.get(i).text(sql).toLowerCase(Locale.ROOT);
    }

    /** A comma-separated list of role names from {@code i}; GROUP/ROLE/USER skipped if asked. */
    void list(int i, boolean skipKind) {
      int at = i;
      while (at < tokens.size()) {
        if (skipKind
            && Set.of("group", "role", "user").contains(word(at))
            && at + 1 < tokens.size()
            && isName(tokens.get(at + 1))) {
          at++;
        }
        if (!name(at)) {
          return;
        }
        if (at + 1 < tokens.size() && tokens.get(at + 1).kind() == TokenKind.COMMA) {
          at += 2;
        } else {
          return;
        }
      }
    }

    /** Adds the role named at {@code i}; whether there was a name there. */
    boolean name(int i) {
      if (i >= tokens.size() || !isName(tokens.get(i))) {
        return false;
      }
      Token token = tokens.get(i);
      String name =
          token.kind() == TokenKind.STRING ? tokens.stringValue(token) : tokens.name(token);
      if (token.kind() == TokenKind.QUOTED_IDENTIFIER || !NOT_ROLES.contains(name)) {
        roles.add(name);
      }
      return true;
    }

    private static boolean isName(Token token) {
      return token.kind() == TokenKind.IDENTIFIER
          || token.kind() == TokenKind.QUOTED_IDENTIFIER
          || token.kind() == TokenKind.STRING;
    }
  }

  private static List<String> missing(Connection connection, Set<String> roles)
      throws SQLException {
    Set<String> missing = new LinkedHashSet<>(roles);
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT rolname FROM pg_catalog.pg_roles WHERE rolname = ANY (?)")) {
      Array names = connection.createArrayOf("text", roles.toArray());
      query.setArray(1, names);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          missing.remove(rs.getString(1));
        }
      }
    }
    // Roles starting with pg_ are PostgreSQL's own; one that is missing is a real mistake.
    missing.removeIf(name -> name.startsWith("pg_"));
    return List.copyOf(missing);
  }

  private static String quoted(List<String> roles) {
    return String.join(", ", roles.stream().map(r -> "\"" + r + "\"").toList());
  }

  private static String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
