package dev.quarry.processor.nullability;

import dev.quarry.processor.catalog.Catalog;
import dev.quarry.processor.catalog.Table;
import dev.quarry.processor.catalog.TableColumn;
import dev.quarry.processor.syntax.TokenList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.CollateExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TimeValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.TimezoneExpression;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import org.jspecify.annotations.Nullable;

/**
 * Infers which result columns of a statement can be NULL from the statement's structure and the
 * schema: PostgreSQL describes a {@code NOT NULL} column read through the nullable side of an outer
 * join as non-null, and every expression ({@code count(*)}, {@code coalesce(x, 'y')}) as unknown,
 * so Quarry works it out itself.
 *
 * <p>The rules never call a column non-null without a reason: anything this inference does not
 * understand is nullable. When it cannot follow the statement at all (JSqlParser cannot parse it,
 * or it uses a construct the rules do not cover in a way that changes the columns), {@link #infer}
 * returns empty and the caller falls back to a conservative rule.
 */
public final class NullabilityInference {
  private static final Set<String> AGGREGATES =
      Set.of(
          "count",
          "sum",
          "avg",
          "min",
          "max",
          "array_agg",
          "string_agg",
          "bool_and",
          "bool_or",
          "every",
          "json_agg",
          "jsonb_agg",
          "json_object_agg",
          "jsonb_object_agg",
          "bit_and",
          "bit_or",
          "bit_xor",
          "stddev",
          "stddev_pop",
          "stddev_samp",
          "variance",
          "var_pop",
          "var_samp",
          "xmlagg",
          "range_agg",
          "range_intersect_agg",
          "any_value",
          "mode",
          "percentile_cont",
          "percentile_disc",
          "corr",
          "covar_pop",
          "covar_samp",
          "regr_count");

  /** Aggregates that under GROUP BY return a value for every group, whatever their inputs. */
  private static final Set<String> GROUP_NEVER_NULL =
      Set.of(
          "count",
          "regr_count",
          "array_agg",
          "json_agg",
          "jsonb_agg",
          "json_object_agg",
          "jsonb_object_agg");

  /** Aggregates that under GROUP BY are non-null when their inputs are. */
  private static final Set<String> GROUP_NON_NULL_ON_NON_NULL_INPUT =
      Set.of(
          "sum",
          "avg",
          "min",
          "max",
          "string_agg",
          "bool_and",
          "bool_or",
          "every",
          "bit_and",
          "bit_or",
          "bit_xor",
          "xmlagg",
          "range_agg",
          "any_value");

