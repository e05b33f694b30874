package dev.quarry.processor.analysis;

import dev.quarry.processor.analysis.StatementDescriber.Answer;
import dev.quarry.processor.analysis.StatementDescriber.Column;
import dev.quarry.processor.analysis.StatementDescriber.ConnectionLost;
import dev.quarry.processor.analysis.StatementDescriber.Described;
import dev.quarry.processor.analysis.StatementDescriber.Failed;
import dev.quarry.processor.analysis.StatementDescriber.Request;
import dev.quarry.processor.catalog.Catalog;
import dev.quarry.processor.catalog.PgType;
import dev.quarry.processor.catalog.Table;
import dev.quarry.processor.catalog.TableColumn;
import dev.quarry.processor.database.ConnectionLoss;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.nullability.NullabilityInference;
import dev.quarry.processor.nullability.ParameterNullability;
import dev.quarry.processor.nullability.RowCountInference;
import dev.quarry.processor.nullability.Statements;
import dev.quarry.processor.syntax.Parameter;
import dev.quarry.processor.syntax.ParsedQuery;
import dev.quarry.processor.syntax.QueryDeclaration;
import dev.quarry.processor.syntax.UtilityStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;

/**
 * Asks PostgreSQL what queries take and return.
 *
 * <p>Every query is described through the extended protocol ({@link StatementDescriber}): its
 * {@code $n} form is parsed once, and PostgreSQL answers with each parameter's type and each result
 * column's type as OIDs, and for a column read straight from a relation, that relation's OID and
 * the column's number. The catalog facts behind those OIDs (types, tables, views) are read in a few
 * set-based queries. All queries go in as few round trips as errors allow; one query's error, of
 * PostgreSQL or anything else, is that query's error, reported at its place in the query file, and
 * the others are analysed all the same. Only a lost connection stops the analysis.
 */
public final class QueryAnalyzer {

  private final Connection connection;
  private final Catalog catalog;
  private final ServerErrorReporter errors;
  private final NullabilityInference nullability;
  private final StatementDescriber describer;
  private final RowCountInference rowCount;
  private final ParameterNullability parameterNullability;

  public QueryAnalyzer(Connection connection, Catalog catalog, UnknownNameExplainer explainer) {
    this.connection = connection;
    this.catalog = catalog;
    this.errors = new ServerErrorReporter(explainer, catalog);
    this.nullability = new NullabilityInference(catalog);
    catalog.viewNullability(this::relationWithNullability);
    this.describer = new StatementDescriber(connection);
    this.parameterNullability =
        new ParameterNullability(
            (schema, table) ->
                catalog
                    .resolveTable(schema, table)
                    .map(
                        found -> {
                          Map<String, Boolean> columns = new LinkedHashMap<>();
                          for (TableColumn column : found.columns()) {
                            columns.put(column.name(), !column.notNull());
                          }
                          return columns;
                        }));
    this.rowCount =
        new RowCountInference(
            new RowCountInference.Facts() {
              @Override
              public boolean returnsSet(String function) {
                try {
                  return catalog.returnsSet(function);
                } catch (SQLException e) {
                  throw new RowCountInference.FactsUnavailable(e);
                }
              }

              @Override
              public boolean isAggregate(String function) {
                try {
                  return catalog.isAggregate(function);
                } catch (SQLException e) {
                  throw new RowCountInference.FactsUnavailable(e);
                }
              }

              @Override
              public boolean insertsPlainly(@Nullable String schema, String table) {
                try {
                  return catalog.insertsPlainly(schema, table);
                } catch (SQLException e) {
                  throw new RowCountInference.FactsUnavailable(e);
                }
              }
            });
  }

  /** The query's types, or empty when it could not be analysed (the reason is reported). */
  public Optional<AnalyzedQuery> analyze(ParsedQuery query, Diagnostics diagnostics)
      throws SQLException {
    return Optional.ofNullable(analyzeAll(List.of(query), q -> diagnostics).get(query));
  }

  /** Every query that could be analysed, in order; the others' problems are reported. */
  public List<AnalyzedQuery> analyzeAll(List<ParsedQuery> queries, Diagnostics diagnostics)
      throws SQLException {
    return new ArrayList<>(analyzeAll(queries, q -> diagnostics).values());
  }

  /**
   * Analyses the queries together, reporting each query's problems to {@code diagnosticsFor} that
   * query.
   *
   * @return the queries that could be analysed, in order
   * @throws SQLException only when the connection was lost
   */
  public Map<ParsedQuery, AnalyzedQuery> analyzeAll(
      List<ParsedQuery> queries, Function<ParsedQuery, Diagnostics> diagnosticsFor)
      throws SQLException {
    // Each statement is parsed by JSqlParser once for all the rules, in the background from here.
    try (Statements.Session parsing = Statements.session()) {
      parseAhead(parsing, queries);
      return analyzeEach(queries, diagnosticsFor);
    }
  }

