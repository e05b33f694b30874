package dev.quarry.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryEvent;
import dev.quarry.runtime.QueryException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerQueryListenerTest {
  private static final Query FIND =
      new Query("FindUserByEmail", ":one", "queries/users.sql", 9, "SELECT 1");
  private static final Query LIST =
      new Query("ListUsers", ":many", "queries/users.sql", 12, "SELECT 2");

  @Test
  void aTimerPerQueryAndOutcomeAndARowsSummary() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerQueryListener listener = new MicrometerQueryListener(registry);
    listener.executed(new QueryEvent(FIND, 2_000_000, 1, null));
    listener.executed(new QueryEvent(FIND, 4_000_000, 0, null));
    listener.executed(new QueryEvent(LIST, 1_000_000, 30, null));
    listener.executed(
        new QueryEvent(FIND, 9_000_000, 0, new QueryException("FindUserByEmail", "failed")));

    Timer find =
        registry
            .find("quarry.query")
            .tags(
                "query", "FindUserByEmail",
                "command", ":one",
                "file", "queries/users.sql",
                "outcome", "success",
                "exception", "none")
            .timer();
    assertNotNull(find, registry.getMetersAsString());
    assertEquals(2, find.count());
    assertEquals(6.0, find.totalTime(TimeUnit.MILLISECONDS), 1e-9);

    Timer failed =
        registry
            .find("quarry.query")
            .tags("query", "FindUserByEmail", "outcome", "failure", "exception", "QueryException")
            .timer();
    assertNotNull(failed, registry.getMetersAsString());
    assertEquals(1, failed.count());

    Timer list = registry.find("quarry.query").tags("query", "ListUsers").timer();
    assertNotNull(list);
    assertEquals(1, list.count());

    DistributionSummary rows =
        registry.find("quarry.query.rows").tags("query", "ListUsers").summary();
    assertNotNull(rows);
    assertEquals(30.0, rows.totalAmount(), 1e-9);
    DistributionSummary findRows =
        registry.find("quarry.query.rows").tags("query", "FindUserByEmail").summary();
    assertEquals(2, findRows.count(), "failed calls record no rows");
    assertNull(registry.find("quarry.query").tags("query", "Other").timer());
  }
}
