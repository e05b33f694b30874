package dev.quarry.processor.database;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build that created a scratch database, written into the database's comment when it is created
 * ({@code COMMENT ON DATABASE}) so that a later build can tell whether that build still runs:
 * {@code quarry scratch: host=ci-7 pidns=4026531836 user=ci pid=4242 started=2025-05-01T10:00:00Z}.
 *
 * <p>Host name, PID namespace (Linux; containers have their own, and with host networking the same
 * host name) and user together say whether the process id can be checked here: only a process on
 * the same host, in the same PID namespace and of the same user is certainly visible to this one.
 */
record ScratchOwner(String host, String pidNamespace, String user, long pid, Instant started) {
  static final String UNKNOWN = "-";

  private static final String PREFIX = "quarry scratch: ";
  private static final Pattern COMMENT =
      Pattern.compile(
          "quarry scratch: host=(\\S+) pidns=(\\S+) user=(\\S+) pid=([0-9]{1,10}) started=(\\S+)");

  /** This process, now. */
  static ScratchOwner current() {
    return new ScratchOwner(
        currentHost(),
        currentPidNamespace(),
        word(System.getProperty("user.name")),
        ProcessHandle.current().pid(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /** The database comment that records this owner. */
  String comment() {
    return PREFIX
        + "host="
        + host
        + " pidns="
        + pidNamespace
        + " user="
        + user
        + " pid="
        + pid
        + " started="
        + started;
  }

  /** The owner a comment records, or empty when the comment is not one Quarry wrote. */
  static Optional<ScratchOwner> parse(String comment) {
    if (comment == null) {
      return Optional.empty();
    }
    Matcher m = COMMENT.matcher(comment);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ScratchOwner(
              m.group(1),
              m.group(2),
              m.group(3),
              Long.parseLong(m.group(4)),
              Instant.parse(m.group(5))));
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code other}'s process id can be looked up from this process: same host, same PID
   * namespace, same user, and all three known.
   */
  boolean seesProcessesOf(ScratchOwner other) {
    return !host.equals(UNKNOWN)
        && !pidNamespace.equals(UNKNOWN)
        && !user.equals(UNKNOWN)
        && host.equals(other.host)
        && pidNamespace.equals(other.pidNamespace)
        && user.equals(other.user);
  }

  private static String currentHost() {
    // The kernel's name for this UTS namespace: no DNS lookup, which can take seconds.
    Path kernel = Path.of("/proc/sys/kernel/hostname");
    try {
      if (Files.isReadable(kernel)) {
        return word(Files.readString(kernel, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // Fall through to the environment.
    }
    for (String variable : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
      String value = System.getenv(variable);
      if (value != null && !value.isBlank()) {
        return word(value);
      }
    }
    try {
      return word(InetAddress.getLocalHost().getHostName());
    } catch (IOException e) {
      return UNKNOWN;
    }
  }

  private static String currentPidNamespace() {
    try {
      // "pid:[4026531836]"
      String link = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
      String digits = link.replaceAll("[^0-9]", "");
      return digits.isEmpty() ? UNKNOWN : digits;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // Not Linux: process ids are the host's.
      return "host";
    }
  }

  /**
   * One word for the comment, safe inside an SQL string literal: blanks, quotes, backslashes and
   * anything outside printable ASCII become '_'.
   */
  private static String word(String value) {
    if (value == null || value.isBlank()) {
      return UNKNOWN;
    }
    return value.strip().replaceAll("[^\\x21-\\x7e]|['\\\\]", "_");
  }
}
