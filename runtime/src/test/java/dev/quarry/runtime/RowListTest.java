package dev.quarry.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.ListIterator;
import java.util.RandomAccess;
import org.junit.jupiter.api.Test;

/**
 * The list a {@code :many} call returns ({@link RowList}): every row in order through each growth
 * step, equal to any list of the same rows, and unmodifiable by every route a caller has.
 */
class RowListTest {
  private static RowList<String> rows(int count) {
    RowList<String> list = new RowList<>();
    for (int i = 0; i < count; i++) {
      list.append("row " + i);
    }
    return list;
  }

  @Test
  void keepsEveryRowInOrderAcrossGrowth() {
    for (int count : new int[] {0, 1, 15, 16, 17, 32, 33, 100, 1000}) {
      RowList<String> list = rows(count);
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        expected.add("row " + i);
      }
      assertEquals(count, list.size());
      assertEquals(expected, list);
      assertEquals(list, expected);
      assertEquals(expected.hashCode(), list.hashCode());
      assertEquals(expected.toString(), list.toString());
      assertArrayEquals(expected.toArray(), list.toArray());
      assertArrayEquals(expected.toArray(new String[0]), list.toArray(new String[0]));
      assertEquals(expected, list.stream().toList());
    }
    assertTrue(rows(3) instanceof RandomAccess);
  }

  @Test
  void holdsNullRowsAndChecksIndexes() {
    RowList<String> list = new RowList<>();
    list.append(null);
    list.append("b");
    assertNull(list.get(0));
    assertEquals(Arrays.asList(null, "b"), list);
    assertThrows(IndexOutOfBoundsException.class, () -> list.get(2));
    assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1));
    // A slot beyond the size exists in the array (capacity 16) but is not a row.
    assertThrows(IndexOutOfBoundsException.class, () -> list.get(15));
  }

  @Test
  void refusesEveryChange() {
    RowList<String> list = rows(20);
    List<Runnable> changes =
        List.of(
            () -> list.add("x"),
            () -> list.add(0, "x"),
            () -> list.addAll(List.of("x")),
            () -> list.set(0, "x"),
            () -> list.remove(0),
            () -> list.remove("row 1"),
            () -> list.clear(),
            () -> list.removeIf(row -> true),
            () -> list.replaceAll(row -> "x"),
            () -> list.sort(Comparator.reverseOrder()),
            () -> list.retainAll(List.of()),
            () -> list.removeAll(List.of("row 1")),
            () -> {
              var iterator = list.iterator();
              iterator.next();
              iterator.remove();
            },
            () -> {
              ListIterator<String> iterator = list.listIterator();
              iterator.next();
              iterator.set("x");
            },
            () -> list.listIterator().add("x"),
            () -> list.subList(0, 5).set(0, "x"),
            () -> list.subList(0, 5).clear());
    for (Runnable change : changes) {
      assertThrows(UnsupportedOperationException.class, change::run);
    }
    assertEquals(rows(20), list);
  }

  @Test
  void serializesAsAnUnmodifiableListOfItsRows() throws Exception {
    RowList<String> list = rows(20);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(list);
    }
    Object read;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      read = in.readObject();
    }
    assertEquals(list, read);
    @SuppressWarnings("unchecked")
    List<String> copy = (List<String>) read;
    assertThrows(UnsupportedOperationException.class, () -> copy.add("x"));
  }
}
