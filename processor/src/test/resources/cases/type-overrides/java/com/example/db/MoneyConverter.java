package com.example.db;

import dev.quarry.runtime.ValueConverter;
import java.math.BigDecimal;

public final class MoneyConverter implements ValueConverter<BigDecimal, Money> {
  @Override
  public Money fromDatabase(BigDecimal value) {
    return new Money(value.movePointRight(2).longValueExact());
  }

  @Override
  public BigDecimal toDatabase(Money value) {
    return BigDecimal.valueOf(value.cents(), 2);
  }
}
