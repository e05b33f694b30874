package dev.quarry.runtime;

import java.util.Objects;

/**
 * One query of a generated repository: its name and command as written in its header, where it is
 * written, and the SQL it runs. Generated repositories hold one constant per query and pass it to
 * {@link QueryRunner}, which puts it in exception messages and in {@link QueryEvent}s.
 *
 * @param name the name from the header, e.g. {@code FindUserByEmail}
 * @param command the command from the header, e.g. {@code :one}
 * @param file the query file, relative to the project, e.g. {@code queries/users.sql}
 * @param line the header's line in that file, from 1
 * @param sql the statement as sent to the driver ({@code ?} placeholders)
 */
public record Query(String name, String command, String file, int line, String sql) {
  public Query {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sql, "sql");
  }

  /** {@code FindUserByEmail (queries/users.sql:1)}. */
  @Override
  public String toString() {
    return name + " (" + file + ":" + line + ")";
  }
}