  /**
   * Starts parsing, in {@code session}'s background, the statements of {@code queries} as their
   * analysis reads them: an analysis on this thread while the session is open shares the parses.
   */
  public static void parseAhead(Statements.Session session, List<ParsedQuery> queries) {
    List<String> statements = new ArrayList<>();
    for (ParsedQuery query : queries) {
      statements.add(query.analysisSql());
    }
    session.parseAhead(statements);
  }

  private Map<ParsedQuery, AnalyzedQuery> analyzeEach(
      List<ParsedQuery> queries, Function<ParsedQuery, Diagnostics> diagnosticsFor)
      throws SQLException {
    List<QueryWork> work = new ArrayList<>();
    for (ParsedQuery query : queries) {
      QueryWork item = new QueryWork(query, diagnosticsFor.apply(query));
      guarded(item, () -> item.utility = UtilityStatement.of(query.tokens()).orElse(null));
      if (!item.failed && item.utility != null && !item.utility.takesParameters()) {
        reportUtilityParameters(item);
      }
      if (!item.failed) {
        work.add(item);
      }
    }
    describe(work);
    Set<Integer> oids = new HashSet<>();
    for (QueryWork item : work) {
      if (item.described != null) {
        for (int oid : item.described.parameterTypes()) {
          oids.add(oid);
        }
        for (Column column : columnsOf(item)) {
          oids.add(column.typeOid());
        }
      }
    }
    catalog.loadTypes(oids);
    for (QueryWork item : work) {
      guarded(item, () -> typeParameters(item));
    }
    new UntypedParameterProbe(describer).probeUntypedParameters(work);
    checkUtilityStatements(work);
    Map<ParsedQuery, AnalyzedQuery> analyzed = new LinkedHashMap<>();
    for (QueryWork item : work) {
      guarded(item, () -> finish(item));
      if (!item.failed && item.result != null) {
        analyzed.put(item.query, item.result);
      }
    }
    return analyzed;
  }

  /** A step of one query's analysis, which may fail for that query alone. */
  @FunctionalInterface
  private interface Step {
    void run() throws SQLException;
  }

  /**
   * Runs a step of one query's analysis: anything but a lost connection that goes wrong in it is
   * that query's error (and a Quarry bug, since PostgreSQL's own errors are reported as such).
   */
  private void guarded(QueryWork item, Step step) throws SQLException {
    if (item.failed) {
      return;
    }
    try {
      step.run();
    } catch (SQLException e) {
      if (ConnectionLoss.is(e, connection)) {
        throw lost(item.query, e, 1);
      }
      internal(item, e);
    } catch (RuntimeException e) {
      internal(item, e);
    }
  }

  private void internal(QueryWork item, Exception e) {
    QueryDeclaration declaration = item.query.declaration();
    item.diagnostics.report(
        Message.QUERY_ANALYSIS_BUG,
        declaration.location(declaration.sqlStart()),
        declaration.name(),
        e.getClass().getSimpleName(),
        e.getMessage());
    item.fail();
  }

  static SQLException lost(ParsedQuery query, SQLException e, int inFlight) {
    return new SQLException(
        "lost the connection while analysing "
            + query.declaration().name()
            + " at "
            + query.declaration().headerLocation()
            + (inFlight > 1 ? " (sent together with " + (inFlight - 1) + " more queries)" : "")
            + ": "
            + ConnectionLoss.describe(e),
        e.getSQLState(),
        e);
  }

  /** Describes every query, in as few round trips as their errors allow. */
  private void describe(List<QueryWork> work) throws SQLException {
    List<Request> requests = new ArrayList<>();
    for (QueryWork item : work) {
      requests.add(Request.inferring(item.query.analysisSql(), item.query.parameters().size()));
    }
    List<Answer> answers;
    try {
      answers = describer.describe(requests);
    } catch (ConnectionLost e) {
      throw lost(work.get(e.unanswered()).query, e, e.inFlight());
    }
    for (int i = 0; i < work.size(); i++) {
      QueryWork item = work.get(i);
      Answer answer = answers.get(i);
      if (answer instanceof Failed failed) {
        guarded(item, () -> reportFailure(item, failed.error()));
        item.fail();
      } else {
        item.described = (Described) answer;
      }
    }
  }

  private static List<Column> columnsOf(QueryWork item) {
    List<Column> columns = item.described == null ? null : item.described.columns();
    return columns == null ? List.of() : columns;
  }

