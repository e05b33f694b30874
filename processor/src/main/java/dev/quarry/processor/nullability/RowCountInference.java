package dev.quarry.processor.nullability;

import dev.quarry.processor.syntax.TokenList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnalyticType;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.ConflictActionType;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.Values;
import org.jspecify.annotations.Nullable;

/**
 * Decides from a statement's structure whether PostgreSQL returns exactly one row for it, whatever
 * the data and the parameters: then a {@code :one} method returns its row, not an {@code Optional}.
 *
 * <p>The rules (see docs/commands.md, "Exactly one row"):
 *
 * <ul>
 *   <li>{@code SELECT} of expressions without {@code FROM}, {@code WHERE}, {@code HAVING}, {@code
 *       LIMIT}/{@code OFFSET}/{@code FETCH} or a set-returning function; {@code VALUES} of one row;
 *   <li>{@code SELECT} with an aggregate and without {@code GROUP BY}, {@code HAVING}, {@code
 *       LIMIT}/{@code OFFSET}/{@code FETCH} or a set-returning function in its select list;
 *   <li>{@code INSERT ... RETURNING} into an ordinary or partitioned table without {@code DO
 *       INSTEAD} rules for INSERT, whose source is {@code VALUES} of one row, {@code DEFAULT
 *       VALUES}, or a {@code SELECT} one of the rules above gives one row; without {@code ON
 *       CONFLICT DO NOTHING}, and without a {@code WHERE} on {@code ON CONFLICT DO UPDATE}.
 * </ul>
 *
 * Anything else, and anything JSqlParser cannot read, is not guaranteed. Triggers can still skip a
 * row (a {@code BEFORE} trigger returning NULL); generated code checks at run time.
 */
public final class RowCountInference {
  /** What the rules need to know about the schema. */
  public interface Facts {
    /** Whether some function of this (lower-case) name returns a set. */
    boolean returnsSet(String function);

    /** Whether every function of this (lower-case) name is an aggregate. */
    boolean isAggregate(String function);

    /**
     * Whether an INSERT into the table named so returns the rows it inserts: an ordinary or
     * partitioned table without a {@code DO INSTEAD} rule for INSERT.
     */
    boolean insertsPlainly(@Nullable String schema, String table);
  }

  private final Facts facts;

  public RowCountInference(Facts facts) {
    this.facts = facts;
  }

  /** Whether {@code sql} (with {@code $n} parameters) always returns exactly one row. */
  public boolean exactlyOneRow(String sql) {
    return exactlyOneRow(Statements.parse(sql));
  }

  /** As {@link #exactlyOneRow(String)}, for a query's prepared text with its tokens. */
  public boolean exactlyOneRow(TokenList statement) {
    return exactlyOneRow(Statements.parse(statement));
  }

  private boolean exactlyOneRow(Optional<Statement> parsed) {
    if (parsed.isEmpty()) {
      return false;
    }
    Statement statement = parsed.get();
    try {
      if (statement instanceof Select select) {
        return oneRow(select);
      }
      if (statement instanceof Insert insert) {
        return oneRow(insert);
      }
      return false;
    } catch (FactsUnavailable e) {
      throw e;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Thrown by {@link Facts} that cannot answer (the database connection failed). */
  public static final class FactsUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FactsUnavailable(Exception cause) {
      super(cause.getMessage(), cause);
    }
  }

  private boolean oneRow(Insert insert) {
    if (insert.getReturningClause() == null || insert.getTable() == null) {
      return false;
    }
    InsertConflictAction conflict = insert.getConflictAction();
    if (conflict != null) {
      if (conflict.getConflictActionType() != ConflictActionType.DO_UPDATE
          || conflict.getWhereExpression() != null) {
        return false;
      }
    }
    if (insert.getDuplicateAction() != null || insert.isModifierIgnore()) {
      return false;
    }
    String schema = insert.getTable().getSchemaName();
    if (!facts.insertsPlainly(
        schema == null ? null : NullabilityInference.unquote(schema),
        NullabilityInference.unquote(insert.getTable().getName()))) {
      return false;
    }
    if (insert.isOnlyDefaultValues()) {
      return true;
    }
    Select source = insert.getSelect();
    return source != null && oneRow(source);
  }

  private boolean oneRow(Select select) {
    if (select.getLimit() != null
        || select.getOffset() != null
        || select.getFetch() != null
        || select.getLimitBy() != null) {
      return false;
    }
    if (select instanceof ParenthesedSelect parenthesed) {
      return parenthesed.getSelect() != null && oneRow(parenthesed.getSelect());
    }
    if (select instanceof Values values) {
      // VALUES (a, b) reads as the row's own parenthesised list; VALUES (a), (b) as a plain list
      // of rows.
      ExpressionList<?> rows = values.getExpressions();
      return rows instanceof ParenthesedExpressionList<?>
          || (rows != null && rows.size() == 1 && rows.get(0) instanceof ParenthesedExpressionList);
    }
    if (!(select instanceof PlainSelect plain)) {
      return false; // UNION, INTERSECT, EXCEPT
    }
    if (plain.getHaving() != null
        || plain.getQualify() != null
        || plain.getTop() != null
        || plain.getIntoTables() != null && !plain.getIntoTables().isEmpty()) {
      return false;
    }
    Functions calls = functions(plain.getSelectItems());
    if (calls.setReturning) {
      return false;
    }
    if (plain.getFromItem() == null) {
      return plain.getWhere() == null && plain.getGroupBy() == null;
    }
    return plain.getGroupBy() == null && calls.aggregate;
  }

  /** What the function calls of a select list are, not looking into subqueries. */
  private static final class Functions {
    boolean aggregate;
    boolean setReturning;
  }

  private Functions functions(List<SelectItem<?>> items) {
    Functions found = new Functions();
    ExpressionVisitorAdapter<Void> visitor =
        new ExpressionVisitorAdapter<>() {
          @Override
          public <S> Void visit(Function function, S context) {
            String name = name(function.getName());
            if (facts.isAggregate(name)) {
              found.aggregate = true;
            }
            if (facts.returnsSet(name)) {
              found.setReturning = true;
            }
            return super.visit(function, context);
          }

          @Override
          public <S> Void visit(AnalyticExpression analytic, S context) {
            // count(*) FILTER (WHERE ...) and percentile_cont(...) WITHIN GROUP (...) aggregate;
            // anything with OVER is a window function, computed per row.
            AnalyticType type = analytic.getType();
            if ((type == AnalyticType.FILTER_ONLY || type == AnalyticType.WITHIN_GROUP)
                && facts.isAggregate(name(analytic.getName()))) {
              found.aggregate = true;
            }
            return super.visit(analytic, context);
          }

          @Override
          public <S> Void visit(ParenthesedSelect subquery, S context) {
            return null; // a scalar subquery gives one value, whatever its rows
          }

          @Override
          public <S> Void visit(Select subquery, S context) {
            return null;
          }
        };
    for (SelectItem<?> item : items) {
      Expression expression = item.getExpression();
      if (expression != null) {
        expression.accept(visitor, null);
      }
    }
    return found;
  }

  private static String name(@Nullable String name) {
    if (name == null) {
      return "";
    }
    int dot = name.lastIndexOf('.');
    String last = dot >= 0 ? name.substring(dot + 1) : name;
    return NullabilityInference.unquote(last).toLowerCase(Locale.ROOT);
  }
}
