package com.example.db;

import dev.quarry.runtime.ValueConverter;

public final class NoteConverter implements ValueConverter<String, Note> {
  @Override
  public Note fromDatabase(String value) {
    return new Note(value);
  }

  @Override
  public String toDatabase(Note value) {
    return value.text();
  }
}
