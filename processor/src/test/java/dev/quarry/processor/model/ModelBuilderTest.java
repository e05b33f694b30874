package dev.quarry.processor.model;

import static dev.quarry.processor.lock.ResolutionFixture.column;
import static dev.quarry.processor.lock.ResolutionFixture.field;
import static dev.quarry.processor.lock.ResolutionFixture.parameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.lock.ResolutionFixture;
import dev.quarry.processor.lock.ResolvedColumn;
import dev.quarry.processor.types.Scalar;
import dev.quarry.processor.types.TypeMapper;
import dev.quarry.processor.types.ValueType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model built from a {@link dev.quarry.processor.lock.Resolution} made in the test, as a build
 * makes it from the lock file or a capture: records, fields, Java types, nullability, embeds, lists
 * of rows, enums, domains, arrays and the problems reported. No database (see {@code
 * DatabaseFreeUnitTestsTest}).
 */
class ModelBuilderTest {
  private final ResolutionFixture fixture = new ResolutionFixture();
  private final String int8 = fixture.builtIn("int8");
  private final String text = fixture.builtIn("text");
  private final String record = fixture.builtIn("record");
  private final String mood = fixture.enumType("public", "mood", "happy", "sad");
  private final String email = fixture.domain("public", "email", text);
  private final String users =
      fixture.table(
          "public",
          "users",
          field("id", int8, true),
          field("email", email, true),
          field("bio", text, false),
          field("mood", mood, true),
          field("tags", fixture.arrayOf(text), false));
  private final String posts =
      fixture.table(
          "public",
          "posts",
          field("id", int8, true),
          field("author_id", int8, true),
          field("title", text, true));
  private final String comments =
      fixture.table(
          "public",
          "comments",
          field("id", int8, true),
          field("post_id", int8, true),
          field("body", text, false));

  private final Diagnostics diagnostics = new Diagnostics();

  private GeneratedPackage build() {
    assertEquals(List.of(), fixture.readProblems.all());
    TypeMapper types = new TypeMapper(fixture.resolution(), List.of(), diagnostics);
    return new ModelBuilder(types, diagnostics)
        .build("com.example.db", fixture.files(), fixture.statements());
  }

