package com.example.db;

public record Cents(long value) {}
