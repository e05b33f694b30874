package dev.quarry.processor.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drops scratch databases that builds killed without a chance to clean up (SIGKILL, a lost machine)
 * left on a server. Run by each build against a server before it creates its own.
 *
 * <p>A database is dropped only when all of these hold, so that nothing else is ever touched:
 *
 * <ul>
 *   <li>its name is exactly what Quarry gives ({@code quarry_scratch_<yyyyMMdd_HHmmss>_<pid>_<6
 *       hex>});
 *   <li>its comment is the {@link ScratchOwner} marker Quarry sets at creation, naming the same
 *       process id as the name;
 *   <li>that process is known to be dead: on this host (same PID namespace and user) no process has
 *       that id; for another host, the database was created more than {@link #OTHER_HOST_AGE} ago;
 *   <li>nobody is connected to it: it is skipped when pg_stat_activity shows a session, and it is
 *       dropped without {@code FORCE}, which PostgreSQL refuses while anyone is connected.
 * </ul>
 *
 * Anything that fails (no privilege, a race with another build) leaves the database alone.
 */
final class StaleScratchDatabases {
  /** How old a scratch database of another host must be before it counts as left behind. */
  static final Duration OTHER_HOST_AGE = Duration.ofHours(24);

  /** Exactly the names {@link ServerDatabase#scratchName()} makes; group 1 is the process id. */
  static final Pattern NAME =
      Pattern.compile(ServerDatabase.NAME_PREFIX + "[0-9]{8}_[0-9]{6}_([0-9]{1,10})_[0-9a-f]{6}");

  private static final String CANDIDATES =
      "SELECT d.datname, shobj_description(d.oid, 'pg_database'),"
          + " EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datid = d.oid)"
          + " FROM pg_database d WHERE d.datname LIKE 'quarry\\_scratch\\_%' ORDER BY 1";

  /** A database that was dropped, and why its build was taken for dead. */
  record Dropped(String name, String reason) {
    @Override
    public String toString() {
      return name + " (" + reason + ")";
    }
  }

  private StaleScratchDatabases() {}

  /**
   * Drops the stale scratch databases that {@code admin}'s user may drop; never throws.
   *
   * @param self this build, to tell which owners' process ids can be checked here
   * @param alive whether a process with this id runs on this host
   */
  static List<Dropped> drop(Connection admin, ScratchOwner self, LongPredicate alive, Instant now) {
    List<Dropped> dropped = new ArrayList<>();
    List<Dropped> candidates = new ArrayList<>();
    try (Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery(CANDIDATES)) {
      while (rows.next()) {
        String name = rows.getString(1);
        boolean inUse = rows.getBoolean(3);
        if (!inUse) {
          staleReason(name, rows.getString(2), self, alive, now)
              .ifPresent(reason -> candidates.add(new Dropped(name, reason)));
        }
      }
    } catch (SQLException e) {
      return dropped; // Cleaning up after others must not fail this build.
    }
    for (Dropped candidate : candidates) {
      try (Statement statement = admin.createStatement()) {
        // No FORCE: PostgreSQL refuses while anyone is connected, and then it stays.
        statement.execute("DROP DATABASE IF EXISTS " + ServerDatabase.quote(candidate.name()));
        dropped.add(candidate);
      } catch (SQLException e) {
        // In use after all, not ours to drop, or dropped by another build just now.
      }
    }
    return dropped;
  }

  /**
   * Why the database's build is dead, or empty when it may not be (or the database is not
   * Quarry's).
   */
  static Optional<String> staleReason(
      String name, String comment, ScratchOwner self, LongPredicate alive, Instant now) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    Optional<ScratchOwner> marked = ScratchOwner.parse(comment);
    if (marked.isEmpty() || marked.get().pid() != Long.parseLong(m.group(1))) {
      return Optional.empty();
    }
    ScratchOwner owner = marked.get();
    if (self.seesProcessesOf(owner)) {
      return alive.test(owner.pid())
          ? Optional.empty()
          : Optional.of("process " + owner.pid() + " on this host no longer runs");
    }
    Duration age = Duration.between(owner.started(), now);
    return age.compareTo(OTHER_HOST_AGE) > 0
        ? Optional.of(
            "created by " + owner.user() + " on " + owner.host() + " " + age.toHours() + " h ago")
        : Optional.empty();
  }

  /** Whether a process with this id runs here. */
  static boolean processAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
