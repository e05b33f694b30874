package com.example.db;

import dev.quarry.runtime.ValueConverter;

/** Takes Integer, but Quarry reads numeric as BigDecimal. */
public final class WrongConverter implements ValueConverter<Integer, Money> {
  @Override
  public Money fromDatabase(Integer value) {
    return new Money(value);
  }

  @Override
  public Integer toDatabase(Money value) {
    return (int) value.cents();
  }
}
