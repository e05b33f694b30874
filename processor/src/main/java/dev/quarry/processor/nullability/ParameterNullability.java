package dev.quarry.processor.nullability;

import dev.quarry.processor.syntax.TokenList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.util.TablesNamesFinder;
import org.jspecify.annotations.Nullable;

/**
 * Infers which parameters accept NULL from where the statement uses them (docs/nullability.md,
 * "Parameters"). A parameter accepts NULL when one of its uses is a place where NULL means
 * something, and none of its uses stores it into a {@code NOT NULL} column:
 *
 * <ul>
 *   <li>{@link Rule#NULLABLE_COLUMN}: it is the value ({@code $n} or {@code $n::type}) stored into
 *       a nullable column by {@code INSERT ... VALUES}, {@code INSERT ... SELECT}, {@code UPDATE
 *       ... SET} or {@code ON CONFLICT DO UPDATE SET}, also as a branch of a {@code CASE} that is
 *       the stored value, and in data-modifying CTEs;
 *   <li>{@link Rule#NULL_TEST}: {@code $n IS [NOT] NULL};
 *   <li>{@link Rule#DISTINCT_FROM}: either side of {@code IS [NOT] DISTINCT FROM};
 *   <li>{@link Rule#COALESCE}: an argument of {@code coalesce} or {@code nullif}.
 * </ul>
 *
 * A comparison ({@code col = $n}) never makes a parameter nullable: NULL matches no row there.
 */
public final class ParameterNullability {
  /** Why a parameter accepts NULL. */
  public enum Rule {
    NULLABLE_COLUMN,
    NULL_TEST,
    DISTINCT_FROM,
    COALESCE
  }

  /** What the rules need from the schema. */
  public interface Columns {
    /**
     * The columns of the table named so, in order, each with whether it is nullable; empty when
     * there is no such table.
     */
    Optional<Map<String, Boolean>> of(@Nullable String schema, String table);
  }

  private final Columns columns;

  public ParameterNullability(Columns columns) {
    this.columns = columns;
  }

  /**
   * The parameters of {@code sql} (by number) that accept NULL, each with the first rule that says
   * so; empty when JSqlParser cannot read the statement.
   */
  public Map<Integer, Rule> nullable(String sql) {
    return nullable(Statements.parse(sql));
  }

  /** As {@link #nullable(String)}, for a query's prepared text with its tokens. */
  public Map<Integer, Rule> nullable(TokenList statement) {
    return nullable(Statements.parse(statement));
  }

  private Map<Integer, Rule> nullable(Optional<Statement> parsed) {
    if (parsed.isEmpty()) {
      return Map.of();
    }
    Statement statement = parsed.get();
    Map<Integer, Rule> accepting = new TreeMap<>();
    Set<Integer> notNullTargets = new HashSet<>();
    try {
      new Finder(accepting).getTables(statement);
    } catch (RuntimeException e) {
      // TablesNamesFinder refuses a few constructs; the INSERT and UPDATE rules still apply.
    }
    try {
      List<WithItem<?>> with = null;
      if (statement instanceof Insert insert) {
        insert(insert, accepting, notNullTargets);
        with = insert.getWithItemsList();
      } else if (statement instanceof Update update) {
        update(update, accepting, notNullTargets);
        with = update.getWithItemsList();
      } else if (statement instanceof Select select) {
        with = select.getWithItemsList();
      } else if (statement instanceof net.sf.jsqlparser.statement.delete.Delete delete) {
        with = delete.getWithItemsList();
      }
      // Data-modifying CTEs: WITH x AS (INSERT ... VALUES (@a) RETURNING ...) SELECT ...
      if (with != null) {
        for (WithItem<?> item : with) {
          if (item.getInsert() != null) {
            Insert inner = item.getInsert().getInsert();
            insert(inner != null ? inner : item.getInsert(), accepting, notNullTargets);
          } else if (item.getUpdate() != null) {
            Update inner = item.getUpdate().getUpdate();
            update(inner != null ? inner : item.getUpdate(), accepting, notNullTargets);
          }
        }
      }
    } catch (RuntimeException e) {
      return Map.of();
    }
    accepting.keySet().removeAll(notNullTargets);
    return accepting;
  }

