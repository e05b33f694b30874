package dev.quarry.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A scripted walk through the API over real HTTP: it prints each request and its answer and checks
 * the status (and for some steps the content) against what the API promises.
 *
 * <p>Emails get a per-run suffix, so the demo can run repeatedly against the same database.
 */
final class Demo {
  private static final int MAX_PRINTED_CHARS = 240;

  private final URI base;
  private final PrintStream out;
  private final ObjectMapper mapper = BlogServer.objectMapper();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private int step;
  private int failures;

  Demo(URI base, PrintStream out) {
    this.base = base;
    this.out = out;
  }

  /** Runs the scenario; true when every step answered as expected. */
  boolean run() throws IOException, InterruptedException {
    String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    String aliceEmail = "alice-" + run + "@example.com";

    out.println("-- users");
    JsonNode alice =
        call(
            "create a writer",
            "POST",
            "/users",
            "{\"email\":\""
                + aliceEmail
                + "\",\"displayName\":\"Alice\",\"role\":\"writer\","
                + "\"bio\":\"Writes about SQL.\",\"birthday\":\"1990-04-01\","
                + "\"links\":[\"https://alice.example.com\"]}",
            201,
            json -> json.path("role").asText().equals("writer") && json.path("links").size() == 1);
    long aliceId = alice.path("id").asLong();
    JsonNode bob =
        call(
            "create a reader",
            "POST",
            "/users",
            "{\"email\":\"bob-" + run + "@example.com\",\"displayName\":\"Bob\"}",
            201,
            json -> json.path("role").asText().equals("reader") && json.path("bio").isNull());
    long bobId = bob.path("id").asLong();
    call(
        "the same email again is a conflict",
        "POST",
        "/users",
        "{\"email\":\"" + aliceEmail + "\",\"displayName\":\"Alice Again\"}",
        409,
        null);
    call(
        "a user without email is bad input",
        "POST",
        "/users",
        "{\"displayName\":\"X\"}",
        400,
        null);
    call(
        "an unknown role is bad input",
        "POST",
        "/users",
        "{\"email\":\"carol-" + run + "@example.com\",\"displayName\":\"Carol\",\"role\":\"king\"}",
        400,
        null);
    call(
        "find Alice by email",
        "GET",
        "/users?email=" + aliceEmail,
        null,
        200,
        json -> json.path("id").asLong() == aliceId);

    out.println("-- avatars (bytea)");
    byte[] avatar = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
    send(
        "upload Alice's avatar",
        "PUT",
        "/users/" + aliceId + "/avatar",
        HttpRequest.BodyPublishers.ofByteArray(avatar),
        204);
    HttpResponse<byte[]> image =
        client.send(
            HttpRequest.newBuilder(base.resolve("/users/" + aliceId + "/avatar")).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    check(
        "read the avatar back",
        "GET",
        "/users/" + aliceId + "/avatar",
        image.statusCode(),
        200,
        Arrays.equals(image.body(), avatar),
        image.body().length + " bytes");
    call("Bob has no avatar", "GET", "/users/" + bobId + "/avatar", null, 404, null);

    out.println("-- posts");
    call(
        "a reader may not write a post",
        "POST",
        "/posts",
        "{\"authorId\":" + bobId + ",\"title\":\"Hi\",\"body\":\"...\"}",
        403,
        null);
    call(
        "make Bob a writer",
        "PUT",
        "/users/" + bobId + "/role",
        "{\"role\":\"writer\"}",
        204,
        null);
    call(
        "Bob is now among the writers",
        "GET",
        "/users?role=writer",
        null,
        200,
        json -> contains(json, "id", bobId));
    JsonNode first =
        call(
            "Alice writes a post with tags (one transaction)",
            "POST",
            "/posts",
            "{\"authorId\":"
                + aliceId
                + ",\"title\":\"Type-safe SQL in Java\","
                + "\"body\":\"Quarry reads your queries at compile time.\","
                + "\"summary\":\"Why and how\",\"metadata\":{\"lang\":\"en\"},"
                + "\"readingMinutes\":5,\"tags\":[\"Java\",\"sql\",\"java\"]}",
            201,
            json -> json.path("tags").size() == 2 && json.path("publishedAt").isNull());
    long firstId = first.path("id").asLong();
    JsonNode second =
        call(
            "Bob writes a post",
            "POST",
            "/posts",
            "{\"authorId\":"
                + bobId
                + ",\"title\":\"Notes on PostgreSQL\","
                + "\"body\":\"Enums, arrays and jsonb.\",\"tags\":[\"sql\",\"postgres\"]}",
            201,
            json -> json.path("summary").isNull());
    long secondId = second.path("id").asLong();
    call(
        "a post for a missing author",
        "POST",
        "/posts",
        "{\"authorId\":999999999,\"title\":\"T\",\"body\":\"B\"}",
        404,
        null);
    call(
        "tag Alice's post once more",
        "POST",
        "/posts/" + firstId + "/tags",
        "{\"tags\":[\"records\"]}",
        200,
        json -> json.path("tags").size() == 3);
    call(
        "merge into the post's metadata (jsonb)",
        "PATCH",
        "/posts/" + firstId + "/metadata",
        "{\"series\":\"quarry\"}",
        204,
        null);
    call(
        "drafts are not listed",
        "GET",
        "/posts?author=" + aliceId,
        null,
        200,
        json -> json.size() == 0);
    call(
        "list Alice's drafts (an optional filter)",
        "GET",
        "/posts?published=false&author=" + aliceId,
        null,
        200,
        json -> json.size() == 1 && json.path(0).path("id").asLong() == firstId);
    call(
        "publish Alice's post as featured",
        "POST",
        "/posts/" + firstId + "/publish",
        "{\"featured\":true,\"score\":4.5}",
        200,
        json -> json.path("featured").asBoolean() && !json.path("publishedAt").isNull());
    call("publish Bob's post", "POST", "/posts/" + secondId + "/publish", "", 200, null);
    call("publish a missing post", "POST", "/posts/999999999/publish", "", 404, null);
    call(
        "posts tagged sql, by title (a join only when tag is given)",
        "GET",
        "/posts?tag=sql&sort=title_asc",
        null,
        200,
        json -> json.size() == 2 && json.path(0).path("id").asLong() == secondId);
    call(
        "search titles with ILIKE, best score first",
        "GET",
        "/posts?q=type-safe&sort=score_desc",
        null,
        200,
        json -> json.size() == 1 && json.path(0).path("id").asLong() == firstId);
    call("a sort key the query does not allow", "GET", "/posts?sort=body_asc", null, 400, null);

    out.println("-- comments and tips");
    JsonNode comment =
        call(
            "Bob comments with a rating",
            "POST",
            "/posts/" + firstId + "/comments",
            "{\"authorId\":" + bobId + ",\"body\":\"Great read!\",\"rating\":5}",
            201,
            json ->
                json.path("rating").asInt() == 5 && json.path("authorName").asText().equals("Bob"));
    JsonNode reply =
        call(
            "Alice replies without a rating",
            "POST",
            "/posts/" + firstId + "/comments",
            "{\"authorId\":" + aliceId + ",\"body\":\"Thanks!\"}",
            201,
            json -> json.path("rating").isNull());
    call(
        "a rating of 9 is bad input",
        "POST",
        "/posts/" + firstId + "/comments",
        "{\"authorId\":" + bobId + ",\"body\":\"!\",\"rating\":9}",
        400,
        null);
    call(
        "a comment on a missing post",
        "POST",
        "/posts/999999999/comments",
        "{\"authorId\":" + bobId + ",\"body\":\"?\"}",
        404,
        null);
    call(
        "Bob tips Alice (numeric)",
        "POST",
        "/posts/" + firstId + "/tips",
        "{\"userId\":" + bobId + ",\"amount\":\"3.50\",\"note\":\"coffee\"}",
        201,
        json ->
            json.path("amount").decimalValue().compareTo(new java.math.BigDecimal("3.50")) == 0);

    out.println("-- reading");
    call(
        "Alice's posts with their comments, nested in one query",
        "GET",
        "/users/" + aliceId + "/threads?limit=10",
        null,
        200,
        json -> {
          for (JsonNode thread : json) {
            if (thread.path("id").asLong() == firstId) {
              return thread.path("comments").size() == 2
                  && thread.path("comments").get(0).path("body").asText().equals("Great read!")
                  && thread.path("comments").get(1).path("rating").isNull();
            }
          }
          return false;
        });
    call(
        "list published posts",
        "GET",
        "/posts?limit=10",
        null,
        200,
        json -> contains(json, "id", firstId) && contains(json, "id", secondId));
    call(
        "list Alice's posts",
        "GET",
        "/posts?author=" + aliceId,
        null,
        200,
        json -> json.size() == 1 && json.get(0).path("tags").size() == 3);
    call(
        "read Alice's post with comments, tags and tips",
        "GET",
        "/posts/" + firstId,
        null,
        200,
        json ->
            json.path("comments").size() == 2
                && json.path("tips").size() == 1
                && json.path("metadata").path("series").asText().equals("quarry")
                && json.path("metadata").path("lang").asText().equals("en")
                && json.path("author").path("displayName").asText().equals("Alice"));
    call("a missing post", "GET", "/posts/999999999", null, 404, null);
    call("a malformed id", "GET", "/posts/abc", null, 400, null);
    call(
        "read Alice",
        "GET",
        "/users/" + aliceId,
        null,
        200,
        json ->
            json.path("hasAvatar").asBoolean()
                && json.path("birthday").asText().equals("1990-04-01"));

    out.println("-- deleting");
    call(
        "delete Alice's reply",
        "DELETE",
        "/comments/" + reply.path("id").asLong(),
        null,
        204,
        null);
    call("delete it again", "DELETE", "/comments/" + reply.path("id").asLong(), null, 404, null);
    call(
        "the post keeps Bob's comment",
        "GET",
        "/posts/" + firstId,
        null,
        200,
        json ->
            json.path("comments").size() == 1
                && json.path("comments").get(0).path("id").asLong() == comment.path("id").asLong());
    call("remove Alice's avatar", "DELETE", "/users/" + aliceId + "/avatar", null, 204, null);

    out.println("-- stats");
    call(
        "site statistics",
        "GET",
        "/stats",
        null,
        200,
        json -> json.path("totalPosts").asLong() >= 2 && json.path("usersByRole").has("writer"));
    call("delete Bob's post", "DELETE", "/posts/" + secondId, null, 204, null);

    out.println();
    out.println(
        failures == 0
            ? "demo finished: all " + step + " steps answered as expected"
            : "demo finished: " + failures + " of " + step + " steps did NOT answer as expected");
    return failures == 0;
  }

  private static boolean contains(JsonNode array, String field, long value) {
    for (JsonNode element : array) {
      if (element.path(field).asLong() == value) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sends a JSON request, prints it and the answer, and checks the status and (when given) the
   * answer's content. Returns the parsed answer (a missing node when it is not JSON).
   */
  private JsonNode call(
      String what,
      String method,
      String path,
      @Nullable String jsonBody,
      int expectedStatus,
      @Nullable Predicate<JsonNode> expectation)
      throws IOException, InterruptedException {
    HttpRequest.BodyPublisher publisher =
        jsonBody == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(method, publisher)
            .build();
    HttpResponse<String> response =
        client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode json =
        response.body().isEmpty() ? mapper.missingNode() : mapper.readTree(response.body());
    boolean contentOk = expectation == null || expectation.test(json);
    check(what, method, path, response.statusCode(), expectedStatus, contentOk, response.body());
    return json;
  }

  /** Sends a non-JSON body and checks only the status. */
  private void send(
      String what, String method, String path, HttpRequest.BodyPublisher body, int expectedStatus)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(base.resolve(path)).method(method, body).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    check(what, method, path, response.statusCode(), expectedStatus, true, response.body());
  }

  private void check(
      String what,
      String method,
      String path,
      int status,
      int expectedStatus,
      boolean contentOk,
      String answer) {
    step++;
    boolean ok = status == expectedStatus && contentOk;
    if (!ok) {
      failures++;
    }
    out.printf(
        "%2d. %s%n    %s %s -> %d %s%n",
        step,
        what,
        method,
        path,
        status,
        ok
            ? "ok"
            : status != expectedStatus
                ? "UNEXPECTED (expected " + expectedStatus + ")"
                : "UNEXPECTED content");
    if (!answer.isEmpty()) {
      String shown =
          answer.length() > MAX_PRINTED_CHARS
              ? answer.substring(0, MAX_PRINTED_CHARS) + "..."
              : answer;
      out.println("    " + shown);
    }
  }
}