  /** Window functions that always give a value. */
  private static final Set<String> RANKING =
      Set.of("row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "count");

  /** Functions that never return NULL, whatever their arguments. */
  private static final Set<String> NEVER_NULL =
      Set.of(
          "now",
          "current_timestamp",
          "current_date",
          "current_time",
          "localtimestamp",
          "localtime",
          "clock_timestamp",
          "statement_timestamp",
          "transaction_timestamp",
          "timeofday",
          "gen_random_uuid",
          "uuid_generate_v4",
          "random",
          "pg_backend_pid",
          "current_user",
          "session_user",
          "current_database",
          "current_schema",
          "version",
          "concat",
          "format",
          "json_build_object",
          "jsonb_build_object",
          "json_build_array",
          "jsonb_build_array",
          "txid_current",
          "pg_current_xact_id",
          "inet_client_addr");

  /**
   * Functions that return a value whenever all their arguments have one. Strictness alone is not
   * enough (e.g. {@code jsonb_extract_path} and {@code array_length} are strict and still return
   * NULL), so this list is kept by hand.
   */
  private static final Set<String> NON_NULL_ON_NON_NULL_INPUT =
      Set.of(
          "lower",
          "upper",
          "length",
          "char_length",
          "character_length",
          "octet_length",
          "bit_length",
          "abs",
          "round",
          "trunc",
          "floor",
          "ceil",
          "ceiling",
          "sign",
          "sqrt",
          "cbrt",
          "power",
          "pow",
          "mod",
          "ln",
          "log",
          "log10",
          "exp",
          "div",
          "md5",
          "sha224",
          "sha256",
          "sha384",
          "sha512",
          "encode",
          "decode",
          "replace",
          "translate",
          "trim",
          "btrim",
          "ltrim",
          "rtrim",
          "lpad",
          "rpad",
          "left",
          "right",
          "repeat",
          "reverse",
          "initcap",
          "split_part",
          "strpos",
          "position",
          "starts_with",
          "to_char",
          "to_timestamp",
          "to_date",
          "to_number",
          "date_trunc",
          "date_part",
          "extract",
          "age",
          "make_date",
          "make_time",
          "make_timestamp",
          "make_timestamptz",
          "make_interval",
          "justify_days",
          "justify_hours",
          "justify_interval",
          "to_json",
          "to_jsonb",
          "row_to_json",
          "array_to_json",
          "jsonb_set",
          "jsonb_insert",
          "jsonb_strip_nulls",
          "jsonb_pretty",
          "json_typeof",
          "jsonb_typeof",
          "cardinality",
          "array_append",
          "array_prepend",
          "array_cat",
          "array_remove",
          "array_replace",
          "array_to_string",
          "string_to_array",
          "array_fill",
          "quote_ident",
          "quote_literal",
          "quote_nullable",
          "chr",
          "ascii",
          "int2",
          "int4",
          "int8",
          "float4",
          "float8",
          "numeric",
          "text",
          "bool",
          "date",
          "timezone",
          "host",
          "family",
          "masklen",
          "numnonnulls",
          "numnulls",
          "num_nonnulls",
          "num_nulls",
          "isfinite",
          "setseed",
          "lag_safe",
          "word_similarity",
          "similarity",
          "tsvector_to_array",
          "to_tsvector",
          "to_tsquery",
          "plainto_tsquery",
          "websearch_to_tsquery",
          "phraseto_tsquery",
          "ts_rank",
          "ts_rank_cd",
          "ts_headline",
          "setweight",
          "strip",
          "numrange",
          "int4range",
          "int8range",
          "tstzrange",
          "tsrange",
          "daterange",
          "lower_inc",
          "upper_inc",
          "isempty",
          "lower_inf",
          "upper_inf");

  /** Bare words PostgreSQL reads as functions although they look like columns. */
  private static final Set<String> KEYWORD_VALUES =
      Set.of(
          "current_user",
          "session_user",
          "user",
          "current_role",
          "current_date",
          "current_timestamp",
          "current_time",
          "localtime",
          "localtimestamp",
          "current_schema",
          "current_catalog");

  private final Catalog catalog;
  private final Map<String, Optional<List<Col>>> views = new HashMap<>();
  private final Set<String> viewsInProgress = new HashSet<>();
  private Set<Integer> nullableParameters = Set.of();

  public NullabilityInference(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Whether each result column of {@code sql} may be NULL ({@code true}), or empty when the
   * statement is beyond these rules.
   *
   * @param sql the statement with {@code $n} parameters
   * @param nullableParameters numbers of the parameters that accept NULL ({@code sqlc.narg})
   */
  public Optional<List<Boolean>> infer(String sql, Set<Integer> nullableParameters) {
    return infer(Statements.parse(sql), nullableParameters);
  }

  /** As {@link #infer(String, Set)}, for a query's prepared text with its tokens. */
  public Optional<List<Boolean>> infer(TokenList statement, Set<Integer> nullableParameters) {
    return infer(Statements.parse(statement), nullableParameters);
  }

  private Optional<List<Boolean>> infer(
      Optional<Statement> parsed, Set<Integer> nullableParameters) {
    this.nullableParameters = nullableParameters;
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    try {
      List<Col> columns = statement(parsed.get());
      List<Boolean> nullable = new ArrayList<>();
      for (Col column : columns) {
        nullable.add(column.nullable());
      }
      return Optional.of(nullable);
    } catch (RuntimeException e) {
      // Unsupported constructs, and anything unexpected in a statement JSqlParser read
      // differently than PostgreSQL does: fall back to the conservative rule.
      return Optional.empty();
    }
  }

  /** A column produced by a relation or a select list: its name and whether it may be NULL. */
  private record Col(String name, boolean nullable) {}

  /** A relation in a FROM list; {@code nullableSide} when an outer join may null-extend it. */
  private static final class Source {
    final @Nullable String alias;
    final String name;
    final List<Col> columns;
    boolean nullableSide;

    Source(@Nullable String alias, String name, List<Col> columns) {
      this.alias = alias;
      this.name = name;
      this.columns = columns;
    }

    boolean answersTo(String qualifier) {
      return alias != null ? alias.equals(qualifier) : name.equals(qualifier);
    }
  }

  /** The relations one query level sees, and the levels around it (for correlated references). */
  private static final class Scope {
    final List<Source> sources = new ArrayList<>();
    final @Nullable Scope outer;
    final Map<String, List<Col>> ctes;
    boolean grouped;
    boolean groupingSets;

    Scope(@Nullable Scope outer, Map<String, List<Col>> ctes) {
      this.outer = outer;
      this.ctes = ctes;
    }
  }

  /** The statement uses something these rules do not follow. */
  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  private List<Col> statement(Statement statement) {
    if (statement instanceof Select select) {
      return select(select, null, Map.of());
    }
    if (statement instanceof Insert insert) {
      Map<String, List<Col>> ctes = withItems(insert.getWithItemsList(), null, Map.of());
      Scope scope = new Scope(null, ctes);
      scope.sources.add(tableSource(insert.getTable(), scope));
      return returning(insert.getReturningClause(), scope);
    }
    if (statement instanceof Update update) {
      Map<String, List<Col>> ctes = withItems(update.getWithItemsList(), null, Map.of());
      Scope scope = new Scope(null, ctes);
      scope.sources.add(tableSource(update.getTable(), scope));
      if (update.getFromItem() != null) {
        fromList(scope, update.getFromItem(), update.getJoins());
      }
      return returning(update.getReturningClause(), scope);
    }
    if (statement instanceof Delete delete) {
      Map<String, List<Col>> ctes = withItems(delete.getWithItemsList(), null, Map.of());
      Scope scope = new Scope(null, ctes);
      scope.sources.add(tableSource(delete.getTable(), scope));
      if (delete.getUsingList() != null) {
        for (net.sf.jsqlparser.schema.Table using : delete.getUsingList()) {
          scope.sources.add(tableSource(using, scope));
        }
      }
      if (delete.getJoins() != null && !delete.getJoins().isEmpty()) {
        throw new Unsupported("DELETE with joins");
      }
      return returning(delete.getReturningClause(), scope);
    }
    throw new Unsupported(statement.getClass().getSimpleName());
  }

  private List<Col> returning(@Nullable List<? extends SelectItem<?>> returning, Scope scope) {
    if (returning == null) {
      return List.of();
    }
    return selectItems(returning, scope);
  }

  private Map<String, List<Col>> withItems(
      @Nullable List<? extends WithItem<?>> items,
      @Nullable Scope outer,
      Map<String, List<Col>> visible) {
    if (items == null || items.isEmpty()) {
      return visible;
    }
    Map<String, List<Col>> ctes = new HashMap<>(visible);
    for (WithItem<?> item : items) {
      String name = unquote(item.getAlias().getName());
      Object body = item.getSelect();
      if (!(body instanceof Select select)) {
        throw new Unsupported("data-modifying WITH");
      }
      List<String> names = new ArrayList<>();
      if (item.getWithItemList() != null) {
        for (SelectItem<?> column : item.getWithItemList()) {
          names.add(unquote(column.toString()));
        }
      }
      List<Col> columns;
      if (item.isRecursive() && unwrap(select) instanceof SetOperationList union) {
        // Start from the non-recursive term, then widen with the recursive term until stable.
        columns = rename(select(union.getSelects().get(0), outer, ctes), names);
        for (int round = 0; round < 8; round++) {
          Map<String, List<Col>> assumed = new HashMap<>(ctes);
          assumed.put(name, columns);
          List<Col> next = rename(select(select, outer, assumed), names);
          List<Col> merged = merge(columns, next);
          if (merged.equals(columns)) {
            break;
          }
          columns = merged;
        }
      } else {
        columns = rename(select(select, outer, ctes), names);
      }
      ctes.put(name, columns);
    }
    return ctes;
  }

  private static Select unwrap(Select select) {
    Select current = select;
    while (current instanceof ParenthesedSelect parenthesed
        && parenthesed.getSelect() != null
        && (parenthesed.getWithItemsList() == null || parenthesed.getWithItemsList().isEmpty())) {
      current = parenthesed.getSelect();
    }
    return current;
  }

  private static List<Col> rename(List<Col> columns, List<String> names) {
    if (names.isEmpty()) {
      return columns;
    }
    if (names.size() > columns.size()) {
      throw new Unsupported("more column names than columns");
    }
    List<Col> renamed = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      renamed.add(
          new Col(
              i < names.size() ? names.get(i) : columns.get(i).name(), columns.get(i).nullable()));
    }
    return renamed;
  }

  private static List<Col> merge(List<Col> a, List<Col> b) {
    if (a.size() != b.size()) {
      throw new Unsupported("set operation branches differ in width");
    }
    List<Col> merged = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      merged.add(new Col(a.get(i).name(), a.get(i).nullable() || b.get(i).nullable()));
    }
    return merged;
  }

