package dev.quarry.processor.analysis;

import dev.quarry.processor.database.ConnectionLoss;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.nullability.NullabilityInference;
import dev.quarry.processor.query.QueryDeclaration;
import dev.quarry.processor.syntax.Parameter;
import dev.quarry.processor.syntax.ParsedQuery;
import dev.quarry.processor.syntax.SqlLexer;
import dev.quarry.processor.syntax.Token;
import dev.quarry.processor.syntax.TokenKind;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.util.PGobject;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Asks PostgreSQL what a query takes and returns.
 *
 * <p>Two steps, because the JDBC driver cannot describe a statement written with {@code $n}
 * placeholders: {@code PREPARE} of the {@code $n} form gives PostgreSQL's own errors (with
 * positions, mapped back into the query file) and the parameter types as PostgreSQL inferred them,
 * with a name used several times counted once; then the driver describes the {@code ?} form, with
 * every placeholder typed as inferred, which gives the result columns, their types and the table
 * columns they come from.
 */
public final class QueryAnalyzer {
  private static final String STATEMENT_NAME = "quarry_analysis";
  private static final int TEXT_OID = 25;
  private static final String PREPARE_PREFIX = "PREPARE " + STATEMENT_NAME + " AS ";
  private static final Pattern PARAMETER_REFERENCE = Pattern.compile("\\$(\\d+)");
  private static final Pattern COLUMN_HINT =
      Pattern.compile("Perhaps you meant to reference the column \"(.+)\"\\.");

  private final Connection connection;
  private final Catalog catalog;
  private final UnknownNameExplainer explainer;
  private final NullabilityInference nullability;

  public QueryAnalyzer(Connection connection, Catalog catalog, UnknownNameExplainer explainer) {
    this.connection = connection;
    this.catalog = catalog;
    this.explainer = explainer;
    this.nullability = new NullabilityInference(catalog);
  }

  /** The query's types, or empty when PostgreSQL rejected it (the reason is reported). */
  public Optional<AnalyzedQuery> analyze(ParsedQuery query, Diagnostics diagnostics)
      throws SQLException {
    List<Integer> parameterOids;
    try {
      parameterOids = prepare(query.analysisSql());
    } catch (PSQLException e) {
      failIfConnectionLost(query, e);
      report(query, e, diagnostics);
      return Optional.empty();
    }
    if (parameterOids.size() != query.parameters().size()) {
      throw new SQLException(
          "PostgreSQL counted "
              + parameterOids.size()
              + " parameters where Quarry found "
              + query.parameters().size());
    }
    if (reportAnonymousRecordParameters(query, parameterOids, diagnostics)) {
      return Optional.empty();
    }
    catalog.loadTypes(parameterOids);
    List<AnalyzedParameter> parameters = new ArrayList<>();
    Map<Integer, Integer> dimensions = castDimensions(query.analysisSql());
    for (int i = 0; i < parameterOids.size(); i++) {
      Parameter parameter = query.parameters().get(i);
      parameters.add(
          new AnalyzedParameter(
              parameter, parameterOids.get(i), dimensions.getOrDefault(parameter.number(), 1)));
    }
    try (PreparedStatement statement = connection.prepareStatement(query.jdbcSql())) {
      List<Integer> bindings = query.jdbcBindings();
      for (int i = 0; i < bindings.size(); i++) {
        PGobject typedNull = new PGobject();
        typedNull.setType(catalog.type(parameterOids.get(bindings.get(i) - 1)).driverName());
        statement.setObject(i + 1, typedNull);
      }
      ResultSetMetaData metaData;
      try {
        metaData = statement.getMetaData();
      } catch (PSQLException e) {
        failIfConnectionLost(query, e);
        report(query, e, diagnostics);
        return Optional.empty();
      }
      if (metaData == null) {
        return Optional.of(new AnalyzedQuery(query, parameters, false, List.of()));
      }
      if (reportUntypedParameters(query, parameterOids, metaData, diagnostics)) {
        return Optional.empty();
      }
      return Optional.of(
          new AnalyzedQuery(query, parameters, true, withNullability(query, columns(metaData))));
    }
  }

