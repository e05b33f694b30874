package com.example.db;

import dev.quarry.runtime.Columns;
import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.CopyRows;
import dev.quarry.runtime.QueryException;
import dev.quarry.runtime.QueryStreams;
import dev.quarry.runtime.SqlArrays;
import dev.quarry.runtime.Transactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import javax.sql.DataSource;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The queries of {@code queries/notes.sql}, checked against the schema at build time.
 *
 * <p>Each call borrows a connection from the {@link ConnectionSource}: build this class on a
 * {@link DataSource} to run each call on its own, or on a {@link Connection} to run calls
 * inside a transaction the caller controls (see {@code dev.quarry.runtime.Transactions}).
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public final class NotesQueries {
  private static final String CREATE_NOTE = "INSERT INTO notes (body, title, amount, score, count, tags, mood, doc, docb, pair, data)\n"
      + "VALUES (?, ?, ?, ?, ?, ?,\n"
      + "        ?, ?, ?, ?, ?)\n"
      + "RETURNING *";

  private static final String GET_NOTE = "SELECT * FROM notes WHERE id = ?";

  private static final String NOTES_BY_BODY = "SELECT id FROM notes WHERE body = ? ORDER BY id";

  private static final String NOTES_BY_TITLE = "SELECT id FROM notes WHERE title IS NOT DISTINCT FROM ? ORDER BY id";

  private static final String NOTES_BY_BODIES = "SELECT id FROM notes WHERE body = ANY(?) ORDER BY id";

  private static final String NOTES_WITH_TAG = "SELECT id FROM notes WHERE ?::text = ANY(tags) ORDER BY id";

  private static final String NOTES_WITH_TAGS = "SELECT id FROM notes WHERE tags = ? ORDER BY id";

  private static final String NOTES_BY_MOOD = "SELECT id FROM notes WHERE mood = ? ORDER BY id";

  private static final String NOTES_BY_DOC = "SELECT id FROM notes WHERE docb @> ? ORDER BY id";

  private static final String NOTES_BY_PAIR = "SELECT id FROM notes WHERE pair = ?::pair ORDER BY id";

  private static final String NOTES_BY_AMOUNT = "SELECT id FROM notes WHERE amount = ? ORDER BY id";

  private static final String ADD_NOTES = "INSERT INTO notes (body, title) VALUES (?, ?)";

  private static final String COPY_NOTES = "COPY notes (body, title, tags, mood, docb, pair, data) FROM STDIN";

  private static final String COUNT_NOTES = "SELECT count(*) FROM notes";

  private static final String COUNT_CANARIES = "SELECT count(*) FROM canary";

  private final ConnectionSource connections;

  /**
   * Runs each call on a connection of its own from {@code dataSource}.
   */
  public NotesQueries(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * Runs every call on {@code connection}, which the caller manages.
   */
  public NotesQueries(Connection connection) {
    this(ConnectionSource.of(connection));
  }

  /**
   * Runs every call on a connection from {@code connections}.
   */
  public NotesQueries(ConnectionSource connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(CREATE_NOTE)) {
        statement.setString(1, params.body());
        statement.setObject(2, params.title(), Types.VARCHAR);
        statement.setObject(3, params.amount(), Types.NUMERIC);
        statement.setObject(4, params.score(), Types.DOUBLE);
        statement.setObject(5, params.count(), Types.INTEGER);
        statement.setArray(6, SqlArrays.create(connection, "text", params.tags()));
        statement.setObject(7, params.mood() == null ? null : params.mood().label(), Types.OTHER);
        statement.setObject(8, params.doc(), Types.OTHER);
        statement.setObject(9, params.docb(), Types.OTHER);
        statement.setObject(10, params.pair() == null ? null : params.pair().pgText(), Types.OTHER);
        statement.setObject(11, params.data(), Types.BINARY);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("CreateNote", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          Note row = readNote(rows);
          if (rows.next()) {
            throw new QueryException("CreateNote", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("CreateNote", e);
    }
  }

  /**
   * {@code GetNote} {@code :one}, {@code queries/notes.sql:7}:
   * <pre>{@code
   * SELECT * FROM notes WHERE id = @id
   * }</pre>
   */
  public Optional<Note> getNote(long id) {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(GET_NOTE)) {
        statement.setLong(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          Note row = readNote(rows);
          if (rows.next()) {
            throw new QueryException("GetNote", "returned more than one row; a :one query must return at most one");
          }
          return Optional.of(row);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("GetNote", e);
    }
  }

  /**
   * {@code NotesByBody} {@code :many}, {@code queries/notes.sql:10}:
   * <pre>{@code
   * SELECT id FROM notes WHERE body = @body ORDER BY id
   * }</pre>
   */
  public List<Long> notesByBody(String body) {
    Objects.requireNonNull(body, "body");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(NOTES_BY_BODY)) {
        statement.setString(1, body);
        try (ResultSet rows = statement.executeQuery()) {
          List<Long> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getLong(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("NotesByBody", e);
    }
  }

  /**
   * The rows of {@link #notesByBody}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Long> streamNotesByBody(String body) {
    Objects.requireNonNull(body, "body");
    return QueryStreams.open(connections, "NotesByBody", NOTES_BY_BODY, statement -> {
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(NOTES_BY_TITLE)) {
        statement.setObject(1, title, Types.VARCHAR);
        try (ResultSet rows = statement.executeQuery()) {
          List<Long> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getLong(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("NotesByTitle", e);
    }
  }

  /**
   * The rows of {@link #notesByTitle}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Long> streamNotesByTitle(@Nullable String title) {
    return QueryStreams.open(connections, "NotesByTitle", NOTES_BY_TITLE, statement -> {
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(NOTES_BY_BODIES)) {
        statement.setArray(1, SqlArrays.create(connection, "text", bodies));
        try (ResultSet rows = statement.executeQuery()) {
          List<Long> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getLong(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("NotesByBodies", e);
    }
  }

  /**
   * The rows of {@link #notesByBodies}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Long> streamNotesByBodies(List<String> bodies) {
    Objects.requireNonNull(bodies, "bodies");
    return QueryStreams.open(connections, "NotesByBodies", NOTES_BY_BODIES, statement -> {
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(NOTES_WITH_TAG)) {
        statement.setString(1, tag);
        try (ResultSet rows = statement.executeQuery()) {
          List<Long> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getLong(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("NotesWithTag", e);
    }
  }

  /**
   * The rows of {@link #notesWithTag}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Long> streamNotesWithTag(String tag) {
    Objects.requireNonNull(tag, "tag");
    return QueryStreams.open(connections, "NotesWithTag", NOTES_WITH_TAG, statement -> {
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(NOTES_WITH_TAGS)) {
        statement.setArray(1, SqlArrays.create(connection, "text", tags));
        try (ResultSet rows = statement.executeQuery()) {
          List<Long> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getLong(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("NotesWithTags", e);
    }
  }

  /**
   * The rows of {@link #notesWithTags}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Long> streamNotesWithTags(List<String> tags) {
    Objects.requireNonNull(tags, "tags");
    return QueryStreams.open(connections, "NotesWithTags", NOTES_WITH_TAGS, statement -> {
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(NOTES_BY_MOOD)) {
        statement.setObject(1, mood.label(), Types.OTHER);
        try (ResultSet rows = statement.executeQuery()) {
          List<Long> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getLong(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("NotesByMood", e);
    }
  }

  /**
   * The rows of {@link #notesByMood}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Long> streamNotesByMood(Mood mood) {
    Objects.requireNonNull(mood, "mood");
    return QueryStreams.open(connections, "NotesByMood", NOTES_BY_MOOD, statement -> {
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(NOTES_BY_DOC)) {
        statement.setObject(1, docb, Types.OTHER);
        try (ResultSet rows = statement.executeQuery()) {
          List<Long> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getLong(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("NotesByDoc", e);
    }
  }

  /**
   * The rows of {@link #notesByDoc}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Long> streamNotesByDoc(String docb) {
    Objects.requireNonNull(docb, "docb");
    return QueryStreams.open(connections, "NotesByDoc", NOTES_BY_DOC, statement -> {
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(NOTES_BY_PAIR)) {
        statement.setObject(1, pair.pgText(), Types.OTHER);
        try (ResultSet rows = statement.executeQuery()) {
          List<Long> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getLong(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("NotesByPair", e);
    }
  }

  /**
   * The rows of {@link #notesByPair}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Long> streamNotesByPair(Pair pair) {
    Objects.requireNonNull(pair, "pair");
    return QueryStreams.open(connections, "NotesByPair", NOTES_BY_PAIR, statement -> {
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
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(NOTES_BY_AMOUNT)) {
        statement.setObject(1, amount, Types.NUMERIC);
        try (ResultSet rows = statement.executeQuery()) {
          List<Long> result = new ArrayList<>();
          while (rows.next()) {
            result.add(rows.getLong(1));
          }
          return Collections.unmodifiableList(result);
        }
      }
    } catch (SQLException e) {
      throw new QueryException("NotesByAmount", e);
    }
  }

  /**
   * The rows of {@link #notesByAmount}, read as the stream is consumed, through a server-side cursor that
   * fetches {@link QueryStreams#FETCH_SIZE} rows at a time: for results too large to hold in memory.
   *
   * <p>The stream holds a connection until it is closed; close it, e.g. with try-with-resources.
   * See {@link QueryStreams} for how it uses transactions.
   */
  public Stream<Long> streamNotesByAmount(BigDecimal amount) {
    Objects.requireNonNull(amount, "amount");
    return QueryStreams.open(connections, "NotesByAmount", NOTES_BY_AMOUNT, statement -> {
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
    if (params.isEmpty()) {
      return new long[0];
    }
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      return Transactions.atomically(connection, () -> {
        try (PreparedStatement statement = connection.prepareStatement(ADD_NOTES)) {
          for (AddNotesParams item : params) {
            statement.setString(1, item.body());
            statement.setObject(2, item.title(), Types.VARCHAR);
            statement.addBatch();
          }
          return statement.executeLargeBatch();
        }
      });
    } catch (SQLException e_) {
      throw new QueryException("AddNotes", e_);
    }
  }

  /**
   * {@code CopyNotes} {@code :copyfrom}, {@code queries/notes.sql:40}:
   * <pre>{@code
   * INSERT INTO notes (body, title, tags, mood, docb, pair, data) VALUES (@body, @title, @tags, @mood, @docb, @pair, @data)
   * }</pre>
   */
  public long copyNotes(Iterable<CopyNotesParams> params) {
    Objects.requireNonNull(params, "params");
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      return CopyRows.copy(connection, COPY_NOTES, params, (item, out) -> out.add(item.body()).add(item.title()).add(item.tags()).add(item.mood()).add(item.docb()).add(item.pair()).add(item.data()));
    } catch (SQLException e_) {
      throw new QueryException("CopyNotes", e_);
    }
  }

  /**
   * {@code CountNotes} {@code :one}, {@code queries/notes.sql:43}:
   * <pre>{@code
   * SELECT count(*) FROM notes
   * }</pre>
   */
  public long countNotes() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(COUNT_NOTES)) {
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("CountNotes", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          long row = rows.getLong(1);
          if (rows.next()) {
            throw new QueryException("CountNotes", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("CountNotes", e);
    }
  }

  /**
   * {@code CountCanaries} {@code :one}, {@code queries/notes.sql:46}:
   * <pre>{@code
   * SELECT count(*) FROM canary
   * }</pre>
   */
  public long countCanaries() {
    try (ConnectionSource.Lease lease = connections.lease()) {
      Connection connection = lease.connection();
      try (PreparedStatement statement = connection.prepareStatement(COUNT_CANARIES)) {
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new QueryException("CountCanaries", "returned no row, though its statement always returns one (did a trigger skip it?)");
          }
          long row = rows.getLong(1);
          if (rows.next()) {
            throw new QueryException("CountCanaries", "returned more than one row; a :one query must return at most one");
          }
          return row;
        }
      }
    } catch (SQLException e) {
      throw new QueryException("CountCanaries", e);
    }
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
    }
  }
}
