package dev.quarry.runtime;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One finished call of a generated repository method, as a {@link QueryListener} sees it.
 *
 * @param query the query: name, command, file and line, SQL
 * @param nanos how long the call took, from asking for the connection to having read the last row
 *     (for a stream: to closing it), in nanoseconds
 * @param rows rows read ({@code :one}, {@code :many}, streams, batches returning rows), or rows
 *     affected ({@code :exec}, {@code :execrows}, {@code :execresult}, batches), or rows copied
 *     ({@code :copyfrom}); 0 when the call failed before it knew
 * @param failure the exception the call throws (usually a {@link QueryException}), or null when it
 *     succeeded
 */
public record QueryEvent(Query query, long nanos, long rows, @Nullable RuntimeException failure) {

  /** {@link #nanos()} as a duration. */
  public Duration duration() {
    return Duration.ofNanos(nanos);
  }

  /** Whether the call succeeded. */
  public boolean succeeded() {
    return failure == null;
  }
}