  private List<Col> select(Select select, @Nullable Scope outer, Map<String, List<Col>> visible) {
    Map<String, List<Col>> ctes = withItems(select.getWithItemsList(), outer, visible);
    if (select instanceof PlainSelect plain) {
      return plainSelect(plain, outer, ctes);
    }
    if (select instanceof SetOperationList union) {
      List<Col> result = null;
      for (Select branch : union.getSelects()) {
        List<Col> columns = select(branch, outer, ctes);
        result = result == null ? columns : merge(result, columns);
      }
      if (result == null) {
        throw new Unsupported("empty set operation");
      }
      return result;
    }
    if (select instanceof ParenthesedSelect parenthesed && parenthesed.getSelect() != null) {
      return select(parenthesed.getSelect(), outer, ctes);
    }
    throw new Unsupported(select.getClass().getSimpleName());
  }

  private List<Col> plainSelect(
      PlainSelect select, @Nullable Scope outer, Map<String, List<Col>> ctes) {
    Scope scope = new Scope(outer, ctes);
    if (select.getFromItem() != null) {
      fromList(scope, select.getFromItem(), select.getJoins());
    }
    GroupByElement groupBy = select.getGroupBy();
    if (groupBy != null) {
      scope.grouped = true;
      scope.groupingSets =
          groupBy.getGroupingSets() != null && !groupBy.getGroupingSets().isEmpty();
      if (groupBy.getGroupByExpressionList() != null) {
        for (Object expression : groupBy.getGroupByExpressionList()) {
          if (expression instanceof Function function) {
            String name = function.getName().toLowerCase(Locale.ROOT);
            if (name.equals("rollup") || name.equals("cube") || name.startsWith("grouping")) {
              scope.groupingSets = true;
            }
          }
        }
      }
    }
    return selectItems(select.getSelectItems(), scope);
  }