  /** Checks the parameter types PostgreSQL gave and records them. */
  private void typeParameters(QueryWork item) throws SQLException {
    ParsedQuery query = item.query;
    int[] types = item.described().parameterTypes();
    if (types.length != query.parameters().size()) {
      throw new IllegalStateException(
          "PostgreSQL counted "
              + types.length
              + " parameters where Quarry found "
              + query.parameters().size());
    }
    if (reportAnonymousRecordParameters(item, types)) {
      item.fail();
      return;
    }
    Map<Integer, Integer> dimensions = query.facts().castDimensions();
    Map<Integer, ParameterNullability.Rule> accepting =
        types.length == 0 ? Map.of() : parameterNullability.nullable(query.tokens());
    List<AnalyzedParameter> parameters = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      Parameter parameter = query.parameters().get(i);
      catalog.type(types[i]);
      parameters.add(
          new AnalyzedParameter(
              parameter,
              types[i],
              dimensions.getOrDefault(parameter.number(), 1),
              parameter.nullable() || accepting.containsKey(parameter.number())));
    }
    item.parameters = parameters;
  }

  /** The result columns and their nullability, once every check passed. */
  private void finish(QueryWork item) throws SQLException {
    if (item.described().columns() == null) {
      item.result = new AnalyzedQuery(item.query, item.parameters, false, List.of());
      return;
    }
    List<AnalyzedColumn> columns = new ArrayList<>();
    for (Column column : item.described().columns()) {
      catalog.type(column.typeOid());
      Table table = null;
      String baseColumn = null;
      boolean nullable = true;
      int typeOid = column.typeOid();
      Optional<Table> relation =
          column.tableOid() == 0 ? Optional.empty() : catalog.relation(column.tableOid());
      if (relation.isPresent() && column.tableColumn() > 0) {
        table = relationWithNullability(relation.get());
        for (TableColumn tableColumn : table.columns()) {
          if (tableColumn.attnum() == column.tableColumn()) {
            baseColumn = tableColumn.name();
            nullable = !tableColumn.notNull();
            // RowDescription gives a domain column's base type; the column's own type is the
            // domain, which a type override may name.
            if (isDomainOver(tableColumn.typeOid(), typeOid)) {
              typeOid = tableColumn.typeOid();
            }
          }
        }
        if (baseColumn == null) {
          table = null;
        }
      }
      columns.add(new AnalyzedColumn(column.label(), typeOid, nullable, table, baseColumn));
    }
    item.result =
        new AnalyzedQuery(
            item.query,
            item.parameters,
            true,
            withNullability(item.query, columns),
            exactlyOneRow(item.query));
  }

  /** Whether the statement always returns exactly one row (see {@link RowCountInference}). */
  private boolean exactlyOneRow(ParsedQuery query) throws SQLException {
    try {
      return rowCount.exactlyOneRow(query.tokens());
    } catch (RowCountInference.FactsUnavailable e) {
      throw (SQLException) e.getCause();
    }
  }

  /** Whether {@code domain} is a domain over {@code base}, directly or through other domains. */
  private boolean isDomainOver(int domain, int base) throws SQLException {
    PgType type = catalog.type(domain);
    while (type.isDomain()) {
      if (type.baseTypeOid() == base) {
        return true;
      }
      type = catalog.type(type.baseTypeOid());
    }
    return false;
  }

  /**
   * A table as it is; a view with each column's nullability as its definition gives it (views
   * declare no NOT NULL), so that a view's record is as precise as a table's.
   */
  private Table relationWithNullability(Table relation) {
    Optional<Catalog.View> view = catalog.viewByOid(relation.oid());
    if (view.isEmpty()) {
      return relation;
    }
    List<Boolean> nullable = nullability.viewNullability(view.get());
    List<TableColumn> columns = new ArrayList<>();
    for (int i = 0; i < relation.columns().size(); i++) {
      TableColumn column = relation.columns().get(i);
      columns.add(
          new TableColumn(
              column.name(),
              column.attnum(),
              column.typeOid(),
              !nullable.get(i),
              column.dimensions()));
    }
    return new Table(relation.oid(), relation.schema(), relation.name(), columns);
  }

  static String displayName(Parameter parameter) {
    return parameter.explicitlyNamed() ? "@" + parameter.name() : "$" + parameter.number();
  }

  /**
   * A utility statement other than {@code CALL} with a parameter: PostgreSQL would only say "syntax
   * error at or near $1", so say which statement cannot take one and what works instead.
   */
  private void reportUtilityParameters(QueryWork item) {
    ParsedQuery query = item.query;
    if (query.parameters().isEmpty()) {
      return;
    }
    Parameter parameter = query.parameters().get(0);
    for (Parameter p : query.parameters()) {
      if (p.fileOffset() < parameter.fileOffset()) {
        parameter = p;
      }
    }
    item.diagnostics.report(
        Message.PARAMETER_IN_UTILITY,
        query.declaration().location(parameter.fileOffset()),
        query.declaration().name(),
        item.utility().keyword(),
        displayName(parameter),
        item.utility().parameterAdvice());
    item.fail();
  }

  /**
   * Utility statements parse without looking up the names they use; each is run once (or a
   * statement that looks up the same names, for {@code VACUUM}) in a transaction that is rolled
   * back, so an unknown table, view, channel or setting is that query's error.
   */
  private void checkUtilityStatements(List<QueryWork> work) throws SQLException {
    List<QueryWork> runnable = new ArrayList<>();
    for (QueryWork item : work) {
      if (!item.failed
          && item.utility != null
          && item.utility.check() != UtilityStatement.Check.PARSE_ONLY) {
        runnable.add(item);
      }
    }
    if (runnable.isEmpty()) {
      return;
    }
    boolean autoCommit = connection.getAutoCommit();
    try {
      for (QueryWork item : runnable) {
        guarded(item, () -> runUtility(item));
      }
    } finally {
      if (!connection.isClosed()) {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private void runUtility(QueryWork item) throws SQLException {
    UtilityStatement utility = item.utility();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.setEscapeProcessing(false);
      if (utility.setup() != null) {
        statement.execute(utility.setup());
      }
      try {
        statement.execute(utility.checkSql());
      } catch (PSQLException e) {
        if (ConnectionLoss.is(e, connection)) {
          throw e;
        }
        // Refused inside a transaction block (25001), or not allowed to the build's user (42501:
        // SET ROLE to a role it is not a member of): parsing is as far as it can be checked.
        if (!"25001".equals(e.getSQLState()) && !"42501".equals(e.getSQLState())) {
          reportFailure(item, e);
          item.fail();
        }
      }
    } finally {
      if (!connection.isClosed()) {
        connection.rollback();
      }
    }
  }

  private void reportFailure(QueryWork item, SQLException e) {
    if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
      errors.report(item, psql);
    } else {
      internal(item, e);
    }
  }

  /**
   * Reports parameters PostgreSQL typed as an anonymous record ({@code composite_column = @x}
   * compares records): no value can be bound to them ("input of anonymous composite types is not
   * implemented" at run time), so the build says which cast to add.
   */
  private static boolean reportAnonymousRecordParameters(QueryWork item, int[] types) {
    ParsedQuery query = item.query;
    boolean reported = false;
    for (int i = 0; i < types.length; i++) {
      int oid = types[i];
      if (oid != RECORD_OID && oid != RECORD_ARRAY_OID) {
        continue;
      }
      Parameter parameter = query.parameters().get(i);
      String name = displayName(parameter);
      item.diagnostics.report(
          Message.PARAMETER_ANONYMOUS_RECORD,
          query.declaration().location(parameter.fileOffset()),
          query.declaration().name(),
          name,
          (oid == RECORD_ARRAY_OID ? " array" : ""),
          name,
          (oid == RECORD_ARRAY_OID ? "[]" : ""));
      reported = true;
    }
    return reported;
  }

  /**
   * The pseudo-types {@code record} and {@code record[]}: PostgreSQL cannot read a value of them.
   */
  private static final int RECORD_OID = 2249;

  private static final int RECORD_ARRAY_OID = 2287;

  /**
   * Decides each column's nullability: the structural inference where it can follow the statement;
   * otherwise PostgreSQL's word for plain table columns, unless an outer join or grouping sets
   * could null-extend them; then the user's {@code "name!"} / {@code "name?"} overrides.
   */
  private List<AnalyzedColumn> withNullability(ParsedQuery query, List<AnalyzedColumn> described) {
    Set<Integer> nullableParameters = new HashSet<>();
    for (Parameter parameter : query.parameters()) {
      if (parameter.nullable()) {
        nullableParameters.add(parameter.number());
      }
    }
    Optional<List<Boolean>> inferred = nullability.infer(query.tokens(), nullableParameters);
    if (inferred.isPresent() && inferred.get().size() != described.size()) {
      inferred = Optional.empty();
    }
    boolean mayNullExtend = inferred.isEmpty() && query.facts().mayNullExtend();
    List<AnalyzedColumn> columns = new ArrayList<>();
    for (int i = 0; i < described.size(); i++) {
      AnalyzedColumn column = described.get(i);
      boolean nullable =
          inferred.isPresent() ? inferred.get().get(i) : column.nullable() || mayNullExtend;
      String name = column.name();
      if (name.length() > 1 && name.endsWith("!")) {
        name = name.substring(0, name.length() - 1);
        nullable = false;
      } else if (name.length() > 1 && name.endsWith("?")) {
        name = name.substring(0, name.length() - 1);
        nullable = true;
      }
      columns.add(
          new AnalyzedColumn(
              name, column.typeOid(), nullable, column.baseTable(), column.baseColumn()));
    }
    return columns;
  }
}
