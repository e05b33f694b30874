package dev.quarry.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Concurrent HTTP clients sending a mix of reads and writes to the blog API, and a record of every
 * answer: which request, its status, when it started and ended.
 *
 * <p>Each operation has one status it should get from a healthy server. 503 is the only other
 * acceptable answer, and only while the database is made unavailable on purpose; anything else,
 * including no answer within {@link #REQUEST_TIMEOUT}, is unexpected.
 */
final class BlogLoad {
  /** Longer than any wait the server may impose; a request taking this long has hung. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  /** Title of posts whose second tag a trigger refuses; see {@link LoadTest}. */
  static final String HALFWAY_TITLE = "halfway";

  /** Tag names of those posts, which must not survive the rollback either. */
  static final String HALFWAY_TAG_PREFIX = "halfway-";

  /** Title of the posts the mix creates successfully; each has exactly two tags. */
  static final String LOAD_TITLE = "load post";

  /** The requests, their share of the mix (per cent) and the status a healthy server answers. */
  enum Operation {
    READ_POST(30, 200, false),
    LIST_POSTS(12, 200, false),
    READ_USER(10, 200, false),
    STATS(3, 200, false),
    MISSING_POST(3, 404, false),
    CREATE_USER(8, 201, true),
    DUPLICATE_USER(3, 409, true),
    CREATE_POST(10, 201, true),
    /** Fails in the database after writing a post, two tags and one tag link: rolled back. */
    HALFWAY_POST(1, 400, true),
    COMMENT(12, 201, true),
    TIP(6, 201, true),
    PUBLISH(2, 200, true);

    final int weight;
    final int expectedStatus;
    final boolean write;

    Operation(int weight, int expectedStatus, boolean write) {
      this.weight = weight;
      this.expectedStatus = expectedStatus;
      this.write = write;
    }

    private static final Operation[] BY_PERCENT = new Operation[100];

    static {
      int next = 0;
      for (Operation operation : values()) {
        for (int i = 0; i < operation.weight; i++) {
          BY_PERCENT[next++] = operation;
        }
      }
      if (next != 100) {
        throw new AssertionError("weights add up to " + next + ", not 100");
      }
    }

    static Operation random() {
      return BY_PERCENT[ThreadLocalRandom.current().nextInt(100)];
    }
  }

  /** Status -1: no HTTP answer (timeout or I/O error); the message says what happened. */
  static final int NO_ANSWER = -1;

  /** One request and its answer; {@code message} is the error message of an error answer. */
  record Outcome(
      Operation operation, int status, long startNanos, long endNanos, @Nullable String message) {
    boolean expected() {
      return status == operation.expectedStatus;
    }

    boolean unavailable() {
      return status == 503;
    }

    long latencyNanos() {
      return endNanos - startNanos;
    }

    @Override
    public String toString() {
      return operation
          + " -> "
          + (status == NO_ANSWER ? "no answer" : status)
          + " after "
          + latencyNanos() / 1_000_000
          + "ms"
          + (message == null ? "" : ": " + message);
    }
  }

  /** What the data set looked like before the load: rows the mix did not write. */
  record Seed(int users, int posts, int postTags) {}

  private final URI base;
  private final ObjectMapper mapper = BlogServer.objectMapper();
  private final HttpClient client;
  private final String run = Long.toHexString(System.nanoTime());
  private final AtomicInteger serial = new AtomicInteger();
  private final List<Long> writerIds = new CopyOnWriteArrayList<>();
  private final List<Long> userIds = new CopyOnWriteArrayList<>();
  private final List<Long> postIds = new CopyOnWriteArrayList<>();
  private final List<String> seedEmails = new ArrayList<>();
  private @Nullable Seed seed;

  BlogLoad(URI base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Creates {@code writers} writers with two published posts each, through the API. */
  Seed seed(int writers) throws IOException, InterruptedException {
    int postTags = 0;
    for (int i = 0; i < writers; i++) {
      String email = "writer-" + run + "-" + i + "@example.com";
      JsonNode user =
          expect(
              201,
              "POST",
              "/users",
              "{\"email\":\""
                  + email
                  + "\",\"displayName\":\"Writer "
                  + i
                  + "\",\"role\":\"writer\"}");
      long id = user.path("id").asLong();
      writerIds.add(id);
      userIds.add(id);
      seedEmails.add(email);
      for (int p = 0; p < 2; p++) {
        JsonNode post =
            expect(
                201,
                "POST",
                "/posts",
                "{\"authorId\":"
                    + id
                    + ",\"title\":\"seed\",\"body\":\"seed post\","
                    + "\"tags\":[\"seed\"]}");
        long postId = post.path("id").asLong();
        postIds.add(postId);
        postTags++;
        expect(200, "POST", "/posts/" + postId + "/publish", "{\"score\":1}");
      }
    }
    seed = new Seed(writers, writers * 2, postTags);
    return seed;
  }

  Seed seedCounts() {
    if (seed == null) {
      throw new IllegalStateException("seed first");
    }
    return seed;
  }

  private JsonNode expect(int status, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> response = send(method, path, body);
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return mapper.readTree(response.body());
  }

  HttpResponse<String> send(String method, String path, @Nullable String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static <T> T any(List<T> list) {
    return list.get(ThreadLocalRandom.current().nextInt(list.size()));
  }

  /** Sends one request of {@code operation} and records the answer. */
  Outcome perform(Operation operation) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = send(operation);
      long end = System.nanoTime();
      int status = response.statusCode();
      if (status == operation.expectedStatus) {
        remember(operation, response.body());
      }
      return new Outcome(
          operation, status, start, end, status >= 400 ? errorMessage(response.body()) : null);
    } catch (IOException e) {
      return new Outcome(operation, NO_ANSWER, start, System.nanoTime(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(operation, NO_ANSWER, start, System.nanoTime(), e.toString());
    }
  }

  private String errorMessage(String body) {
    try {
      JsonNode error = mapper.readTree(body).path("error");
      return error.isTextual() ? error.textValue() : body;
    } catch (IOException e) {
      return body;
    }
  }

  private HttpResponse<String> send(Operation operation) throws IOException, InterruptedException {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return switch (operation) {
      case READ_POST -> send("GET", "/posts/" + any(postIds), null);
      case LIST_POSTS -> send("GET", "/posts?limit=10", null);
      case READ_USER -> send("GET", "/users/" + any(userIds), null);
      case STATS -> send("GET", "/stats", null);
      case MISSING_POST -> send("GET", "/posts/0", null);
      case CREATE_USER ->
          send(
              "POST",
              "/users",
              "{\"email\":\"user-"
                  + run
                  + "-"
                  + serial.incrementAndGet()
                  + "@example.com\",\"displayName\":\"Load User\"}");
      case DUPLICATE_USER ->
          send(
              "POST",
              "/users",
              "{\"email\":\"" + any(seedEmails) + "\",\"displayName\":\"Again\"}");
      case CREATE_POST ->
          send(
              "POST",
              "/posts",
              "{\"authorId\":"
                  + any(writerIds)
                  + ",\"title\":\""
                  + LOAD_TITLE
                  + "\",\"body\":\"text\",\"tags\":[\"load\",\"tag-"
                  + random.nextInt(20)
                  + "\"]}");
      case HALFWAY_POST ->
          send(
              "POST",
              "/posts",
              "{\"authorId\":"
                  + any(writerIds)
                  + ",\"title\":\""
                  + HALFWAY_TITLE
                  + "\",\"body\":\"text\",\"tags\":[\""
                  + HALFWAY_TAG_PREFIX
                  + "a\",\""
                  + HALFWAY_TAG_PREFIX
                  + "b\",\""
                  + HALFWAY_TAG_PREFIX
                  + "c\"]}");
      case COMMENT ->
          send(
              "POST",
              "/posts/" + any(postIds) + "/comments",
              "{\"authorId\":"
                  + any(userIds)
                  + ",\"body\":\"nice\",\"rating\":"
                  + (1 + random.nextInt(5))
                  + "}");
      case TIP ->
          send(
              "POST",
              "/posts/" + any(postIds) + "/tips",
              "{\"userId\":" + any(userIds) + ",\"amount\":\"1.50\"}");
      case PUBLISH -> send("POST", "/posts/" + any(postIds) + "/publish", "{\"score\":2.5}");
    };
  }

  /** New users and posts become targets of later requests. */
  private void remember(Operation operation, String body) {
    if (operation != Operation.CREATE_USER && operation != Operation.CREATE_POST) {
      return;
    }
    try {
      long id = mapper.readTree(body).path("id").asLong();
      (operation == Operation.CREATE_USER ? userIds : postIds).add(id);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + body, e);
    }
  }

  /** A run of {@code clients} threads sending up to {@code maxRequests} requests, until stopped. */
  Run start(int clients, int maxRequests) {
    return new Run(clients, maxRequests);
  }

  /** Clients running in the background. */
  final class Run {
    private final AtomicReferenceArray<@Nullable Outcome> outcomes;
    private final AtomicInteger claimed = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    final long startNanos = System.nanoTime();

    private Run(int clients, int maxRequests) {
      outcomes = new AtomicReferenceArray<>(maxRequests);
      for (int i = 0; i < clients; i++) {
        Thread thread = new Thread(this::loop, "load-client-" + i);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
    }

    private void loop() {
      while (!stopped.get() && !Thread.currentThread().isInterrupted()) {
        int index = claimed.getAndIncrement();
        if (index >= outcomes.length()) {
          return;
        }
        outcomes.set(index, perform(Operation.random()));
        completed.incrementAndGet();
      }
    }

    /** Requests answered (or given up on) so far. */
    int completed() {
      return completed.get();
    }

    /** How many of the requests answered so far match {@code which}. */
    int count(java.util.function.Predicate<Outcome> which) {
      int n = 0;
      for (int i = 0; i < Math.min(claimed.get(), outcomes.length()); i++) {
        Outcome outcome = outcomes.get(i);
        if (outcome != null && which.test(outcome)) {
          n++;
        }
      }
      return n;
    }

    /** Stops sending new requests. */
    void stop() {
      stopped.set(true);
    }

    /**
     * Waits for every client to finish (the test's timeout bounds the wait); returns the outcomes
     * in the order the requests were claimed.
     */
    List<Outcome> await() throws InterruptedException {
      try {
        for (Thread thread : threads) {
          thread.join();
        }
      } catch (InterruptedException e) {
        stop();
        throw e;
      }
      List<Outcome> result = new ArrayList<>();
      for (int i = 0; i < outcomes.length(); i++) {
        Outcome outcome = outcomes.get(i);
        if (outcome != null) {
          result.add(outcome);
        }
      }
      return result;
    }
  }

  // ---- figures ----

  /** Counts and latencies of some outcomes. */
  record Figures(
      int requests,
      int expected,
      int unavailable,
      int busy,
      int noAnswer,
      List<Outcome> unexpected,
      Map<Operation, int[]> expectedAndUnavailableByOperation,
      double seconds,
      long p50Nanos,
      long p99Nanos,
      long maxNanos) {

    static Figures of(List<Outcome> outcomes) {
      return of(outcomes, o -> false);
    }

    /** {@code allowed} says which answers other than the expected one are fine. */
    static Figures of(List<Outcome> outcomes, Predicate<Outcome> allowed) {
      int expected = 0;
      int unavailable = 0;
      int busy = 0;
      int noAnswer = 0;
      List<Outcome> unexpected = new ArrayList<>();
      Map<Operation, int[]> byOperation = new EnumMap<>(Operation.class);
      long[] latencies = new long[outcomes.size()];
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (int i = 0; i < outcomes.size(); i++) {
        Outcome outcome = outcomes.get(i);
        latencies[i] = outcome.latencyNanos();
        first = Math.min(first, outcome.startNanos());
        last = Math.max(last, outcome.endNanos());
        int[] counts = byOperation.computeIfAbsent(outcome.operation(), o -> new int[2]);
        if (outcome.expected()) {
          expected++;
          counts[0]++;
          continue;
        }
        if (outcome.status() == NO_ANSWER) {
          noAnswer++;
        }
        if (outcome.unavailable()) {
          unavailable++;
          counts[1]++;
          if (outcome.message() != null && outcome.message().startsWith("database busy")) {
            busy++;
          }
        }
        if (!allowed.test(outcome)) {
          unexpected.add(outcome);
        }
      }
      Arrays.sort(latencies);
      return new Figures(
          outcomes.size(),
          expected,
          unavailable,
          busy,
          noAnswer,
          unexpected,
          byOperation,
          outcomes.isEmpty() ? 0 : (last - first) / 1e9,
          percentile(latencies, 50),
          percentile(latencies, 99),
          latencies.length == 0 ? 0 : latencies[latencies.length - 1]);
    }

    private static long percentile(long[] sorted, int percent) {
      if (sorted.length == 0) {
        return 0;
      }
      int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Successful requests of {@code operation}. */
    int succeeded(Operation operation) {
      int[] counts = expectedAndUnavailableByOperation.get(operation);
      return counts == null ? 0 : counts[0];
    }

    /** Requests of {@code operation} answered 503: they may or may not have written. */
    int unavailable(Operation operation) {
      int[] counts = expectedAndUnavailableByOperation.get(operation);
      return counts == null ? 0 : counts[1];
    }

    double throughput() {
      return seconds == 0 ? 0 : requests / seconds;
    }

    String summary() {
      return String.format(
          "%d requests in %.1fs (%.0f/s), p50 %.1fms, p99 %.1fms, max %.1fms; %d as expected,"
              + " %d x 503 (%d busy), %d unanswered, %d unexpected",
          requests,
          seconds,
          throughput(),
          p50Nanos / 1e6,
          p99Nanos / 1e6,
          maxNanos / 1e6,
          expected,
          unavailable,
          busy,
          noAnswer,
          unexpected.size());
    }

    /** The first few unexpected outcomes, for an assertion message. */
    String unexpectedSample() {
      return unexpected.subList(0, Math.min(10, unexpected.size())).toString();
    }
  }
}