  private void insert(Insert insert, Map<Integer, Rule> accepting, Set<Integer> notNullTargets) {
    Map<String, Boolean> table = table(insert.getTable());
    if (table.isEmpty()) {
      return;
    }
    List<String> targets = new ArrayList<>();
    if (insert.getColumns() != null && !insert.getColumns().isEmpty()) {
      for (Column column : insert.getColumns()) {
        targets.add(NullabilityInference.unquote(column.getColumnName()));
      }
    } else {
      targets.addAll(table.keySet());
    }
    Select source = insert.getSelect();
    if (source instanceof Values values) {
      ExpressionList<?> rows = values.getExpressions();
      List<ExpressionList<?>> all = new ArrayList<>();
      if (rows instanceof ParenthesedExpressionList<?>) {
        all.add(rows);
      } else if (rows != null) {
        for (Object row : rows) {
          if (row instanceof ExpressionList<?> list) {
            all.add(list);
          } else {
            all.add(new ExpressionList<>((Expression) row));
          }
        }
      }
      for (ExpressionList<?> row : all) {
        for (int i = 0; i < row.size() && i < targets.size(); i++) {
          bind((Expression) row.get(i), table.get(targets.get(i)), accepting, notNullTargets);
        }
      }
    } else if (source instanceof PlainSelect plain && plain.getSelectItems() != null) {
      List<SelectItem<?>> items = plain.getSelectItems();
      for (int i = 0; i < items.size() && i < targets.size(); i++) {
        bind(items.get(i).getExpression(), table.get(targets.get(i)), accepting, notNullTargets);
      }
    }
    if (insert.getConflictAction() != null && insert.getConflictAction().getUpdateSets() != null) {
      sets(insert.getConflictAction().getUpdateSets(), table, accepting, notNullTargets);
    }
  }

  private void update(Update update, Map<Integer, Rule> accepting, Set<Integer> notNullTargets) {
    sets(update.getUpdateSets(), table(update.getTable()), accepting, notNullTargets);
  }

  private void sets(
      @Nullable List<UpdateSet> sets,
      Map<String, Boolean> table,
      Map<Integer, Rule> accepting,
      Set<Integer> notNullTargets) {
    if (sets == null || table.isEmpty()) {
      return;
    }
    for (UpdateSet set : sets) {
      ExpressionList<?> values = set.getValues();
      if (values == null) {
        continue;
      }
      List<?> flat = values;
      if (set.getColumns().size() > 1
          && values.size() == 1
          && values.get(0) instanceof ExpressionList<?> inner) {
        flat = inner;
      }
      for (int i = 0; i < set.getColumns().size() && i < flat.size(); i++) {
        if (flat.get(i) instanceof Expression value) {
          String name = NullabilityInference.unquote(set.getColumns().get(i).getColumnName());
          bind(value, table.get(name), accepting, notNullTargets);
        }
      }
    }
  }

  /**
   * A value stored into a column: nullable when the column is, an error for NULL when it is not.
   */
  private static void bind(
      @Nullable Expression value,
      @Nullable Boolean columnNullable,
      Map<Integer, Rule> accepting,
      Set<Integer> notNullTargets) {
    if (value instanceof CaseExpression choice && columnNullable != null) {
      // SET col = CASE WHEN @set THEN @value ELSE col END: each branch is stored into col.
      if (choice.getWhenClauses() != null) {
        for (WhenClause when : choice.getWhenClauses()) {
          bind(when.getThenExpression(), columnNullable, accepting, notNullTargets);
        }
      }
      bind(choice.getElseExpression(), columnNullable, accepting, notNullTargets);
      return;
    }
    Integer number = parameter(value);
    if (number == null || columnNullable == null) {
      return;
    }
    if (columnNullable) {
      accepting.putIfAbsent(number, Rule.NULLABLE_COLUMN);
    } else {
      notNullTargets.add(number);
    }
  }

  private Map<String, Boolean> table(@Nullable Table table) {
    if (table == null) {
      return Map.of();
    }
    String schema = table.getSchemaName();
    return columns
        .of(
            schema == null ? null : NullabilityInference.unquote(schema),
            NullabilityInference.unquote(table.getName()))
        .orElse(Map.of());
  }

  /** The number of the parameter {@code expression} is, through casts and parentheses. */
  static @Nullable Integer parameter(@Nullable Expression expression) {
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
    return current instanceof JdbcParameter parameter ? parameter.getIndex() : null;
  }

  /** Walks every expression of the statement, subqueries and CTEs included. */
  private static final class Finder extends TablesNamesFinder<Void> {
    private final Map<Integer, Rule> accepting;

    Finder(Map<Integer, Rule> accepting) {
      this.accepting = accepting;
    }

    private void accept(@Nullable Expression expression, Rule rule) {
      Integer number = parameter(expression);
      if (number != null) {
        accepting.putIfAbsent(number, rule);
      }
    }

    @Override
    public <S> Void visit(IsNullExpression isNull, S context) {
      accept(isNull.getLeftExpression(), Rule.NULL_TEST);
      return super.visit(isNull, context);
    }

    @Override
    public <S> Void visit(IsDistinctExpression distinct, S context) {
      accept(distinct.getLeftExpression(), Rule.DISTINCT_FROM);
      accept(distinct.getRightExpression(), Rule.DISTINCT_FROM);
      return super.visit(distinct, context);
    }

    @Override
    public <S> Void visit(Function function, S context) {
      String name = function.getName() == null ? "" : function.getName().toLowerCase(Locale.ROOT);
      if ((name.equals("coalesce") || name.equals("nullif")) && function.getParameters() != null) {
        for (Object argument : function.getParameters()) {
          if (argument instanceof Expression expression) {
            accept(expression, Rule.COALESCE);
          }
        }
      }
      return super.visit(function, context);
    }
  }
}