  private List<Col> selectItems(List<? extends SelectItem<?>> items, Scope scope) {
    List<Col> columns = new ArrayList<>();
    for (SelectItem<?> item : items) {
      Expression expression = item.getExpression();
      if (expression instanceof AllTableColumns all) {
        Source source = find(scope, qualifier(all.getTable()));
        if (source == null) {
          throw new Unsupported("unknown relation in " + all);
        }
        for (Col column : source.columns) {
          columns.add(
              new Col(
                  column.name(), column.nullable() || source.nullableSide || scope.groupingSets));
        }
      } else if (expression instanceof AllColumns) {
        for (Source source : scope.sources) {
          for (Col column : source.columns) {
            columns.add(
                new Col(
                    column.name(), column.nullable() || source.nullableSide || scope.groupingSets));
          }
        }
      } else {
        String name =
            item.getAlias() != null ? unquote(item.getAlias().getName()) : outputName(expression);
        columns.add(new Col(name, nullable(expression, scope)));
      }
    }
    return columns;
  }

  private static String outputName(Expression expression) {
    if (expression instanceof Column column) {
      return unquote(column.getColumnName());
    }
    if (expression instanceof Function function) {
      return lastPart(function.getName());
    }
    return "?column?";
  }

  /**
   * Adds a FROM list: its first item, then each join, marking the sides outer joins null-extend.
   */
  private void fromList(Scope scope, FromItem first, @Nullable List<Join> joins) {
    int start = scope.sources.size();
    fromItem(scope, first);
    if (joins == null) {
      return;
    }
    for (Join join : joins) {
      if (join.isNatural()
          || (join.getUsingColumns() != null && !join.getUsingColumns().isEmpty())) {
        // USING and NATURAL merge columns in ways a * expansion must follow; stay safe.
        throw new Unsupported("USING or NATURAL join");
      }
      int before = scope.sources.size();
      fromItem(scope, join.getFromItem());
      int after = scope.sources.size();
      boolean nullRight = join.isLeft() || join.isFull();
      boolean nullLeft = join.isRight() || join.isFull();
      if (nullRight) {
        for (int i = before; i < after; i++) {
          scope.sources.get(i).nullableSide = true;
        }
      }
      if (nullLeft) {
        for (int i = start; i < before; i++) {
          scope.sources.get(i).nullableSide = true;
        }
      }
    }
  }

