package dev.quarry.processor.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which combinations of block switches are checked at build time. */
class PlanTest {
  @Test
  void upToSixSwitchesEveryCombinationIsChecked() {
    for (int n = 0; n <= Blocks.ALL_COMBINATIONS_UP_TO; n++) {
      List<Long> masks = Plan.combinations(n);
      long all = (1L << n) - 1;
      // Every combination but all on, which is the query as written.
      assertEquals((1 << n) - 1, masks.size(), "n = " + n);
      assertEquals(masks.size(), new HashSet<>(masks).size());
      assertFalse(masks.contains(all));
    }
    // Fewest blocks on first, so that a problem is reported at the smallest combination.
    List<Long> three = Plan.combinations(3);
    assertEquals(List.of(0L, 1L, 2L, 4L, 3L, 5L, 6L), three);
  }

  @Test
  void pastSixEveryBlockIsCheckedOnAndOffAloneAndWithEveryOther() {
    for (int n = Blocks.ALL_COMBINATIONS_UP_TO + 1; n <= Blocks.MAX_SWITCHES; n++) {
      List<Long> masks = Plan.combinations(n);
      long all = (1L << n) - 1;
      // all off, each on alone, each off alone, each pair on alone (all on is the query itself)
      assertEquals(1 + n + n + n * (n - 1) / 2, masks.size(), "n = " + n);
      assertEquals(masks.size(), new HashSet<>(masks).size());
      assertTrue(masks.contains(0L));
      for (int i = 0; i < n; i++) {
        assertTrue(masks.contains(1L << i), "block " + i + " on alone");
        assertTrue(masks.contains(all & ~(1L << i)), "block " + i + " off alone");
        for (int j = i + 1; j < n; j++) {
          assertTrue(masks.contains((1L << i) | (1L << j)), "blocks " + i + " and " + j);
        }
      }
    }
    assertEquals(153, Plan.combinations(16).size(), "154 statements with the query as written");
  }
}
