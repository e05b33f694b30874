package dev.quarry.processor.migration;

import dev.quarry.processor.config.MigrationFormat;
import dev.quarry.processor.migration.Migration.Transaction;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.syntax.SqlScript;
import dev.quarry.processor.syntax.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the up and down parts of one migration file by its format's marker comments, as file
 * offsets, so that statements keep their positions in the file. Markers are read from the lexer's
 * comment tokens: a marker-like line inside a string or dollar-quoted body is not one.
 */
final class MigrationSections {
  /**
   * A range of the file, run with one transaction mode; {@code label} names a Liquibase changeset.
   */
  record Part(int from, int to, Transaction transaction, String label) {}

  /**
   * The up parts (several only for Liquibase changesets) and the down part, or why there are none.
   */
  record Split(List<Part> ups, @Nullable Part down, @Nullable String problem) {
    static Split problem(String problem) {
      return new Split(List.of(), null, problem);
    }
  }

  private static final Pattern GOOSE =
      Pattern.compile("--\\s*\\+goose\\s+(.*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SQL_MIGRATE =
      Pattern.compile("--\\s*\\+migrate\\s+(.*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern DBMATE =
      Pattern.compile("--\\s*migrate:(up|down)\\b(.*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern TERN_SPLIT =
      Pattern.compile(
          "----\\s*create\\s+above\\s*/\\s*drop\\s+below\\s*----\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern TERN_NO_TX =
      Pattern.compile("----\\s*tern:\\s*disable-tx\\s*----\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATLAS_TXMODE =
      Pattern.compile("--\\s*atlas:txmode\\s+(\\S+)\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern LIQUIBASE_HEADER =
      Pattern.compile("--\\s*liquibase\\s+formatted\\s+sql\\b.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern LIQUIBASE_CHANGESET =
      Pattern.compile("--\\s*changeset\\s+(\\S+)(.*)", Pattern.CASE_INSENSITIVE);

  private MigrationSections() {}

  /** The format whose markers the file carries, or null when it carries none. */
  static @Nullable MigrationFormat markedFormat(SourceFile file) {
    List<Token> comments = comments(file);
    String text = file.text();
    if (!comments.isEmpty()
        && text.substring(0, comments.get(0).start()).isBlank()
        && LIQUIBASE_HEADER.matcher(comments.get(0).text(text)).matches()) {
      return MigrationFormat.LIQUIBASE;
    }
    for (Token comment : comments) {
      String c = comment.text(text);
      Matcher goose = GOOSE.matcher(c);
      if (goose.matches() && command(goose.group(1)).matches("up|down")) {
        return MigrationFormat.GOOSE;
      }
      Matcher sqlMigrate = SQL_MIGRATE.matcher(c);
      if (sqlMigrate.matches() && command(sqlMigrate.group(1)).matches("up|down")) {
        return MigrationFormat.SQL_MIGRATE;
      }
      if (DBMATE.matcher(c).matches()) {
        return MigrationFormat.DBMATE;
      }
      if (TERN_SPLIT.matcher(c).matches()) {
        return MigrationFormat.TERN;
      }
    }
    return null;
  }

  /** The parts of {@code file} read as {@code format}. */
  static Split split(MigrationFormat format, SourceFile file) {
    return switch (format) {
      case GOOSE -> upDown(file, GOOSE, "-- +goose Up", "no transaction");
      case SQL_MIGRATE -> upDown(file, SQL_MIGRATE, "-- +migrate Up", "notransaction");
      case DBMATE -> dbmate(file);
      case TERN -> tern(file);
      case ATLAS -> atlas(file);
      case LIQUIBASE -> liquibase(file);
      case FLYWAY, GOLANG_MIGRATE, PLAIN, PRISMA, DIESEL ->
          new Split(List.of(new Part(0, file.text().length(), Transaction.AUTO, "")), null, null);
    };
  }

  /**
   * goose and sql-migrate: {@code -- +tool Up}, {@code -- +tool Down}, and a no-transaction word.
   */
  private static Split upDown(
      SourceFile file, Pattern marker, String upMarker, String noTransaction) {
    String text = file.text();
    Token up = null;
    Token down = null;
    boolean upNoTx = false;
    boolean downNoTx = false;
    boolean fileNoTx = false;
    for (Token comment : comments(file)) {
      Matcher m = marker.matcher(comment.text(text));
      if (!m.matches()) {
        continue;
      }
      String command = command(m.group(1));
      boolean noTx = m.group(1).toLowerCase(Locale.ROOT).contains(noTransaction);
      if (command.equals("up") && up == null) {
        up = comment;
        upNoTx = noTx;
      } else if (command.equals("down") && down == null) {
        down = comment;
        downNoTx = noTx;
      } else if (m.group(1).strip().equalsIgnoreCase(noTransaction)) {
        fileNoTx = true; // goose: "-- +goose NO TRANSACTION" on a line of its own
      }
    }
    if (up == null) {
      return Split.problem(
          "has no "
              + upMarker
              + " line, so its up part cannot be found; add one above the statements");
    }
    int upEnd = down != null && down.start() > up.end() ? down.start() : text.length();
    Part upPart = new Part(up.end(), upEnd, mode(upNoTx || fileNoTx), "");
    Part downPart = null;
    if (down != null) {
      int downEnd = down.start() > up.end() ? text.length() : up.start();
      downPart = new Part(down.end(), downEnd, mode(downNoTx || fileNoTx), "");
    }
    return new Split(List.of(upPart), downPart, null);
  }

  private static Split dbmate(SourceFile file) {
    String text = file.text();
    Token up = null;
    Token down = null;
    boolean upNoTx = false;
    boolean downNoTx = false;
    for (Token comment : comments(file)) {
      Matcher m = DBMATE.matcher(comment.text(text));
      if (!m.matches()) {
        continue;
      }
      boolean noTx =
          m.group(2).replace(" ", "").toLowerCase(Locale.ROOT).contains("transaction:false");
      if (m.group(1).equalsIgnoreCase("up") && up == null) {
        up = comment;
        upNoTx = noTx;
      } else if (m.group(1).equalsIgnoreCase("down") && down == null) {
        down = comment;
        downNoTx = noTx;
      }
    }
    if (up == null) {
      return Split.problem(
          "has no -- migrate:up line, so its up part cannot be found; add one above the statements");
    }
    int upEnd = down != null && down.start() > up.end() ? down.start() : text.length();
    Part downPart =
        down == null
            ? null
            : new Part(
                down.end(),
                down.start() > up.end() ? text.length() : up.start(),
                mode(downNoTx),
                "");
    return new Split(List.of(new Part(up.end(), upEnd, mode(upNoTx), "")), downPart, null);
  }

  private static Split tern(SourceFile file) {
    String text = file.text();
    Token split = null;
    boolean noTx = false;
    for (Token comment : comments(file)) {
      String c = comment.text(text);
      if (TERN_SPLIT.matcher(c).matches() && split == null) {
        split = comment;
      } else if (TERN_NO_TX.matcher(c).matches()) {
        noTx = true;
      }
    }
    if (split == null) {
      return new Split(List.of(new Part(0, text.length(), mode(noTx), "")), null, null);
    }
    return new Split(
        List.of(new Part(0, split.start(), mode(noTx), "")),
        new Part(split.end(), text.length(), mode(noTx), ""),
        null);
  }

  private static Split atlas(SourceFile file) {
    String text = file.text();
    Transaction transaction = Transaction.WRAPPED;
    for (Token comment : comments(file)) {
      Matcher m = ATLAS_TXMODE.matcher(comment.text(text));
      if (m.matches() && m.group(1).equalsIgnoreCase("none")) {
        transaction = Transaction.NONE;
      }
    }
    return new Split(List.of(new Part(0, text.length(), transaction, "")), null, null);
  }

  private static Split liquibase(SourceFile file) {
    String text = file.text();
    List<Token> comments = comments(file);
    if (comments.isEmpty()
        || !text.substring(0, comments.get(0).start()).isBlank()
        || !LIQUIBASE_HEADER.matcher(comments.get(0).text(text)).matches()) {
      return Split.problem("does not start with --liquibase formatted sql; add that line first");
    }
    List<Token> changesets = new ArrayList<>();
    for (Token comment : comments) {
      if (LIQUIBASE_CHANGESET.matcher(comment.text(text)).matches()) {
        changesets.add(comment);
      }
    }
    if (changesets.isEmpty()) {
      return Split.problem(
          "has no --changeset author:id line; Liquibase runs only the statements under one");
    }
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < changesets.size(); i++) {
      Token changeset = changesets.get(i);
      Matcher m = LIQUIBASE_CHANGESET.matcher(changeset.text(text));
      m.matches();
      boolean noTx =
          m.group(2).replace(" ", "").toLowerCase(Locale.ROOT).contains("runintransaction:false");
      int end = i + 1 < changesets.size() ? changesets.get(i + 1).start() : text.length();
      // --rollback lines are comments, so the lexer leaves them out of the statements.
      parts.add(new Part(changeset.end(), end, mode(noTx), m.group(1)));
    }
    return new Split(parts, null, null);
  }

  private static Transaction mode(boolean noTransaction) {
    return noTransaction ? Transaction.NONE : Transaction.WRAPPED;
  }

  /**
   * The first word of a marker's arguments, lower case: {@code Up}, {@code Down}, {@code
   * StatementBegin}.
   */
  private static String command(String arguments) {
    String stripped = arguments.strip();
    int space = stripped.indexOf(' ');
    return (space < 0 ? stripped : stripped.substring(0, space)).toLowerCase(Locale.ROOT);
  }

  private static List<Token> comments(SourceFile file) {
    return SqlScript.of(file).lineComments();
  }
}
