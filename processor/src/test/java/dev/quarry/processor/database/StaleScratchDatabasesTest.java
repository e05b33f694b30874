package dev.quarry.processor.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/** Which scratch databases count as left by a dead build: the rules, without a server. */
class StaleScratchDatabasesTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final ScratchOwner SELF = new ScratchOwner("ci-7", "4026531836", "ci", 100, NOW);
  private static final LongPredicate ONLY_100_AND_200_RUN = pid -> pid == 100 || pid == 200;

  private static Optional<String> reason(String name, String comment) {
    return StaleScratchDatabases.staleReason(name, comment, SELF, ONLY_100_AND_200_RUN, NOW);
  }

  private static String comment(
      String host, String pidNamespace, String user, long pid, Instant started) {
    return new ScratchOwner(host, pidNamespace, user, pid, started).comment();
  }

  @Test
  void theCommentRoundTrips() {
    ScratchOwner owner = new ScratchOwner("h", "1", "u", 42, Instant.parse("2025-01-01T00:00:00Z"));
    assertEquals(
        "quarry scratch: host=h pidns=1 user=u pid=42 started=2025-01-01T00:00:00Z",
        owner.comment());
    assertEquals(Optional.of(owner), ScratchOwner.parse(owner.comment()));
    assertEquals(Optional.empty(), ScratchOwner.parse(null));
    assertEquals(Optional.empty(), ScratchOwner.parse("quarry scratch: host=h pid=42"));
    assertEquals(Optional.empty(), ScratchOwner.parse(owner.comment() + " extra"));
    assertEquals(
        Optional.empty(),
        ScratchOwner.parse("quarry scratch: host=h pidns=1 user=u pid=42 started=yesterday"));
  }

  @Test
  void thisProcessKnowsItsHostNamespaceAndUser() {
    ScratchOwner me = ScratchOwner.current();
    assertEquals(ProcessHandle.current().pid(), me.pid());
    assertEquals(Optional.of(me), ScratchOwner.parse(me.comment()));
    assertTrue(me.seesProcessesOf(me), me.comment());
  }

  @Test
  void aDeadProcessOnThisHostMakesItStale() {
    String name = "quarry_scratch_20250601_115900_300_0a1b2c";
    assertEquals(
        Optional.of("process 300 on this host no longer runs"),
        reason(name, comment("ci-7", "4026531836", "ci", 300, NOW.minusSeconds(60))));
  }

  @Test
  void aRunningProcessOnThisHostKeepsIt() {
    String name = "quarry_scratch_20250601_115900_200_0a1b2c";
    assertEquals(
        Optional.empty(),
        reason(name, comment("ci-7", "4026531836", "ci", 200, NOW.minusSeconds(60))));
    // Even when the database is old: the build may be long, or the process id reused.
    assertEquals(
        Optional.empty(),
        reason(name, comment("ci-7", "4026531836", "ci", 200, NOW.minus(Duration.ofDays(30)))));
  }

  @Test
  void withoutTheMarkerOrWithAnotherNameItIsNeverTouched() {
    assertEquals(Optional.empty(), reason("quarry_scratch_20250601_115900_300_0a1b2c", null));
    assertEquals(
        Optional.empty(),
        reason("quarry_scratch_20250601_115900_300_0a1b2c", "a comment someone wrote"));
    String dead = comment("ci-7", "4026531836", "ci", 300, NOW.minus(Duration.ofDays(3)));
    // The name must be exactly Quarry's.
    assertEquals(Optional.empty(), reason("quarry_scratch_my_own_database", dead));
    assertEquals(Optional.empty(), reason("quarry_scratch_20250601_115900_300_0a1b2c_copy", dead));
    assertEquals(Optional.empty(), reason("Quarry_scratch_20250601_115900_300_0a1b2c", dead));
    assertEquals(Optional.empty(), reason("quarry_scratch_20250601_115900_300_0A1B2C", dead));
    // The marker's process must be the name's.
    assertEquals(Optional.empty(), reason("quarry_scratch_20250601_115900_301_0a1b2c", dead));
  }

  @Test
  void anotherHostNamespaceOrUserCountsOnlyAfterADay() {
    String name = "quarry_scratch_20250601_115900_300_0a1b2c";
    Instant hourAgo = NOW.minus(Duration.ofHours(1));
    Instant twoDaysAgo = NOW.minus(Duration.ofDays(2));
    for (String[] other :
        new String[][] {
          {"ci-8", "4026531836", "ci"}, {"ci-7", "4026532000", "ci"}, {"ci-7", "4026531836", "bob"}
        }) {
      assertEquals(
          Optional.empty(), reason(name, comment(other[0], other[1], other[2], 300, hourAgo)));
      assertEquals(
          Optional.of("created by " + other[2] + " on " + other[0] + " 48 h ago"),
          reason(name, comment(other[0], other[1], other[2], 300, twoDaysAgo)));
    }
  }

  @Test
  void anUnknownHostNeverCountsAsThisOne() {
    ScratchOwner unknown = new ScratchOwner("-", "4026531836", "ci", 100, NOW);
    String name = "quarry_scratch_20250601_115900_300_0a1b2c";
    String sameUnknown = comment("-", "4026531836", "ci", 300, NOW.minusSeconds(60));
    assertEquals(
        Optional.empty(),
        StaleScratchDatabases.staleReason(name, sameUnknown, unknown, ONLY_100_AND_200_RUN, NOW));
  }
}