  private static QueryMethod method(GeneratedPackage model, String javaName) {
    return model.repositories().stream()
        .flatMap(r -> r.methods().stream())
        .filter(m -> m.javaName().equals(javaName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no method " + javaName + " in " + model));
  }

  private static Scalar scalar(ValueType type) {
    return assertInstanceOf(ValueType.ScalarValue.class, type).scalar();
  }

  /** The columns of {@code table} as {@code SELECT *} gives them; nullable ones as said. */
  private List<ResolvedColumn> whole(String table, boolean outerJoined) {
    List<ResolvedColumn> columns = new ArrayList<>();
    for (var c : fixture.resolution().tables().get(table).columns()) {
      columns.add(column(c.name(), c.type(), outerJoined || !c.notNull(), table, c.name()));
    }
    return columns;
  }

  @Test
  void aWholeTableRowIsTheTablesRecord() {
    fixture.file("users.sql", "-- name: GetUser :one\nSELECT * FROM users WHERE id = @id;\n");
    fixture.resolve("GetUser", true, List.of(parameter("id", int8)), whole(users, false), users);
    GeneratedPackage model = build();
    assertEquals(List.of(), diagnostics.all());
    assertEquals("UsersQueries", model.repositories().get(0).javaName());
    QueryMethod get = method(model, "getUser");
    assertEquals("SELECT * FROM users WHERE id = ?", get.jdbcSql());
    Field id = get.parameters().get(0);
    assertEquals("id", id.javaName());
    assertEquals(Scalar.LONG, scalar(id.type()));
    assertFalse(id.nullable());
    TableRecord user = assertInstanceOf(ResultShape.TableRow.class, get.result()).record();
    assertEquals("User", user.javaName());
    assertEquals(List.of(user), model.tables());
    assertEquals(
        List.of("id", "email", "bio", "mood", "tags"),
        user.fields().stream().map(Field::javaName).toList());
    assertEquals(
        List.of(false, false, true, false, true),
        user.fields().stream().map(Field::nullable).toList());
    // A domain maps as its base type, an enum to the package's enum, an array to a list.
    assertEquals(Scalar.STRING, scalar(user.fields().get(1).type()));
    assertEquals(
        "Mood",
        assertInstanceOf(ValueType.EnumValue.class, user.fields().get(3).type()).javaName());
    ValueType.ArrayValue tags =
        assertInstanceOf(ValueType.ArrayValue.class, user.fields().get(4).type());
    assertEquals(Scalar.STRING, scalar(tags.element()));
    assertEquals(List.of("Mood"), model.enums().stream().map(e -> e.javaName()).toList());
  }

  @Test
  void otherColumnsMakeARowRecordOrASingleValue() {
    fixture.file(
        "users.sql",
        """
        -- name: UserEmails :many
        SELECT id, email, bio, upper(bio) AS shout FROM users WHERE mood = @mood;

        -- name: CountUsers :one
        SELECT count(*) FROM users;

        -- name: SetBio :exec
        UPDATE users SET bio = @bio WHERE id = @id;
        """);
    List<ResolvedColumn> columns = new ArrayList<>(whole(users, false).subList(0, 3));
    columns.add(column("shout", text, true));
    fixture.resolve("UserEmails", true, List.of(parameter("mood", mood)), columns, users);
    fixture.resolve("CountUsers", true, true, List.of(), List.of(column("count", int8, false)));
    fixture.resolve(
        "SetBio",
        false,
        List.of(parameter("bio", text, 1, true), parameter("id", int8)),
        List.of(),
        users);
    GeneratedPackage model = build();
    assertEquals(List.of(), diagnostics.all());

    QueryMethod emails = method(model, "userEmails");
    RowRecord row = assertInstanceOf(ResultShape.Row.class, emails.result()).record();
    assertEquals("UserEmailsRow", row.javaName());
    assertEquals(
        List.of("id", "email", "bio", "shout"),
        row.fields().stream().map(Field::javaName).toList());
    assertEquals(
        List.of(false, false, true, true), row.fields().stream().map(Field::nullable).toList());
    assertEquals(List.of(row), model.repositories().get(0).rowRecords());
    assertInstanceOf(ValueType.EnumValue.class, emails.parameters().get(0).type());
    // No table record: the result is not a whole row.
    assertEquals(List.of(), model.tables());

    QueryMethod count = method(model, "countUsers");
    Field value = assertInstanceOf(ResultShape.SingleValue.class, count.result()).field();
    assertEquals(Scalar.LONG, scalar(value.type()));
    assertFalse(value.nullable());
    assertTrue(count.exactlyOneRow());

    QueryMethod setBio = method(model, "setBio");
    assertInstanceOf(ResultShape.Nothing.class, setBio.result());
    assertEquals(List.of(true, false), setBio.parameters().stream().map(Field::nullable).toList());
  }

  @Test
  void embedsAreNullableWhenAnOuterJoinNullExtendsThem() {
    fixture.file(
        "posts.sql",
        """
        -- name: PostsWithAuthors :many
        SELECT sqlc.embed(p), sqlc.embed(u), p.title AS heading
        FROM posts p LEFT JOIN users u ON u.id = p.author_id;
        """);
    List<ResolvedColumn> columns = new ArrayList<>(whole(posts, false));
    columns.addAll(whole(users, true));
    columns.add(column("heading", text, false, posts, "title"));
    fixture.resolve("PostsWithAuthors", true, List.of(), columns, posts, users);
    GeneratedPackage model = build();
    assertEquals(List.of(), diagnostics.all());
    RowRecord row =
        assertInstanceOf(ResultShape.Row.class, method(model, "postsWithAuthors").result())
            .record();
    assertEquals(
        List.of("post", "user"), row.embeds().stream().map(EmbeddedTable::javaName).toList());
    assertEquals(List.of(false, true), row.embeds().stream().map(EmbeddedTable::nullable).toList());
    assertEquals(List.of(0, 1), row.embeds().stream().map(EmbeddedTable::index).toList());
    assertEquals(List.of("heading"), row.fields().stream().map(Field::javaName).toList());
    assertEquals(
        List.of("Post", "User"), model.tables().stream().map(TableRecord::javaName).toList());
  }

  @Test
  void anArrayOfARelationsRowsIsANestedListOfItsRecord() {
    fixture.file(
        "posts.sql",
        """
        -- name: PostsWithComments :many
        SELECT p.id, ARRAY(SELECT c FROM comments c WHERE c.post_id = p.id) AS comments
        FROM posts p;
        """);
    fixture.resolve(
        "PostsWithComments",
        true,
        List.of(),
        List.of(
            column("id", int8, false, posts, "id"),
            column("comments", fixture.arrayOf(comments), true)),
        posts,
        comments);
    GeneratedPackage model = build();
    assertEquals(List.of(), diagnostics.all());
    RowRecord row =
        assertInstanceOf(ResultShape.Row.class, method(model, "postsWithComments").result())
            .record();
    Field list = row.fields().get(1);
    ValueType.RowListValue rows = assertInstanceOf(ValueType.RowListValue.class, list.type());
    assertEquals("Comment", rows.javaName());
    assertTrue(rows.binary());
    // A NULL list reads as an empty one.
    assertFalse(list.nullable());
    TableRecord comment = model.tables().get(0);
    assertEquals("Comment", comment.javaName());
    assertTrue(comment.nested());
    assertEquals(
        List.of(false, false, true), comment.fields().stream().map(Field::nullable).toList());
  }

  @Test
  void unsupportedTypesAndCommandsAreReportedAtTheQuery() {
    fixture.file(
        "comments.sql",
        """
        -- name: Pairs :many
        SELECT array_agg((c.id, c.body)) AS pairs FROM comments c;

        -- name: ByRows :exec
        DELETE FROM comments WHERE id = ANY(SELECT (unnest(@rows::comments[])).id);

        -- name: Remove :many
        DELETE FROM comments WHERE id = @id;

        -- name: Fine :one
        SELECT 1::int8 AS one;
        """);
    fixture.resolve(
        "Pairs", true, List.of(), List.of(column("pairs", fixture.arrayOf(record), true)));
    fixture.resolve(
        "ByRows",
        false,
        List.of(parameter("rows", fixture.arrayOf(comments))),
        List.of(),
        comments);
    fixture.resolve("Remove", false, List.of(parameter("id", int8)), List.of(), comments);
    fixture.resolve("Fine", true, List.of(), List.of(column("one", int8, false)));
    GeneratedPackage model = build();
    List<String> reported = diagnostics.all().stream().map(Diagnostic::render).toList();
    assertEquals(3, reported.size(), reported.toString());
    Diagnostic pairs = diagnostics.all().get(0);
    assertEquals(Problem.UNSUPPORTED_TYPE, pairs.problem());
    // At the alias that names the column.
    assertTrue(reported.get(0).startsWith("comments.sql:2:37: Pairs: "), reported.get(0));
    assertTrue(reported.get(0).contains("(record[])"), reported.get(0));
    Diagnostic rows = diagnostics.all().get(1);
    assertEquals(Problem.UNSUPPORTED_TYPE, rows.problem());
    assertTrue(reported.get(1).startsWith("comments.sql:5:52: ByRows: "), reported.get(1));
    assertEquals(Problem.BAD_COMMAND, diagnostics.all().get(2).problem());
    assertTrue(reported.get(2).startsWith("comments.sql:7:17: Remove is :many"), reported.get(2));
    // The others still have their methods.
    assertEquals(
        List.of("fine"),
        model.repositories().get(0).methods().stream().map(QueryMethod::javaName).toList());
  }

  @Test
  void aQueryWhoseTextChangedSinceItWasResolvedIsLeftOut() {
    fixture.file("users.sql", "-- name: CountUsers :one\nSELECT count(*) FROM users;\n");
    fixture.resolve("CountUsers", true, List.of(), List.of(column("count", int8, false)));
    ResolutionFixture changed = fixture;
    changed.file("users.sql", "-- name: CountUsers :one\nSELECT count(*) + 0 FROM users;\n");
    // The second file's query replaces the first by name; its text hash no longer matches.
    assertEquals(List.of(), changed.statements().values().stream().toList());
  }
}