  private void fromItem(Scope scope, FromItem item) {
    if (item instanceof net.sf.jsqlparser.schema.Table table) {
      scope.sources.add(tableSource(table, scope));
    } else if (item instanceof ParenthesedFromItem nested) {
      // (a JOIN b): its joins null-extend only what is inside the parentheses.
      Scope inner = new Scope(scope, scope.ctes);
      inner.sources.addAll(scope.sources);
      int start = inner.sources.size();
      fromList(inner, nested.getFromItem(), nested.getJoins());
      for (int i = start; i < inner.sources.size(); i++) {
        scope.sources.add(inner.sources.get(i));
      }
      if (nested.getAlias() != null) {
        throw new Unsupported("aliased join");
      }
    } else if (item instanceof ParenthesedSelect subquery) {
      // A LATERAL subquery sees the relations before it; seeing them does no harm otherwise.
      List<Col> columns = select(subquery, scope, scope.ctes);
      String alias = subquery.getAlias() == null ? null : unquote(subquery.getAlias().getName());
      columns = rename(columns, aliasColumns(subquery.getAlias()));
      scope.sources.add(new Source(alias, alias == null ? "?subquery?" : alias, columns));
    } else if (item instanceof TableFunction function) {
      scope.sources.add(functionSource(function, scope));
    } else {
      throw new Unsupported(item.getClass().getSimpleName());
    }
  }

  private Source functionSource(TableFunction item, Scope scope) {
    Function function = item.getFunction();
    String name = lastPart(function.getName());
    String alias = item.getAlias() == null ? null : unquote(item.getAlias().getName());
    List<String> names = aliasColumns(item.getAlias());
    boolean nullable =
        !name.equals("generate_series") || anyNullable(function.getParameters(), scope);
    List<Col> columns = new ArrayList<>();
    if (names.isEmpty()) {
      columns.add(new Col(alias != null ? alias : name, nullable));
    } else {
      for (String column : names) {
        columns.add(new Col(column, nullable));
      }
    }
    return new Source(alias, name, columns);
  }

