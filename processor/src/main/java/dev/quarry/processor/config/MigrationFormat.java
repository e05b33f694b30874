package dev.quarry.processor.config;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * How a folder of migrations names, orders and marks its files. Formats that wrap every migration
 * in a transaction name the marker that runs one outside a transaction, so that an error about
 * {@code CREATE INDEX CONCURRENTLY} can say what to write.
 */
public enum MigrationFormat {
  /**
   * Flyway: {@code V<version>__<description>.sql}, {@code R__<description>.sql}; {@code U} undo
   * files are down parts.
   */
  FLYWAY("Flyway", "flyway", "V<version>__<description>.sql", null, true),
  /** golang-migrate: {@code <version>_<name>.up.sql} and its {@code .down.sql}. */
  GOLANG_MIGRATE("golang-migrate", "golang-migrate", "<version>_<name>.up.sql", null, true),
  /**
   * goose: {@code <version>_<name>.sql} with {@code -- +goose Up} and {@code -- +goose Down}
   * sections.
   */
  GOOSE(
      "goose", "goose", "<version>_<name>.sql with -- +goose Up", "-- +goose NO TRANSACTION", true),
  /**
   * dbmate: {@code <version>_<name>.sql} with {@code -- migrate:up} and {@code -- migrate:down}
   * sections.
   */
  DBMATE(
      "dbmate",
      "dbmate",
      "<version>_<name>.sql with -- migrate:up",
      "-- migrate:up transaction:false",
      true),
  /**
   * sql-migrate: {@code <version>_<name>.sql} with {@code -- +migrate Up} and {@code -- +migrate
   * Down}.
   */
  SQL_MIGRATE(
      "sql-migrate",
      "sql-migrate",
      "<version>_<name>.sql with -- +migrate Up",
      "-- +migrate Up notransaction",
      true),
  /**
   * tern: {@code <n>_<name>.sql}, up above and down below {@code ---- create above / drop below
   * ----}.
   */
  TERN("tern", "tern", "<n>_<name>.sql", "---- tern: disable-tx ----", true),
  /**
   * Atlas: a versioned directory of {@code <version>_<name>.sql} files with an {@code atlas.sum}
   * checksum file.
   */
  ATLAS("Atlas", "atlas", "<version>_<name>.sql next to atlas.sum", "-- atlas:txmode none", false),
  /**
   * Liquibase formatted SQL: {@code --liquibase formatted sql} and {@code --changeset author:id}
   * sections.
   */
  LIQUIBASE(
      "Liquibase formatted SQL",
      "liquibase",
      "<name>.sql starting with --liquibase formatted sql",
      "--changeset author:id runInTransaction:false",
      false),
  /** Prisma: one folder per migration, {@code <timestamp>_<name>/migration.sql}. */
  PRISMA("Prisma", "prisma", "<timestamp>_<name>/migration.sql", null, false),
  /**
   * Diesel and other one-folder-per-migration tools: {@code <version>_<name>/up.sql} and {@code
   * down.sql}.
   */
  DIESEL(
      "Diesel (one folder per migration)",
      "diesel",
      "<version>_<name>/up.sql and down.sql",
      "run_in_transaction = false in the folder's metadata.toml",
      true),
  /** Any other {@code .sql} files, applied in file name order. */
  PLAIN("plain", "plain", "<name>.sql", null, false);

  private final String displayName;
  private final String optionName;
  private final String pattern;
  private final @Nullable String noTransactionMarker;
  private final boolean hasDownParts;

  MigrationFormat(
      String displayName,
      String optionName,
      String pattern,
      @Nullable String noTransactionMarker,
      boolean hasDownParts) {
    this.displayName = displayName;
    this.optionName = optionName;
    this.pattern = pattern;
    this.noTransactionMarker = noTransactionMarker;
    this.hasDownParts = hasDownParts;
  }

  /** The name shown in messages, e.g. "Flyway". */
  public String displayName() {
    return displayName;
  }

  /** The value of {@code quarry.migrationFormat} that forces this format, e.g. {@code goose}. */
  public String optionName() {
    return optionName;
  }

  /** The file name pattern shown in messages. */
  public String pattern() {
    return pattern;
  }

  /**
   * What marks a migration to run outside a transaction in this format, or null when the format has
   * no such marker (Quarry then runs such a migration statement by statement, as Flyway does).
   */
  public @Nullable String noTransactionMarker() {
    return noTransactionMarker;
  }

  /** Whether migrations of this format can have down (undo) parts. */
  public boolean hasDownParts() {
    return hasDownParts;
  }

  /** The format named by {@code quarry.migrationFormat}, ignoring case. */
  public static Optional<MigrationFormat> byOptionName(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return Stream.of(values()).filter(f -> f.optionName.equals(wanted)).findFirst();
  }

  /** The accepted option values, for messages. */
  public static String optionNames() {
    return Stream.of(values()).map(MigrationFormat::optionName).collect(Collectors.joining(", "));
  }
}
