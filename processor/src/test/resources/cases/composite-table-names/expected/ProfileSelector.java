package com.example.db;

import dev.quarry.runtime.PgRecord;
import dev.quarry.runtime.PgText;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL composite type {@code public.profile_selector}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record ProfileSelector(@Nullable UUID id, @Nullable String entity,
    @Nullable String selector) implements PgRecord {
  /**
   * Reads PostgreSQL's text form of a {@code profile_selector} value; null for NULL.
   */
  public static @Nullable ProfileSelector fromPg(@Nullable String text) throws SQLException {
    List<@Nullable String> fields = PgText.fields(text, 3, "profile_selector");
    if (fields == null) {
      return null;
    }
    return new ProfileSelector(
        PgText.toUuid(fields.get(0)),
        PgText.toString(fields.get(1)),
        PgText.toString(fields.get(2)));
  }

  @Override
  public String pgText() {
    return PgText.record(Arrays.asList(PgText.of(id), PgText.of(entity), PgText.of(selector)));
  }
}
