package dev.quarry.processor.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Roles that migrations create on a shared server (issue 12, item 6). Roles belong to the server,
 * not to the scratch database, so dropping the scratch database leaves them behind and the next
 * build's {@code CREATE ROLE} would fail. Here:
 *
 * <ul>
 *   <li>A migration whose text creates a role ({@code CREATE ROLE/USER/GROUP}, also inside a {@code
 *       DO} block) runs while its build holds a server-wide advisory lock ({@link #LOCK_KEY}, taken
 *       in the database of the URL, {@code postgres} by default), so builds that create roles take
 *       turns.
 *   <li>Every role that appears while such a migration runs is marked with a comment naming the
 *       scratch databases that use it: {@code quarry role: users=quarry_scratch_...}. The comment
 *       is written in the migration's transaction, so a role and its mark commit together.
 *   <li>A {@code CREATE ROLE} meeting a role marked so (another running build made it) is skipped,
 *       and this build's database joins the users: the migration behaves as on a fresh server.
 *   <li>A {@code CREATE ROLE} meeting an unmarked role (it was on the server before Quarry) runs as
 *       written, fails as it would in production, and the error says that the role predates the
 *       build. Unmarked roles are never altered or dropped.
 *   <li>When a build ends, and when any build starts (after dropping the scratch databases of
 *       killed builds), marked roles lose the users whose databases are gone; a role left without
 *       users is dropped. Its objects and privileges lived in the dropped scratch databases, which
 *       took them along.
 * </ul>
 */
final class ServerRoles implements RoleGuard {
  /** pg_advisory_lock's key for role-creating migrations and role cleanup: "QUARRYRO". */
  static final long LOCK_KEY = 0x5155_4152_5259_524FL;

  static final String MARKER = "quarry role: users=";

  private static final Pattern CREATES_ROLE =
      Pattern.compile("(?i)\\bCREATE\\s+(?:ROLE|USER|GROUP)\\s+(?!MAPPING\\s)");

  private static final Pattern CREATE_ROLE_NAME =
      Pattern.compile(
          "(?is)\\bCREATE\\s+(?:ROLE|USER|GROUP)\\s+(?!MAPPING\\s)"
              + "(\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*)");

  /** A statement that is a CREATE ROLE, after blanks and comments. */
  private static final Pattern CREATE_ROLE_STATEMENT =
      Pattern.compile(
          "(?is)^(?:\\s+|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*CREATE\\s+(?:ROLE|USER|GROUP)\\b");

  private static final String ROLES =
      "SELECT rolname, shobj_description(oid, 'pg_authid') FROM pg_roles";

  /** Opens a connection to the URL's (administrative) database. */
  interface Admin {
    Connection connect() throws SQLException;
  }

  /** Statements that may name roles, where stand-in roles may be made (see StandInRoles). */
  private static final Pattern MAY_NAME_ROLES =
      Pattern.compile(
          "(?i)\\b(?:GRANT|REVOKE|POLICY|OWNER|AUTHORIZATION|ROLE|USER|GROUP|OWNED)\\b");

  private final Admin admin;
  private final String scratch;
  private final boolean standIns;

  ServerRoles(Admin admin, String scratch) {
    this(admin, scratch, false);
  }

  /**
   * @param standIns whether the migration runner makes stand-in roles here (a kept embedded
   *     server): then a migration that names roles is watched too, so its stand-ins are marked and
   *     dropped with the build like roles it creates
   */
  ServerRoles(Admin admin, String scratch, boolean standIns) {
    this.admin = admin;
    this.scratch = scratch;
    this.standIns = standIns;
  }

  @Override
  public Session begin(Connection migration, Supplier<String> migrationTexts) throws SQLException {
    String migrationText = migrationTexts.get();
    if (!CREATES_ROLE.matcher(migrationText).find()
        && !(standIns && MAY_NAME_ROLES.matcher(migrationText).find())) {
      return Session.NONE;
    }
    Connection lock = admin.connect();
    try {
      try (Statement statement = lock.createStatement()) {
        statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
      }
      return new Locked(lock, migration, namesCreatedIn(migrationText));
    } catch (SQLException | RuntimeException e) {
      closeQuietly(lock);
      throw e;
    }
  }

  /**
   * The role names that {@code CREATE ROLE/USER/GROUP} name in {@code text}, as PostgreSQL folds
   * them.
   */
  static Set<String> namesCreatedIn(String text) {
    Set<String> names = new HashSet<>();
    Matcher m = CREATE_ROLE_NAME.matcher(text);
    while (m.find()) {
      names.add(fold(m.group(1)));
    }
    return names;
  }

  /** The role a {@code CREATE ROLE} statement creates, or empty for any other statement. */
  static Optional<String> createdBy(String statement) {
    if (!CREATE_ROLE_STATEMENT.matcher(statement).find()) {
      return Optional.empty();
    }
    Matcher m = CREATE_ROLE_NAME.matcher(statement);
    return m.find() ? Optional.of(fold(m.group(1))) : Optional.empty();
  }

  private static String fold(String identifier) {
    if (identifier.startsWith("\"")) {
      return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
    }
    return identifier.toLowerCase(Locale.ROOT);
  }

  /** The scratch databases a marker comment names, or empty when the comment is not a marker. */
  static Optional<Set<String>> users(String comment) {
    if (comment == null || !comment.startsWith(MARKER)) {
      return Optional.empty();
    }
    String list = comment.substring(MARKER.length()).strip();
    Set<String> users = new TreeSet<>();
    if (!list.isEmpty()) {
      users.addAll(Arrays.asList(list.split("\\s+")));
    }
    return Optional.of(users);
  }

  static String marker(Set<String> users) {
    return MARKER + String.join(" ", new TreeSet<>(users));
  }

  private static Map<String, String> roles(Connection connection) throws SQLException {
    Map<String, String> roles = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(ROLES)) {
      while (rows.next()) {
        roles.put(rows.getString(1), rows.getString(2));
      }
    }
    return roles;
  }

  private static void comment(Connection connection, String role, Set<String> users)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setEscapeProcessing(false);
      // Marker text: "quarry role: users=" and database names of [a-z0-9_]: no quotes to escape.
      statement.execute(
          "COMMENT ON ROLE " + ServerDatabase.quote(role) + " IS '" + marker(users) + "'");
    }
  }

  private final class Locked implements Session {
    private final Connection lock;
    private final Connection migration;
    private final Set<String> mentioned;
    private final Set<String> predates = new HashSet<>();

    /** The roles this migration marked, with the users it wrote. */
    private final Map<String, Set<String>> marked = new LinkedHashMap<>();

    private Map<String, String> known;

    Locked(Connection lock, Connection migration, Set<String> mentioned) throws SQLException {
      this.lock = lock;
      this.migration = migration;
      this.mentioned = mentioned;
      this.known = roles(migration);
    }

    @Override
    public boolean shouldRun(String statement) {
      Optional<String> role = createdBy(statement);
      if (role.isEmpty() || !known.containsKey(role.get())) {
        return true;
      }
      if (users(known.get(role.get())).isPresent()) {
        return false; // another build's: afterStatement adds this one to its users
      }
      predates.add(role.get());
      return true;
    }

    @Override
    public void afterStatement(String statement, boolean last) throws SQLException {
      // Roles appear through statements that say CREATE ROLE (also in DO blocks and function
      // bodies); a function made earlier and called later is caught at the migration's end.
      if (!last && !CREATES_ROLE.matcher(statement).find()) {
        return;
      }
      Map<String, String> now = roles(migration);
      boolean changed = false;
      for (Map.Entry<String, String> role : now.entrySet()) {
        String name = role.getKey();
        Optional<Set<String>> users = users(role.getValue());
        if (!known.containsKey(name)) {
          marked.put(name, Set.of(scratch));
          comment(migration, name, Set.of(scratch));
          changed = true;
        } else if (marked.containsKey(name) && users.isEmpty()) {
          // The migration's own COMMENT ON ROLE replaced the mark: the mark wins (the role is
          // thrown away with the build, its comment too).
          comment(migration, name, marked.get(name));
          changed = true;
        } else if (mentioned.contains(name)
            && users.isPresent()
            && !users.get().contains(scratch)) {
          Set<String> more = new TreeSet<>(users.get());
          more.add(scratch);
          marked.put(name, more);
          comment(migration, name, more);
          changed = true;
        }
      }
      known = changed ? roles(migration) : now;
    }

    @Override
    public Optional<String> explain(String statement, SQLException failure) {
      Optional<String> role = createdBy(statement);
      if ("42710".equals(failure.getSQLState())
          && role.isPresent()
          && predates.contains(role.get())) {
        return Optional.of(
            "the role "
                + role.get()
                + " existed on this server before the build (Quarry did not create it, so it"
                + " never changes or drops it): a fresh production server would not have it, so"
                + " drop it from the server if nothing else uses it, build against another server,"
                + " or use -Aquarry.database=embedded");
      }
      return Optional.empty();
    }

    @Override
    public void close() {
      closeQuietly(lock); // ends the session: PostgreSQL releases its advisory lock
    }
  }

  /** What {@link #sweep} did. */
  record Swept(List<String> dropped, List<String> problems) {}

  /**
   * Under the lock: removes from every marked role the users whose database is gone (or is {@code
   * gone}), and drops the roles left without users. Never throws; what failed is in the result.
   */
  static Swept sweep(Connection admin, Set<String> gone) {
    List<String> dropped = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (Statement statement = admin.createStatement()) {
      Map<String, Set<String>> marked = new LinkedHashMap<>();
      for (Map.Entry<String, String> role : roles(admin).entrySet()) {
        users(role.getValue()).ifPresent(users -> marked.put(role.getKey(), users));
      }
      if (marked.isEmpty()) {
        return new Swept(dropped, problems);
      }
      statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
      try {
        Set<String> databases = new HashSet<>();
        try (ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database")) {
          while (rows.next()) {
            databases.add(rows.getString(1));
          }
        }
        marked.clear();
        for (Map.Entry<String, String> role : roles(admin).entrySet()) {
          users(role.getValue()).ifPresent(users -> marked.put(role.getKey(), users));
        }
        for (Map.Entry<String, Set<String>> role : marked.entrySet()) {
          Set<String> left =
              role.getValue().stream()
                  .filter(user -> databases.contains(user) && !gone.contains(user))
                  .collect(Collectors.toCollection(TreeSet::new));
          try {
            if (left.isEmpty()) {
              statement.execute("DROP ROLE IF EXISTS " + ServerDatabase.quote(role.getKey()));
              dropped.add(role.getKey());
            } else if (!left.equals(role.getValue())) {
              comment(admin, role.getKey(), left);
            }
          } catch (SQLException e) {
            problems.add(
                "could not drop the role "
                    + role.getKey()
                    + " that a build's migrations created: "
                    + ConnectionLoss.describe(e)
                    + dependents(admin, role.getKey())
                    + "; a later build against this server tries again");
          }
        }
      } finally {
        statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
      }
    } catch (SQLException e) {
      problems.add(
          "could not clean up the roles that builds' migrations created: "
              + ConnectionLoss.describe(e)
              + "; a later build against this server tries again");
    }
    return new Swept(dropped, problems);
  }

  /** Where the role still owns or may use something, for a message. */
  private static String dependents(Connection admin, String role) {
    try (PreparedStatement statement =
        admin.prepareStatement(
            "SELECT DISTINCT coalesce(d.datname, '(shared objects)') FROM pg_shdepend s"
                + " LEFT JOIN pg_database d ON d.oid = s.dbid"
                + " WHERE s.refclassid = 'pg_authid'::regclass AND s.refobjid ="
                + " (SELECT oid FROM pg_roles WHERE rolname = ?) ORDER BY 1")) {
      statement.setString(1, role);
      List<String> databases = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          databases.add(rows.getString(1));
        }
      }
      return databases.isEmpty()
          ? ""
          : " (it still owns or is granted objects in "
              + String.join(", ", databases)
              + ": DROP OWNED BY "
              + ServerDatabase.quote(role)
              + " there, then DROP ROLE)";
    } catch (SQLException e) {
      return "";
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing ends the session either way.
    }
  }
}
