package dev.quarry.runtime;

/**
 * Told about every call of the generated repositories built on a {@link QueryRunner} that has this
 * listener: for metrics, logs or tracing (the role of jOOQ's {@code ExecuteListener}). The {@code
 * quarry-micrometer} module has one that records a timer per query.
 *
 * <p>It is called on the caller's thread once per call, after the call finished (for a stream: when
 * it is closed), also when the call failed. An exception it throws reaches the caller; when the
 * call itself failed, it is attached to the call's exception as suppressed instead, so the original
 * failure is the one the caller sees. Without a listener a runner measures nothing and allocates
 * nothing for it.
 */
@FunctionalInterface
public interface QueryListener {
  void executed(QueryEvent event);
}
