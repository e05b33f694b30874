package dev.quarry.processor.config;

import dev.quarry.processor.diagnostics.Message;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Whether embedded PostgreSQL stays running between builds ({@value #OPTION}, on by default on
 * Linux) and how long it may stay idle before it stops ({@value #IDLE_OPTION}, in seconds, 600 by
 * default). With it off, every build starts its own embedded PostgreSQL and stops it at the end.
 */
public record KeepAlive(boolean enabled, Duration idle, boolean buildServer) {
  public static final String OPTION = "quarry.keepAlive";
  public static final String IDLE_OPTION = "quarry.keepAlive.idleSeconds";

  /**
   * Whether builds run in the kept server's process ({@code true} by default, used only while the
   * kept server is on): see docs/databases.md, "The build server".
   */
  public static final String BUILD_SERVER_OPTION = "quarry.buildServer";

  /** Keep-alive with the build server on (its default). */
  public KeepAlive(boolean enabled, Duration idle) {
    this(enabled, idle, true);
  }

  /**
   * On where it is tested (Linux), stopping after 10 idle minutes; off by default on other systems,
   * where the kept server's process and shared-memory checks have not been run yet (it can be
   * turned on there with {@code -Aquarry.keepAlive=true}).
   */
  public static final KeepAlive DEFAULT =
      new KeepAlive(onByDefault(System.getProperty("os.name", "")), Duration.ofMinutes(10));

  /** Whether the kept server is on by default on the system named {@code osName}. */
  static boolean onByDefault(String osName) {
    return osName.startsWith("Linux");
  }

  /** Off: every build starts and stops its own embedded PostgreSQL. */
  public static final KeepAlive OFF = new KeepAlive(false, DEFAULT.idle());

  /** Parses both keep-alive options, with the build server on. */
  public static KeepAlive parse(@Nullable String enabled, @Nullable String idleSeconds)
      throws InvalidOptionException {
    return parse(enabled, idleSeconds, null);
  }

  /** Parses the three options; {@code null} or blank means the default. */
  public static KeepAlive parse(
      @Nullable String enabled, @Nullable String idleSeconds, @Nullable String buildServer)
      throws InvalidOptionException {
    String given =
        enabled == null || enabled.isBlank()
            ? Boolean.toString(DEFAULT.enabled())
            : enabled.strip();
    boolean on =
        switch (given.toLowerCase(Locale.ROOT)) {
          case "true" -> true;
          case "false" -> false;
          default ->
              throw new InvalidOptionException(
                  OPTION, Message.OPTION_KEEP_ALIVE_INVALID, OPTION, given, OPTION);
        };
    Duration idle = DEFAULT.idle();
    if (idleSeconds != null && !idleSeconds.isBlank()) {
      long seconds;
      try {
        seconds = Long.parseLong(idleSeconds.strip());
      } catch (NumberFormatException e) {
        seconds = -1;
      }
      if (seconds < 1 || seconds > 7 * 24 * 3600) {
        throw new InvalidOptionException(
            IDLE_OPTION, Message.OPTION_IDLE_INVALID, IDLE_OPTION, idleSeconds.strip());
      }
      idle = Duration.ofSeconds(seconds);
    }
    boolean serve = true;
    if (buildServer != null && !buildServer.isBlank()) {
      serve =
          switch (buildServer.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new InvalidOptionException(
                    BUILD_SERVER_OPTION,
                    Message.OPTION_BUILD_SERVER_INVALID,
                    BUILD_SERVER_OPTION,
                    buildServer.strip(),
                    BUILD_SERVER_OPTION);
          };
    }
    return new KeepAlive(on, idle, serve);
  }
}
