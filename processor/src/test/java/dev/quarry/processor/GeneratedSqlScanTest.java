package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Proves that generated code builds no SQL from strings: every SQL text handed to JDBC or to the
 * runtime's {@code QueryRunner} is a {@code static final String} field initialised with a string
 * literal (or literals joined with {@code +}), or a {@code static final Query} field whose SQL is
 * such a literal, and every SQL type name handed to {@code SqlArrays.create} is a literal. A query
 * with optional blocks or a run-time sort ({@code docs/dynamic-queries.md}) runs a {@code final
 * Query} local whose SQL joins only such constants: each part a constant, {@code cond ? constant :
 * ""}, or a {@code switch} whose every case is a constant ({@link #dynamicSql}). Nothing is exempt:
 * {@code sqlc.slice} needs no dynamic SQL, because {@code x IN (sqlc.slice(ids))} is generated as
 * {@code x = ANY(?)} with one array parameter ({@link #slicesAreOneArrayPlaceholder}).
 *
 * <p>It reads the sources with javac's parser and checks the calls, so it scans every case's golden
 * files (which {@code CompileCaseTest} proves equal to what Quarry generates) and the sample app's
 * repositories, generated here from {@code ../migrations} and {@code ../queries}. A hand-written
 * class with string-built SQL shows that the scan finds what it is for.
 */
class GeneratedSqlScanTest {

  /** A call that takes SQL text (or a SQL type name) in one of its arguments. */
  private record Sink(
      @org.jspecify.annotations.Nullable String receiver,
      String method,
      int argument,
      boolean literalOnly) {}

  /**
   * JDBC's methods that take SQL text first (any receiver: a Statement's are as dangerous as a
   * Connection's), PgJDBC's COPY, and the runtime helpers generated code hands its SQL to.
   */
  private static final List<Sink> SINKS =
      List.of(
          new Sink(null, "prepareStatement", 0, false),
          new Sink(null, "prepareCall", 0, false),
          new Sink(null, "nativeSQL", 0, false),
          new Sink(null, "execute", 0, false),
          new Sink(null, "executeQuery", 0, false),
          new Sink(null, "executeUpdate", 0, false),
          new Sink(null, "executeLargeUpdate", 0, false),
          new Sink(null, "addBatch", 0, false),
          new Sink(null, "copyIn", 0, false),
          new Sink(null, "copyOut", 0, false),
          new Sink("CopyRows", "copy", 1, false),
          new Sink("runner", "optional", 0, false),
          new Sink("runner", "single", 0, false),
          new Sink("runner", "list", 0, false),
          new Sink("runner", "stream", 0, false),
          new Sink("runner", "execute", 0, false),
          new Sink("runner", "updateCount", 0, false),
          new Sink("runner", "countRows", 0, false),
          new Sink("runner", "batch", 0, false),
          new Sink("runner", "batchOptional", 0, false),
          new Sink("runner", "batchList", 0, false),
          new Sink("runner", "copy", 0, false),
          new Sink(null, "createArrayOf", 0, true),
          new Sink("SqlArrays", "create", 1, true));

  /** Calls generated code never makes: a plain Statement can only run SQL passed at run time. */
  private static final Set<String> FORBIDDEN = Set.of("createStatement");

  /** What a scan found: the violations, and how many SQL-taking calls it checked. */
  record Scan(List<String> violations, int sinks, Map<String, String> constants) {}

  @Test
  void goldenFilesOfEveryCaseUseOnlyConstantSql() throws IOException {
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(CompileCaseTest.CASES)) {
      for (Path file :
          walk.filter(
                  p ->
                      p.getParent().getFileName().toString().equals("expected")
                          && p.toString().endsWith(".java"))
              .toList()) {
        sources.put(
            CompileCaseTest.CASES.relativize(file).toString(),
            Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    Scan scan = scan(sources);
    assertEquals(List.of(), scan.violations());
    // Every repository of every case was looked at: the scan saw the calls it checks.
    assertTrue(scan.sinks() >= 100, "SQL-taking calls found: " + scan.sinks());
  }

  @Test
  void sampleAppRepositoriesUseOnlyConstantSql() throws IOException {
    Path repository =
        Path.of(System.getProperty("quarry.repoRoot", "..")).toAbsolutePath().normalize();
    Compilation compilation =
        CompileCaseTest.compileWith(CompileCaseTest.options(repository), "migrations", "queries");
    assertEquals(
        Compilation.Status.SUCCESS,
        compilation.status(),
        () -> compilation.diagnostics().toString());
    Map<String, String> sources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      sources.put(file.getName(), file.getCharContent(true).toString());
    }
    assertTrue(
        sources.keySet().stream().anyMatch(n -> n.endsWith("PostsQueries.java")),
        sources.keySet().toString());
    Scan scan = scan(sources);
    assertEquals(List.of(), scan.violations());
    assertTrue(scan.sinks() >= 20, "SQL-taking calls found: " + scan.sinks());
  }

  @Test
  void slicesAreOneArrayPlaceholder() throws IOException {
    Path golden = CompileCaseTest.CASES.resolve("commands/expected/CommandsQueries.java");
    String source = Files.readString(golden, StandardCharsets.UTF_8);
    Scan scan = scan(Map.of("CommandsQueries.java", source));
    assertEquals(List.of(), scan.violations());
    // sqlc.slice(ids) in IN / NOT IN: one placeholder, whatever the list's size ...
    assertEquals(
        "SELECT * FROM books WHERE id = ANY(?) ORDER BY id", scan.constants().get("BOOKS_BY_IDS"));
    assertEquals(
        "SELECT * FROM books WHERE author_id = ? AND id <> ALL(?) ORDER BY id",
        scan.constants().get("BOOKS_NOT_IN"));
    // ... bound as one array of a type named by a literal.
    assertTrue(
        source.contains(
            "statement.setArray(1, SqlArrays.create(statement.getConnection(), \"int8\", ids));"),
        "booksByIds binds one array");
    for (String sql : scan.constants().values()) {
      assertTrue(!sql.contains("sqlc."), "no sqlc syntax reaches the driver: " + sql);
    }
  }

  @Test
  void stringBuiltSqlIsFlagged() {
    String handWritten =
        """
        package x;
        import java.sql.*;
        import java.util.List;
        final class Bad {
          private static final String GOOD = "SELECT a " + "FROM t WHERE id = ?";
          private static final String BUILT = "SELECT * FROM " + table();
          private static String notFinal = "SELECT 1";
          private final String instance = "SELECT 1";
          static String table() { return "t"; }
          void run(Connection connection, String name, String table, List<Long> ids, dev.quarry.runtime.QueryRunner runner) throws SQLException {
            connection.prepareStatement(GOOD);
            connection.prepareStatement("SELECT * FROM t WHERE name = '" + name + "'");
            connection.prepareStatement(BUILT);
            connection.prepareStatement(notFinal);
            connection.prepareStatement(instance);
            String local = "SELECT 1";
            connection.prepareStatement(local);
            connection.prepareStatement(String.format("SELECT * FROM %s", table));
            connection.prepareStatement(new StringBuilder("SELECT ").append(name).toString());
            connection.prepareCall("{call f('" + name + "')}");
            connection.createStatement().execute("DELETE FROM " + table);
            dev.quarry.runtime.CopyRows.copy(connection, "COPY " + table + " FROM STDIN", ids, (i, o) -> o.add(i));
            runner.list(new dev.quarry.runtime.Query("Q", ":many", "f", 1, "SELECT " + name), s -> {}, r -> 1);
            dev.quarry.runtime.SqlArrays.create(connection, table, ids);
            PreparedStatement statement = connection.prepareStatement(GOOD);
            statement.addBatch("INSERT INTO t VALUES (" + name + ")");
            statement.execute();
          }
        }
        """;
    Scan scan = scan(Map.of("Bad.java", handWritten));
    List<String> lines =
        scan.violations().stream()
            .map(v -> v.substring(0, v.indexOf(':', "Bad.java:".length())))
            .toList();
    assertEquals(
        List.of(
            "Bad.java:12",
            "Bad.java:13",
            "Bad.java:14",
            "Bad.java:15",
            "Bad.java:17",
            "Bad.java:18",
            "Bad.java:19",
            "Bad.java:20",
            "Bad.java:21",
            "Bad.java:21",
            "Bad.java:22",
            "Bad.java:23",
            "Bad.java:24",
            "Bad.java:26"),
        lines,
        String.join("\n", scan.violations()));
    assertTrue(scan.violations().get(0).contains("prepareStatement"), scan.violations().get(0));
    assertEquals(
        15, scan.sinks(), "the calls taking SQL (createStatement is flagged, not counted)");
  }

  @Test
  void dynamicSql() {
    String handWritten =
        """
        package x;
        import dev.quarry.runtime.Query;
        import dev.quarry.runtime.QueryRunner;
        final class Dynamic {
          enum Sort { A, B }
          private static final String HEAD = "SELECT a FROM t WHERE true";
          private static final String BLOCK = " AND b = ?";
          private static final String BY_A = " ORDER BY a";
          private static final String BY_B = " ORDER BY b";
          void run(QueryRunner runner, boolean given, Sort sort, String name) throws Exception {
            final Query good = new Query("Q", ":many", "f", 1, HEAD + (given ? BLOCK : "") + switch (sort) { case A -> BY_A; case B -> BY_B; });
            runner.list(good, s -> {}, r -> 1);
            final Query glued = new Query("Q", ":many", "f", 1, HEAD + name);
            runner.list(glued, s -> {}, r -> 1);
            Query notFinal = new Query("Q", ":many", "f", 1, HEAD);
            runner.list(notFinal, s -> {}, r -> 1);
            final Query picked = new Query("Q", ":many", "f", 1, HEAD + (given ? BLOCK : name));
            runner.list(picked, s -> {}, r -> 1);
            final Query switched = new Query("Q", ":many", "f", 1, HEAD + switch (sort) { case A -> BY_A; case B -> name; });
            runner.list(switched, s -> {}, r -> 1);
          }
          void other(QueryRunner runner) throws Exception {
            runner.list(good, s -> {}, r -> 1);
          }
        }
        """;
    Scan scan = scan(Map.of("Dynamic.java", handWritten));
    List<String> lines =
        scan.violations().stream()
            .map(v -> v.substring(0, v.indexOf(':', "Dynamic.java:".length())))
            .toList();
    assertEquals(
        List.of(
            "Dynamic.java:14",
            "Dynamic.java:16",
            "Dynamic.java:18",
            "Dynamic.java:20",
            "Dynamic.java:23"),
        lines,
        String.join("\n", scan.violations()));
    assertEquals(6, scan.sinks());
  }

  @Test
  void dynamicGoldenJoinsConstantParts() throws IOException {
    Path golden = CompileCaseTest.CASES.resolve("dynamic/expected/PostsQueries.java");
    String source = Files.readString(golden, StandardCharsets.UTF_8);
    Scan scan = scan(Map.of("PostsQueries.java", source));
    assertEquals(List.of(), scan.violations());
    assertTrue(source.contains("return runner.list(query, "), "listPosts runs its local query");
    assertTrue(scan.sinks() >= 5, "SQL-taking calls found: " + scan.sinks());
    // The sort orders are constants naming only the keys of -- quarry:sort.
    assertEquals("p.title DESC, ", scan.constants().get("LIST_POSTS_BY_TITLE_DESC"));
    for (String sql : scan.constants().values()) {
      assertTrue(!sql.contains("/*["), "no block marker reaches the driver: " + sql);
    }
  }

  // ---- the scan ----

  static Scan scan(Map<String, String> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> files = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      files.add(
          new SimpleJavaFileObject(
              URI.create("string:///" + source.getKey().replace('\\', '/')),
              JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return source.getValue();
            }
          });
    }
    JavacTask task =
        (JavacTask) javac.getTask(null, null, null, List.of("-proc:none"), null, files);
    List<String> violations = new ArrayList<>();
    int[] sinks = {0};
    Map<String, String> allConstants = new LinkedHashMap<>();
    SourcePositions positions = Trees.instance(task).getSourcePositions();
    Iterable<? extends CompilationUnitTree> units;
    try {
      units = task.parse();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    for (CompilationUnitTree unit : units) {
      String name = unit.getSourceFile().getName().replaceFirst("^/", "");
      // The SQL constants of each class: static final String fields initialised with literals.
      Map<String, String> constants = new HashMap<>();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitClass(ClassTree type, Void unused) {
          for (Tree member : type.getMembers()) {
            if (member instanceof VariableTree field
                && field
                    .getModifiers()
                    .getFlags()
                    .containsAll(Set.of(Modifier.STATIC, Modifier.FINAL))
                && field.getType().toString().equals("String")
                && field.getInitializer() != null) {
              String value = literalValue(field.getInitializer());
              if (value != null) {
                constants.put(field.getName().toString(), value);
              }
            }
            // new Query(name, command, file, line, sql): the SQL is its last argument.
            if (member instanceof VariableTree field
                && field
                    .getModifiers()
                    .getFlags()
                    .containsAll(Set.of(Modifier.STATIC, Modifier.FINAL))
                && field.getType().toString().equals("Query")
                && field.getInitializer() instanceof NewClassTree query
                && query.getIdentifier().toString().equals("Query")
                && query.getArguments().size() == 5) {
              String value = literalValue(query.getArguments().get(4));
              if (value != null) {
                constants.put(field.getName().toString(), value);
              }
            }
          }
          return super.visitClass(type, unused);
        }
      }.scan(unit, null);
      allConstants.putAll(constants);
      new TreeScanner<Void, Void>() {
        /** The final Query locals of the current method built from constant parts only. */
        private final Set<String> queries = new java.util.HashSet<>();

        @Override
        public Void visitMethod(com.sun.source.tree.MethodTree method, Void unused) {
          queries.clear();
          return super.visitMethod(method, unused);
        }

        @Override
        public Void visitVariable(VariableTree variable, Void unused) {
          if (variable.getModifiers().getFlags().contains(Modifier.FINAL)
              && variable.getType() != null
              && variable.getType().toString().equals("Query")
              && variable.getInitializer() instanceof NewClassTree query
              && query.getIdentifier().toString().equals("Query")
              && query.getArguments().size() == 5
              && constantParts(query.getArguments().get(4), constants)) {
            queries.add(variable.getName().toString());
          } else {
            // A later variable of the same name (another scope) is not one of them.
            queries.remove(variable.getName().toString());
          }
          return super.visitVariable(variable, unused);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          String method = methodName(call.getMethodSelect());
          String receiver = receiverName(call.getMethodSelect());
          long line = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, call));
          if (FORBIDDEN.contains(method)) {
            violations.add(
                name
                    + ":"
                    + line
                    + ": "
                    + method
                    + "() gives a Statement, which runs SQL built at run time;"
                    + " generated code prepares constant SQL");
          }
          for (Sink sink : SINKS) {
            if (!sink.method().equals(method)
                || call.getArguments().size() <= sink.argument()
                || (sink.receiver() != null && !sink.receiver().equals(receiver))) {
              continue;
            }
            sinks[0]++;
            ExpressionTree argument = call.getArguments().get(sink.argument());
            boolean constant =
                sink.literalOnly()
                    ? literalValue(argument) != null
                    : argument instanceof IdentifierTree id
                        && (constants.containsKey(id.getName().toString())
                            || queries.contains(id.getName().toString()));
            if (!constant) {
              violations.add(
                  name
                      + ":"
                      + line
                      + ": "
                      + method
                      + "(...) takes "
                      + argument
                      + " as SQL"
                      + (sink.literalOnly()
                          ? " type name; only a string literal is allowed"
                          : "; only a static final String initialised with string literals is allowed"));
            }
          }
          return super.visitMethodInvocation(call, unused);
        }
      }.scan(unit, null);
    }
    return new Scan(violations, sinks[0], allConstants);
  }

  /**
   * Whether {@code expression} joins only constant SQL: a constant of the class or a literal,
   * {@code a + b} of such, {@code condition ? a : b} of such (the condition picks, it is not SQL),
   * or a {@code switch} expression whose every case yields such.
   */
  static boolean constantParts(ExpressionTree expression, Map<String, String> constants) {
    if (literalValue(expression) != null) {
      return true;
    }
    if (expression instanceof IdentifierTree id) {
      return constants.containsKey(id.getName().toString());
    }
    if (expression instanceof com.sun.source.tree.ParenthesizedTree parenthesized) {
      return constantParts(parenthesized.getExpression(), constants);
    }
    if (expression instanceof BinaryTree binary && binary.getKind() == Tree.Kind.PLUS) {
      return constantParts(binary.getLeftOperand(), constants)
          && constantParts(binary.getRightOperand(), constants);
    }
    if (expression instanceof com.sun.source.tree.ConditionalExpressionTree conditional) {
      return constantParts(conditional.getTrueExpression(), constants)
          && constantParts(conditional.getFalseExpression(), constants);
    }
    if (expression instanceof com.sun.source.tree.SwitchExpressionTree switchExpression) {
      for (com.sun.source.tree.CaseTree branch : switchExpression.getCases()) {
        if (!(branch.getBody() instanceof ExpressionTree body) || !constantParts(body, constants)) {
          return false;
        }
      }
      return !switchExpression.getCases().isEmpty();
    }
    return false;
  }

  /**
   * The value of a string literal, or of literals joined with {@code +}; null for anything else.
   */
  private static String literalValue(ExpressionTree expression) {
    if (expression instanceof LiteralTree literal && literal.getValue() instanceof String value) {
      return value;
    }
    if (expression instanceof BinaryTree binary && binary.getKind() == Tree.Kind.PLUS) {
      String left = literalValue(binary.getLeftOperand());
      String right = literalValue(binary.getRightOperand());
      return left == null || right == null ? null : left + right;
    }
    if (expression instanceof com.sun.source.tree.ParenthesizedTree parenthesized) {
      return literalValue(parenthesized.getExpression());
    }
    return null;
  }

  private static String methodName(ExpressionTree select) {
    if (select instanceof MemberSelectTree member) {
      return member.getIdentifier().toString();
    }
    return select instanceof IdentifierTree id ? id.getName().toString() : "";
  }

  /**
   * The last name of the receiver ({@code CopyRows} for {@code dev.quarry.runtime.CopyRows.copy}).
   */
  private static String receiverName(ExpressionTree select) {
    if (select instanceof MemberSelectTree member) {
      ExpressionTree receiver = member.getExpression();
      if (receiver instanceof MemberSelectTree qualified) {
        return qualified.getIdentifier().toString();
      }
      if (receiver instanceof IdentifierTree id) {
        return id.getName().toString();
      }
    }
    return null;
  }
}