  /**
   * Reports parameters that PostgreSQL typed as {@code text} only because nothing constrains them:
   * a parameter returned as it is ({@code SELECT @x AS y}) is of unknown type, which PostgreSQL
   * resolves to text in an output column. Such a parameter is described again as {@code point}, a
   * type nothing else in such a statement would accept: if the statement still describes and an
   * output column that was text becomes point, the parameter's type came from that column alone. (A
   * parameter that something does type, e.g. {@code @x::text} or {@code WHERE name = @x}, either
   * keeps the column text or fails to describe.)
   *
   * @return whether a problem was reported
   */
  private boolean reportUntypedParameters(
      ParsedQuery query,
      List<Integer> parameterOids,
      ResultSetMetaData described,
      Diagnostics diagnostics)
      throws SQLException {
    List<Integer> textColumns = new ArrayList<>();
    for (int column = 1; column <= described.getColumnCount(); column++) {
      if (driverTypeName(described, column).equals("text")) {
        textColumns.add(column);
      }
    }
    if (textColumns.isEmpty()) {
      return false;
    }
    boolean reported = false;
    List<Integer> bindings = query.jdbcBindings();
    for (int p = 0; p < parameterOids.size(); p++) {
      if (parameterOids.get(p) != TEXT_OID) {
        continue;
      }
      try (PreparedStatement statement = connection.prepareStatement(query.jdbcSql())) {
        for (int i = 0; i < bindings.size(); i++) {
          PGobject typedNull = new PGobject();
          typedNull.setType(
              bindings.get(i) == p + 1
                  ? "point"
                  : catalog.type(parameterOids.get(bindings.get(i) - 1)).driverName());
          statement.setObject(i + 1, typedNull);
        }
        ResultSetMetaData probe;
        try {
          probe = statement.getMetaData();
        } catch (PSQLException e) {
          failIfConnectionLost(query, e);
          continue; // Something in the statement types the parameter.
        }
        boolean untyped = false;
        for (int column : textColumns) {
          untyped |=
              probe != null
                  && column <= probe.getColumnCount()
                  && driverTypeName(probe, column).equals("point");
        }
        if (untyped) {
          Parameter parameter = query.parameters().get(p);
          String name =
              parameter.explicitlyNamed() ? "@" + parameter.name() : "$" + parameter.number();
          diagnostics.error(
              Problem.BAD_PARAMETER,
              query.declaration().location(parameter.fileOffset()),
              query.declaration().name()
                  + ": nothing in the statement gives parameter "
                  + name
                  + " a type, so PostgreSQL would only guess text for the column it is returned as; add a"
                  + " cast that names the type, e.g. "
                  + name
                  + "::text or "
                  + name
                  + "::bigint");
          reported = true;
        }
      }
    }
    return reported;
  }

  /**
   * The pseudo-types {@code record} and {@code record[]}: PostgreSQL cannot read a value of them.
   */
  private static final int RECORD_OID = 2249;

  private static final int RECORD_ARRAY_OID = 2287;

  /**
   * Reports parameters PostgreSQL typed as an anonymous record ({@code composite_column = @x}
   * compares records): no value can be bound to them ("input of anonymous composite types is not
   * implemented" at run time), so the build says which cast to add.
   */
  private static boolean reportAnonymousRecordParameters(
      ParsedQuery query, List<Integer> parameterOids, Diagnostics diagnostics) {
    boolean reported = false;
    for (int i = 0; i < parameterOids.size(); i++) {
      int oid = parameterOids.get(i);
      if (oid != RECORD_OID && oid != RECORD_ARRAY_OID) {
        continue;
      }
      Parameter parameter = query.parameters().get(i);
      String name = parameter.explicitlyNamed() ? "@" + parameter.name() : "$" + parameter.number();
      diagnostics.error(
          Problem.BAD_PARAMETER,
          query.declaration().location(parameter.fileOffset()),
          query.declaration().name()
              + ": PostgreSQL types parameter "
              + name
              + " as an anonymous record"
              + (oid == RECORD_ARRAY_OID ? " array" : "")
              + ", and no value can be passed as one; add a cast"
              + " to the composite type, e.g. "
              + name
              + "::my_type"
              + (oid == RECORD_ARRAY_OID ? "[]" : ""));
      reported = true;
    }
    return reported;
  }

