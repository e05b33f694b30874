package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.model.ModelBuilder;
import dev.quarry.processor.nullability.Statements;
import dev.quarry.processor.query.QueryFile;
import dev.quarry.processor.query.QueryFileReader;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.syntax.ParameterRewriter;
import dev.quarry.processor.syntax.ParsedQuery;
import dev.quarry.processor.syntax.QueryDeclaration;
import dev.quarry.processor.types.JavaNames;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.TablesNamesFinder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the nullability of every parameter of every query in {@code ../shared/corpora} with what
 * sqlc generated for the same query ({@code sqlc-generated-go/}). Each corpus is built once.
 *
 * <p>sqlc's Go type says "nullable" for {@code sql.NullX}, {@code uuid.NullUUID}, pointers, and the
 * {@code pgtype} types whose non-null form is a Go built-in ({@code pgtype.Text} for {@code string}
 * ...); it says "non-null" for plain Go types. Some Go types are the same either way ({@code
 * pgtype.Timestamptz}, {@code []byte}, {@code interface{}}, pointers of a {@code pointer: true}
 * override): those parameters are counted as undecided. Every other parameter must agree, or the
 * disagreement must match one of the rules below, under each of which Quarry is provably more
 * precise than sqlc (sqlc's rules: {@code internal/compiler/resolve.go}, where a parameter in a
 * comparison takes the column's nullability, and one in a cast or a function argument is non-null).
 * The test prints how many parameters each rule covers.
 */
@Tag("jdk-independent") // run once per CI run: see .ci/run
class SqlcParameterNullabilityTest {
  /** Where Quarry differs from sqlc, and why Quarry is right. */
  enum Rule {
    /**
     * sqlc: nullable (the compared column is); Quarry: non-null. The parameter is only an operand
     * of comparisons ({@code = <> < > <= >= LIKE IN BETWEEN}): NULL there makes the condition NULL,
     * which matches no row, so a null argument can only be a mistake.
     */
    COMPARED_ONLY,
    /**
     * sqlc: non-null (a function argument); Quarry: nullable. The parameter is an argument of
     * {@code coalesce} or {@code nullif}, which exist to take NULL.
     */
    COALESCE_ARGUMENT,
    /**
     * sqlc: non-null (a cast or the column's nullability); Quarry: nullable. The parameter is
     * tested with {@code IS [NOT] NULL} or {@code IS [NOT] DISTINCT FROM}, which are defined for
     * NULL.
     */
    NULL_TESTED,
    /**
     * sqlc: non-null (it reads the cast, not the column); Quarry: nullable. The parameter, cast, is
     * stored into a nullable column by INSERT or UPDATE.
     */
    CAST_INTO_NULLABLE_COLUMN
  }

  @TempDir Path work;

  static Stream<Arguments> corpora() {
    return Stream.of(
            "minder",
            "opentdf",
            "neosync",
            "river",
            "sqlc-examples/authors",
            "sqlc-examples/booktest",
            "sqlc-examples/jets",
            "sqlc-examples/ondeck",
            "sqlc-examples/batch")
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpora")
  void everyParameterAgreesWithSqlcOrQuarryIsProvablyMorePrecise(String corpus) throws Exception {
    Path root = ProductionCorporaTest.corpusRoot(corpus);
    Compilation compilation = ProductionCorporaTest.build(work, root, "embedded");
    GeneratedClasses classes = new GeneratedClasses(compilation);
    GoQueries go = GoQueries.read(root.resolve("sqlc-generated-go"), corpus.equals("opentdf"));
    Map<Rule, Integer> covered = new EnumMap<>(Rule.class);
    for (Rule rule : Rule.values()) {
      covered.put(rule, 0);
    }
    int agreed = 0;
    int undecided = 0;
    int compared = 0;
    List<String> failures = new ArrayList<>();
    List<String> shapes = new ArrayList<>();
    try (Stream<Path> files = Files.list(root.resolve("queries"))) {
      for (Path file : files.sorted().toList()) {
        String fileName = file.getFileName().toString();
        Diagnostics diagnostics = new Diagnostics();
        QueryFile queries =
            new QueryFileReader(diagnostics)
                .read(
                    new SourceFile(file, fileName, Files.readString(file, StandardCharsets.UTF_8)));
        String className =
            CompileCaseTest.PACKAGE
                + "."
                + JavaNames.typeName(fileName.substring(0, fileName.length() - 4))
                + "Queries";
        for (QueryDeclaration query : queries.queries()) {
          List<GoParameter> goParameters = go.parameters(query.name());
          if (goParameters == null) {
            failures.add(query.name() + ": no sqlc method");
            continue;
          }
          Map<String, Boolean> java = javaNullability(classes, className, query.name());
          if (java == null) {
            failures.add(query.name() + ": no Quarry method");
            continue;
          }
          if (java.size() != goParameters.size()) {
            // Not a nullability question: sqlc merges a $n and a named parameter bound to the
            // same column (minder's UpsertProperty), Quarry keeps both. Listed, not compared.
            shapes.add(query.name() + " " + java.keySet() + " / " + goParameters.size());
            continue;
          }
          Optional<ParsedQuery> parsed = new ParameterRewriter().rewrite(query, diagnostics);
          List<String> javaNames = new ArrayList<>(java.keySet());
          Map<String, GoParameter> goByName = new TreeMap<>();
          for (GoParameter goParameter : goParameters) {
            goByName.put(normalized(goParameter.name()), goParameter);
          }
          boolean byName =
              javaNames.stream().allMatch(name -> goByName.containsKey(normalized(name)));
          if (!byName && javaNames.size() > 1) {
            // Struct fields pair by name; only a lone parameter may be named differently
            // (sqlc's yearList is year, its arg1 is dollar_1).
            failures.add(
                query.name()
                    + ": parameters do not pair by name: Quarry "
                    + javaNames
                    + ", sqlc "
                    + goParameters.stream().map(GoParameter::name).toList());
            continue;
          }
          for (int i = 0; i < javaNames.size(); i++) {
            compared++;
            String javaName = javaNames.get(i);
            GoParameter goParameter =
                byName ? goByName.get(normalized(javaName)) : goParameters.get(0);
            boolean quarry = java.get(javaName);
            if (goParameter.nullability() == null) {
              undecided++;
              continue;
            }
            if (goParameter.nullability() == quarry) {
              agreed++;
              continue;
            }
            Rule rule = parsed.isEmpty() ? null : rule(parsed.get().analysisSql(), i + 1, quarry);
            if (rule == null) {
              failures.add(
                  query.name()
                      + " parameter "
                      + (i + 1)
                      + " ("
                      + goParameter.name()
                      + " "
                      + goParameter.type()
                      + "): Quarry "
                      + (quarry ? "nullable" : "non-null")
                      + ", sqlc "
                      + (quarry ? "non-null" : "nullable")
                      + ", and no rule explains it");
            } else {
              covered.merge(rule, 1, Integer::sum);
            }
          }
        }
      }
    }
    System.out.println(
        "sqlc parameter nullability, "
            + corpus
            + ": "
            + compared
            + " parameters, "
            + agreed
            + " agree, "
            + undecided
            + " undecided by sqlc's Go type, rules "
            + covered
            + (shapes.isEmpty() ? "" : "; other parameter lists, not compared: " + shapes));
    assertEquals(List.of(), failures);
    assertTrue(compared > 0, "no parameter compared");
  }

  /**
   * Quarry's nullability of each parameter of the query's method, by name in order, or null without
   * a method.
   */
  private static @Nullable Map<String, Boolean> javaNullability(
      GeneratedClasses classes, String className, String queryName) throws Exception {
    String methodName = ModelBuilder.methodName(queryName);
    Method found = null;
    for (Method method : classes.loadClass(className).getDeclaredMethods()) {
      if (method.getName().equals(methodName) || method.getName().equals(methodName + "_")) {
        found = method;
      }
    }
    if (found == null) {
      return null;
    }
    Map<String, Boolean> nullable = new java.util.LinkedHashMap<>();
    AnnotatedType[] types = found.getAnnotatedParameterTypes();
    java.lang.reflect.Parameter[] parameters = found.getParameters();
    if (types.length == 1) {
      AnnotatedType type = types[0];
      // Batches and :copyfrom take a List or Iterable of one parameter set each.
      if (type instanceof AnnotatedParameterizedType generic
          && (found.getParameterTypes()[0] == List.class
              || found.getParameterTypes()[0] == Iterable.class)) {
        type = generic.getAnnotatedActualTypeArguments()[0];
      }
      if (type.getType() instanceof Class<?> record
          && record.isRecord()
          && record.getSimpleName().endsWith("Params")) {
        for (RecordComponent component : record.getRecordComponents()) {
          nullable.put(component.getName(), isNullable(component.getAnnotatedType()));
        }
        return nullable;
      }
      nullable.put(parameters[0].getName(), isNullable(type));
      return nullable;
    }
    for (int i = 0; i < types.length; i++) {
      nullable.put(parameters[i].getName(), isNullable(types[i]));
    }
    return nullable;
  }

  private static String normalized(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  private static boolean isNullable(AnnotatedType type) {
    return type.isAnnotationPresent(Nullable.class);
  }

  /**
   * The rule under which Quarry's answer for parameter {@code number} of {@code sql} is the more
   * precise one, or null when none applies.
   */
  static @Nullable Rule rule(String sql, int number, boolean quarryNullable) {
    Optional<Statement> parsed = Statements.parse(sql);
    if (parsed.isEmpty()) {
      return null;
    }
    Statement statement = parsed.get();
    Uses uses = new Uses(number);
    try {
      uses.getTables(statement);
    } catch (RuntimeException e) {
      return null;
    }
    if (!quarryNullable) {
      return uses.total > 0 && uses.compared == uses.total ? Rule.COMPARED_ONLY : null;
    }
    if (uses.coalesced > 0) {
      return Rule.COALESCE_ARGUMENT;
    }
    if (uses.nullTested > 0) {
      return Rule.NULL_TESTED;
    }
    if (uses.castValue) {
      return Rule.CAST_INTO_NULLABLE_COLUMN;
    }
    return null;
  }

  /** How a statement uses one parameter. */
  private static final class Uses extends TablesNamesFinder<Void> {
    private final int number;
    int total;
    int compared;
    int coalesced;
    int nullTested;
    boolean castValue;

    Uses(int number) {
      this.number = number;
    }

    private boolean is(@Nullable Expression expression) {
      Expression current = expression;
      while (true) {
        if (current instanceof CastExpression cast) {
          current = cast.getLeftExpression();
        } else if (current instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
          current = (Expression) list.get(0);
        } else {
          break;
        }
      }
      return current instanceof JdbcParameter parameter
          && parameter.getIndex() != null
          && parameter.getIndex() == number;
    }

    @Override
    public <S> Void visit(JdbcParameter parameter, S context) {
      if (parameter.getIndex() != null && parameter.getIndex() == number) {
        total++;
      }
      return super.visit(parameter, context);
    }

    @Override
    public <S> Void visit(CastExpression cast, S context) {
      if (is(cast)) {
        castValue = true;
      }
      return super.visit(cast, context);
    }

    private void comparison(BinaryExpression expression) {
      if (is(expression.getLeftExpression())) {
        compared++;
      }
      if (is(expression.getRightExpression())) {
        compared++;
      }
    }

    @Override
    public <S> Void visit(
        net.sf.jsqlparser.expression.operators.relational.EqualsTo equals, S context) {
      comparison(equals);
      return super.visit(equals, context);
    }

    @Override
    public <S> Void visit(
        net.sf.jsqlparser.expression.operators.relational.NotEqualsTo notEquals, S context) {
      comparison(notEquals);
      return super.visit(notEquals, context);
    }

    @Override
    public <S> Void visit(
        net.sf.jsqlparser.expression.operators.relational.GreaterThan greater, S context) {
      comparison(greater);
      return super.visit(greater, context);
    }

    @Override
    public <S> Void visit(
        net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals greater, S context) {
      comparison(greater);
      return super.visit(greater, context);
    }

    @Override
    public <S> Void visit(
        net.sf.jsqlparser.expression.operators.relational.MinorThan minor, S context) {
      comparison(minor);
      return super.visit(minor, context);
    }

    @Override
    public <S> Void visit(
        net.sf.jsqlparser.expression.operators.relational.MinorThanEquals minor, S context) {
      comparison(minor);
      return super.visit(minor, context);
    }

    @Override
    public <S> Void visit(LikeExpression like, S context) {
      comparison(like);
      return super.visit(like, context);
    }

    @Override
    public <S> Void visit(InExpression in, S context) {
      if (is(in.getLeftExpression())) {
        compared++;
      }
      if (in.getRightExpression() instanceof ParenthesedExpressionList<?> list) {
        for (Object item : list) {
          if (item instanceof Expression expression && is(expression)) {
            compared++;
          }
        }
      } else if (is(in.getRightExpression())) {
        compared++;
      }
      return super.visit(in, context);
    }

    @Override
    public <S> Void visit(Between between, S context) {
      for (Expression expression :
          List.of(
              between.getLeftExpression(),
              between.getBetweenExpressionStart(),
              between.getBetweenExpressionEnd())) {
        if (is(expression)) {
          compared++;
        }
      }
      return super.visit(between, context);
    }

    @Override
    public <S> Void visit(IsNullExpression isNull, S context) {
      if (is(isNull.getLeftExpression())) {
        nullTested++;
      }
      return super.visit(isNull, context);
    }

    @Override
    public <S> Void visit(IsDistinctExpression distinct, S context) {
      if (is(distinct.getLeftExpression()) || is(distinct.getRightExpression())) {
        nullTested++;
      }
      return super.visit(distinct, context);
    }

    @Override
    public <S> Void visit(Function function, S context) {
      String name = function.getName() == null ? "" : function.getName().toLowerCase(Locale.ROOT);
      if ((name.equals("coalesce") || name.equals("nullif")) && function.getParameters() != null) {
        for (Object argument : function.getParameters()) {
          if (argument instanceof Expression expression && is(expression)) {
            coalesced++;
          }
        }
      }
      return super.visit(function, context);
    }
  }

  /** One parameter of a sqlc method; {@code nullability} null when its Go type does not say. */
  record GoParameter(String name, String type, @Nullable Boolean nullability) {}

  /** The parameters of sqlc's methods, by query name. */
  static final class GoQueries {
    private static final Pattern METHOD =
        Pattern.compile(
            "^func \\(q \\*Queries\\) (\\w+)\\(ctx context\\.Context(?:, db DBTX)?(.*?)\\) ",
            Pattern.MULTILINE);
    private static final Pattern STRUCT =
        Pattern.compile("^type (\\w+) struct \\{\\n(.*?)^\\}", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Set<String> BUILT_IN_PGTYPES =
        Set.of("Text", "Int2", "Int4", "Int8", "Bool", "Float4", "Float8");

    private final Map<String, List<GoParameter>> methods = new TreeMap<>();
    private final Map<String, List<GoParameter>> structs = new TreeMap<>();
    private final Map<String, String> arguments = new TreeMap<>();
    private final boolean uuidOverridden;

    private GoQueries(boolean uuidOverridden) {
      this.uuidOverridden = uuidOverridden;
    }

    /**
     * Reads the Go files; {@code uuidOverridden} for a corpus whose {@code sqlc.yaml} maps the
     * non-null uuid to another Go type, so that {@code pgtype.UUID} is left for nullable ones.
     */
    static GoQueries read(Path folder, boolean uuidOverridden) throws Exception {
      GoQueries queries = new GoQueries(uuidOverridden);
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".go")).sorted().toList()) {
          String text = Files.readString(file, StandardCharsets.UTF_8);
          Matcher structs = STRUCT.matcher(text);
          while (structs.find()) {
            List<GoParameter> fields = new ArrayList<>();
            for (String line : structs.group(2).split("\n")) {
              String[] parts = line.strip().split("\\s+");
              if (parts.length >= 2 && !parts[0].startsWith("//")) {
                fields.add(queries.parameter(parts[0], parts[1]));
              }
            }
            queries.structs.put(structs.group(1), fields);
          }
          Matcher methods = METHOD.matcher(text);
          while (methods.find()) {
            queries.arguments.put(methods.group(1), methods.group(2).strip());
          }
        }
      }
      return queries;
    }

    /** The method's parameters, or null when sqlc has no method for the query. */
    @Nullable List<GoParameter> parameters(String queryName) {
      String arguments = this.arguments.get(queryName);
      if (arguments == null) {
        return null;
      }
      String list = arguments.startsWith(",") ? arguments.substring(1).strip() : arguments;
      if (list.isEmpty()) {
        return List.of();
      }
      Matcher struct = Pattern.compile("^arg \\*?(?:\\[\\])?\\*?(\\w+Params)$").matcher(list);
      if (struct.matches() && structs.containsKey(struct.group(1))) {
        return structs.get(struct.group(1));
      }
      List<GoParameter> parameters = new ArrayList<>();
      for (String argument : list.split(", ")) {
        String[] parts = argument.strip().split("\\s+", 2);
        String type = parts[1];
        // A batch of single values: []T is one parameter of type T.
        if (arguments.contains("[]") && list.split(", ").length == 1 && type.startsWith("[]")) {
          type = type.substring(2);
        }
        parameters.add(parameter(parts[0], type));
      }
      return parameters;
    }

    private GoParameter parameter(String name, String type) {
      return new GoParameter(name, type, nullability(type));
    }

    private @Nullable Boolean nullability(String type) {
      if (type.startsWith("[]")) {
        // A nil slice binds NULL: sqlc's slices say nothing about nullability.
        return null;
      }
      if (type.matches("(\\w+\\.)?Null[A-Z]\\w*")) {
        // sql.NullString, uuid.NullUUID, pqtype.NullRawMessage, and sqlc's NullMyEnum types.
        return true;
      }
      if (type.startsWith("*")) {
        // A pointer: emit_pointers_for_null_types, or a pointer: true override (a non-null
        // column's type); neither tells the column's nullability for sure when it is an override.
        return type.contains(".") && !type.startsWith("*time.") ? null : true;
      }
      if (type.startsWith("pgtype.")) {
        String name = type.substring("pgtype.".length());
        if (BUILT_IN_PGTYPES.contains(name) || (uuidOverridden && name.equals("UUID"))) {
          return true;
        }
        return null;
      }
      if (type.equals("interface{}")
          || type.equals("any")
          || type.equals("[]byte")
          || type.equals("json.RawMessage")) {
        return null;
      }
      return false;
    }
  }
}
