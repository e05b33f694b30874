package com.example.db;

import dev.quarry.runtime.PgRecord;
import dev.quarry.runtime.PgText;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL composite type {@code Billing.Address}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Address(@Nullable String street, @Nullable String zipCode) implements PgRecord {
  /**
   * Reads PostgreSQL's text form of a {@code Address} value; null for NULL.
   */
  public static @Nullable Address fromPg(@Nullable String text) throws SQLException {
    List<@Nullable String> fields = PgText.fields(text, 2, "Address");
    if (fields == null) {
      return null;
    }
    return new Address(
        PgText.toString(fields.get(0)),
        PgText.toString(fields.get(1)));
  }

  @Override
  public String pgText() {
    return PgText.record(Arrays.asList(PgText.of(street), PgText.of(zipCode)));
  }
}
