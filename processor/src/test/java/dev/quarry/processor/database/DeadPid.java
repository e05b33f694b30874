package dev.quarry.processor.database;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** A process id for tests of what Quarry does with the leftovers of a build that no longer runs. */
final class DeadPid {
  private DeadPid() {}

  /**
   * A process id that no process can have: above Linux's largest ({@code PID_MAX_LIMIT}, 2^22) and
   * macOS's (99,999), and odd, which Windows never gives. The id of a process that just ended would
   * do too, but a busy machine can give it to a new process while the test runs.
   */
  static long get() {
    long pid = 4_194_305;
    assertFalse(StaleScratchDatabases.processAlive(pid));
    return pid;
  }
}
