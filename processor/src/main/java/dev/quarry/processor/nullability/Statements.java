package dev.quarry.processor.nullability;

import dev.quarry.processor.syntax.Token;
import dev.quarry.processor.syntax.TokenKind;
import dev.quarry.processor.syntax.TokenList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.feature.Feature;
import net.sf.jsqlparser.statement.Statement;
import org.jspecify.annotations.Nullable;

/**
 * Parses a statement with JSqlParser, working around its keywords that PostgreSQL lets stand as
 * column names ({@code errors}, {@code settings}, ...). When the statement does not parse as it is,
 * every lower-case bare word that stands in a name's place somewhere (after {@code (}, {@code ,} or
 * {@code .}, or before {@code ,}, {@code )} or {@code =}) is written quoted wherever it is not a
 * function's name, which PostgreSQL reads as the same name, and the statement is parsed once more.
 * SQL words that stand in such places ({@code null}, {@code default}, {@code desc}, {@code select}
 * ...) stay bare.
 *
 * <p>JSqlParser's {@code CCJSqlParserUtil.parse(String)} starts a new thread for every statement
 * (it parses on an executor to enforce its time limit), and the analysis of one query parses its
 * statement up to three times (parameter nullability, row count, column nullability). Within a
 * {@link #session()} every statement text is parsed once, on the thread that asks for it or on
 * background threads kept for the session, and the analysis hands every statement over at the start
 * so that they are parsed while PostgreSQL describes them. A session parses on the asking thread
 * itself, with no hand-over to another thread per statement, and enforces JSqlParser's time limit
 * with a watchdog that stops a parse running longer than it.
 */
public final class Statements {
  private static final Set<String> KEEP =
      Set.of(
          "null",
          "true",
          "false",
          "default",
          "asc",
          "desc",
          "nulls",
          "first",
          "last",
          "end",
          "select",
          "values",
          "with",
          "not",
          "exists",
          "case",
          "distinct",
          "all",
          "partition",
          "order",
          "rows",
          "range",
          "current_date",
          "current_time",
          "current_timestamp",
          "localtime",
          "localtimestamp",
          "current_user",
          "session_user",
          "user",
          "current_role",
          "current_schema",
          "current_catalog",
          "array",
          "row",
          "interval",
          "and",
          "or",
          "in",
          "is",
          "then",
          "else",
          "when",
          "as",
          "on",
          "from",
          "where",
          "limit",
          "offset",
          "returning");

  private Statements() {}

  private static final ThreadLocal<Session> SESSION = new ThreadLocal<>();

  /**
   * Parses on this thread's behalf until {@link Session#close()}: every statement text parsed once,
   * on parser threads kept for the session, and those given to {@link Session#parseAhead} parsed in
   * the background while the caller does other work. A session opened while one is open on this
   * thread is that one.
   */
  public static Session session() {
    Session open = SESSION.get();
    if (open != null) {
      return new Session(open);
    }
    Session session = new Session(null);
    SESSION.set(session);
    return session;
  }

  /** See {@link #session()}. */
  public static final class Session implements AutoCloseable {
    /** The session that parses: this one, or the one open when this one was opened. */
    private final Session owner;

    /** Stops the session's parses that run longer than JSqlParser's time limit. */
    private final ScheduledExecutorService watchdog;

    /** The parsers at work in this session, with the {@link System#nanoTime()} they started at. */
    private final Map<CCJSqlParser, Long> running = new ConcurrentHashMap<>();

    /** The background parses of {@link #parseAhead}. */
    private final ExecutorService ahead;

    private final Map<String, Future<Optional<Statement>>> parsed = new ConcurrentHashMap<>();

    private Session(@Nullable Session open) {
      this.owner = open == null ? this : open;
      if (open == null) {
        this.watchdog = Executors.newSingleThreadScheduledExecutor(Session::daemon);
        this.watchdog.scheduleWithFixedDelay(
            this::stopOverdue, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
      } else {
        this.watchdog = open.watchdog;
      }
      this.ahead =
          open == null
              ? Executors.newFixedThreadPool(
                  Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
                  Session::daemon)
              : open.ahead;
    }

    private static Thread daemon(Runnable task) {
      Thread thread = new Thread(task, "quarry-sql-parser");
      thread.setDaemon(true);
      return thread;
    }

    /** Starts parsing {@code statements} in the background, as far as the processors allow. */
    public void parseAhead(Collection<String> statements) {
      for (String sql : statements) {
        owner.parsed.computeIfAbsent(sql, s -> owner.ahead.submit(() -> owner.parseHere(s)));
      }
    }

    /**
     * Parses on this thread, JSqlParser's time limit kept by the watchdog: its executor runs the
     * parse at once on the submitting thread, and every parser it makes is watched while it works.
     */
    private Optional<Statement> parseHere(String sql) {
      List<CCJSqlParser> made = new ArrayList<>(2);
      try {
        return Optional.of(
            CCJSqlParserUtil.parse(
                sql,
                SAME_THREAD,
                parser -> {
                  made.add(parser);
                  watch(parser);
                }));
      } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
        return Optional.empty();
      } finally {
        for (CCJSqlParser parser : made) {
          owner.running.remove(parser);
        }
      }
    }

