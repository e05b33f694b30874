package com.example.db;

import dev.quarry.runtime.ValueConverter;

public final class SettingsConverter implements ValueConverter<String, Settings> {
  @Override
  public Settings fromDatabase(String value) {
    return new Settings(value);
  }

  @Override
  public String toDatabase(Settings value) {
    return value.json();
  }
}