  private static List<String> aliasColumns(net.sf.jsqlparser.expression.@Nullable Alias alias) {
    List<String> names = new ArrayList<>();
    if (alias != null && alias.getAliasColumns() != null) {
      for (net.sf.jsqlparser.expression.Alias.AliasColumn column : alias.getAliasColumns()) {
        names.add(unquote(column.name));
      }
    }
    return names;
  }

  private Source tableSource(net.sf.jsqlparser.schema.Table table, Scope scope) {
    String name = unquote(table.getName());
    String schema = table.getSchemaName() == null ? null : unquote(table.getSchemaName());
    String alias = table.getAlias() == null ? null : unquote(table.getAlias().getName());
    List<Col> columns;
    List<Col> cte = schema == null ? cte(scope, name) : null;
    if (cte != null) {
      columns = cte;
    } else {
      Optional<Table> found = catalog.resolveTable(schema, name);
      if (found.isPresent()) {
        columns = new ArrayList<>();
        for (TableColumn column : found.get().columns()) {
          columns.add(new Col(column.name(), !column.notNull()));
        }
      } else {
        Optional<Catalog.View> view = catalog.resolveView(schema, name);
        if (view.isEmpty()) {
          throw new Unsupported("unknown relation " + name);
        }
        columns = viewColumns(view.get());
      }
    }
    return new Source(alias, name, rename(columns, aliasColumns(table.getAlias())));
  }

  private static @Nullable List<Col> cte(Scope scope, String name) {
    for (Scope s = scope; s != null; s = s.outer) {
      List<Col> columns = s.ctes.get(name);
      if (columns != null) {
        return columns;
      }
    }
    return null;
  }

  /**
   * Whether each column of a view may be NULL, inferred from its definition; nullable throughout
   * when the definition is beyond these rules.
   */
  public List<Boolean> viewNullability(Catalog.View view) {
    List<Boolean> nullable = new ArrayList<>();
    for (Col column : viewColumns(view)) {
      nullable.add(column.nullable());
    }
    return nullable;
  }

  /** A view's columns, inferred from its definition; nullable throughout when beyond the rules. */
  private List<Col> viewColumns(Catalog.View view) {
    String key = view.columns().schema() + "." + view.columns().name();
    Optional<List<Col>> cached = views.get(key);
    if (cached == null) {
      Optional<List<Col>> inferred = Optional.empty();
      if (viewsInProgress.add(key)) {
        try {
          Optional<Statement> statement = Statements.parse(view.definition());
          List<Col> columns = statement.isPresent() ? statement(statement.get()) : List.of();
          if (statement.isPresent() && columns.size() == view.columns().columns().size()) {
            inferred = Optional.of(columns);
          }
        } catch (RuntimeException e) {
          inferred = Optional.empty();
        } finally {
          viewsInProgress.remove(key);
        }
      }
      views.put(key, inferred);
      cached = inferred;
    }
    List<Col> columns = new ArrayList<>();
    List<TableColumn> declared = view.columns().columns();
    for (int i = 0; i < declared.size(); i++) {
      boolean nullable = cached.isEmpty() || cached.get().get(i).nullable();
      columns.add(new Col(declared.get(i).name(), nullable));
    }
    return columns;
  }

  private static @Nullable Source find(Scope scope, @Nullable String qualifier) {
    for (Scope s = scope; s != null; s = s.outer) {
      for (Source source : s.sources) {
        if (qualifier != null && source.answersTo(qualifier)) {
          return source;
        }
      }
    }
    return null;
  }

  private static @Nullable String qualifier(net.sf.jsqlparser.schema.@Nullable Table table) {
    return table == null || table.getName() == null ? null : unquote(table.getName());
  }

