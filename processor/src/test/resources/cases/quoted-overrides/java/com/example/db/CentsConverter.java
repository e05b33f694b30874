package com.example.db;

import dev.quarry.runtime.ValueConverter;

public final class CentsConverter implements ValueConverter<Long, Cents> {
  @Override
  public Cents fromDatabase(Long value) {
    return new Cents(value);
  }

  @Override
  public Long toDatabase(Cents value) {
    return value.value();
  }
}
