package com.example.db;

import dev.quarry.runtime.PgRecord;
import dev.quarry.runtime.PgText;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL composite type {@code public.pair}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Pair(@Nullable String label, @Nullable BigDecimal amount) implements PgRecord {
  /**
   * Reads PostgreSQL's text form of a {@code pair} value; null for NULL.
   */
  public static @Nullable Pair fromPg(@Nullable String text) throws SQLException {
    List<@Nullable String> fields = PgText.fields(text, 2, "pair");
    if (fields == null) {
      return null;
    }
    return new Pair(
        PgText.toString(fields.get(0)),
        PgText.toBigDecimal(fields.get(1)));
  }

  @Override
  public String pgText() {
    return PgText.record(Arrays.asList(PgText.of(label), PgText.of(amount)));
  }
}
