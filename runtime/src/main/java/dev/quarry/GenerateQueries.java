package dev.quarry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks Quarry's annotation processor to generate records and repository classes for a set of
 * PostgreSQL migrations and query files into the annotated package (or the annotated type's
 * package).
 *
 * <pre>{@code
 * @GenerateQueries(migrations = "migrations", queries = "queries")
 * package com.example.blog.db;
 * }</pre>
 *
 * <p>Paths are relative to the processor option {@code quarry.projectDir}. Each may name a
 * directory (every {@code .sql} file in it) or a single {@code .sql} file. At build time the
 * processor applies the migrations to a scratch PostgreSQL database, checks every query against it
 * and generates one {@code <FileName>Queries} class per query file.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface GenerateQueries {
  /** Migration directories or files, applied in the order their format defines. */
  String[] migrations();

  /** Query directories or files; each query starts with a {@code -- name: Name :command} header. */
  String[] queries();

  /** Application types for PostgreSQL types or table columns, through converters. */
  TypeOverride[] typeOverrides() default {};
}
