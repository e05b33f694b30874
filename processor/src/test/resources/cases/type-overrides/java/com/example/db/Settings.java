package com.example.db;

/** The application's view of a jsonb document. */
public record Settings(String json) {}