  /** Whether {@code expression} may be NULL in {@code scope}. */
  private boolean nullable(@Nullable Expression expression, Scope scope) {
    if (expression == null || expression instanceof NullValue) {
      return true;
    }
    if (expression instanceof LongValue
        || expression instanceof DoubleValue
        || expression instanceof StringValue
        || expression instanceof BooleanValue
        || expression instanceof HexValue
        || expression instanceof DateValue
        || expression instanceof TimeValue
        || expression instanceof TimestampValue
        || expression instanceof DateTimeLiteralExpression
        || expression instanceof TimeKeyExpression) {
      return false;
    }
    if (expression instanceof JdbcParameter parameter) {
      return parameter.getIndex() == null || nullableParameters.contains(parameter.getIndex());
    }
    if (expression instanceof JdbcNamedParameter) {
      return false;
    }
    if (expression instanceof Column column) {
      return columnNullable(column, scope);
    }
    if (expression instanceof CastExpression cast) {
      return nullable(cast.getLeftExpression(), scope);
    }
    if (expression instanceof ParenthesedExpressionList<?> list) {
      return list.size() == 1 ? nullable(list.get(0), scope) : false;
    }
    if (expression instanceof SignedExpression signed) {
      return nullable(signed.getExpression(), scope);
    }
    if (expression instanceof NotExpression not) {
      return nullable(not.getExpression(), scope);
    }
    if (expression instanceof IsNullExpression
        || expression instanceof IsBooleanExpression
        || expression instanceof IsDistinctExpression
        || expression instanceof ExistsExpression
        || expression instanceof ArrayConstructor) {
      return false;
    }
    if (expression instanceof IntervalExpression interval) {
      return interval.getExpression() != null && nullable(interval.getExpression(), scope);
    }
    if (expression instanceof Between between) {
      return nullable(between.getLeftExpression(), scope)
          || nullable(between.getBetweenExpressionStart(), scope)
          || nullable(between.getBetweenExpressionEnd(), scope);
    }
    if (expression instanceof InExpression in) {
      if (!(in.getRightExpression() instanceof ExpressionList<?> list)
          || in.getRightExpression() instanceof ParenthesedSelect) {
        return true;
      }
      return nullable(in.getLeftExpression(), scope) || anyNullable(list, scope);
    }
    if (expression instanceof JsonExpression
        || expression instanceof ArrayExpression
        || expression instanceof ParenthesedSelect) {
      return true;
    }
    if (expression instanceof BinaryExpression binary) {
      return binaryNullable(binary, scope);
    }
    if (expression instanceof CaseExpression caseExpression) {
      if (caseExpression.getElseExpression() == null
          || nullable(caseExpression.getElseExpression(), scope)) {
        return true;
      }
      for (WhenClause when : caseExpression.getWhenClauses()) {
        if (nullable(when.getThenExpression(), scope)) {
          return true;
        }
      }
      return false;
    }
    if (expression instanceof TimezoneExpression timezone) {
      return nullable(timezone.getLeftExpression(), scope);
    }
    if (expression instanceof ExtractExpression extract) {
      return nullable(extract.getExpression(), scope);
    }
    if (expression instanceof CollateExpression collate) {
      return nullable(collate.getLeftExpression(), scope);
    }
    if (expression instanceof AnalyticExpression analytic) {
      return analyticNullable(analytic, scope);
    }
    if (expression instanceof Function function) {
      return functionNullable(function, scope);
    }
    return true;
  }

  private boolean binaryNullable(BinaryExpression binary, Scope scope) {
    // "= ANY (array)" is NULL when the array holds a NULL and nothing matched.
    if (binary.getRightExpression() instanceof net.sf.jsqlparser.expression.AnyComparisonExpression
        || binary.getLeftExpression()
            instanceof net.sf.jsqlparser.expression.AnyComparisonExpression) {
      return true;
    }
    return nullable(binary.getLeftExpression(), scope)
        || nullable(binary.getRightExpression(), scope);
  }

