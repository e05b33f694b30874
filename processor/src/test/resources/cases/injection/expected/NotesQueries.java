package com.example.db;

import dev.quarry.runtime.Columns;
import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.Query;
import dev.quarry.runtime.QueryRunner;
import dev.quarry.runtime.SqlArrays;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/notes.sql}, checked against the schema at build time.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class NotesQueries {
  private static final Query CREATE_NOTE = new Query("CreateNote", ":one", "queries/notes.sql", 1,
      "INSERT INTO notes (body, title, amount, score, count, tags, mood, doc, "
      + "docb, pair, data)\n"
      + "VALUES (?, ?, ?, ?, ?, ?,\n"
      + "        ?, ?, ?, ?, ?)\n"
      + "RETURNING *");

  private static final Query GET_NOTE = new Query("GetNote", ":one", "queries/notes.sql", 7,
      "SELECT * FROM notes WHERE id = ?");

  private static final Query NOTES_BY_BODY = new Query("NotesByBody", ":many", "queries/notes.sql",
      10,
      "SELECT id FROM notes WHERE body = ? ORDER BY id");

  private static final Query NOTES_BY_TITLE = new Query("NotesByTitle", ":many",
      "queries/notes.sql", 13,
      "SELECT id FROM notes WHERE title IS NOT DISTINCT FROM ? ORDER BY id");

  private static final Query NOTES_BY_BODIES = new Query("NotesByBodies", ":many",
      "queries/notes.sql", 16,
      "SELECT id FROM notes WHERE body = ANY(?) ORDER BY id");

  private static final Query NOTES_WITH_TAG = new Query("NotesWithTag", ":many",
      "queries/notes.sql", 19,
      "SELECT id FROM notes WHERE ?::text = ANY(tags) ORDER BY id");

  private static final Query NOTES_WITH_TAGS = new Query("NotesWithTags", ":many",
      "queries/notes.sql", 22,
      "SELECT id FROM notes WHERE tags = ? ORDER BY id");

  private static final Query NOTES_BY_MOOD = new Query("NotesByMood", ":many", "queries/notes.sql",
      25,
      "SELECT id FROM notes WHERE mood = ? ORDER BY id");

  private static final Query NOTES_BY_DOC = new Query("NotesByDoc", ":many", "queries/notes.sql",
      28,
      "SELECT id FROM notes WHERE docb @> ? ORDER BY id");

  private static final Query NOTES_BY_PAIR = new Query("NotesByPair", ":many", "queries/notes.sql",
      31,
      "SELECT id FROM notes WHERE pair = ?::pair ORDER BY id");

  private static final Query NOTES_BY_AMOUNT = new Query("NotesByAmount", ":many",
      "queries/notes.sql", 34,
      "SELECT id FROM notes WHERE amount = ? ORDER BY id");

  private static final Query ADD_NOTES = new Query("AddNotes", ":batchexec", "queries/notes.sql",
      37,
      "INSERT INTO notes (body, title) VALUES (?, ?)");

  private static final Query COPY_NOTES = new Query("CopyNotes", ":copyfrom", "queries/notes.sql",
      40,
      "COPY notes (body, title, tags, mood, docb, pair, data) FROM STDIN");

  private static final Query COUNT_NOTES = new Query("CountNotes", ":one", "queries/notes.sql", 43,
      "SELECT count(*) FROM notes");

  private static final Query COUNT_CANARIES = new Query("CountCanaries", ":one",
      "queries/notes.sql", 46,
      "SELECT count(*) FROM canary");

  private final QueryRunner runner;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public NotesQueries(DataSource dataSource) {
    this(QueryRunner.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public NotesQueries(Connection connection) {
    this(QueryRunner.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public NotesQueries(ConnectionSource connections) {
    this(new QueryRunner(connections));
  }

  /**
   * Runs every call through {@code runner}: its connections, and its listener if it has one.
   */
  public NotesQueries(QueryRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * {@code CreateNote} {@code :one}, {@code queries/notes.sql:1}:
   * <pre>{@code
   * INSERT INTO notes (body, title, amount, score, count, tags, mood, doc, docb, pair, data)
   * VALUES (@body, sqlc.narg(title), sqlc.narg(amount), sqlc.narg(score), sqlc.narg(count), @tags,
   *         sqlc.narg(mood), sqlc.narg(doc), sqlc.narg(docb), sqlc.narg(pair), sqlc.narg(data))
   * RETURNING *
   * }</pre>
   */
  public Note createNote(CreateNoteParams params) {
    Objects.requireNonNull(params, "params");
    return runner.single(CREATE_NOTE, statement -> {
      statement.setString(1, params.body());
      statement.setObject(2, params.title(), Types.VARCHAR);
      statement.setObject(3, params.amount(), Types.NUMERIC);
      statement.setObject(4, params.score(), Types.DOUBLE);
      statement.setObject(5, params.count(), Types.INTEGER);
      statement.setArray(6, SqlArrays.create(statement.getConnection(), "text", params.tags()));
      statement.setObject(7, params.mood() == null ? null : params.mood().label(), Types.OTHER);
      statement.setObject(8, params.doc(), Types.OTHER);
      statement.setObject(9, params.docb(), Types.OTHER);
      statement.setObject(10, params.pair() == null ? null : params.pair().pgText(), Types.OTHER);
      statement.setObject(11, params.data(), Types.BINARY);
    }, NotesQueries::readNote);
  }

  /**
   * {@code GetNote} {@code :one}, {@code queries/notes.sql:7}:
   * <pre>{@code
   * SELECT * FROM notes WHERE id = @id
   * }</pre>
   */
  public Optional<Note> getNote(long id) {
    return runner.optional(GET_NOTE, statement -> {
      statement.setLong(1, id);
    }, NotesQueries::readNote);
  }

  /**
   * {@code NotesByBody} {@code :many}, {@code queries/notes.sql:10}:
   * <pre>{@code
   * SELECT id FROM notes WHERE body = @body ORDER BY id
   * }</pre>
   */
  public List<Long> notesByBody(String body) {
    Objects.requireNonNull(body, "body");
    return runner.list(NOTES_BY_BODY, statement -> {
      statement.setString(1, body);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code NotesByTitle} {@code :many}, {@code queries/notes.sql:13}:
   * <pre>{@code
   * SELECT id FROM notes WHERE title IS NOT DISTINCT FROM sqlc.narg(title) ORDER BY id
   * }</pre>
   */
  public List<Long> notesByTitle(@Nullable String title) {
    return runner.list(NOTES_BY_TITLE, statement -> {
      statement.setObject(1, title, Types.VARCHAR);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code NotesByBodies} {@code :many}, {@code queries/notes.sql:16}:
   * <pre>{@code
   * SELECT id FROM notes WHERE body IN (sqlc.slice(bodies)) ORDER BY id
   * }</pre>
   */
  public List<Long> notesByBodies(List<String> bodies) {
    Objects.requireNonNull(bodies, "bodies");
    return runner.list(NOTES_BY_BODIES, statement -> {
      statement.setArray(1, SqlArrays.create(statement.getConnection(), "text", bodies));
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code NotesWithTag} {@code :many}, {@code queries/notes.sql:19}:
   * <pre>{@code
   * SELECT id FROM notes WHERE @tag::text = ANY(tags) ORDER BY id
   * }</pre>
   */
  public List<Long> notesWithTag(String tag) {
    Objects.requireNonNull(tag, "tag");
    return runner.list(NOTES_WITH_TAG, statement -> {
      statement.setString(1, tag);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code NotesWithTags} {@code :many}, {@code queries/notes.sql:22}:
   * <pre>{@code
   * SELECT id FROM notes WHERE tags = @tags ORDER BY id
   * }</pre>
   */
  public List<Long> notesWithTags(List<String> tags) {
    Objects.requireNonNull(tags, "tags");
    return runner.list(NOTES_WITH_TAGS, statement -> {
      statement.setArray(1, SqlArrays.create(statement.getConnection(), "text", tags));
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code NotesByMood} {@code :many}, {@code queries/notes.sql:25}:
   * <pre>{@code
   * SELECT id FROM notes WHERE mood = @mood ORDER BY id
   * }</pre>
   */
  public List<Long> notesByMood(Mood mood) {
    Objects.requireNonNull(mood, "mood");
    return runner.list(NOTES_BY_MOOD, statement -> {
      statement.setObject(1, mood.label(), Types.OTHER);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code NotesByDoc} {@code :many}, {@code queries/notes.sql:28}:
   * <pre>{@code
   * SELECT id FROM notes WHERE docb @> @docb ORDER BY id
   * }</pre>
   */
  public List<Long> notesByDoc(String docb) {
    Objects.requireNonNull(docb, "docb");
    return runner.list(NOTES_BY_DOC, statement -> {
      statement.setObject(1, docb, Types.OTHER);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code NotesByPair} {@code :many}, {@code queries/notes.sql:31}:
   * <pre>{@code
   * SELECT id FROM notes WHERE pair = @pair::pair ORDER BY id
   * }</pre>
   */
  public List<Long> notesByPair(Pair pair) {
    Objects.requireNonNull(pair, "pair");
    return runner.list(NOTES_BY_PAIR, statement -> {
      statement.setObject(1, pair.pgText(), Types.OTHER);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code NotesByAmount} {@code :many}, {@code queries/notes.sql:34}:
   * <pre>{@code
   * SELECT id FROM notes WHERE amount = @amount ORDER BY id
   * }</pre>
   */
  public List<Long> notesByAmount(BigDecimal amount) {
    Objects.requireNonNull(amount, "amount");
    return runner.list(NOTES_BY_AMOUNT, statement -> {
      statement.setObject(1, amount, Types.NUMERIC);
    }, rows -> rows.getLong(1));
  }

  /**
   * {@code AddNotes} {@code :batchexec}, {@code queries/notes.sql:37}:
   * <pre>{@code
   * INSERT INTO notes (body, title) VALUES (@body, sqlc.narg(title))
   * }</pre>
   */
  public long[] addNotes(List<AddNotesParams> params) {
    Objects.requireNonNull(params, "params");
    return runner.batch(ADD_NOTES, params, (statement, item) -> {
      statement.setString(1, item.body());
      statement.setObject(2, item.title(), Types.VARCHAR);
    });
  }

  /**
   * {@code CopyNotes} {@code :copyfrom}, {@code queries/notes.sql:40}:
   * <pre>{@code
   * INSERT INTO notes (body, title, tags, mood, docb, pair, data) VALUES (@body, @title, @tags, @mood, @docb, @pair, @data)
   * }</pre>
   */
  public long copyNotes(Iterable<CopyNotesParams> params) {
    Objects.requireNonNull(params, "params");
    return runner.copy(COPY_NOTES, params, (item, out) -> out
        .add(item.body())
        .add(item.title())
        .add(item.tags())
        .add(item.mood())
        .add(item.docb())
        .add(item.pair())
        .add(item.data()));
  }

  /**
   * {@code CountNotes} {@code :one}, {@code queries/notes.sql:43}:
   * <pre>{@code
   * SELECT count(*) FROM notes
   * }</pre>
   */
  public long countNotes() {
    return runner.single(COUNT_NOTES, statement -> {}, rows -> rows.getLong(1));
  }

  /**
   * {@code CountCanaries} {@code :one}, {@code queries/notes.sql:46}:
   * <pre>{@code
   * SELECT count(*) FROM canary
   * }</pre>
   */
  public long countCanaries() {
    return runner.single(COUNT_CANARIES, statement -> {}, rows -> rows.getLong(1));
  }

  private static Note readNote(ResultSet rows) throws SQLException {
    return new Note(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3),
        rows.getBigDecimal(4),
        Columns.nullableDouble(rows, 5),
        Columns.nullableInt(rows, 6),
        SqlArrays.toNonNullList(rows.getArray(7), (r, c) -> r.getString(c)),
        Mood.fromNullableLabel(rows.getString(8)),
        rows.getString(9),
        rows.getString(10),
        Pair.fromPg(rows.getString(11)),
        rows.getBytes(12));
  }

  /**
   * The parameters of {@code CreateNote}.
   */
  public record CreateNoteParams(String body, @Nullable String title, @Nullable BigDecimal amount,
      @Nullable Double score, @Nullable Integer count, List<String> tags, @Nullable Mood mood,
      @Nullable String doc, @Nullable String docb, @Nullable Pair pair, byte @Nullable [] data) {
    public CreateNoteParams {
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(tags, "tags");
      tags = Collections.unmodifiableList(new ArrayList<>(tags));
    }
  }

  /**
   * The parameters of {@code AddNotes}.
   */
  public record AddNotesParams(String body, @Nullable String title) {
    public AddNotesParams {
      Objects.requireNonNull(body, "body");
    }
  }

  /**
   * The parameters of {@code CopyNotes}.
   */
  public record CopyNotesParams(String body, @Nullable String title, List<String> tags,
      @Nullable Mood mood, @Nullable String docb, @Nullable Pair pair, byte @Nullable [] data) {
    public CopyNotesParams {
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(tags, "tags");
      tags = Collections.unmodifiableList(new ArrayList<>(tags));
    }
  }
}
