package com.example.db;

import dev.quarry.runtime.ValueConverter;

public final class NoDefaultConstructor implements ValueConverter<String, String> {
  private final String prefix;

  public NoDefaultConstructor(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public String fromDatabase(String value) {
    return prefix + value;
  }

  @Override
  public String toDatabase(String value) {
    return value.substring(prefix.length());
  }
}