  /**
   * PREPAREs the statement, reads the parameter types PostgreSQL inferred and deallocates it, in
   * one round trip: the driver sends the three statements together, and when PREPARE fails the
   * server skips the other two. The line break ends a line comment the statement may end with.
   */
  private List<Integer> prepare(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setEscapeProcessing(false);
      statement.execute(
          PREPARE_PREFIX
              + sql
              + "\n;SELECT parameter_types::oid[] FROM pg_prepared_statements WHERE name = '"
              + STATEMENT_NAME
              + "';DEALLOCATE "
              + STATEMENT_NAME);
      while (statement.getUpdateCount() != -1 || statement.getResultSet() != null) {
        ResultSet row = statement.getResultSet();
        if (row != null) {
          try (row) {
            if (!row.next()) {
              throw new SQLException(
                  "PostgreSQL did not list the prepared statement " + STATEMENT_NAME);
            }
            Array array = row.getArray(1);
            List<Integer> oids = new ArrayList<>();
            for (Object oid : (Object[]) array.getArray()) {
              oids.add(((Number) oid).intValue());
            }
            return oids;
          }
        }
        statement.getMoreResults();
      }
      throw new SQLException("PostgreSQL gave no parameter types for " + STATEMENT_NAME);
    }
  }

  private List<AnalyzedColumn> columns(ResultSetMetaData metaData) throws SQLException {
    PGResultSetMetaData pg = metaData.unwrap(PGResultSetMetaData.class);
    List<AnalyzedColumn> columns = new ArrayList<>();
    for (int i = 1; i <= metaData.getColumnCount(); i++) {
      int typeOid = catalog.oidOf(driverTypeName(metaData, i));
      catalog.type(typeOid);
      String baseColumn = emptyToNull(pg.getBaseColumnName(i));
      Table table = null;
      if (baseColumn != null) {
        table = catalog.table(pg.getBaseSchemaName(i), pg.getBaseTableName(i)).orElse(null);
      }
      boolean nullable = true;
      if (table != null) {
        for (TableColumn column : table.columns()) {
          if (column.name().equals(baseColumn)) {
            nullable = !column.notNull();
          }
        }
      }
      columns.add(
          new AnalyzedColumn(
              metaData.getColumnLabel(i),
              typeOid,
              nullable,
              table,
              table == null ? null : baseColumn));
    }
    return columns;
  }

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
    Optional<List<Boolean>> inferred = nullability.infer(query.analysisSql(), nullableParameters);
    if (inferred.isPresent() && inferred.get().size() != described.size()) {
      inferred = Optional.empty();
    }
    boolean mayNullExtend = inferred.isEmpty() && mayNullExtend(query.analysisSql());
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

  /**
   * For each parameter written with an array cast ({@code $1::int[][]}), the number of bracket
   * pairs: the only place a statement says how many dimensions an array parameter has.
   */
  private static Map<Integer, Integer> castDimensions(String sql) {
    Map<Integer, Integer> dimensions = new HashMap<>();
    List<Token> tokens = new ArrayList<>();
    for (Token token : SqlLexer.tokenize(sql)) {
      if (!token.trivia()) {
        tokens.add(token);
      }
    }
    for (int i = 0; i + 2 < tokens.size(); i++) {
      if (tokens.get(i).kind() != TokenKind.POSITIONAL_PARAMETER
          || tokens.get(i + 1).kind() != TokenKind.CAST) {
        continue;
      }
      int j = i + 2;
      while (j < tokens.size()
          && (tokens.get(j).kind() == TokenKind.IDENTIFIER
              || tokens.get(j).kind() == TokenKind.QUOTED_IDENTIFIER
              || tokens.get(j).text(sql).equals("."))) {
        j++;
      }
      int pairs = 0;
      while (j + 1 < tokens.size()
          && tokens.get(j).kind() == TokenKind.LEFT_BRACKET
          && tokens.get(j + 1).kind() == TokenKind.RIGHT_BRACKET) {
        pairs++;
        j += 2;
      }
      if (pairs > 1) {
        int number = Integer.parseInt(tokens.get(i).text(sql).substring(1));
        dimensions.merge(number, pairs, Math::max);
      }
    }
    return dimensions;
  }

  /** Whether the statement has an outer join or grouping sets, which can null any column. */
  private static boolean mayNullExtend(String sql) {
    for (Token token : SqlLexer.tokenize(sql)) {
      if (token.kind() == TokenKind.IDENTIFIER) {
        String word = token.text(sql).toLowerCase(Locale.ROOT);
        if (NULL_EXTENDING_WORDS.contains(word)) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Set<String> NULL_EXTENDING_WORDS =
      Set.of("left", "right", "full", "rollup", "cube", "grouping");

  /**
   * The column's type name. The driver reports an integer column with a sequence default as {@code
   * serial}, {@code bigserial} or {@code smallserial}, which are not types; undo that.
   */
  private static String driverTypeName(ResultSetMetaData metaData, int column) throws SQLException {
    String name = metaData.getColumnTypeName(column);
    return switch (name) {
      case "serial" -> "int4";
      case "bigserial" -> "int8";
      case "smallserial" -> "int2";
      default -> name;
    };
  }

  /**
   * A lost connection is no fault of the query: it ends the analysis, naming the query that ran.
   */
  private void failIfConnectionLost(ParsedQuery query, SQLException e) throws SQLException {
    if (ConnectionLoss.is(e, connection)) {
      throw new SQLException(
          "lost the connection while analysing "
              + query.declaration().name()
              + " at "
              + query.declaration().headerLocation()
              + ": "
              + ConnectionLoss.describe(e),
          e.getSQLState(),
          e);
    }
  }

  private void report(ParsedQuery query, PSQLException e, Diagnostics diagnostics) {
    QueryDeclaration declaration = query.declaration();
    ServerErrorMessage server = e.getServerErrorMessage();
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message =
        server != null && server.getMessage() != null ? server.getMessage() : e.getMessage();
    int fileOffset = locate(query, server, message);
    message = renameParameters(query, message);

    StringBuilder text = new StringBuilder(declaration.name()).append(": ").append(message);
    String hint = server == null ? null : server.getHint();
    if (hint != null) {
      Matcher column = COLUMN_HINT.matcher(hint);
      text.append(
          column.matches() ? " (did you mean " + column.group(1) + "?)" : " (" + hint + ")");
    }
    String detail = server == null ? null : server.getDetail();
    if (detail != null) {
      text.append("; ").append(detail);
    }
    Problem problem = Problem.SQL_ERROR;
    if (state.equals("42703") || state.equals("42P01")) {
      problem = Problem.UNKNOWN_NAME;
      explainer.explain(state, message).ifPresent(reason -> text.append("; ").append(reason));
    } else if (state.equals("42P18")) {
      problem = Problem.BAD_PARAMETER;
      text.append("; add a cast that names the type, e.g. @name::text");
    }
    text.append(" [SQLSTATE ").append(state).append("]");
    diagnostics.error(problem, declaration.location(fileOffset), text.toString());
  }

  /** Where in the query file the error is: PostgreSQL's position, else the parameter it names. */
  private static int locate(
      ParsedQuery query, @Nullable ServerErrorMessage server, String message) {
    String sql = query.analysisSql();
    if (server != null && server.getPosition() > PREPARE_PREFIX.length()) {
      // PostgreSQL counts characters (code points) from 1 in the text it was sent.
      int codePoints = server.getPosition() - 1 - PREPARE_PREFIX.length();
      int index;
      try {
        index =
            sql.offsetByCodePoints(0, Math.min(codePoints, sql.codePointCount(0, sql.length())));
      } catch (IndexOutOfBoundsException outside) {
        index = sql.length();
      }
      return query.offsets().fileOffset(index);
    }
    Matcher parameter = PARAMETER_REFERENCE.matcher(message);
    if (parameter.find()) {
      int number = Integer.parseInt(parameter.group(1));
      for (Parameter p : query.parameters()) {
        if (p.number() == number) {
          return p.fileOffset();
        }
      }
    }
    return query.declaration().sqlStart();
  }

  /** PostgreSQL speaks of {@code $2}; the user wrote {@code @email}. */
  private static String renameParameters(ParsedQuery query, String message) {
    Matcher matcher = PARAMETER_REFERENCE.matcher(message);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      int number = Integer.parseInt(matcher.group(1));
      String replacement = matcher.group();
      for (Parameter p : query.parameters()) {
        if (p.number() == number && p.explicitlyNamed()) {
          replacement = "@" + p.name();
        }
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static @Nullable String emptyToNull(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
