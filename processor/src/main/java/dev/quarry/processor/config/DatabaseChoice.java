package dev.quarry.processor.config;

import dev.quarry.processor.diagnostics.Message;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the schema database is built, from the processor option {@value #OPTION}: {@code auto} (the
 * default), {@code container}, {@code embedded}, or the {@code jdbc:postgresql://} URL of a running
 * server in which Quarry creates (and afterwards drops) a scratch database.
 */
public sealed interface DatabaseChoice
    permits DatabaseChoice.Auto,
        DatabaseChoice.Container,
        DatabaseChoice.Embedded,
        DatabaseChoice.Server {

  /** The processor option's name. */
  String OPTION = "quarry.database";

  /** A Testcontainers container when a Docker engine answers, otherwise embedded PostgreSQL. */
  record Auto() implements DatabaseChoice {}

  /** A PostgreSQL container started with Testcontainers. */
  record Container() implements DatabaseChoice {}

  /** PostgreSQL binaries from a Maven artifact, run as a local process. */
  record Embedded() implements DatabaseChoice {}

  /**
   * A running server reached through {@code jdbcUrl}. {@link #toString()} redacts any password in
   * the URL, so the value can be shown in messages.
   */
  record Server(String jdbcUrl) implements DatabaseChoice {
    public Server {
      Objects.requireNonNull(jdbcUrl);
    }

    @Override
    public String toString() {
      return "Server[" + JdbcUrls.redact(jdbcUrl) + "]";
    }
  }

  /**
   * Parses the option's value; {@code null} or blank means {@code auto}. Keywords are matched
   * without regard to case; a URL is kept as written.
   */
  static DatabaseChoice parse(@Nullable String value) throws InvalidOptionException {
    if (value == null || value.isBlank()) {
      return new Auto();
    }
    String trimmed = value.strip();
    switch (trimmed.toLowerCase(Locale.ROOT)) {
      case "auto":
        return new Auto();
      case "container":
        return new Container();
      case "embedded":
        return new Embedded();
      default:
        break;
    }
    if (trimmed.startsWith(JdbcUrls.PREFIX) && JdbcUrls.hasUserInfo(trimmed)) {
      throw new InvalidOptionException(
          OPTION, Message.OPTION_DATABASE_USER_BEFORE_HOST, OPTION, JdbcUrls.redact(trimmed));
    }
    if (trimmed.startsWith(JdbcUrls.PREFIX)) {
      return new Server(trimmed);
    }
    throw new InvalidOptionException(
        OPTION, Message.OPTION_DATABASE_INVALID, OPTION, JdbcUrls.redact(trimmed), JdbcUrls.PREFIX);
  }
}
