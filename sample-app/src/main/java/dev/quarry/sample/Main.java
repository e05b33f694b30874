package dev.quarry.sample;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * The command line.
 *
 * <pre>
 * serve [--port N] [--database URL] [pool options]   run the API until Ctrl-C (default port 8080)
 * demo  [--database URL] [pool options]              run a scripted scenario against the API and exit
 *
 * pool options:
 *   --pool-size N         at most N database connections (default 4)
 *   --pool-timeout-ms N   how long a request waits for a free connection before it is answered
 *                         with 503 (default 2000, at least 250)
 * </pre>
 *
 * Without {@code --database} the app starts an embedded PostgreSQL server; with it, it uses the
 * given server, e.g. {@code jdbc:postgresql://127.0.0.1:5432/blog?user=postgres}. Either way it
 * applies the migrations first.
 */
public final class Main {
  static final String USAGE =
      "usage: serve [--port N] [--database jdbc:postgresql://...] [pool options]\n"
          + "       demo [--database jdbc:postgresql://...] [pool options]\n"
          + "pool options: --pool-size N (default 4), --pool-timeout-ms N (default 2000)";

  private Main() {}

  public static void main(String[] args) throws Exception {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs a command; returns the process exit status (0 success, 1 failure, 2 usage error). */
  static int run(String[] args, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    return switch (options.command()) {
      case "serve" -> serve(options, out, err);
      case "demo" -> demo(options, out, err);
      default -> throw new IllegalStateException("unreachable: " + options.command());
    };
  }

  private static int serve(Options options, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    Database database = openAndMigrate(options, out);
    BlogServer server;
    try {
      server =
          BlogServer.start(
              new BlogService(database.dataSource()),
              new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()),
              err);
    } catch (IOException | RuntimeException e) {
      database.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("stopping");
                  server.close();
                  try {
                    database.close();
                  } catch (IOException e) {
                    err.println("could not stop the database: " + e);
                  }
                  stopped.countDown();
                },
                "blog-shutdown"));
    out.println("serving the blog API at " + server.uri() + " (Ctrl-C stops)");
    stopped.await();
    return 0;
  }

  private static int demo(Options options, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    try (Database database = openAndMigrate(options, out);
        BlogServer server =
            BlogServer.start(
                new BlogService(database.dataSource()),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                err)) {
      out.println("blog API at " + server.uri());
      out.println();
      boolean ok = new Demo(server.uri(), out).run();
      return ok ? 0 : 1;
    }
  }

  private static Database openAndMigrate(Options options, PrintStream out) throws IOException {
    String url = options.database();
    out.println(url == null ? "starting embedded PostgreSQL..." : "connecting to the database...");
    Database database = Database.open(url, options.pool());
    try {
      int applied = database.migrate();
      out.println("database: " + database.description() + ", " + applied + " migration(s) applied");
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The parsed command line. */
  record Options(String command, int port, @Nullable String database, Database.PoolSettings pool) {
    static Options parse(String[] args) {
      if (args.length == 0) {
        throw new IllegalArgumentException("no command given");
      }
      String command = args[0];
      if (!command.equals("serve") && !command.equals("demo")) {
        throw new IllegalArgumentException("unknown command: " + command);
      }
      int port = 8080;
      String database = null;
      int poolSize = Database.PoolSettings.DEFAULT.maxSize();
      long poolTimeoutMillis = Database.PoolSettings.DEFAULT.connectionTimeout().toMillis();
      for (int i = 1; i < args.length; i++) {
        String option = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        String value = args[++i];
        switch (option) {
          case "--database" -> {
            if (!value.startsWith("jdbc:postgresql:")) {
              throw new IllegalArgumentException(
                  "--database must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db): "
                      + value);
            }
            database = value;
          }
          case "--port" -> {
            if (!command.equals("serve")) {
              throw new IllegalArgumentException(
                  "--port is for serve only (demo picks a free port)");
            }
            port = (int) number(option, value, 0, 65535);
          }
          case "--pool-size" -> poolSize = (int) number(option, value, 1, 1000);
          case "--pool-timeout-ms" ->
              poolTimeoutMillis =
                  number(option, value, Database.PoolSettings.MIN_TIMEOUT.toMillis(), 3_600_000);
          default -> throw new IllegalArgumentException("unknown option: " + option);
        }
      }
      return new Options(
          command,
          port,
          database,
          new Database.PoolSettings(poolSize, Duration.ofMillis(poolTimeoutMillis)));
    }

    private static long number(String option, String value, long min, long max) {
      long number;
      try {
        number = Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " must be a number: " + value);
      }
      if (number < min || number > max) {
        throw new IllegalArgumentException(option + " must be " + min + ".." + max + ": " + number);
      }
      return number;
    }
  }
}
