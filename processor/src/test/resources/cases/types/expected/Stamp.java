package com.example.db;

import dev.quarry.runtime.PgRecord;
import dev.quarry.runtime.PgText;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL composite type {@code public.stamp}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Stamp(@Nullable String label, @Nullable Mood mood, @Nullable OffsetDateTime at,
    @Nullable Address home) implements PgRecord {
  /**
   * Reads PostgreSQL's text form of a {@code stamp} value; null for NULL.
   */
  public static @Nullable Stamp fromPg(@Nullable String text) throws SQLException {
    List<@Nullable String> fields = PgText.fields(text, 4, "stamp");
    if (fields == null) {
      return null;
    }
    return new Stamp(
        PgText.toString(fields.get(0)),
        Mood.fromNullableLabel(fields.get(1)),
        PgText.toOffsetDateTime(fields.get(2)),
        Address.fromPg(fields.get(3)));
  }

  @Override
  public String pgText() {
    return PgText.record(Arrays.asList(PgText.of(label), PgText.of(mood), PgText.of(at), PgText.of(home)));
  }
}
