package dev.quarry.processor.migration;

import org.jspecify.annotations.Nullable;

/**
 * What one migration did to a table or column that no longer exists (or changed): dropped it,
 * renamed it, dropped its table, or changed its type. {@code before} and {@code after} are display
 * names ({@code users.bio}, {@code users.biography}); {@code after} is null for drops.
 */
public record SchemaChange(Kind kind, Migration migration, String before, @Nullable String after) {
  /** The kind of change. */
  public enum Kind {
    DROPPED,
    RENAMED,
    /** A column that went away with its table. */
    TABLE_DROPPED,
    RETYPED
  }

  /**
   * A sentence for messages, e.g. {@code migrations/V7__rename_bio.sql renamed users.bio to
   * users.biography}.
   */
  public String describe() {
    String file = migration.displayName();
    return switch (kind) {
      case DROPPED -> file + " dropped " + before;
      case RENAMED -> file + " renamed " + before + " to " + after;
      case TABLE_DROPPED -> file + " dropped table " + after + " and with it " + before;
      case RETYPED -> file + " changed the type of " + before + " to " + after;
    };
  }
}
