package dev.quarry.micrometer;

import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryEvent;
import dev.quarry.runtime.QueryListener;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records every call of the generated repositories in a Micrometer {@link MeterRegistry}:
 *
 * <ul>
 *   <li>a timer {@code quarry.query} per query, tagged {@code query} (the header's name, e.g.
 *       {@code FindUserByEmail}), {@code command} ({@code :one}), {@code file} ({@code
 *       queries/users.sql}), {@code outcome} ({@code success} or {@code failure}) and {@code
 *       exception} (the failure's class's simple name, {@code none} on success);
 *   <li>a distribution summary {@code quarry.query.rows} per query, tagged {@code query}: the rows
 *       each successful call read, affected or copied.
 * </ul>
 *
 * <p>Use it with {@code new UsersQueries(QueryRunner.of(dataSource).withListener(new
 * MicrometerQueryListener(registry)))}. The meters of a query are looked up once and kept, so a
 * call costs a map lookup and the meters' own recording.
 */
public final class MicrometerQueryListener implements QueryListener {
  /** The timer's name. */
  public static final String TIMER = "quarry.query";

  /** The rows summary's name. */
  public static final String ROWS = "quarry.query.rows";

  private final MeterRegistry registry;
  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();
  private final Map<Query, DistributionSummary> rows = new ConcurrentHashMap<>();

  public MicrometerQueryListener(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** A query with the outcome of one call: one timer each. */
  private record Key(Query query, String exception) {}

  @Override
  public void executed(QueryEvent event) {
    Query query = event.query();
    String exception =
        event.failure() == null ? "none" : event.failure().getClass().getSimpleName();
    timers
        .computeIfAbsent(new Key(query, exception), this::timer)
        .record(event.nanos(), TimeUnit.NANOSECONDS);
    if (event.succeeded()) {
      rows.computeIfAbsent(query, this::rows).record(event.rows());
    }
  }

  private Timer timer(Key key) {
    return Timer.builder(TIMER)
        .description("Calls of a generated Quarry repository method")
        .tags(tags(key.query()))
        .tag("outcome", key.exception().equals("none") ? "success" : "failure")
        .tag("exception", key.exception())
        .register(registry);
  }

  private DistributionSummary rows(Query query) {
    return DistributionSummary.builder(ROWS)
        .description("Rows read, affected or copied by a call of a generated Quarry method")
        .baseUnit("rows")
        .tags(tags(query))
        .register(registry);
  }

  private static Tags tags(Query query) {
    return Tags.of("query", query.name(), "command", query.command(), "file", query.file());
  }
}
