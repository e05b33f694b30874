package com.example.db;

/** An amount in cents: the application's type for numeric(12, 2) money columns. */
public record Money(long cents) {}
