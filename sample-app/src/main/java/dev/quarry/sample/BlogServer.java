package dev.quarry.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.quarry.runtime.Interval;
import dev.quarry.runtime.QueryException;
import dev.quarry.sample.db.PostsQueries;
import dev.quarry.sample.db.UserRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The blog's HTTP JSON API on the JDK's built-in server.
 *
 * <pre>
 * POST   /users                  {email, displayName, role?, bio?, birthday?, links?}
 * GET    /users/{id}
 * PATCH  /users/{id}             {displayName?, bio?, birthday?}: absent = unchanged, null = NULL
 * GET    /users?email=..  |  GET /users?role=writer
 * PUT    /users/{id}/role        {role}
 * PUT    /users/{id}/avatar      raw image bytes; DELETE removes it; GET returns it
 * POST   /posts                  {authorId, title, body, summary?, metadata?, readingMinutes?, tags?}
 * GET    /users/{id}/threads?limit=..  the user's posts, newest first, each with its comments
 * GET    /posts?author=..&amp;tag=..&amp;published=true|false|any&amp;q=..&amp;sort=..&amp;limit=..
 *                                 posts (published by default), filtered by the parameters given,
 *                                 in the order sort names (published_at_desc by default; keys
 *                                 published_at, created_at, title, score, each _asc or _desc)
 * GET    /posts/{id}             with author, tags, comments and tips
 * DELETE /posts/{id}
 * POST   /posts/{id}/publish     {featured?, score?}
 * PATCH  /posts/{id}/metadata    a JSON object merged into the post's metadata
 * POST   /posts/{id}/tags        {tags}
 * POST   /posts/{id}/comments    {authorId, body, rating?}
 * POST   /posts/{id}/tips        {userId, amount, note?}
 * DELETE /comments/{id}
 * GET    /stats
 * GET    /metrics                calls, failures and times of each query so far
 * </pre>
 *
 * Errors answer {@code {"status": N, "error": "..."}}: 400 bad input, 403 not allowed, 404 missing,
 * 409 conflict (e.g. a taken email), 503 the database is busy or unreachable for the moment (with
 * {@code Retry-After: 1}; e.g. {@code "database busy: all 4 connections in use for 2000ms; try
 * again"}), 500 anything unexpected.
 */
public final class BlogServer implements AutoCloseable {
  static {
    // The JDK's server writes a response's headers and body separately; with Nagle's algorithm
    // on, the body waits for the client's delayed ACK of the headers, about 40ms per request.
    // Read once, when the first server starts; a value given on the command line wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final int MAX_BODY_BYTES = 1 << 20;
  private static final int DEFAULT_PAGE_SIZE = 20;

  /** The API's JSON form: ISO-8601 strings for dates and times, not numbers. */
  static ObjectMapper objectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  private final BlogService blog;
  private final ObjectMapper mapper = objectMapper();
  private final PrintStream log;
  private final List<Route> routes = new ArrayList<>();
  private final HttpServer server;
  private final ExecutorService executor;

  /** Starts serving on {@code address} (port 0 picks a free port). */
  public static BlogServer start(BlogService blog, InetSocketAddress address, PrintStream log)
      throws IOException {
    return new BlogServer(blog, address, log);
  }

  private BlogServer(BlogService blog, InetSocketAddress address, PrintStream log)
      throws IOException {
    this.blog = blog;
    this.log = log;
    defineRoutes();
    this.server = HttpServer.create(address, 0);
    this.executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URI, e.g. {@code http://127.0.0.1:8080}. */
  public URI uri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  /** Stops accepting requests, lets running ones finish (briefly), and stops the threads. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  // ---- routing ----

  /** What a handler returns: a status and a JSON value, or raw bytes. */
  private record Response(int status, @Nullable Object json, byte @Nullable [] bytes) {
    static Response json(int status, Object value) {
      return new Response(status, value, null);
    }

    static Response noContent() {
      return new Response(204, null, null);
    }

    static Response bytes(byte[] bytes) {
      return new Response(200, null, bytes);
    }
  }

  private record Request(
      Matcher path, Map<String, String> query, byte[] body, ObjectMapper mapper) {
    long id(int group) {
      String text = path.group(group);
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("not an id: " + text);
      }
    }

    JsonBody json() {
      return JsonBody.parse(mapper, body);
    }
  }

  @FunctionalInterface
  private interface Handler {
    Response handle(Request request);
  }

  private record Route(String method, Pattern path, Handler handler) {}

  private void route(String method, String pathRegex, Handler handler) {
    routes.add(new Route(method, Pattern.compile(pathRegex), handler));
  }

  private void defineRoutes() {
    route("POST", "/users", r -> Response.json(201, blog.createUser(newUser(r.json()))));
    route("GET", "/users", this::findUsers);
    route("GET", "/users/([^/]+)", r -> Response.json(200, blog.user(r.id(1))));
    route(
        "PATCH",
        "/users/([^/]+)",
        r -> {
          JsonBody body = r.json();
          return Response.json(
              200,
              blog.patchUser(
                  r.id(1),
                  body.patchString("displayName"),
                  body.patchString("bio"),
                  body.patchDate("birthday")));
        });
    route(
        "PUT",
        "/users/([^/]+)/role",
        r -> {
          blog.changeRole(r.id(1), role(r.json().requiredString("role")));
          return Response.noContent();
        });
    route(
        "PUT",
        "/users/([^/]+)/avatar",
        r -> {
          if (r.body().length == 0) {
            throw ApiException.badRequest("the request body must hold the image bytes");
          }
          blog.setAvatar(r.id(1), r.body());
          return Response.noContent();
        });
    route(
        "DELETE",
        "/users/([^/]+)/avatar",
        r -> {
          blog.setAvatar(r.id(1), null);
          return Response.noContent();
        });
    route("GET", "/users/([^/]+)/avatar", r -> Response.bytes(blog.avatar(r.id(1))));
    route("GET", "/users/([^/]+)/threads", this::threads);

    route("POST", "/posts", r -> Response.json(201, blog.createPost(newPost(r.json()))));
    route("GET", "/posts", this::listPosts);
    route("GET", "/posts/([^/]+)", r -> Response.json(200, blog.post(r.id(1))));
    route(
        "DELETE",
        "/posts/([^/]+)",
        r -> {
          blog.deletePost(r.id(1));
          return Response.noContent();
        });
    route(
        "POST",
        "/posts/([^/]+)/publish",
        r -> {
          JsonBody body = r.json();
          return Response.json(
              200,
              blog.publish(
                  r.id(1),
                  body.optionalBoolean("featured", false),
                  body.optionalDouble("score", 0)));
        });
    route(
        "PATCH",
        "/posts/([^/]+)/metadata",
        r -> {
          blog.mergeMetadata(r.id(1), r.json().json());
          return Response.noContent();
        });
    route(
        "POST",
        "/posts/([^/]+)/tags",
        r ->
            Response.json(200, Map.of("tags", blog.addTags(r.id(1), r.json().stringList("tags")))));
    route(
        "POST",
        "/posts/([^/]+)/comments",
        r -> {
          JsonBody body = r.json();
          Integer rating = body.optionalInt("rating", Short.MIN_VALUE, Short.MAX_VALUE);
          var comment =
              new BlogService.NewComment(
                  body.requiredLong("authorId"),
                  body.requiredString("body"),
                  rating == null ? null : Short.valueOf(rating.shortValue()));
          return Response.json(201, blog.addComment(r.id(1), comment));
        });
    route(
        "POST",
        "/posts/([^/]+)/tips",
        r -> {
          JsonBody body = r.json();
          var tip =
              new BlogService.NewTip(
                  body.requiredLong("userId"),
                  body.requiredDecimal("amount"),
                  body.optionalString("note"));
          return Response.json(201, blog.addTip(r.id(1), tip));
        });

    route(
        "DELETE",
        "/comments/([^/]+)",
        r -> {
          blog.deleteComment(r.id(1));
          return Response.noContent();
        });
    route("GET", "/stats", r -> Response.json(200, blog.stats()));
    route("GET", "/metrics", r -> Response.json(200, blog.metrics()));
  }

  private Response findUsers(Request request) {
    String email = request.query().get("email");
    String role = request.query().get("role");
    if (email != null) {
      return Response.json(200, blog.userByEmail(email));
    }
    if (role != null) {
      return Response.json(200, blog.usersWithRole(role(role)));
    }
    throw ApiException.badRequest("give ?email=... or ?role=...");
  }

  private Response threads(Request request) {
    String limit = request.query().get("limit");
    int pageSize = DEFAULT_PAGE_SIZE;
    try {
      if (limit != null) {
        pageSize = Integer.parseInt(limit);
      }
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("limit must be an integer");
    }
    return Response.json(200, blog.threads(request.id(1), pageSize));
  }

  private Response listPosts(Request request) {
    Map<String, String> query = request.query();
    String author = query.get("author");
    String limit = query.get("limit");
    Long authorId = null;
    int pageSize = DEFAULT_PAGE_SIZE;
    try {
      if (author != null) {
        authorId = Long.valueOf(author);
      }
      if (limit != null) {
        pageSize = Integer.parseInt(limit);
      }
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("author and limit must be integers");
    }
    // Published posts unless asked otherwise: published=false lists drafts, published=any both.
    String publishedParameter = query.getOrDefault("published", "true");
    Boolean published =
        switch (publishedParameter) {
          case "true" -> true;
          case "false" -> false;
          case "any" -> null;
          default ->
              throw ApiException.badRequest(
                  "published must be true, false or any: " + publishedParameter);
        };
    String sortParameter = query.getOrDefault("sort", "published_at_desc");
    PostsQueries.ListPostsSort sort;
    try {
      sort = PostsQueries.ListPostsSort.valueOf(sortParameter.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "sort must be one of "
              + Arrays.stream(PostsQueries.ListPostsSort.values())
                  .map(v -> v.name().toLowerCase(Locale.ROOT))
                  .toList()
              + ": "
              + sortParameter);
    }
    BlogService.PostListing listing =
        new BlogService.PostListing(authorId, query.get("tag"), published, query.get("q"), sort);
    return Response.json(200, blog.listPosts(listing, pageSize));
  }

  private static BlogService.NewUser newUser(JsonBody body) {
    String role = body.optionalString("role");
    return new BlogService.NewUser(
        body.requiredString("email"),
        body.requiredString("displayName"),
        role == null ? UserRole.READER : role(role),
        body.optionalString("bio"),
        body.optionalDate("birthday"),
        body.stringList("links"));
  }

  private static BlogService.NewPost newPost(JsonBody body) {
    Integer minutes = body.optionalInt("readingMinutes", 1, 24 * 60);
    return new BlogService.NewPost(
        body.requiredLong("authorId"),
        body.requiredString("title"),
        body.requiredString("body"),
        body.optionalString("summary"),
        body.optionalObjectJson("metadata", "{}"),
        minutes == null ? null : Interval.of(Duration.ofMinutes(minutes)),
        body.stringList("tags"));
  }

  /** The enum constant with PostgreSQL label {@code label}; a 400 listing the choices if none. */
  static UserRole role(String label) {
    List<String> labels = new ArrayList<>();
    for (UserRole role : UserRole.values()) {
      if (role.label().equals(label)) {
        return role;
      }
      labels.add(role.label());
    }
    throw ApiException.badRequest("role must be one of " + labels + ": " + label);
  }

  // ---- exchange handling ----

  private void handle(HttpExchange exchange) {
    try {
      Response response;
      try {
        response = dispatch(exchange);
      } catch (ApiException e) {
        response = error(e.status(), e.getMessage());
      } catch (RuntimeException e) {
        response = failure(exchange, e);
      }
      send(exchange, response);
    } catch (IOException e) {
      // The client went away; nothing is left to answer.
      log.println("could not answer " + exchange.getRequestURI() + ": " + e);
    } finally {
      exchange.close();
    }
  }

  private Response dispatch(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    boolean pathKnown = false;
    for (Route route : routes) {
      Matcher matcher = route.path().matcher(path);
      if (!matcher.matches()) {
        continue;
      }
      pathKnown = true;
      if (route.method().equals(method)) {
        byte[] body = readBody(exchange.getRequestBody());
        Map<String, String> query = queryParameters(exchange.getRequestURI().getRawQuery());
        return route.handler().handle(new Request(matcher, query, body, mapper));
      }
    }
    if (pathKnown) {
      return error(405, method + " is not supported on " + path);
    }
    return error(404, "no such resource: " + path);
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw new ApiException(413, "the request body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    return body;
  }

  private static Map<String, String> queryParameters(@Nullable String rawQuery) {
    Map<String, String> result = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return result;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      result.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return result;
  }

  private Response failure(HttpExchange exchange, RuntimeException e) {
    String unavailable = DatabaseUnavailableException.clientMessage(e);
    if (unavailable != null) {
      // One line, not a stack trace: while the database is away this happens to every request.
      log.println(
          "503 for " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + e);
      return error(503, unavailable);
    }
    if (e instanceof QueryException query) {
      return databaseError(query);
    }
    log.println("unexpected failure on " + exchange.getRequestURI());
    e.printStackTrace(log);
    return error(500, "internal error: " + e);
  }

  /** Constraint violations the service did not anticipate still get a fitting status. */
  private Response databaseError(QueryException e) {
    String state = e.sqlState();
    if (state.equals(BlogService.UNIQUE_VIOLATION)) {
      return error(409, "already exists: " + e.getMessage());
    }
    if (state.equals(BlogService.FOREIGN_KEY_VIOLATION)) {
      return error(404, "refers to something that does not exist: " + e.getMessage());
    }
    if (state.startsWith("22") || state.startsWith("23")) {
      // Class 22 is bad data (e.g. invalid JSON text), 23 other integrity constraints.
      return error(400, e.getMessage());
    }
    log.println("database failure in " + e.queryName() + " (SQLSTATE " + state + ")");
    e.printStackTrace(log);
    return error(500, "database error in " + e.queryName());
  }

  private static Response error(int status, @Nullable String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("error", message == null ? "error " + status : message);
    return Response.json(status, body);
  }

  private void send(HttpExchange exchange, Response response) throws IOException {
    byte[] bytes;
    String contentType;
    if (response.bytes() != null) {
      bytes = response.bytes();
      contentType = "application/octet-stream";
    } else if (response.json() != null) {
      try {
        bytes = mapper.writeValueAsBytes(response.json());
      } catch (JsonProcessingException e) {
        log.println("could not write the response as JSON: " + e);
        bytes =
            "{\"status\":500,\"error\":\"could not write the response\"}"
                .getBytes(StandardCharsets.UTF_8);
        response = new Response(500, null, null);
      }
      contentType = "application/json; charset=utf-8";
    } else {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (response.status() == 503) {
      exchange.getResponseHeaders().set("Retry-After", "1");
    }
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