  private boolean columnNullable(Column column, Scope scope) {
    if (column.getArrayConstructor() != null) {
      return true;
    }
    String name = unquote(column.getColumnName());
    String qualifier = qualifier(column.getTable());
    for (Scope s = scope; s != null; s = s.outer) {
      for (Source source : s.sources) {
        if (qualifier != null && !source.answersTo(qualifier)) {
          continue;
        }
        for (Col candidate : source.columns) {
          if (candidate.name().equals(name)) {
            return candidate.nullable() || source.nullableSide || s.groupingSets;
          }
        }
        if (qualifier == null && source.answersTo(name)) {
          // A whole-row reference: SELECT t FROM t.
          return source.nullableSide;
        }
      }
    }
    if (qualifier == null && KEYWORD_VALUES.contains(name.toLowerCase(Locale.ROOT))) {
      return false;
    }
    return true;
  }

  private boolean functionNullable(Function function, Scope scope) {
    String name = lastPart(function.getName());
    ExpressionList<?> arguments = function.getParameters();
    if (function.getNamedParameters() != null) {
      return true;
    }
    if (AGGREGATES.contains(name)) {
      return aggregateNullable(name, arguments, scope);
    }
    if (NEVER_NULL.contains(name)) {
      return false;
    }
    switch (name) {
      case "array":
        // ARRAY(subquery) gives an empty array, not NULL, when the subquery has no rows.
        return false;
      case "coalesce", "greatest", "least":
        if (arguments == null) {
          return true;
        }
        for (Expression argument : arguments) {
          if (!nullable(argument, scope)) {
            return false;
          }
        }
        return true;
      case "concat_ws":
        return arguments == null || arguments.isEmpty() || nullable(arguments.get(0), scope);
      default:
        break;
    }
    if (NON_NULL_ON_NON_NULL_INPUT.contains(name)) {
      return anyNullable(arguments, scope);
    }
    return true;
  }

  private boolean aggregateNullable(
      String name, @Nullable ExpressionList<?> arguments, Scope scope) {
    if (name.equals("count") || name.equals("regr_count")) {
      return false;
    }
    // Without GROUP BY an aggregate over no rows still gives one row, of NULL.
    if (!scope.grouped) {
      return true;
    }
    if (GROUP_NEVER_NULL.contains(name)) {
      return false;
    }
    return !GROUP_NON_NULL_ON_NON_NULL_INPUT.contains(name) || anyNullable(arguments, scope);
  }

  private boolean analyticNullable(AnalyticExpression analytic, Scope scope) {
    String name = lastPart(analytic.getName());
    net.sf.jsqlparser.expression.AnalyticType type = analytic.getType();
    boolean window =
        type == net.sf.jsqlparser.expression.AnalyticType.OVER
            || type == net.sf.jsqlparser.expression.AnalyticType.WITHIN_GROUP_OVER;
    if (window) {
      return !RANKING.contains(name);
    }
    if (analytic.getFilterExpression() != null) {
      // FILTER may leave a group without rows: only count still gives a value then.
      return !name.equals("count");
    }
    ExpressionList<?> arguments =
        analytic.getExpression() == null ? null : new ExpressionList<>(analytic.getExpression());
    return aggregateNullable(name, arguments, scope);
  }

  private boolean anyNullable(@Nullable ExpressionList<?> arguments, Scope scope) {
    if (arguments == null) {
      return false;
    }
    for (Expression argument : arguments) {
      if (nullable(argument, scope)) {
        return true;
      }
    }
    return false;
  }

  private static String lastPart(String name) {
    String lower = unquote(name).toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    return dot < 0 ? lower : lower.substring(dot + 1);
  }

  /** An identifier as PostgreSQL stores it: quoted ones as written, bare ones lower-cased. */
  static String unquote(String identifier) {
    if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
      return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
    }
    return identifier.toLowerCase(Locale.ROOT);
  }
}