    /** Has the watchdog stop {@code parser} once it runs longer than its time limit from now. */
    void watch(CCJSqlParser parser) {
      owner.running.put(parser, System.nanoTime());
    }

    /**
     * Interrupts the parses that have run longer than their time limit (JSqlParser's own check).
     */
    private void stopOverdue() {
      long now = System.nanoTime();
      running.forEach(
          (parser, started) -> {
            Long limit = parser.getAsLong(Feature.timeOut);
            if (limit != null && now - started > TimeUnit.MILLISECONDS.toNanos(limit)) {
              parser.interrupted = true;
            }
          });
    }

    /** Whether {@code sql} has been parsed in this session (for tests). */
    boolean parsed(String sql) {
      Future<Optional<Statement>> known = owner.parsed.get(sql);
      return known != null && known.isDone();
    }

    private Optional<Statement> parse(String sql) {
      Future<Optional<Statement>> known = owner.parsed.get(sql);
      if (known == null) {
        Optional<Statement> now = owner.parseHere(sql);
        owner.parsed.putIfAbsent(sql, CompletableFuture.completedFuture(now));
        return now;
      }
      if (known instanceof RunnableFuture<Optional<Statement>> queued) {
        // Not started yet: parsed here rather than waited for; nothing when it has started.
        queued.run();
      }
      try {
        return known.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      } catch (ExecutionException | CancellationException e) {
        return Optional.empty();
      }
    }

    @Override
    public void close() {
      if (owner == this) {
        SESSION.remove();
        ahead.shutdownNow();
        watchdog.shutdownNow();
      }
    }
  }

  /**
   * The statement as JSqlParser reads it, or empty when it cannot (no names quoted). The result is
   * shared within a session: callers must not change it.
   */
  static Optional<Statement> parsePlain(String sql) {
    return tryParse(sql);
  }

  /**
   * The statement, or empty when JSqlParser cannot read it even with names quoted. For a text that
   * is no query (a view's definition): it is lexed only if names must be quoted.
   */
  public static Optional<Statement> parse(String sql) {
    return parse(sql, () -> TokenList.of(sql));
  }

  /**
   * The statement {@code tokens} hold (a query's prepared text, with its tokens), or empty when
   * JSqlParser cannot read it even with names quoted.
   */
  public static Optional<Statement> parse(TokenList tokens) {
    return parse(tokens.text(), () -> tokens);
  }

  private static Optional<Statement> parse(String sql, Supplier<TokenList> tokens) {
    Optional<Statement> plain = tryParse(sql);
    if (plain.isPresent()) {
      return plain;
    }
    String quoted = quoteNames(tokens.get());
    return quoted.equals(sql) ? Optional.empty() : tryParse(quoted);
  }

  /** The statement as JSqlParser reads it, shared within a session. */
  private static Optional<Statement> tryParse(String sql) {
    Session session = SESSION.get();
    return session == null ? parseAlone(sql) : session.parse(sql);
  }

  /** Outside a session: JSqlParser's own way, a new thread that parses under its time limit. */
  private static Optional<Statement> parseAlone(String sql) {
    try {
      return Optional.of(CCJSqlParserUtil.parse(sql));
    } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /** How often a session's watchdog looks for parses over their time limit. */
  private static final long WATCH_MILLIS = 200;

  /**
   * Runs each task at once on the thread that submits it, so that {@code CCJSqlParserUtil} parses
   * with no hand-over to another thread (its wait for the result then returns at once).
   */
  private static final ExecutorService SAME_THREAD =
      new AbstractExecutorService() {
        @Override
        public void execute(Runnable command) {
          command.run();
        }

        @Override
        public void shutdown() {}

        @Override
        public List<Runnable> shutdownNow() {
          return List.of();
        }

        @Override
        public boolean isShutdown() {
          return false;
        }

        @Override
        public boolean isTerminated() {
          return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
          return false;
        }
      };

  static String quoteNames(String sql) {
    return quoteNames(TokenList.of(sql));
  }

  static String quoteNames(TokenList statement) {
    String sql = statement.text();
    List<Token> tokens = statement.significant();
    // First the words that stand where a name does; then every bare use of those words.
    Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      String word = token.text(sql);
      if (token.kind() != TokenKind.IDENTIFIER
          || !word.matches("[a-z_][a-z0-9_]*")
          || KEEP.contains(word)) {
        continue;
      }
      String before = i > 0 ? tokens.get(i - 1).text(sql) : "";
      String after = i + 1 < tokens.size() ? tokens.get(i + 1).text(sql) : "";
      boolean name =
          before.equals("(")
              || before.equals(",")
              || before.equals(".")
              || after.equals(",")
              || after.equals(")")
              || after.equals("=");
      if (name && !after.equals("(")) {
        names.add(word);
      }
    }
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      String word = token.text(sql);
      String after = i + 1 < tokens.size() ? tokens.get(i + 1).text(sql) : "";
      if (token.kind() != TokenKind.IDENTIFIER || !names.contains(word) || after.equals("(")) {
        continue;
      }
      out.append(sql, copied, token.start()).append('"').append(word).append('"');
      copied = token.start() + word.length();
    }
    return out.append(sql.substring(copied)).toString();
  }
}
