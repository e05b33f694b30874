package com.example.db;

public record Note(String text) {}
